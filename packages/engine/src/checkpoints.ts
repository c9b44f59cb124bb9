import type { JobRecord } from './job-record.js';

/**
 * The checkpoints a run takes, derived from the record like everything else about a job's
 * progress (nothing is stored): checkpoint k of a run (k = 1, 2, …) is triggered
 * `checkpoint.interval` × k after the run entered RUNNING, in every pipeline at once, and completes
 * CHECKPOINT_MILLIS later. Rows committed by a checkpoint are the rows read when it was triggered
 * (its barrier).
 */
export const CHECKPOINT_MILLIS = 60;

/** One checkpoint of one run: its number within the run and its two instants. */
export interface CheckpointMoment {
  /** 1-based within the current run (a restored run counts again from 1). */
  index: number;
  triggeredAt: number;
  completedAt: number;
}

/** Checkpoints triggered at or before `until` (newest last), the latest `keep` of them. */
export function checkpointsUntil(record: JobRecord, until: number, keep = Number.MAX_SAFE_INTEGER): CheckpointMoment[] {
  if (record.runningSince === null || until < record.runningSince) return [];
  const interval = record.plan.sim.checkpointIntervalMillis;
  const count = Math.floor((until - record.runningSince) / interval);
  const out: CheckpointMoment[] = [];
  for (let index = Math.max(1, count - keep + 1); index <= count; index++) {
    const triggeredAt = record.runningSince + index * interval;
    out.push({ index, triggeredAt, completedAt: triggeredAt + CHECKPOINT_MILLIS });
  }
  return out;
}

/**
 * The barrier a restart goes back to: the last checkpoint triggered by `at`, or the run's start
 * (what it restored from) when none was.
 */
export function restorePoint(record: JobRecord, at: number): number | null {
  if (record.runningSince === null) return null;
  const last = checkpointsUntil(record, at, 1)[0];
  return last ? last.triggeredAt : record.runningSince;
}

/** The barrier of the last checkpoint completed by `at`, or null when none completed (nothing committed yet). */
export function lastCommitPoint(record: JobRecord, at: number): number | null {
  const recent = checkpointsUntil(record, at, 2);
  for (let i = recent.length - 1; i >= 0; i--) if (recent[i]!.completedAt <= at) return recent[i]!.triggeredAt;
  return null;
}
