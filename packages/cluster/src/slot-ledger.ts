import type { SlotReservation } from '@seatunnel-sim/engine';
import { HazelcastJsonValue, type IMap } from 'hazelcast-client';
import type { HazelcastClient } from './hazelcast-client.js';
import { MAPS } from './map-names.js';

/** One node's reservations as read, with the raw value a compare-and-set must find unchanged. */
export interface LedgerEntry {
  nodeId: string;
  reservations: SlotReservation[];
  /** Bumped by every commit, so an entry that went back to the same reservations is still a change (no ABA). */
  version: number;
  raw: HazelcastJsonValue | null;
}

interface StoredLedger {
  reservations: SlotReservation[];
  version: number;
}

/**
 * Slot reservations in flight, one IMap entry per node (see engine/slots.ts for why they exist).
 * Every change is a compare-and-set on the node's entry, so racing placements on one node
 * serialize; reservations whose lease ran out are dropped by whoever writes next.
 */
export class SlotLedger {
  private constructor(private readonly entries: IMap<string, HazelcastJsonValue>) {}

  static async open(client: HazelcastClient): Promise<SlotLedger> {
    return new SlotLedger(await client.getMap<string, HazelcastJsonValue>(MAPS.slotReservations));
  }

  /** The entries of the given nodes (an empty entry for a node without one). */
  async read(nodeIds: readonly string[]): Promise<Map<string, LedgerEntry>> {
    const stored = nodeIds.length > 0 ? await this.entries.getAll([...nodeIds]) : [];
    const result = new Map<string, LedgerEntry>(nodeIds.map((nodeId) => [nodeId, { nodeId, reservations: [], version: 0, raw: null }]));
    for (const [nodeId, raw] of stored) {
      const { reservations, version } = JSON.parse(raw.toString()) as StoredLedger;
      result.set(nodeId, { nodeId, reservations, version, raw });
    }
    return result;
  }

  /**
   * Replaces the node's reservations if its entry is still exactly `entry`; false when another
   * placement changed it first (the caller re-reads and decides again).
   */
  async commit(entry: LedgerEntry, reservations: SlotReservation[]): Promise<boolean> {
    const next = new HazelcastJsonValue(JSON.stringify({ reservations, version: entry.version + 1 } satisfies StoredLedger));
    if (entry.raw === null) return (await this.entries.putIfAbsent(entry.nodeId, next)) === null;
    return this.entries.replaceIfSame(entry.nodeId, entry.raw, next);
  }
}
