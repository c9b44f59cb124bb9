import { noResourceStackTrace } from './failure.js';
import type { JobConfig } from './job-config.js';
import { NEVER, type JobRecord } from './job-record.js';
import { buildPlan, type JobPlan } from './plan.js';
import { nextDueAt } from './simulation.js';

export const DEFAULT_JOB_NAME = 'SeaTunnel_Job';

/** SeaTunnel re-checks a waiting job's resources every 3 s (job-schedule-strategy WAIT). */
export const WAIT_RETRY_MILLIS = 3_000;

/**
 * Where the scheduler put the job: run now (it got slots), wait for slots (WAIT), or refuse it
 * (REJECT: it fails at once with SeaTunnel's NoEnoughResourceException).
 */
export type Placement = 'run' | 'wait' | 'reject';

export interface NewJobInput {
  jobId: string;
  /** The `jobName` query parameter; empty or absent falls back to env `job.name`, then the default. */
  jobNameParam: string | undefined;
  isStartWithSavePoint: boolean;
  config: JobConfig;
  owner: string;
  now: number;
  /** Rows already produced before a savepoint, when restoring. */
  restoredRows?: Record<string, number>;
  placement?: Placement;
  /** A plan built already (e.g. to size the slot request); built from config otherwise. */
  plan?: JobPlan;
}

export function resolveJobName(param: string | undefined, config: JobConfig): string {
  if (param) return param;
  const fromEnv = config.envOptions['job.name'];
  return fromEnv ? fromEnv : DEFAULT_JOB_NAME;
}

/**
 * Slots a job asks for: per pipeline, one per parallel subtask plus one for the pipeline's
 * coordinator task group (its split enumerator). A real 2.3.8 engine shows totalSlot 2 for one
 * running 1-source/1-sink job and 5 with a second one of parallelism 2 (test/differential).
 */
export function slotsRequired(plan: JobPlan): number {
  return (plan.parallelism + 1) * Math.max(1, Object.keys(plan.pipelineEdges).length);
}

/**
 * The record of a freshly submitted job. With slots it is RUNNING at once (or PENDING for its
 * `sim.slow-start-seconds`); without, it waits PENDING or fails, by the scheduling strategy.
 */
export function newJobRecord(input: NewJobInput): JobRecord {
  const plan = input.plan ?? buildPlan(input.config);
  const placement = input.placement ?? 'run';
  const pending = plan.sim.pendingMillis;
  const record: JobRecord = {
    jobId: input.jobId,
    jobName: resolveJobName(input.jobNameParam, input.config),
    status: placement === 'reject' ? 'FAILED' : placement === 'wait' || pending > 0 ? 'PENDING' : 'RUNNING',
    version: 1,
    owner: input.owner,
    createTime: input.now,
    runningSince: placement === 'run' ? input.now + pending : null,
    frozenAt: null,
    finishTime: placement === 'reject' ? input.now : null,
    dueAt: placement === 'wait' ? input.now + WAIT_RETRY_MILLIS : NEVER,
    isStartWithSavePoint: input.isStartWithSavePoint,
    envOptions: input.config.envOptions,
    plan,
    restoredRows: input.restoredRows ?? {},
    errorMsg: placement === 'reject' ? noResourceStackTrace(input.jobId) : null,
  };
  if (placement === 'run') record.dueAt = nextDueAt(record);
  return record;
}

/** A waiting job that got its slots: it runs from now. */
export function startWaitingJob(record: JobRecord, now: number): JobRecord {
  const started: JobRecord = { ...record, runningSince: now + record.plan.sim.pendingMillis };
  return { ...started, dueAt: nextDueAt(started) };
}
