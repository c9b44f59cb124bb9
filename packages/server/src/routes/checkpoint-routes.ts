import {
  CHECKPOINT_STATUSES,
  checkpointHistoryJson,
  checkpointOverviewJson,
  DEFAULT_HISTORY_LIMIT,
  javaParseInt,
  jobIdEmpty,
  numberFormat,
  parseJobId,
  SeaTunnelError,
  type CheckpointStatus,
} from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';

/** The job id after the servlet path: empty (or only `/`) → 400, not a long → NumberFormatException (400). */
function jobIdOf(req: ApiRequest): string {
  const raw = req.rest.replace(/^\//, '');
  if (raw === '') throw jobIdEmpty();
  return parseJobId(raw);
}

/** Integer.parseInt of a query parameter. */
function intParam(raw: string): number {
  const value = javaParseInt(raw);
  if (value === null) throw numberFormat(raw);
  return value;
}

/** CheckpointStatus.valueOf(status.toUpperCase()): an unknown name is Java's enum error (400). */
function statusParam(raw: string): CheckpointStatus {
  const name = raw.toUpperCase();
  if (!(CHECKPOINT_STATUSES as readonly string[]).includes(name)) {
    throw new SeaTunnelError(400, `No enum constant org.apache.seatunnel.engine.core.checkpoint.CheckpointStatus.${name}`);
  }
  return name as CheckpointStatus;
}

/** GET /jobs/checkpoints/:jobId (2.3.13, apache/seatunnel#10065): the job's checkpoint monitor. */
export async function getCheckpointOverview(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const jobId = jobIdOf(req);
  return { kind: 'raw-json', text: checkpointOverviewJson(jobId, await services.queries.checkpoints(jobId)) };
}

/** GET /jobs/checkpoints/history/:jobId[?pipelineId&limit&status] (2.3.13): finished checkpoints, newest first. */
export async function getCheckpointHistory(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const jobId = jobIdOf(req);
  const pipelineId = req.query['pipelineId'] === undefined ? null : intParam(req.query['pipelineId']);
  const limit = req.query['limit'] === undefined ? DEFAULT_HISTORY_LIMIT : intParam(req.query['limit']);
  const status = req.query['status'] === undefined ? null : statusParam(req.query['status']);
  const monitor = await services.queries.checkpoints(jobId);
  // Stream.limit refuses a negative size, once there is a stream to limit.
  if (monitor && limit < 0) throw new SeaTunnelError(400, String(limit));
  return { kind: 'raw-json', text: checkpointHistoryJson(monitor, { pipelineId, status, limit }) };
}
