import { lastCommitPoint } from './checkpoints.js';
import { SeaTunnelError } from './errors.js';
import { parseJobId } from './job-id.js';
import type { JobRecord } from './job-record.js';
import { projectJob } from './simulation.js';

/**
 * `restoreMode` / `restoreSourceJobId` on submit-job and submit-job/upload (3.0,
 * apache/seatunnel#11421; docs engines/zeta/rest-api-v2.md and rest-api-job-lifecycle.md §6), as
 * RestJobExecutionEnvironment takes them: SAVEPOINT re-runs the source job under its own id (what
 * `isStartWithSavePoint=true&jobId=` does), CHECKPOINT starts a job with a new id (or `jobId`) from
 * the source job's latest completed checkpoint, and fails with IllegalArgumentException (400)
 * when the source has none. NONE is no restore.
 */
export interface RestoreRequest {
  mode: 'SAVEPOINT' | 'CHECKPOINT';
  sourceJobId: string;
}

const MODES = ['NONE', 'SAVEPOINT', 'CHECKPOINT'] as const;

/**
 * The restore a submit asks for, or null. The mode is read case-insensitively; an unknown one is
 * Enum.valueOf's IllegalArgumentException. Without restoreSourceJobId the job's `jobId` is the
 * source, as the docs say for isStartWithSavePoint. (Both readings are UNVERIFIED against 3.x.)
 */
export function readRestoreRequest(params: { restoreMode?: string | undefined; restoreSourceJobId?: string | undefined; jobId?: string | null | undefined }): RestoreRequest | null {
  const raw = params.restoreMode;
  if (raw === undefined || raw.trim() === '') return null;
  const mode = MODES.find((m) => m === raw.trim().toUpperCase());
  if (mode === undefined) throw new SeaTunnelError(400, `No enum constant org.apache.seatunnel.engine.core.job.RestoreMode.${raw.trim().toUpperCase()}`);
  if (mode === 'NONE') return null;
  const source = params.restoreSourceJobId?.trim() || params.jobId?.trim();
  if (!source) throw new SeaTunnelError(400, `restoreSourceJobId is required when restoreMode is ${mode}`);
  return { mode, sourceJobId: parseJobId(source) };
}

/** RestJobExecutionEnvironment's refusal when the source job has no state to restore. */
export const noCheckpointFound = (jobId: string, request: RestoreRequest): SeaTunnelError =>
  new SeaTunnelError(400, `No checkpoint found for jobId=${jobId}, restoreMode=${request.mode}, restoreSourceJobId=${request.sourceJobId}`);

/**
 * The rows per source table a CHECKPOINT restore continues from: what the source job's latest
 * completed checkpoint committed (the end state for a job that finished or stopped with a
 * savepoint), or null when it completed none.
 */
export function checkpointRestoreRows(source: JobRecord, now: number): Record<string, number> | null {
  const snapshot = projectJob(source, now);
  const ended = snapshot.status === 'FINISHED' || snapshot.status === 'SAVEPOINT_DONE';
  const until = source.frozenAt ?? snapshot.finishTime ?? now;
  if (!ended && lastCommitPoint(source, until) === null) return null;
  return snapshot.committedRows;
}
