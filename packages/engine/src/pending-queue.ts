import { matchesTags } from './cluster-views.js';
import type { JobRecord } from './job-record.js';
import { javaStringHash } from './java-hash-map.js';
import { slotsRequired, WAIT_RETRY_MILLIS } from './new-job.js';

/**
 * GET /pending-jobs (2.3.13, apache/seatunnel#10078) as data: SeaTunnel's PendingJobsResponse and
 * its parts, computed from what the simulator stores. The field order of each interface is the
 * Java class's declaration order (Gson writes fields in that order); optional fields are the ones
 * Gson leaves out when null. Lists are already in the order Java builds them; the keys of the
 * tag maps are ordered by the view (views/pending-jobs.ts), which writes them as Gson would.
 *
 * How the simulator's model maps onto SeaTunnel's:
 * - The pending queue is the set of jobs waiting for slots under job-schedule-strategy WAIT
 *   (PENDING, not started). Their enqueue time is their submit time. With REJECT nothing waits,
 *   so the queue is empty; with dynamic slots every job gets its slots, so it is empty too.
 * - A waiting job's task groups are the slots it asks for (slotsRequired): per pipeline one split
 *   enumerator and `parallelism` source tasks. A waiting job has never been granted any of them:
 *   SeaTunnel only keeps a job's slot-request futures once a pre-apply succeeded, so every task
 *   group of a queued job reports "Slot request future not created".
 * - Slots held = the slots of the jobs that run (slotsHeld), on their owner node.
 */

/** job-schedule-strategy. */
export type ScheduleStrategy = 'WAIT' | 'REJECT';

/** A live node as the report needs it (the node registry's NodeInfo has these fields). */
export interface PendingWorker {
  nodeId: string;
  host: string;
  port: number;
  tags: Record<string, string>;
  slots: { total: number; dynamic: boolean };
}

/** The cluster at one instant, as read for the report. */
export interface PendingQueueState {
  /** Simulation-clock ms the jobs were read at. */
  now: number;
  strategy: ScheduleStrategy;
  /** Live nodes, in the node registry's order (oldest first). */
  workers: readonly PendingWorker[];
  /** Jobs waiting for slots (PENDING, never started). */
  waiting: readonly JobRecord[];
  /** Jobs holding slots on their owner node now (see slots.ts holdsSlots). */
  holding: readonly JobRecord[];
}

/** The request's selection: `jobId` (canonical decimal) wins over `limit`; 0 or less = no limit. */
export interface PendingJobsQuery {
  jobId: string | null;
  limit: number;
  /** Every parameter that is not jobId, limit or pretty. */
  tags: Record<string, string>;
}

export interface PendingQueueSummary {
  size: number;
  scheduleStrategy: ScheduleStrategy;
  /** 0 when the queue is empty (primitive long in SeaTunnel, so never left out). */
  oldestEnqueueTimestamp: number;
  newestEnqueueTimestamp: number;
  lackingTaskGroups: number;
}

export interface WorkerResourceDiagnostic {
  /** Hazelcast's Address.toString(): `[host]:port`. */
  address: string;
  tags: Record<string, string>;
  totalSlots: number;
  freeSlots: number;
  dynamicSlot: boolean;
  /** Only with slot-allocate-strategy SYSTEM_LOAD, which the simulator does not model: never set. */
  cpuUsage?: number;
  memUsage?: number;
  /** Jobs holding slots on this worker, as decimal job ids. */
  runningJobIds?: string[];
}

export interface PendingClusterSnapshot {
  totalSlots: number;
  freeSlots: number;
  assignedSlots: number;
  workerCount: number;
  workers: WorkerResourceDiagnostic[];
}

export interface TaskGroupLocation {
  jobId: string;
  pipelineId: number;
  taskGroupId: number;
}

export interface PendingTaskGroupDiagnostic {
  taskGroupLocation: TaskGroupLocation;
  taskFullName: string;
  allocated: boolean;
  failureReason?: string;
  failureMessage?: string;
}

export interface PendingPipelineDiagnostic {
  pipelineId: number;
  pipelineName: string;
  totalTaskGroups: number;
  allocatedTaskGroups: number;
  lackingTaskGroups: number;
  taskGroupDiagnostics: PendingTaskGroupDiagnostic[];
}

