import { javaDoubleToString } from './java-double.js';
import { javaHashMapOrder } from './java-hash-map.js';
import type { JobRecord } from './job-record.js';
import type { JobSnapshot } from './simulation.js';

/** A metric of SeaTunnel's REST `metrics` object; `Table*` ones are maps of table → value. */
export type MetricName =
  | 'SourceReceivedCount' | 'SinkWriteCount' | 'SourceReceivedBytes' | 'SinkWriteBytes'
  | 'SourceReceivedQPS' | 'SinkWriteQPS' | 'SourceReceivedBytesPerSeconds' | 'SinkWriteBytesPerSeconds'
  | 'TableSourceReceivedCount' | 'TableSinkWriteCount' | 'TableSourceReceivedBytes' | 'TableSinkWriteBytes'
  | 'TableSourceReceivedQPS' | 'TableSinkWriteQPS' | 'TableSourceReceivedBytesPerSeconds' | 'TableSinkWriteBytesPerSeconds'
  // 2.3.12 (apache/seatunnel#9550)
  | 'IntermediateQueueSize'
  // 2.3.13 (#10100): what sinks committed after a checkpoint, beside what they wrote
  | 'SinkCommittedCount' | 'SinkCommittedBytes' | 'SinkCommittedQPS' | 'SinkCommittedBytesPerSeconds'
  | 'TableSinkCommittedCount' | 'TableSinkCommittedBytes' | 'TableSinkCommittedQPS' | 'TableSinkCommittedBytesPerSeconds';

/** How a release renders a job's metrics. */
export interface MetricShape {
  /**
   * The keys in the order SeaTunnel's HashMap iterates them (computed with a JDK HashMap filled in
   * the release's insertion order; javaHashMapOrder reproduces the first two, see metrics.test.ts).
   */
  order: readonly MetricName[];
  /** 2.3.13 (#10273): per-table keys name their vertex, `Source[0].fake` / `Sink[1].fake`. */
  vertexQualifiedTables: boolean;
  /** 2.3.12 only: #9550 moved the count/rate split, so TableSourceReceivedQPS is summed as whole numbers (#10100 fixed it). */
  wholeTableSourceQps: boolean;
}

/** SeaTunnel 2.3.8 to 2.3.11: 16 keys. */
export const METRICS_2_3_8: MetricShape = {
  order: [
    'TableSourceReceivedCount', 'TableSourceReceivedQPS', 'TableSinkWriteQPS', 'TableSinkWriteCount', 'SinkWriteCount',
    'SinkWriteBytesPerSeconds', 'TableSinkWriteBytesPerSeconds', 'SinkWriteQPS', 'SourceReceivedBytes', 'SourceReceivedBytesPerSeconds',
    'SourceReceivedCount', 'SourceReceivedQPS', 'TableSourceReceivedBytesPerSeconds', 'TableSourceReceivedBytes', 'SinkWriteBytes', 'TableSinkWriteBytes',
  ],
  vertexQualifiedTables: false,
  wholeTableSourceQps: false,
};

/** 2.3.12: IntermediateQueueSize joins (#9550). */
export const METRICS_2_3_12: MetricShape = {
  order: [
    'TableSourceReceivedCount', 'TableSourceReceivedQPS', 'TableSinkWriteQPS', 'TableSinkWriteCount', 'SinkWriteCount',
    'SinkWriteBytesPerSeconds', 'TableSinkWriteBytesPerSeconds', 'SinkWriteQPS', 'IntermediateQueueSize', 'SourceReceivedBytes',
    'SourceReceivedBytesPerSeconds', 'SourceReceivedCount', 'SourceReceivedQPS', 'TableSourceReceivedBytesPerSeconds', 'TableSourceReceivedBytes',
    'SinkWriteBytes', 'TableSinkWriteBytes',
  ],
  vertexQualifiedTables: false,
  wholeTableSourceQps: true,
};

