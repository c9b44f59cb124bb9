import { javaDoubleToString } from './java-double.js';
import { javaHashMapOrder } from './java-hash-map.js';
import type { JobRecord } from './job-record.js';
import { isEndState } from './job-status.js';
import { OBSERVABILITY_OFF, type ObservabilitySettings } from './observability.js';
import type { PlanVertex } from './plan.js';
import { projectJob } from './simulation.js';
import { arr, bool, gsonWrite, num, obj, type GsonTree } from './views/gson.js';

/**
 * Realtime metrics (3.0, apache/seatunnel#10572) as RealtimeMetricsService keeps them on the
 * master: every 5 s a collector samples the running jobs' cumulative counters, adds each delta to
 * the bucket of `floor(now / bucketMs) * bucketMs`, and keeps `retention_minutes` of buckets.
 * Here the counters are a function of the simulated rows (simulation.ts), so the buckets of any
 * instant are recomputed from the job record and the clock: every node gets the same answer.
 *
 * What a row costs is the model's own choice (SeaTunnel measures it): reading a row, passing it
 * through a transform chain and writing it to a sink take the fixed times below; the sink cost
 * can be raised per job (`sim.sink-write-micros-per-row`) to make the sink the bottleneck. Each
 * sink reads from an IntermediateQueue (BlockingQueue, 2048 per subtask), whose fill and producer
 * wait follow from the sink's utilisation ρ: below 1 the queue holds ρ²/(1-ρ) rows per subtask and
 * nobody waits; from 1 on it is full and producers wait 1 - 1/ρ of the time.
 * Sources: RealtimeMetricsService.java / RealtimeMetricsServlet.java (apache/seatunnel dev) and
 * docs/en/engines/zeta/realtime-observability.md §8-9.
 */

/** RealtimeMetricsService.POLL_INTERVAL_MS and METRICS_FETCH_TIMEOUT_MS. */
export const REALTIME_POLL_MILLIS = 5000;
const FETCH_TIMEOUT_MILLIS = 3000;
/** RealtimeMetricsServlet's default and largest `windowMs`. */
export const REALTIME_DEFAULT_WINDOW_MS = 180_000;
export const REALTIME_MAX_WINDOW_MS = 600_000;

const SOURCE_READ_NS_PER_ROW = 20_000;
const TRANSFORM_NS_PER_ROW = 8_000;
const SINK_WRITE_NS_PER_ROW = 50_000;
/** The engine's BlockingQueue capacity per subtask (docs: 2048; Disruptor 1024). */
const QUEUE_CAPACITY_PER_SUBTASK = 2048;
const NS_PER_MS = 1_000_000;

/** One vertex's cumulative counters at a sample (`SourceReadNs#<id>` … summed over subtasks). */
interface VertexCounters {
  subtasks: number;
  sourceReadNs: number;
  sourceIdleNs: number;
  transformProcessNs: number;
  transformRecordsIn: number;
  transformRecordsOut: number;
  sinkWriteNs: number;
  sinkRecordsIn: number;
}

/** One sink-input queue at a sample: cumulative producer wait, and size/capacity at that moment. */
interface QueueSample {
  subtasks: number;
  blockedNs: number;
  size: number;
  capacity: number;
}

interface Sample {
  vertices: Map<number, VertexCounters>;
  queues: Map<number, QueueSample>;
}

/** The observability settings of a job (OBSERVABILITY_OFF without the env block). */
export const observabilityOf = (record: JobRecord): ObservabilitySettings => record.plan.observability ?? OBSERVABILITY_OFF;

/** PhysicalPlanGenerator's id of a sink's input queue: -(2 * actionId + 1). */
const sinkQueueId = (sinkVertexId: number): number => -(2 * sinkVertexId + 1);

/** RealtimeMetricsService.decodeQueueTargetVertexId. */
function targetVertexOf(queueId: number): number {
  if (queueId >= 0) return queueId;
  const abs = Math.abs(queueId);
  return abs % 2 === 0 ? abs / 2 : (abs - 1) / 2;
}