export interface PendingJobDiagnostic {
  jobId: string;
  jobName: string;
  pendingSourceState: 'SUBMIT' | 'RESTORE';
  jobStatus: string;
  enqueueTimestamp: number;
  checkTime: number;
  waitDurationMs: number;
  checkCount: number;
  totalTaskGroups: number;
  allocatedTaskGroups: number;
  lackingTaskGroups: number;
  failureReason?: string;
  failureMessage?: string;
  tagFilter: Record<string, string>;
  blockingJobIds: string[];
  pipelines: PendingPipelineDiagnostic[];
  lackingTaskGroupDiagnostics: PendingTaskGroupDiagnostic[];
}

export interface PendingJobsResponse {
  queueSummary: PendingQueueSummary;
  clusterSnapshot: PendingClusterSnapshot;
  pendingJobs: PendingJobDiagnostic[];
}

/** PendingDiagnosticsCollector's reason and message for a task group without a slot-request future. */
export const NO_REQUEST_REASON = 'RESOURCE_NOT_ENOUGH';
export const NO_REQUEST_MESSAGE = 'Slot request future not created';

/** When the simulated job started (took its slots): a slow start begins `pendingMillis` before runningSince. */
const startedAt = (record: JobRecord): number => (record.runningSince ?? record.createTime) - record.plan.sim.pendingMillis;

const byId = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Slots the jobs of `holding` occupy, per owner node id, with the jobs in the order they took them. */
export function holdersByNode(holding: readonly JobRecord[]): Map<string, { slots: number; jobIds: string[] }> {
  const ordered = [...holding].sort((a, b) => startedAt(a) - startedAt(b) || byId(a.jobId, b.jobId));
  const nodes = new Map<string, { slots: number; jobIds: string[] }>();
  for (const record of ordered) {
    const entry = nodes.get(record.owner) ?? { slots: 0, jobIds: [] };
    entry.slots += slotsRequired(record.plan);
    entry.jobIds.push(record.jobId);
    nodes.set(record.owner, entry);
  }
  return nodes;
}

/** A worker's slots as SeaTunnel's WorkerProfile counts them: dynamic slots have no free pool, only those in use. */
export function workerSlots(worker: PendingWorker, held: number): { assigned: number; unassigned: number } {
  if (worker.slots.dynamic) return { assigned: held, unassigned: 0 };
  return { assigned: held, unassigned: Math.max(0, worker.slots.total - held) };
}

/**
 * The iteration order of a Java HashMap/HashSet holding `items` (inserted in that order) whose
 * keys hash to `hashOf`: bucket order in the final table, insertion order within a bucket (a
 * resize keeps that relative order).
 */
function javaHashOrder<T>(items: readonly T[], hashOf: (item: T) => number, capacity: number): T[] {
  const mask = capacity - 1;
  return items
    .map((item, index) => {
      const h = hashOf(item);
      return { item, index, bucket: ((h ^ (h >>> 16)) >>> 0) & mask };
    })
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.item);
}

/** Table size of a HashMap/HashSet grown from the default 16 by `size` insertions. */
function grownCapacity(size: number): number {
  let capacity = 16;
  while (size > capacity * 0.75) capacity *= 2;
  return capacity;
}

/** Table size of `new HashMap<>(map)` for a map of `size` entries (sized up front, Java 8–17). */
function copiedCapacity(size: number): number {
  const wanted = Math.floor(size / 0.75 + 1);
  let capacity = 1;
  while (capacity < wanted) capacity *= 2;
  return capacity;
}

/** Long.hashCode(): the two 32-bit halves xor-ed. */
function javaLongHash(decimal: string): number {
  const value = BigInt.asUintN(64, BigInt(decimal));
  return Number(BigInt.asIntN(32, value ^ (value >> 32n)));
}

/** Hazelcast's Address.hashCode(): 31 × port + host.hashCode(). */
const addressHash = (worker: PendingWorker): number => (Math.imul(31, worker.port) + javaStringHash(worker.host)) | 0;

/**
 * The ids of the jobs holding slots on the workers `tags` selects, other than `jobId` itself: the
 * jobs that, by holding them, keep it waiting. This is SeaTunnel's rule (every owner of an
 * assigned slot in the filtered view, not only the slots the job would have taken), collected in
 * a HashSet, hence in Long-hash order.
 */
function blockingJobs(workers: readonly PendingWorker[], holders: ReturnType<typeof holdersByNode>, tags: Record<string, string>, jobId: string): string[] {
  const seen = new Set<string>();
  for (const worker of workers) {
    if (!matchesTags(worker.tags, tags)) continue;
    for (const owner of holders.get(worker.nodeId)?.jobIds ?? []) if (owner !== jobId) seen.add(owner);
  }
  return javaHashOrder([...seen], javaLongHash, grownCapacity(seen.size));
}

