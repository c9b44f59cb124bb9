import { setTimeout as sleep } from 'node:timers/promises';
import {
  activeReservations,
  chooseNode,
  projectJob,
  RESERVATION_LEASE_MILLIS,
  slotsHeld,
  type ProjectedJob,
  type SlotReservation,
  type SlotUsage,
} from '@seatunnel-sim/engine';
import type { JobRepository, LedgerEntry, NodeRegistry, SlotLedger } from '@seatunnel-sim/cluster';
import type { Clock } from '../sim-clock.js';

/** Where a job may run, and the reservation to release once the job is written (null: nothing to release). */
export interface SlotGrant {
  nodeId: string;
  reservation: SlotReservation | null;
}

export interface SlotSchedulerOptions {
  repository: JobRepository;
  registry: NodeRegistry;
  ledger: SlotLedger;
  clock: Clock;
  nodeId: string;
}

/** Each lost compare-and-set means another placement won, so the cluster as a whole makes progress. */
const MAX_ATTEMPTS = 200;

/**
 * Places jobs on nodes with free slots, atomically: a grant is backed by a reservation committed
 * by compare-and-set on the node's ledger entry, so two placements racing for a node's last slots
 * (from one node or from several) never both get them. The caller writes the job, then calls
 * `release`. See engine/slots.ts.
 */
export class SlotScheduler {
  constructor(private readonly options: SlotSchedulerOptions) {}

  /** A node with `needed` free slots for the job (this node preferred), or null when none has room. */
  async reserve(jobId: string, needed: number, kind: SlotReservation['kind']): Promise<SlotGrant | null> {
    const { registry, ledger, clock, nodeId } = this.options;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const nodes = await registry.list();
      const fixed = nodes.filter((n) => !n.slots.dynamic).map((n) => n.nodeId);
      // The ledger before the jobs: a reservation released meanwhile belongs to a job already written.
      const entries = await ledger.read(fixed);
      const usage = await this.usage(entries);
      const chosen = chooseNode(nodes, usage, needed, nodeId);
      if (chosen === null) return null;
      const entry = entries.get(chosen);
      if (!entry) return { nodeId: chosen, reservation: null }; // dynamic slots: no limit to guard
      const reservation: SlotReservation = { jobId, slots: needed, kind, reservedAt: clock.now(), leaseUntil: Date.now() + RESERVATION_LEASE_MILLIS };
      if (await ledger.commit(entry, [...(usage.reservations.get(chosen) ?? []), reservation])) return { nodeId: chosen, reservation };
      await sleep(Math.random() * Math.min(20, 1 + attempt));
    }
    throw new Error(`slot placement of job ${jobId} kept losing its compare-and-set after ${MAX_ATTEMPTS} attempts`);
  }

  /**
   * Drops a grant's reservation (the job is written, or was not). Best effort: when the cluster is
   * unreachable the caller's own error is the one to report, and the reservation's lease lapses.
   */
  async release(grant: SlotGrant): Promise<void> {
    const reservation = grant.reservation;
    if (!reservation) return;
    const { ledger } = this.options;
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const entry = (await ledger.read([grant.nodeId])).get(grant.nodeId)!;
        const kept = activeReservations(entry.reservations, Date.now()).filter((r) => !(r.jobId === reservation.jobId && r.reservedAt === reservation.reservedAt));
        if (kept.length === entry.reservations.length) return;
        if (await ledger.commit(entry, kept)) return;
        await sleep(Math.random() * Math.min(20, 1 + attempt));
      }
    } catch {
      // The lease ends it.
    }
  }

  /** Slots held by the jobs in the running map and reservations in force, read after `entries`. */
  private async usage(entries: Map<string, LedgerEntry>): Promise<SlotUsage> {
    const wallNow = Date.now();
    const reservations = new Map<string, SlotReservation[]>();
    const reservedIds = new Set<string>();
    for (const [nodeId, entry] of entries) {
      const active = activeReservations(entry.reservations, wallNow);
      reservations.set(nodeId, active);
      for (const r of active) reservedIds.add(r.jobId);
    }
    const now = this.options.clock.now();
    const held = new Map<string, number>();
    const reservedJobs = new Map<string, ProjectedJob>();
    for await (const page of this.options.repository.scanRunning()) {
      for (const record of page) {
        const job: ProjectedJob = { record, status: projectJob(record, now).status };
        held.set(record.owner, (held.get(record.owner) ?? 0) + slotsHeld(job));
        if (reservedIds.has(record.jobId)) reservedJobs.set(record.jobId, job);
      }
    }
    return { held, reservations, reservedJobs };
  }
}