function sinkNsPerRow(record: JobRecord): number {
  const raw = Number(record.envOptions['sim.sink-write-micros-per-row']);
  return Number.isFinite(raw) && raw >= 0 ? raw * 1000 : SINK_WRITE_NS_PER_ROW;
}

/** The source vertices upstream of `vertexId` (through the pipeline edges). */
function upstreamSources(record: JobRecord, vertexId: number): PlanVertex[] {
  const edges = Object.values(record.plan.pipelineEdges).flat();
  const byId = new Map(record.plan.vertices.map((v) => [v.vertexId, v]));
  const seen = new Set<number>();
  const found: PlanVertex[] = [];
  const walk = (id: number): void => {
    for (const e of edges) {
      if (e.targetVertexId !== id || seen.has(e.inputVertexId)) continue;
      seen.add(e.inputVertexId);
      const v = byId.get(e.inputVertexId);
      if (v?.type === 'source') found.push(v);
      else walk(e.inputVertexId);
    }
  };
  walk(vertexId);
  return found;
}

const sumRows = (rows: Record<string, number>, tables: readonly string[]): number => tables.reduce((a, t) => a + (rows[t] ?? 0), 0);

/** The counters the workers report at `t`, or null when the job's tasks are not running then. */
function sampleAt(record: JobRecord, t: number): Sample | null {
  if (record.runningSince === null || t < record.runningSince) return null;
  const snapshot = projectJob(record, t);
  if (isEndState(snapshot.status)) return null;
  const plan = record.plan;
  const readingNs = Math.max(0, snapshot.activeMillis - plan.sim.readerStartMillis) * NS_PER_MS;
  const earlier = projectJob(record, Math.max(record.runningSince, t - 1000)).rows;
  const vertices = new Map<number, VertexCounters>();
  const queues = new Map<number, QueueSample>();
  const zero = { sourceReadNs: 0, sourceIdleNs: 0, transformProcessNs: 0, transformRecordsIn: 0, transformRecordsOut: 0, sinkWriteNs: 0, sinkRecordsIn: 0 };
  for (const v of plan.vertices) {
    if (v.type === 'source') {
      const tables = plan.sourceTables.filter((table) => v.tablePaths.includes(table.tablePath));
      const subtasks = Math.max(1, Math.round((tables[0]?.rowsPerSecond ?? plan.sim.rowsPerSecond) / plan.sim.rowsPerSecond));
      const read = sumRows(snapshot.rows, v.tablePaths) * SOURCE_READ_NS_PER_ROW;
      vertices.set(v.vertexId, { ...zero, subtasks, sourceReadNs: read, sourceIdleNs: Math.max(0, readingNs * subtasks - read) });
    } else if (v.type === 'transform') {
      const rows = upstreamSources(record, v.vertexId).reduce((a, s) => a + sumRows(snapshot.rows, s.tablePaths), 0);
      vertices.set(v.vertexId, { ...zero, subtasks: plan.parallelism, transformProcessNs: rows * TRANSFORM_NS_PER_ROW, transformRecordsIn: rows, transformRecordsOut: rows });
    } else {
      const subtasks = plan.parallelism;
      const rows = sumRows(snapshot.rows, v.tablePaths);
      const perRow = sinkNsPerRow(record);
      vertices.set(v.vertexId, { ...zero, subtasks, sinkWriteNs: rows * perRow, sinkRecordsIn: rows });
      // Utilisation of each sink subtask at the nominal rate of the tables it writes.
      const rate = plan.sourceTables.filter((table) => v.tablePaths.includes(table.tablePath)).reduce((a, table) => a + table.rowsPerSecond, 0);
      const rho = rate > 0 ? (rate / subtasks) * (perRow / 1e9) : 0;
      const capacity = QUEUE_CAPACITY_PER_SUBTASK * subtasks;
      const producing = rows > sumRows(earlier, v.tablePaths);
      const perSubtask = rho >= 1 ? QUEUE_CAPACITY_PER_SUBTASK : Math.floor((rho * rho) / (1 - rho));
      const blockedNs = rho > 1 && rate > 0 ? Math.round((rows / rate) * 1e9 * subtasks * (1 - 1 / rho)) : 0;
      queues.set(sinkQueueId(v.vertexId), { subtasks, blockedNs, size: producing ? Math.min(capacity, perSubtask * subtasks) : 0, capacity });
    }
  }
  return { vertices, queues };
}

