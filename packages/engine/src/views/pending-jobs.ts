import { javaDoubleToString } from '../java-double.js';
import { arr, bool, gsonWrite as write, num, obj, optional, str, stringMap, type GsonTree } from './gson.js';
import type {
  PendingClusterSnapshot,
  PendingJobDiagnostic,
  PendingJobsResponse,
  PendingPipelineDiagnostic,
  PendingQueueSummary,
  PendingTaskGroupDiagnostic,
  WorkerResourceDiagnostic,
} from '../pending-queue.js';
import { formatSeaTunnelTime } from '../time-format.js';

/**
 * GET /pending-jobs as SeaTunnel writes it: `new Gson().toJson(response)`, or with `pretty=true`
 * Gson's pretty printer over the same tree with the four timestamp fields turned into
 * `yyyy-MM-dd HH:mm:ss` strings. Gson's defaults decide the bytes: fields in declaration order,
 * null fields left out, numbers bare, strings HTML-escaped (`=` is `\u003d`, which every
 * taskFullName has). Answers are built as a small tree first because pretty mode rewrites it.
 */

export { gsonString } from './gson.js';

function summaryTree(s: PendingQueueSummary): GsonTree {
  return obj([
    ['size', num(s.size)],
    ['scheduleStrategy', str(s.scheduleStrategy)],
    ['oldestEnqueueTimestamp', num(s.oldestEnqueueTimestamp)],
    ['newestEnqueueTimestamp', num(s.newestEnqueueTimestamp)],
    ['lackingTaskGroups', num(s.lackingTaskGroups)],
  ]);
}

function workerTree(w: WorkerResourceDiagnostic): GsonTree {
  return obj([
    ['address', str(w.address)],
    ['tags', stringMap(w.tags)],
    ['totalSlots', num(w.totalSlots)],
    ['freeSlots', num(w.freeSlots)],
    ['dynamicSlot', bool(w.dynamicSlot)],
    // Doubles, as Java prints them; the simulator never sets them (SYSTEM_LOAD only).
    ['cpuUsage', optional(w.cpuUsage, (v) => num(javaDoubleToString(v)))],
    ['memUsage', optional(w.memUsage, (v) => num(javaDoubleToString(v)))],
    ['runningJobIds', optional(w.runningJobIds, (ids) => arr(ids, num))],
  ]);
}

function snapshotTree(c: PendingClusterSnapshot): GsonTree {
  return obj([
    ['totalSlots', num(c.totalSlots)],
    ['freeSlots', num(c.freeSlots)],
    ['assignedSlots', num(c.assignedSlots)],
    ['workerCount', num(c.workerCount)],
    ['workers', arr(c.workers, workerTree)],
  ]);
}

function taskGroupTree(t: PendingTaskGroupDiagnostic): GsonTree {
  return obj([
    [
      'taskGroupLocation',
      obj([
        ['jobId', num(t.taskGroupLocation.jobId)],
        ['pipelineId', num(t.taskGroupLocation.pipelineId)],
        ['taskGroupId', num(t.taskGroupLocation.taskGroupId)],
      ]),
    ],
    ['taskFullName', str(t.taskFullName)],
    ['allocated', bool(t.allocated)],
    ['failureReason', optional(t.failureReason, str)],
    ['failureMessage', optional(t.failureMessage, str)],
  ]);
}

function pipelineTree(p: PendingPipelineDiagnostic): GsonTree {
  return obj([
    ['pipelineId', num(p.pipelineId)],
    ['pipelineName', str(p.pipelineName)],
    ['totalTaskGroups', num(p.totalTaskGroups)],
    ['allocatedTaskGroups', num(p.allocatedTaskGroups)],
    ['lackingTaskGroups', num(p.lackingTaskGroups)],
    ['taskGroupDiagnostics', arr(p.taskGroupDiagnostics, taskGroupTree)],
  ]);
}

function jobTree(j: PendingJobDiagnostic): GsonTree {
  return obj([
    ['jobId', num(j.jobId)],
    ['jobName', str(j.jobName)],
    ['pendingSourceState', str(j.pendingSourceState)],
    ['jobStatus', str(j.jobStatus)],
    ['enqueueTimestamp', num(j.enqueueTimestamp)],
    ['checkTime', num(j.checkTime)],
    ['waitDurationMs', num(j.waitDurationMs)],
    ['checkCount', num(j.checkCount)],
    ['totalTaskGroups', num(j.totalTaskGroups)],
    ['allocatedTaskGroups', num(j.allocatedTaskGroups)],
    ['lackingTaskGroups', num(j.lackingTaskGroups)],
    ['failureReason', optional(j.failureReason, str)],
    ['failureMessage', optional(j.failureMessage, str)],
    ['tagFilter', stringMap(j.tagFilter)],
    ['blockingJobIds', arr(j.blockingJobIds, num)],
    ['pipelines', arr(j.pipelines, pipelineTree)],
    ['lackingTaskGroupDiagnostics', arr(j.lackingTaskGroupDiagnostics, taskGroupTree)],
  ]);
}

function responseTree(r: PendingJobsResponse): GsonTree {
  return obj([
    ['queueSummary', summaryTree(r.queueSummary)],
    ['clusterSnapshot', snapshotTree(r.clusterSnapshot)],
    ['pendingJobs', arr(r.pendingJobs, jobTree)],
  ]);
}

/** The fields PendingJobsServlet rewrites as local date-times in pretty mode, wherever they occur. */
const TIMESTAMP_FIELDS: ReadonlySet<string> = new Set(['oldestEnqueueTimestamp', 'newestEnqueueTimestamp', 'enqueueTimestamp', 'checkTime']);

function formatTimestamps(tree: GsonTree, format: (millis: number) => string): GsonTree {
  if (tree.kind === 'array') return { kind: 'array', items: tree.items.map((item) => formatTimestamps(item, format)) };
  if (tree.kind !== 'object') return tree;
  return {
    kind: 'object',
    members: tree.members.map(([key, value]): [string, GsonTree] =>
      TIMESTAMP_FIELDS.has(key) && value.kind === 'number' ? [key, str(format(Number(value.text)))] : [key, formatTimestamps(value, format)],
    ),
  };
}

export interface PendingJobsJsonOptions {
  /** `pretty=true`: pretty-printed, timestamps as local `yyyy-MM-dd HH:mm:ss`. */
  pretty?: boolean;
  /** How pretty mode prints a timestamp; default the process time zone, as the JVM's default zone. */
  formatTime?: (epochMillis: number) => string;
}

/** The /pending-jobs body (no trailing newline in either mode). */
export function pendingJobsJson(response: PendingJobsResponse, options: PendingJobsJsonOptions = {}): string {
  const tree = responseTree(response);
  if (!options.pretty) return write(tree, false);
  return write(formatTimestamps(tree, options.formatTime ?? formatSeaTunnelTime), true);
}