/** 2.3.13: the SinkCommitted family (#10100) and vertex-qualified table keys (#10273); 25 keys in a 64-bucket map. */
export const METRICS_2_3_13: MetricShape = {
  order: [
    'TableSourceReceivedCount', 'TableSourceReceivedQPS', 'SinkCommittedCount', 'TableSinkWriteQPS', 'TableSinkWriteCount',
    'TableSinkCommittedQPS', 'SinkWriteBytesPerSeconds', 'TableSinkWriteBytesPerSeconds', 'TableSinkCommittedBytesPerSeconds',
    'IntermediateQueueSize', 'SinkCommittedBytesPerSeconds', 'SourceReceivedBytes', 'SourceReceivedCount', 'TableSourceReceivedBytes',
    'SinkCommittedBytes', 'SinkCommittedQPS', 'TableSinkCommittedBytes', 'SinkWriteCount', 'SinkWriteQPS', 'TableSinkCommittedCount',
    'SourceReceivedBytesPerSeconds', 'SourceReceivedQPS', 'TableSourceReceivedBytesPerSeconds', 'SinkWriteBytes', 'TableSinkWriteBytes',
  ],
  vertexQualifiedTables: true,
  wholeTableSourceQps: false,
};

/** Rows and bytes per key (a table path, or `<vertex>.<table path>`). */
interface Totals {
  count: Record<string, number>;
  bytes: Record<string, number>;
}

const add = (into: Record<string, number>, key: string, value: number): void => {
  into[key] = (into[key] ?? 0) + value;
};

/** `Source[0]` of a vertex named after its action (`pipeline-1 [Source[0]-FakeSource]`), as BaseService finds it. */
const vertexIdentifier = (vertexName: string): string | null => /(?:Sink|Source|Transform)\[\d+\]/.exec(vertexName)?.[0] ?? null;

/**
 * Numeric metrics of a snapshot: rows and bytes per table on the source side, written and
 * committed on the sink side. Sink tables are summed over the sinks that write them, or kept per
 * sink vertex when `byVertex` (2.3.13's keys).
 */
export function metricTotals(record: JobRecord, snapshot: JobSnapshot, byVertex = false): { source: Totals; sink: Totals; committed: Totals } {
  const bytesPerRow = new Map(record.plan.sourceTables.map((t) => [t.tablePath, t.bytesPerRow]));
  const vertices = new Map(record.plan.vertices.map((v) => [v.vertexId, v]));
  const source: Totals = { count: {}, bytes: {} };
  const sourceKey = (table: string): string => {
    if (!byVertex) return table;
    const vertex = record.plan.vertices.find((v) => v.type === 'source' && v.tablePaths.includes(table));
    const identifier = vertex && vertexIdentifier(vertex.vertexName);
    return identifier ? `${identifier}.${table}` : table;
  };
  for (const [table, rows] of Object.entries(snapshot.rows)) {
    add(source.count, sourceKey(table), rows);
    add(source.bytes, sourceKey(table), rows * (bytesPerRow.get(table) ?? 0));
  }
  const sink: Totals = { count: {}, bytes: {} };
  const committed: Totals = { count: {}, bytes: {} };
  for (const s of record.plan.sinks) {
    const vertex = vertices.get(s.vertexId);
    const identifier = byVertex && vertex ? vertexIdentifier(vertex.vertexName) : null;
    for (const table of s.tablePaths) {
      const key = identifier ? `${identifier}.${table}` : table;
      const perRow = bytesPerRow.get(table) ?? 0;
      const written = snapshot.rows[table] ?? 0;
      const done = snapshot.committedRows[table] ?? 0;
      add(sink.count, key, written);
      add(sink.bytes, key, written * perRow);
      add(committed.count, key, done);
      add(committed.bytes, key, done * perRow);
    }
  }
  return { source, sink, committed };
}

/** HashMap orders by key set, memoised: listings render the same few key sets thousands of times. */
const orders = new Map<string, string[]>();
function hashOrder(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  const id = keys.join('\u0000');
  let order = orders.get(id);
  if (!order) {
    order = javaHashMapOrder(keys);
    if (orders.size < 10_000) orders.set(id, order);
  }
  return order;
}

