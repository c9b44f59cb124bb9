import { checkpointsUntil, type CheckpointMoment } from '../checkpoints.js';
import type { JobRecord } from '../job-record.js';
import type { JobSnapshot } from '../simulation.js';

/** How many finished checkpoints a pipeline's monitor keeps (CheckpointMonitorService, fixed at 32). */
export const CHECKPOINT_HISTORY_SIZE = 32;
/** What /jobs/checkpoints/history returns when `limit` is not given. */
export const DEFAULT_HISTORY_LIMIT = 20;

/** CheckpointStatus names that a finished checkpoint can have (IN_PROGRESS never reaches history). */
export const CHECKPOINT_STATUSES = ['IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELED'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

/**
 * A job's checkpoint monitor as SeaTunnel 2.3.13 keeps it (apache/seatunnel#10065): per pipeline,
 * what was triggered and completed. The monitor entry exists while the job runs and has triggered
 * a checkpoint; an ended job's entry is cleaned up with the job.
 */
export interface CheckpointMonitor {
  jobId: string;
  updatedAt: number;
  pipelines: PipelineCheckpoints[];
}

interface PipelineCheckpoints {
  pipelineId: number;
  /** Completed checkpoints, oldest first (at most CHECKPOINT_HISTORY_SIZE). */
  completed: CheckpointMoment[];
  /** The one triggered and not yet completed, if any. */
  inProgress: CheckpointMoment | null;
  triggered: number;
  /** Tasks that acknowledge each checkpoint: every vertex of the pipeline × parallelism. */
  tasks: number;
  restored: number;
}

/** Statuses in which a job's checkpoint coordinator is alive. */
const MONITORED = new Set(['RUNNING', 'FAILING', 'DOING_SAVEPOINT', 'CANCELING']);

/** Bytes of state a task checkpoints (FakeSource's split assignment and reader offsets). */
const STATE_BYTES_PER_TASK = 96;

/** The job's checkpoint monitor at `now`, or null when it has none (not running, or nothing triggered yet). */
export function checkpointMonitor(record: JobRecord, snapshot: JobSnapshot, now: number): CheckpointMonitor | null {
  if (!MONITORED.has(snapshot.status) || record.runningSince === null) return null;
  const until = record.frozenAt ?? now;
  const moments = checkpointsUntil(record, until);
  if (moments.length === 0) return null;
  const completed = moments.filter((m) => m.completedAt <= now);
  const inProgress = moments.find((m) => m.completedAt > now) ?? null;
  const last = moments[moments.length - 1]!;
  const updatedAt = last.completedAt <= now ? last.completedAt : last.triggeredAt;
  const restored = Object.keys(record.restoredRows).length > 0 ? 1 : 0;
  const pipelineIds = Object.keys(record.plan.pipelineEdges).map(Number).sort((a, b) => a - b);
  return {
    jobId: record.jobId,
    updatedAt,
    pipelines: pipelineIds.map((pipelineId) => ({
      pipelineId,
      completed: completed.slice(-CHECKPOINT_HISTORY_SIZE),
      inProgress,
      triggered: moments.length,
      tasks: pipelineTasks(record, pipelineId),
      restored,
    })),
  };
}

function pipelineTasks(record: JobRecord, pipelineId: number): number {
  const vertices = new Set<number>();
  for (const edge of record.plan.pipelineEdges[String(pipelineId)] ?? []) {
    vertices.add(edge.inputVertexId);
    vertices.add(edge.targetVertexId);
  }
  return Math.max(1, vertices.size) * record.plan.parallelism;
}

/** A finished checkpoint as CheckpointInfo renders it: numbers as JSON numbers, keys in its order. */
function checkpointJson(moment: CheckpointMoment, tasks: number): string {
  return (
    `{"checkpointId":${moment.index},"checkpointType":"checkpoint","status":"COMPLETED","triggerTimestamp":${moment.triggeredAt},` +
    `"completedTimestamp":${moment.completedAt},"durationMillis":${moment.completedAt - moment.triggeredAt},"stateSize":${tasks * STATE_BYTES_PER_TASK}}`
  );
}

/** `GET /jobs/checkpoints/:jobId` (CheckpointOverviewServlet); `{"jobId":"…"}` when the job has no monitor. */
export function checkpointOverviewJson(jobId: string, monitor: CheckpointMonitor | null): string {
  if (!monitor) return `{"jobId":${JSON.stringify(jobId)}}`;
  const pipelines = monitor.pipelines.map((p) => {
    const done = p.completed.length;
    const latest = p.completed[done - 1];
    const inProgress = p.inProgress
      ? `[{"checkpointId":${p.inProgress.index},"checkpointType":"checkpoint","triggerTimestamp":${p.inProgress.triggeredAt},"acknowledged":0,"total":${p.tasks}}]`
      : '[]';
    const history = [...p.completed].reverse().map((m) => `{"pipelineId":${p.pipelineId},"checkpoint":${checkpointJson(m, p.tasks)}}`);
    return (
      `{"pipelineId":${p.pipelineId},"counts":{"triggered":${p.triggered},"completed":${p.triggered - (p.inProgress ? 1 : 0)},"failed":0,` +
      `"inProgress":${p.inProgress ? 1 : 0},"restored":${p.restored}},"latestCompleted":${latest ? checkpointJson(latest, p.tasks) : '{}'},` +
      `"latestFailed":{},"latestSavepoint":{},"inProgress":${inProgress},"history":[${history.join(',')}]}`
    );
  });
  return `{"jobId":${JSON.stringify(monitor.jobId)},"updatedAt":${monitor.updatedAt},"pipelines":[${pipelines.join(',')}]}`;
}

/** What /jobs/checkpoints/history selects: one pipeline or all, one status or any, at most `limit`. */
export interface CheckpointHistoryQuery {
  pipelineId: number | null;
  status: CheckpointStatus | null;
  limit: number;
}

/** `GET /jobs/checkpoints/history/:jobId` (CheckpointHistoryServlet): newest trigger first across pipelines. */
export function checkpointHistoryJson(monitor: CheckpointMonitor | null, query: CheckpointHistoryQuery): string {
  if (!monitor) return '[]';
  const entries: { pipelineId: number; moment: CheckpointMoment; tasks: number }[] = [];
  for (const p of monitor.pipelines) {
    if (query.pipelineId !== null && p.pipelineId !== query.pipelineId) continue;
    if (query.status !== null && query.status !== 'COMPLETED') continue;
    for (const moment of [...p.completed].reverse()) entries.push({ pipelineId: p.pipelineId, moment, tasks: p.tasks });
  }
  entries.sort((a, b) => b.moment.triggeredAt - a.moment.triggeredAt);
  return `[${entries.slice(0, query.limit).map((e) => `{"pipelineId":${e.pipelineId},"checkpoint":${checkpointJson(e.moment, e.tasks)}}`).join(',')}]`;
}
