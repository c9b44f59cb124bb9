import type { JobStatus } from './job-status.js';
import type { JobPlan } from './plan.js';

/**
 * A job as stored in Hazelcast (one JSON document per job). Progress is not stored: it is a pure
 * function of the plan, `runningSince` and the clock (see simulation.ts), so running jobs cost no
 * writes until their status changes. `version` is bumped by every compare-and-set.
 */
export interface JobRecord {
  jobId: string;
  jobName: string;
  /** The last committed status; the projected status may be ahead of it (see projectJob). */
  status: JobStatus;
  version: number;
  /** Node id of the node whose driver commits this job's transitions. */
  owner: string;
  /** Simulation-clock milliseconds. */
  createTime: number;
  /** When the job (re)entered RUNNING; null before it runs. */
  runningSince: number | null;
  /** When progress froze (stop, failure, end); null while it progresses. */
  frozenAt: number | null;
  finishTime: number | null;
  /** When the projected status next differs from `status`: the owner's driver commits it then. */
  dueAt: number;
  isStartWithSavePoint: boolean;
  envOptions: Record<string, string>;
  plan: JobPlan;
  /** Rows per source table produced before `runningSince` (restored from a savepoint/checkpoint). */
  restoredRows: Record<string, number>;
  errorMsg: string | null;
  /**
   * Set when the job goes into history: the simulation-clock ms after which it leaves it
   * (`history-job-expire-minutes` after it ended).
   */
  expiresAt?: number;
}

/** dueAt of a job whose status changes only on request (streaming, or already ended). */
export const NEVER = 8_640_000_000_000_000;