/** The source vertex names (`Source[0]-FakeSource`) of each pipeline, by pipeline id. */
function pipelineSources(record: JobRecord): Map<number, string> {
  const names = new Map<number, string>();
  for (const vertex of record.plan.vertices) {
    if (vertex.type !== 'source') continue;
    const match = /^pipeline-(\d+) \[(.*)\]$/.exec(vertex.vertexName);
    if (match && !names.has(Number(match[1]))) names.set(Number(match[1]), match[2]!);
  }
  return names;
}

/**
 * The task groups a waiting job asks slots for, per pipeline, named and numbered as SeaTunnel's
 * PhysicalPlanGenerator does: task group ids count from 1 over the whole job, each pipeline's
 * coordinator (split enumerator) first, then its source tasks. None is allocated.
 */
function waitingPipelines(record: JobRecord): PendingPipelineDiagnostic[] {
  const pipelineIds = Object.keys(record.plan.pipelineEdges).map(Number).sort((a, b) => a - b);
  const ids = pipelineIds.length > 0 ? pipelineIds : [1];
  const sources = pipelineSources(record);
  const parallelism = record.plan.parallelism;
  const total = ids.length;
  let nextTaskGroupId = 1;
  return ids.map((pipelineId) => {
    const source = sources.get(pipelineId) ?? sources.values().next().value ?? 'Source[0]';
    const groups: { name: string; index: number; of: number }[] = [{ name: `${source}-SplitEnumerator`, index: 1, of: 1 }];
    for (let i = 1; i <= parallelism; i++) groups.push({ name: `${source}-SourceTask`, index: i, of: parallelism });
    const taskGroupDiagnostics = groups.map(({ name, index, of }): PendingTaskGroupDiagnostic => {
      const location: TaskGroupLocation = { jobId: record.jobId, pipelineId, taskGroupId: nextTaskGroupId++ };
      const locationText = `TaskGroupLocation{jobId=${location.jobId}, pipelineId=${pipelineId}, taskGroupId=${location.taskGroupId}}`;
      return {
        taskGroupLocation: location,
        taskFullName: `Job (${record.jobId}), Pipeline: [(${pipelineId}/${total})], task: [${name} (${index}/${of})], taskGroupLocation: [${locationText}]`,
        allocated: false,
        failureReason: NO_REQUEST_REASON,
        failureMessage: NO_REQUEST_MESSAGE,
      };
    });
    return {
      pipelineId,
      pipelineName: `Job ${record.jobName} (${record.jobId}), Pipeline: [(${pipelineId}/${total})]`,
      totalTaskGroups: taskGroupDiagnostics.length,
      allocatedTaskGroups: 0,
      lackingTaskGroups: taskGroupDiagnostics.length,
      taskGroupDiagnostics,
    };
  });
}

/**
 * When the queue's head was last checked, and how often so far. SeaTunnel's scheduler looks at the
 * head only: it checks it as soon as it reaches the head and every 3 s after, recording each
 * check. The simulator keeps no such log, so the checks are counted from when the job reached the
 * head: its enqueue time, or later if a job queued ahead of it started after it was queued (known
 * while that job still runs; one that has ended or was cancelled while waiting is not seen).
 */
function headChecks(head: JobRecord, holding: readonly JobRecord[], now: number): { checkTime: number; checkCount: number } {
  let since = head.createTime;
  for (const record of holding) {
    if (record.runningSince === null || record.createTime >= head.createTime) continue;
    const started = startedAt(record);
    if (started > since && started <= now) since = started;
  }
  const checks = Math.floor(Math.max(0, now - since) / WAIT_RETRY_MILLIS);
  return { checkTime: since + checks * WAIT_RETRY_MILLIS, checkCount: checks + 1 };
}

