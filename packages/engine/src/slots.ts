import type { JobRecord } from './job-record.js';
import type { JobStatus } from './job-status.js';
import { slotsRequired } from './new-job.js';

/**
 * Slot accounting for fixed `slot-num` nodes. Slots held are derived from the jobs themselves (a
 * job holds `slotsRequired` slots on its owner while it runs), so nothing has to be written when a
 * job ends. The one gap that derivation leaves is the moment between choosing a node and writing
 * the job: a placement first records a reservation on the node (by compare-and-set, in the slot
 * ledger), writes the job, then drops the reservation. Two placements racing for the last slots of
 * a node therefore serialize on that node's ledger entry, and the loser sees the winner either as
 * a reservation or as a job, never as neither.
 */

/** Statuses in which a running job keeps its slots. */
const HOLDING_STATUSES: ReadonlySet<JobStatus> = new Set(['RUNNING', 'DOING_SAVEPOINT', 'CANCELING', 'FAILING']);

/** A reservation that was never released (its node died mid-placement) lapses after this long. */
export const RESERVATION_LEASE_MILLIS = 10_000;

export interface SlotReservation {
  jobId: string;
  slots: number;
  /** 'submit': a new record is being written; 'start': a waiting (WAIT) job is being started here. */
  kind: 'submit' | 'start';
  /** Simulation-clock ms when it was taken: a record created at or after it is the reserved job. */
  reservedAt: number;
  /** Wall-clock ms after which the reservation no longer counts. */
  leaseUntil: number;
}

export interface SlotNode {
  nodeId: string;
  slots: { total: number; dynamic: boolean };
}

/** A job at some instant: its stored record and the status projected for that instant. */
export interface ProjectedJob {
  record: JobRecord;
  status: JobStatus;
}

/**
 * Whether a job occupies its owner's slots: while it runs or stops, and while a placed job sits in
 * its slow start (PENDING with a start time). A job waiting for slots (WAIT) holds none.
 */
export function holdsSlots(job: ProjectedJob): boolean {
  return HOLDING_STATUSES.has(job.status) || (job.status === 'PENDING' && job.record.runningSince !== null);
}

/**
 * Whether the job a reservation is for is already visible as a job, so its slots are counted from
 * the job (or it needs none any more) and the reservation must not be counted a second time.
 */
export function isSettled(reservation: SlotReservation, nodeId: string, job: ProjectedJob | undefined): boolean {
  if (!job) return false;
  if (holdsSlots(job) && job.record.owner === nodeId) return true;
  if (reservation.kind === 'submit') return job.record.createTime >= reservation.reservedAt;
  // A start reservation is for a job that was waiting: settled once it no longer waits.
  return !(job.status === 'PENDING' && job.record.runningSince === null);
}

/** Reservations still in force at wall-clock `now`. */
export function activeReservations(reservations: readonly SlotReservation[], now: number): SlotReservation[] {
  return reservations.filter((r) => r.leaseUntil > now);
}

/** Slots the job occupies on its owner right now: its slotsRequired while it holds them, else 0. */
export function slotsHeld(job: ProjectedJob): number {
  return holdsSlots(job) ? slotsRequired(job.record.plan) : 0;
}

export interface SlotUsage {
  /** Slots held by visible jobs, per owner node id. */
  held: ReadonlyMap<string, number>;
  /** Active reservations per node id. */
  reservations: ReadonlyMap<string, readonly SlotReservation[]>;
  /** The visible job of each reserved job id (absent: not written yet). */
  reservedJobs: ReadonlyMap<string, ProjectedJob>;
}

/** Free slots of a node: Infinity with dynamic slots; else total − held − unsettled reservations. */
export function freeSlots(node: SlotNode, usage: SlotUsage): number {
  if (node.slots.dynamic) return Infinity;
  const reserved = (usage.reservations.get(node.nodeId) ?? [])
    .filter((r) => !isSettled(r, node.nodeId, usage.reservedJobs.get(r.jobId)))
    .reduce((sum, r) => sum + r.slots, 0);
  return node.slots.total - (usage.held.get(node.nodeId) ?? 0) - reserved;
}

/**
 * The node a job of `needed` slots goes to: the preferred node (the one that was asked) when it
 * has room, else the node with most free slots; null when none has room.
 */
export function chooseNode(nodes: readonly SlotNode[], usage: SlotUsage, needed: number, preferred: string): string | null {
  const candidates = nodes
    .map((node) => ({ nodeId: node.nodeId, free: freeSlots(node, usage) }))
    .filter((c) => c.free >= needed)
    .sort((a, b) => b.free - a.free || a.nodeId.localeCompare(b.nodeId));
  return (candidates.find((c) => c.nodeId === preferred) ?? candidates[0])?.nodeId ?? null;
}