/** `{"t1":"v1",...}`: per-table values in the order of SeaTunnel's HashMap of table names. */
function tableMap(values: Record<string, number>, format: (value: number) => string): string {
  let out = '{';
  let first = true;
  for (const key of hashOrder(Object.keys(values))) {
    out += `${first ? '' : ','}${JSON.stringify(key)}:"${format(values[key]!)}"`;
    first = false;
  }
  return `${out}}`;
}

function total(values: Record<string, number>): number {
  let sum = 0;
  for (const key in values) sum += values[key]!;
  return sum;
}

/**
 * The job's `metrics` object as JSON text, as the release renders it: every value a string, every
 * key present (zeros and empty per-table maps before anything ran), in its HashMap's order; rates
 * are totals over the job's active time, as Java prints a double.
 */
export function metricsJson(record: JobRecord, snapshot: JobSnapshot, shape: MetricShape = METRICS_2_3_8): string {
  const { source, sink, committed } = metricTotals(record, snapshot, shape.vertexQualifiedTables);
  const seconds = snapshot.activeMillis / 1000;
  const rate = (value: number): string => javaDoubleToString(seconds > 0 ? value / seconds : 0);
  const wholeRate = (value: number): string => String(Math.trunc(seconds > 0 ? value / seconds : 0));
  // Per-table maps exist once the job runs (sink side) and its readers have started (source side).
  const pending = snapshot.status === 'PENDING' || snapshot.status === 'CREATED';
  const sourceReady = !pending && snapshot.readersStarted;
  const sinkTables = (values: Record<string, number>, format: (value: number) => string): string => (pending ? '{}' : tableMap(values, format));
  const sourceTables = (values: Record<string, number>, format: (value: number) => string): string => (sourceReady ? tableMap(values, format) : '{}');
  const quoted = (text: string): string => `"${text}"`;
  const value = (name: MetricName): string => {
    switch (name) {
      case 'SourceReceivedCount': return quoted(String(total(source.count)));
      case 'SinkWriteCount': return quoted(String(total(sink.count)));
      case 'SourceReceivedBytes': return quoted(String(total(source.bytes)));
      case 'SinkWriteBytes': return quoted(String(total(sink.bytes)));
      case 'SourceReceivedQPS': return quoted(rate(total(source.count)));
      case 'SinkWriteQPS': return quoted(rate(total(sink.count)));
      case 'SourceReceivedBytesPerSeconds': return quoted(rate(total(source.bytes)));
      case 'SinkWriteBytesPerSeconds': return quoted(rate(total(sink.bytes)));
      case 'TableSourceReceivedCount': return sourceTables(source.count, String);
      case 'TableSinkWriteCount': return sinkTables(sink.count, String);
      case 'TableSourceReceivedBytes': return sourceTables(source.bytes, String);
      case 'TableSinkWriteBytes': return sinkTables(sink.bytes, String);
      case 'TableSourceReceivedQPS': return sourceTables(source.count, shape.wholeTableSourceQps ? wholeRate : rate);
      case 'TableSinkWriteQPS': return sinkTables(sink.count, rate);
      case 'TableSourceReceivedBytesPerSeconds': return sourceTables(source.bytes, rate);
      case 'TableSinkWriteBytesPerSeconds': return sinkTables(sink.bytes, rate);
      // The simulation has no intermediate queue between tasks: nothing is ever waiting in one.
      case 'IntermediateQueueSize': return '"0"';
      case 'SinkCommittedCount': return quoted(String(total(committed.count)));
      case 'SinkCommittedBytes': return quoted(String(total(committed.bytes)));
      case 'SinkCommittedQPS': return quoted(rate(total(committed.count)));
      case 'SinkCommittedBytesPerSeconds': return quoted(rate(total(committed.bytes)));
      case 'TableSinkCommittedCount': return sinkTables(committed.count, String);
      case 'TableSinkCommittedBytes': return sinkTables(committed.bytes, String);
      case 'TableSinkCommittedQPS': return sinkTables(committed.count, rate);
      case 'TableSinkCommittedBytesPerSeconds': return sinkTables(committed.bytes, rate);
    }
  };
  let out = '{';
  for (const name of shape.order) out += `${out.length > 1 ? ',' : ''}"${name}":${value(name)}`;
  return `${out}}`;
}
