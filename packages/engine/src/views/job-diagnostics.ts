import { javaParseIntegral } from '../env-options.js';
import type { JobRecord } from '../job-record.js';
import { JOB_STATUSES, type JobStatus } from '../job-status.js';
import type { JobSnapshot } from '../simulation.js';

/**
 * job-info's `diagnostics` of a job still coordinated (3.0, apache/seatunnel#11982, Phase 1 of
 * #11980), as JobRuntimeDiagnostics.build writes it with Hazelcast's JsonObject: the job id as a
 * string, `generatedAt`, the job's and each pipeline's state-entry timestamps (states never
 * entered left out, in enum order), each pipeline's restore count and its `job.retry.times`
 * limit, and their sum. Docs: engines/zeta/rest-api-v2.md, job-info.
 *
 * The simulation has what the IMAP_STATE_TIMESTAMPS entries would hold: INITIALIZING and CREATED
 * at submission, PENDING when the job waited (slots or a slow start: a job placed at once skips
 * it, as the docs' example does), SCHEDULED/DEPLOYING/RUNNING when it started running, and the
 * stop or failure instant for CANCELING, DOING_SAVEPOINT and FAILING. Pipelines are never
 * restored by the simulation, so every restoreCount is 0.
 */

/** SeaTunnel's PipelineStatus, in enum order. */
const PIPELINE_STATUSES = ['INITIALIZING', 'CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING', 'FAILING', 'CANCELING', 'FAILED', 'CANCELED', 'FINISHED'] as const;
type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

/** EnvCommonOptions.JOB_RETRY_TIMES' default: SubPlan's pipelineMaxRestoreNum without `job.retry.times`. */
const DEFAULT_JOB_RETRY_TIMES = 3;

/** A state → epoch-millis object in enum order, without the states never entered. */
function timestamps<S extends string>(order: readonly S[], entered: Partial<Record<S, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const state of order) {
    const at = entered[state];
    if (at !== undefined) out[state] = at;
  }
  return out;
}

/** The job-level entries: submission, the wait, the start, and where it is heading now. */
function jobTimestamps(record: JobRecord, snapshot: JobSnapshot): Partial<Record<JobStatus, number>> {
  const entered: Partial<Record<JobStatus, number>> = { INITIALIZING: record.createTime, CREATED: record.createTime };
  const started = record.runningSince !== null && (snapshot.status !== 'PENDING' && snapshot.status !== 'CREATED');
  if (record.runningSince === null || record.runningSince > record.createTime) entered.PENDING = record.createTime;
  if (started) {
    entered.SCHEDULED = record.runningSince!;
    entered.RUNNING = record.runningSince!;
  }
  if (snapshot.status === 'CANCELING' || snapshot.status === 'DOING_SAVEPOINT' || snapshot.status === 'FAILING') {
    entered[snapshot.status] = record.frozenAt ?? record.runningSince ?? record.createTime;
  }
  return entered;
}

/** A pipeline follows its job: CREATED while the job waits, RUNNING once it runs, then the job's stop or failure. */
function pipelineState(snapshot: JobSnapshot): PipelineStatus {
  switch (snapshot.status) {
    case 'INITIALIZING':
    case 'CREATED':
    case 'PENDING':
      return 'CREATED';
    case 'SCHEDULED':
      return 'SCHEDULED';
    case 'FAILING':
      return 'FAILING';
    case 'CANCELING':
      return 'CANCELING';
    default:
      // RUNNING, and DOING_SAVEPOINT (its tasks run until the savepoint completes).
      return 'RUNNING';
  }
}

function pipelineTimestamps(jobEntered: Partial<Record<JobStatus, number>>, state: PipelineStatus): Partial<Record<PipelineStatus, number>> {
  const entered: Partial<Record<PipelineStatus, number>> = { INITIALIZING: jobEntered.INITIALIZING!, CREATED: jobEntered.CREATED! };
  if (jobEntered.RUNNING !== undefined) {
    entered.SCHEDULED = jobEntered.RUNNING;
    entered.DEPLOYING = jobEntered.RUNNING;
    entered.RUNNING = jobEntered.RUNNING;
  }
  if (state === 'FAILING' || state === 'CANCELING') entered[state] = jobEntered.FAILING ?? jobEntered.CANCELING!;
  return entered;
}

/** `job.retry.times` as SubPlan reads it (Integer.parseInt of the env value, else the option's default). */
function maxRestoreCount(record: JobRecord): number {
  const raw = record.envOptions['job.retry.times'];
  const parsed = raw === undefined ? null : javaParseIntegral(raw, 32);
  return parsed === null ? DEFAULT_JOB_RETRY_TIMES : Number(parsed);
}

/** The `diagnostics` object's JSON text at simulation instant `now`. */
export function jobDiagnosticsJson(record: JobRecord, snapshot: JobSnapshot, now: number): string {
  const jobEntered = jobTimestamps(record, snapshot);
  const state = pipelineState(snapshot);
  const pipelineIds = Object.keys(record.plan.pipelineEdges).map(Number).filter(Number.isInteger).sort((a, b) => a - b);
  const pipelines = (pipelineIds.length > 0 ? pipelineIds : [1]).map((pipelineId) => ({
    pipelineId,
    pipelineStatus: state,
    restoreCount: 0,
    maxRestoreCount: maxRestoreCount(record),
    stateTimestamps: timestamps(PIPELINE_STATUSES, pipelineTimestamps(jobEntered, state)),
  }));
  return JSON.stringify({
    jobId: record.jobId,
    generatedAt: now,
    stateTimestamps: timestamps(JOB_STATUSES, jobEntered),
    pipelines,
    totalPipelineRestoreCount: pipelines.reduce((sum, p) => sum + p.restoreCount, 0),
  });
}