/** The master's in-memory buckets of one job, as they stand after the collector's tick at `lastTick`. */
type VertexBucket = VertexCounters;
interface EdgeBucket {
  emitBlockedNs: number;
  subtaskCount: number;
  queueSize: number;
  capacity: number;
}
interface Bucket {
  start: number;
  vertices: Map<number, VertexBucket>;
  edges: Map<number, EdgeBucket>;
}

const lastTickAt = (now: number): number => Math.floor(now / REALTIME_POLL_MILLIS) * REALTIME_POLL_MILLIS;
/** The first collector tick that saw the job in the running-job map. */
const firstTickOf = (record: JobRecord): number => Math.ceil(record.createTime / REALTIME_POLL_MILLIS) * REALTIME_POLL_MILLIS;

/** Whether the master's collector has the job at its last tick (in the running map, not ended). */
function listedAt(record: JobRecord, tick: number): boolean {
  return tick >= firstTickOf(record) && !isEndState(projectJob(record, tick).status);
}

function buckets(record: JobRecord, settings: ObservabilitySettings, lastTick: number, from: number): Bucket[] {
  const firstTick = firstTickOf(record);
  const retainedFrom = lastTick - settings.retentionMinutes * 60_000;
  const low = Math.max(from, retainedFrom);
  const out = new Map<number, Bucket>();
  // Start one tick early so the first bucket's deltas have their baseline.
  let tick = Math.max(firstTick, Math.floor(low / REALTIME_POLL_MILLIS) * REALTIME_POLL_MILLIS - REALTIME_POLL_MILLIS);
  let previous: Sample | null = tick - REALTIME_POLL_MILLIS >= firstTick ? sampleAt(record, tick - REALTIME_POLL_MILLIS) : null;
  for (; tick <= lastTick; tick += REALTIME_POLL_MILLIS) {
    const sample = sampleAt(record, tick);
    const start = Math.floor(tick / settings.bucketMs) * settings.bucketMs;
    if (start >= low) {
      let bucket = out.get(start);
      if (!bucket) out.set(start, (bucket = { start, vertices: new Map(), edges: new Map() }));
      for (const [id, c] of sample?.vertices ?? []) {
        const before = previous?.vertices.get(id) ?? c;
        const into = bucket.vertices.get(id) ?? { subtasks: 0, sourceReadNs: 0, sourceIdleNs: 0, transformProcessNs: 0, transformRecordsIn: 0, transformRecordsOut: 0, sinkWriteNs: 0, sinkRecordsIn: 0 };
        const delta = (key: Exclude<keyof VertexCounters, 'subtasks'>): number => Math.max(0, c[key] - before[key]);
        bucket.vertices.set(id, {
          subtasks: Math.max(into.subtasks, c.subtasks),
          sourceReadNs: into.sourceReadNs + delta('sourceReadNs'),
          sourceIdleNs: into.sourceIdleNs + delta('sourceIdleNs'),
          transformProcessNs: into.transformProcessNs + delta('transformProcessNs'),
          transformRecordsIn: into.transformRecordsIn + delta('transformRecordsIn'),
          transformRecordsOut: into.transformRecordsOut + delta('transformRecordsOut'),
          sinkWriteNs: into.sinkWriteNs + delta('sinkWriteNs'),
          sinkRecordsIn: into.sinkRecordsIn + delta('sinkRecordsIn'),
        });
      }
      for (const [id, q] of sample?.queues ?? []) {
        const before = previous?.queues.get(id) ?? q;
        const blocked = (bucket.edges.get(id)?.emitBlockedNs ?? 0) + Math.max(0, q.blockedNs - before.blockedNs);
        bucket.edges.set(id, { emitBlockedNs: blocked, subtaskCount: Math.max(1, q.subtasks), queueSize: q.size, capacity: q.capacity });
      }
    }
    // The service keeps the last sum of each counter; a job between runs reports none.
    if (sample) previous = sample;
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Gson over a `HashMap<String, Object>`: the members in the map's iteration order. */
function hashMap(members: [string, GsonTree][]): GsonTree {
  const byKey = new Map(members);
  return obj(javaHashMapOrder(members.map(([key]) => key)).map((key): [string, GsonTree] => [key, byKey.get(key)!]));
}
const long = (value: number): GsonTree => num(String(Math.trunc(value)));
const double = (value: number): GsonTree => num(javaDoubleToString(value));
/** RealtimeMetricsService.ratio01. */
const ratio01 = (denominator: number, numerator: number): number => (denominator <= 0 || numerator <= 0 ? 0 : Math.min(1, numerator / denominator));

function vertexPoint(ts: number, bucketMs: number, v: VertexBucket): GsonTree {
  const denominator = bucketMs * NS_PER_MS * Math.max(1, v.subtasks);
  return hashMap([
    ['ts', long(ts)],
    ['subtaskCount', long(v.subtasks)],
    ['sourceReadNs', long(v.sourceReadNs)],
    ['sourceIdleNs', long(v.sourceIdleNs)],
    ['sourceReadRatio', double(ratio01(denominator, v.sourceReadNs))],
    ['sourceIdleRatio', double(ratio01(denominator, v.sourceIdleNs))],
    ['transformProcessNs', long(v.transformProcessNs)],
    ['transformRecordsIn', long(v.transformRecordsIn)],
    ['transformRecordsOut', long(v.transformRecordsOut)],
    ['transformBusyRatio', double(ratio01(denominator, v.transformProcessNs))],
    ['transformProcessNsPerRecord', double(v.transformRecordsIn <= 0 ? 0 : v.transformProcessNs / v.transformRecordsIn)],
    ['sinkWriteNs', long(v.sinkWriteNs)],
    ['sinkRecordsIn', long(v.sinkRecordsIn)],
    ['sinkPrepareCommitNs', long(0)],
    ['sinkCommitNs', long(0)],
    ['sinkAbortNs', long(0)],
    ['sinkBusyRatio', double(ratio01(denominator, v.sinkWriteNs))],
    ['sinkWriteNsPerRecord', double(v.sinkRecordsIn <= 0 ? 0 : v.sinkWriteNs / v.sinkRecordsIn)],
  ]);
}

function edgePoint(ts: number, bucketMs: number, e: EdgeBucket): GsonTree {
  const size = e.capacity > 0 ? Math.min(Math.max(0, e.queueSize), e.capacity) : Math.max(0, e.queueSize);
  return hashMap([
    ['ts', long(ts)],
    ['emitBlockedNs', long(e.emitBlockedNs)],
    ['subtaskCount', long(e.subtaskCount)],
    ['bpRatio', double(e.subtaskCount <= 0 ? 0 : e.emitBlockedNs / (bucketMs * NS_PER_MS * e.subtaskCount))],
    ['queueCapacity', long(e.capacity)],
    ['queueSize', long(size)],
    ['queueFillRatio', double(e.capacity <= 0 ? 0 : size / e.capacity)],
  ]);
}

/** The collector's status block (getCollectorStatus): its last run is the last 5-second tick. */
function collectorTree(lastTick: number, enabledJobs: number): GsonTree {
  return hashMap([
    ['pollIntervalMs', long(REALTIME_POLL_MILLIS)],
    ['fetchTimeoutMs', long(FETCH_TIMEOUT_MILLIS)],
    ['lastCollectStartMs', long(lastTick)],
    ['lastCollectEndMs', long(lastTick)],
    ['lastRawMetricsFetchCostMs', long(enabledJobs > 0 ? 0 : -1)],
    ['lastRawMetricsBlobs', long(enabledJobs)],
    ['collectFailureCount', long(0)],
  ]);
}

/** GET /metrics/realtime/jobs: every job the master's collector has, by id, and the collector's status. */
export function realtimeJobsJson(records: readonly JobRecord[], now: number): string {
  const lastTick = lastTickAt(now);
  const listed = records.filter((r) => listedAt(r, lastTick)).sort((a, b) => (BigInt(a.jobId) < BigInt(b.jobId) ? -1 : 1));
  const jobs = listed.map((r) => {
    const s = observabilityOf(r);
    return hashMap([
      ['jobId', num(r.jobId)],
      ['enabled', bool(s.enabled)],
      ['bucketMs', long(s.bucketMs)],
      ['retentionMinutes', long(s.retentionMinutes)],
      ['latestBucketStartMs', long(s.enabled ? Math.floor(lastTick / s.bucketMs) * s.bucketMs : -1)],
    ]);
  });
  const enabled = listed.filter((r) => observabilityOf(r).enabled && sampleAt(r, lastTick) !== null).length;
  return gsonWrite(hashMap([['jobs', arr(jobs, (j) => j)], ['collector', collectorTree(lastTick, enabled)]]), false);
}

export type RealtimeSeries = 'vertices' | 'edges';

/**
 * GET /metrics/realtime/jobs/:id/(vertices|edges)?windowMs: `{}` for a job the collector does not
 * have, an empty series with `enabled: false` for one without observability, else the buckets
 * from `now - min(windowMs, retention)` on. `windowMs` is already clamped by the servlet.
 */
export function realtimeSeriesJson(record: JobRecord | null, series: RealtimeSeries, windowMs: number, now: number): string {
  const lastTick = lastTickAt(now);
  if (!record || !listedAt(record, lastTick)) return '{}';
  const s = observabilityOf(record);
  if (!s.enabled) {
    return gsonWrite(
      hashMap([
        ['enabled', bool(false)],
        ['bucketMs', long(s.bucketMs)],
        ['fromMs', long(Math.max(0, now - Math.max(0, windowMs)))],
        ['toMs', long(now)],
        [series, arr([], (x: GsonTree) => x)],
      ]),
      false,
    );
  }
  const from = Math.max(0, now - Math.min(Math.max(0, windowMs), s.retentionMinutes * 60_000));
  const selected = buckets(record, s, lastTick, from);
  const ids = new Set<number>();
  for (const b of selected) for (const id of (series === 'edges' ? b.edges : b.vertices).keys()) ids.add(id);
  const entries = [...ids].sort((a, b) => a - b).map((id) => {
    if (series === 'edges') {
      const points = selected.filter((b) => b.edges.has(id)).map((b) => edgePoint(b.start, s.bucketMs, b.edges.get(id)!));
      return hashMap([['queueId', long(id)], ['targetVertexId', long(targetVertexOf(id))], ['points', arr(points, (p) => p)]]);
    }
    const points = selected.filter((b) => b.vertices.has(id)).map((b) => vertexPoint(b.start, s.bucketMs, b.vertices.get(id)!));
    return hashMap([['vertexId', long(id)], ['points', arr(points, (p) => p)]]);
  });
  return gsonWrite(
    hashMap([
      ['bucketMs', long(s.bucketMs)],
      ['fromMs', long(from)],
      ['toMs', long(now)],
      [series, arr(entries, (e) => e)],
    ]),
    false,
  );
}
