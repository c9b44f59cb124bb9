import type { JobConfig } from './job-config.js';
import { NEVER, type JobRecord } from './job-record.js';
import { buildPlan } from './plan.js';
import { nextDueAt } from './simulation.js';

export const DEFAULT_JOB_NAME = 'SeaTunnel_Job';

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
}

export function resolveJobName(param: string | undefined, config: JobConfig): string {
  if (param) return param;
  const fromEnv = config.envOptions['job.name'];
  return fromEnv ? fromEnv : DEFAULT_JOB_NAME;
}

/**
 * The record of a freshly submitted job. It starts RUNNING at once (the simulator's default has
 * no scheduling delay), so its projection progresses from `now`.
 */
export function newJobRecord(input: NewJobInput): JobRecord {
  const record: JobRecord = {
    jobId: input.jobId,
    jobName: resolveJobName(input.jobNameParam, input.config),
    status: 'RUNNING',
    version: 1,
    owner: input.owner,
    createTime: input.now,
    runningSince: input.now,
    frozenAt: null,
    finishTime: null,
    dueAt: NEVER,
    isStartWithSavePoint: input.isStartWithSavePoint,
    envOptions: input.config.envOptions,
    plan: buildPlan(input.config),
    restoredRows: input.restoredRows ?? {},
    errorMsg: null,
  };
  record.dueAt = nextDueAt(record);
  return record;
}
