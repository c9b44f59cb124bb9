import { ClusterClock } from '../cluster-clock.js';
import { connectCluster, type ClusterConnectionOptions } from '../hazelcast-client.js';
import { JobRepository } from '../job-repository.js';
import { NodeRegistry } from '../node-registry.js';
import { SlotLedger } from '../slot-ledger.js';
import type { DocBackend } from './doc-map.js';
import { HazelcastDocBackend } from './hazelcast-doc-map.js';

/**
 * Everything a node shares with the others — jobs, live nodes, slot reservations, the simulation
 * clock — written once over a DocBackend: a Hazelcast cluster, or an in-process one.
 */
export interface Store {
  jobs: JobRepository;
  nodes: NodeRegistry;
  slots: SlotLedger;
  clock: ClusterClock;
  /** Which kind of store this is (logged at start). */
  kind: 'hazelcast' | 'memory';
  /** Releases the connection (the shared data stays for the other nodes). */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** This node's simulation speed (the first node to join sets the cluster's). */
  speed: number;
  warn?: (message: string, error: unknown) => void;
}

/** The store's parts over a backend. */
export async function openStore(backend: DocBackend, kind: Store['kind'], options: StoreOptions, close: () => Promise<void>): Promise<Store> {
  const [jobs, nodes, slots, clock] = await Promise.all([
    JobRepository.open(backend, options.warn ? { warn: options.warn } : {}),
    NodeRegistry.open(backend),
    SlotLedger.open(backend),
    ClusterClock.open(backend, options.speed),
  ]);
  return { jobs, nodes, slots, clock, kind, close };
}

/** The store of a Hazelcast cluster: connects a client (which reconnects by itself for as long as the node lives). */
export async function connectHazelcastStore(connection: ClusterConnectionOptions, options: StoreOptions): Promise<Store> {
  const client = await connectCluster(connection);
  try {
    return await openStore(new HazelcastDocBackend(client), 'hazelcast', options, () => client.shutdown());
  } catch (error) {
    await client.shutdown().catch(() => undefined);
    throw error;
  }
}
