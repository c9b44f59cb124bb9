import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDocBackend } from '@seatunnel-sim/cluster';
import { acquireTestMember, TEST_CLUSTER_NAME, type TestMember } from '@seatunnel-sim/cluster/testing';
import { createLogger, loadNodeConfig, startNode, type NodeConfigInput, type NodeOptions, type RunningNode } from '../src/index.js';

/**
 * Where a test's nodes keep their shared state. Server logic runs over the in-memory store (the
 * same port as Hazelcast, held to it by packages/cluster/test/store-contract.test.ts), so these
 * tests take milliseconds; tests about the Hazelcast wiring itself ask for `hazelcast`, a real
 * member (the run's shared one, or one of its own on `isolatedMemberPort`).
 */
export type TestStoreKind = 'memory' | 'hazelcast';

export interface TestStore {
  kind: TestStoreKind;
  /** The cluster name the nodes report (telemetry labels, health). */
  clusterName: string;
  /** Settings every node of this store needs (the member's address and cluster name). */
  env: Record<string, string>;
  options: NodeOptions;
  release(): Promise<void>;
}

export async function openTestStore(kind: TestStoreKind, isolatedMemberPort?: number): Promise<TestStore> {
  if (kind === 'memory') {
    const backend = new MemoryDocBackend();
    const clusterName = TEST_CLUSTER_NAME;
    return { kind, clusterName, env: { SEATUNNEL_SIM_HZ_CLUSTER_NAME: clusterName }, options: { memory: backend }, release: async () => backend.close() };
  }
  const member: TestMember = await acquireTestMember(isolatedMemberPort, isolatedMemberPort !== undefined);
  return {
    kind,
    clusterName: member.clusterName,
    env: { SEATUNNEL_SIM_HZ_MEMBERS: member.address, SEATUNNEL_SIM_HZ_CLUSTER_NAME: member.clusterName },
    options: {},
    release: () => member.release(),
  };
}

let logDirs = 0;

/** A log directory of its own for each test node. */
export const testLogDir = (): string => join(tmpdir(), `seatunnel-sim-test-${process.pid}-${logDirs++}`);

/** One node over `store`, configured by SEATUNNEL_SIM_* settings (and config overrides). */
export async function startTestNode(store: TestStore, env: Record<string, string>, name: string, overrides?: NodeConfigInput['overrides']): Promise<RunningNode> {
  const config = loadNodeConfig({
    env: { SEATUNNEL_SIM_LOG_LEVEL: 'warn', SEATUNNEL_SIM_LOG_DIR: testLogDir(), ...store.env, ...env },
    ...(overrides ? { overrides } : {}),
  });
  return startNode(config, createLogger('warn', name), store.options);
}

export interface TestNodes {
  store: TestStore;
  nodes: RunningNode[];
  stop(): Promise<void>;
}

export interface TestNodesOptions {
  /** `memory` unless the test is about Hazelcast. */
  store?: TestStoreKind;
  /** A member of its own (hazelcast store), for tests asserting cluster-wide counts. */
  isolatedMemberPort?: number;
}

/** `count` in-process nodes on ports auto-incremented from `basePort`, sharing one store. */
export async function startTestNodes(count: number, basePort: number, env: Record<string, string> = {}, options: TestNodesOptions = {}): Promise<TestNodes> {
  const store = await openTestStore(options.store ?? 'memory', options.isolatedMemberPort);
  const nodes: RunningNode[] = [];
  for (let i = 0; i < count; i++) nodes.push(await startTestNode(store, { SEATUNNEL_SIM_PORT: String(basePort), ...env }, `test-node-${i}`));
  return {
    store,
    nodes,
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      await store.release();
    },
  };
}

export const DOCS_EXAMPLE = {
  env: { 'job.mode': 'batch' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 100, schema: { fields: { name: 'string', age: 'int', card: 'int' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

export async function call(url: string, init?: RequestInit): Promise<{ status: number; text: string; json: () => any }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

export const post = (url: string, body: unknown) =>
  call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
