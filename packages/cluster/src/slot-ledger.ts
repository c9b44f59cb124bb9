import type { SlotReservation } from '@seatunnel-sim/engine';
import { MAPS } from './map-names.js';
import type { DocBackend, DocMap, Witness } from './store/doc-map.js';

/** One node's reservations as read, with the raw value a compare-and-set must find unchanged. */
export interface LedgerEntry {
  nodeId: string;
  reservations: SlotReservation[];
  /** Bumped by every commit, so an entry that went back to the same reservations is still a change (no ABA). */
  version: number;
  /** What the compare-and-set must find unchanged (null: the node has no entry yet). */
  witness: Witness | null;
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
  private constructor(private readonly entries: DocMap) {}

  static async open(backend: DocBackend): Promise<SlotLedger> {
    return new SlotLedger(await backend.map(MAPS.slotReservations));
  }

  /** The entries of the given nodes (an empty entry for a node without one). */
  async read(nodeIds: readonly string[]): Promise<Map<string, LedgerEntry>> {
    const stored = await this.entries.getAll(nodeIds);
    const result = new Map<string, LedgerEntry>(nodeIds.map((nodeId) => [nodeId, { nodeId, reservations: [], version: 0, witness: null }]));
    for (const [nodeId, text] of stored) {
      const { reservations, version } = JSON.parse(text) as StoredLedger;
      result.set(nodeId, { nodeId, reservations, version, witness: this.entries.witnessOf(text) });
    }
    return result;
  }

  /**
   * Replaces the node's reservations if its entry is still exactly `entry`; false when another
   * placement changed it first (the caller re-reads and decides again).
   */
  async commit(entry: LedgerEntry, reservations: SlotReservation[]): Promise<boolean> {
    const next = JSON.stringify({ reservations, version: entry.version + 1 } satisfies StoredLedger);
    if (entry.witness === null) return (await this.entries.putIfAbsent(entry.nodeId, next)) === null;
    return this.entries.replaceIfSame(entry.nodeId, entry.witness, next);
  }
}