/** One pending job's diagnostic, checked at `checkTime` against the workers `tags` selects. */
function jobDiagnostic(
  record: JobRecord,
  check: { checkTime: number; checkCount: number; tags: Record<string, string> },
  workers: readonly PendingWorker[],
  holders: ReturnType<typeof holdersByNode>,
): PendingJobDiagnostic {
  const pipelines = waitingPipelines(record);
  const lacking = pipelines.flatMap((p) => p.taskGroupDiagnostics.filter((t) => !t.allocated));
  const total = pipelines.reduce((sum, p) => sum + p.totalTaskGroups, 0);
  return {
    jobId: record.jobId,
    jobName: record.jobName,
    // RESTORE is a job re-queued by a new master; the simulator does not tell those apart.
    pendingSourceState: 'SUBMIT',
    jobStatus: 'PENDING',
    enqueueTimestamp: record.createTime,
    checkTime: check.checkTime,
    waitDurationMs: check.checkTime - record.createTime,
    checkCount: check.checkCount,
    totalTaskGroups: total,
    allocatedTaskGroups: total - lacking.length,
    lackingTaskGroups: lacking.length,
    // The dominant reason of the lacking task groups, and their distinct messages: all the same here.
    ...(lacking.length > 0
      ? { failureReason: NO_REQUEST_REASON, failureMessage: NO_REQUEST_MESSAGE }
      : { failureReason: 'WAITING_SLOT_ASSIGNMENT', failureMessage: 'Job is waiting for scheduler to retry' }),
    tagFilter: { ...check.tags },
    blockingJobIds: blockingJobs(workers, holders, check.tags, record.jobId),
    pipelines,
    lackingTaskGroupDiagnostics: lacking,
  };
}

/**
 * The /pending-jobs answer for `query` over `state`, with SeaTunnel's selection rules:
 * - `jobId` picks that queued job (or none); otherwise the queue oldest first, cut to `limit` > 0.
 * - The head of the queue answers with its last scheduler check (no tag filter, checkCount ≥ 1,
 *   checkTime up to 3 s old); every other job is checked now against the request's tags
 *   (checkCount 0). The head's blocking jobs are those of now, not of its check time.
 * - The queue summary counts the whole queue, except lackingTaskGroups (the selected jobs only).
 * - The cluster snapshot's counts are tag-filtered; its worker list is not.
 */
export function pendingJobsReport(state: PendingQueueState, query: PendingJobsQuery): PendingJobsResponse {
  const { now, workers } = state;
  const queue = [...state.waiting].sort((a, b) => a.createTime - b.createTime || byId(a.jobId, b.jobId));
  const selected = query.jobId !== null ? queue.filter((r) => r.jobId === query.jobId) : query.limit > 0 ? queue.slice(0, query.limit) : queue;
  const holders = holdersByNode(state.holding);
  const head = queue[0];
  const pendingJobs = selected.map((record) =>
    record === head
      ? jobDiagnostic(record, { ...headChecks(record, state.holding, now), tags: {} }, workers, holders)
      : jobDiagnostic(record, { checkTime: now, checkCount: 0, tags: query.tags }, workers, holders),
  );

  let assignedSlots = 0;
  let freeSlots = 0;
  let workerCount = 0;
  for (const worker of workers) {
    if (!matchesTags(worker.tags, query.tags)) continue;
    const slots = workerSlots(worker, holders.get(worker.nodeId)?.slots ?? 0);
    workerCount++;
    assignedSlots += slots.assigned;
    freeSlots += slots.unassigned;
  }
  const workerViews = workers.map((worker): WorkerResourceDiagnostic => {
    const held = holders.get(worker.nodeId);
    const slots = workerSlots(worker, held?.slots ?? 0);
    return {
      address: `[${worker.host}]:${worker.port}`,
      tags: { ...worker.tags },
      totalSlots: slots.assigned + slots.unassigned,
      freeSlots: slots.unassigned,
      dynamicSlot: worker.slots.dynamic,
      runningJobIds: [...(held?.jobIds ?? [])],
    };
  });

  return {
    queueSummary: {
      size: queue.length,
      scheduleStrategy: state.strategy,
      // The queue is sorted by enqueue time: its ends are the oldest and newest.
      oldestEnqueueTimestamp: queue[0]?.createTime ?? 0,
      newestEnqueueTimestamp: queue[queue.length - 1]?.createTime ?? 0,
      lackingTaskGroups: pendingJobs.reduce((sum, job) => sum + job.lackingTaskGroups, 0),
    },
    clusterSnapshot: {
      totalSlots: assignedSlots + freeSlots,
      freeSlots,
      assignedSlots,
      workerCount,
      // Copied from the resource manager's worker map into a HashMap: Address-hash order.
      workers: javaHashOrder(
        workerViews.map((view, i) => ({ view, worker: workers[i]! })),
        ({ worker }) => addressHash(worker),
        copiedCapacity(workers.length),
      ).map(({ view }) => view),
    },
    pendingJobs,
  };
}
