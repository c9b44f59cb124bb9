import { javaDoubleToString } from './java-double.js';
import { javaHashMapOrder } from './java-hash-map.js';
import type { JobRecord } from './job-record.js';
import type { JobSnapshot } from './simulation.js';

/** SeaTunnel's 16-key REST metrics object; every leaf is a string, as SeaTunnel sends it. */
export interface JobMetricsView {
  SourceReceivedCount: string;
  SinkWriteCount: string;
  SourceReceivedBytes: string;
  SinkWriteBytes: string;
  SourceReceivedQPS: string;
  SinkWriteQPS: string;
  SourceReceivedBytesPerSeconds: string;
  SinkWriteBytesPerSeconds: string;
  TableSourceReceivedCount: Record<string, string>;
  TableSinkWriteCount: Record<string, string>;
  TableSourceReceivedBytes: Record<string, string>;
  TableSinkWriteBytes: Record<string, string>;
  TableSourceReceivedQPS: Record<string, string>;
  TableSinkWriteQPS: Record<string, string>;
  TableSourceReceivedBytesPerSeconds: Record<string, string>;
  TableSinkWriteBytesPerSeconds: Record<string, string>;
}

interface Totals {
  count: Record<string, number>;
  bytes: Record<string, number>;
}

const add = (into: Record<string, number>, key: string, value: number): void => {
  into[key] = (into[key] ?? 0) + value;
};
const sum = (values: Record<string, number>): number => Object.values(values).reduce((a, b) => a + b, 0);
const counts = (values: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

/** Numeric metrics of a snapshot: rows and bytes per table on the source and the sink side. */
export function metricTotals(record: JobRecord, snapshot: JobSnapshot): { source: Totals; sink: Totals } {
  const bytesPerRow = new Map(record.plan.sourceTables.map((t) => [t.tablePath, t.bytesPerRow]));
  const source: Totals = { count: {}, bytes: {} };
  for (const [table, rows] of Object.entries(snapshot.rows)) {
    add(source.count, table, rows);
    add(source.bytes, table, rows * (bytesPerRow.get(table) ?? 0));
  }
  const sink: Totals = { count: {}, bytes: {} };
  for (const s of record.plan.sinks) {
    for (const table of s.tablePaths) {
      const rows = snapshot.rows[table] ?? 0;
      add(sink.count, table, rows);
      add(sink.bytes, table, rows * (bytesPerRow.get(table) ?? 0));
    }
  }
  return { source, sink };
}

/** Renders the REST metrics object for a job at a snapshot (rates = totals over active time). */
export function renderMetrics(record: JobRecord, snapshot: JobSnapshot): JobMetricsView {
  const { source, sink } = metricTotals(record, snapshot);
  const seconds = snapshot.activeMillis / 1000;
  const rate = (value: number): string => javaDoubleToString(seconds > 0 ? value / seconds : 0);
  const rates = (values: Record<string, number>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, rate(v)]));
  // A job that has not started reports SeaTunnel's empty metrics: zeros and empty per-table maps.
  const pending = snapshot.status === 'PENDING' || snapshot.status === 'CREATED';
  const tableMap = <T>(value: T): T | Record<string, never> => (pending ? {} : value);
  const sourceMap = <T>(value: T): T | Record<string, never> => (pending || !snapshot.readersStarted ? {} : value);
  const byName: JobMetricsView = {
    SourceReceivedCount: String(sum(source.count)),
    SinkWriteCount: String(sum(sink.count)),
    SourceReceivedBytes: String(sum(source.bytes)),
    SinkWriteBytes: String(sum(sink.bytes)),
    SourceReceivedQPS: rate(sum(source.count)),
    SinkWriteQPS: rate(sum(sink.count)),
    SourceReceivedBytesPerSeconds: rate(sum(source.bytes)),
    SinkWriteBytesPerSeconds: rate(sum(sink.bytes)),
    TableSourceReceivedCount: sourceMap(counts(source.count)),
    TableSinkWriteCount: tableMap(counts(sink.count)),
    TableSourceReceivedBytes: sourceMap(counts(source.bytes)),
    TableSinkWriteBytes: tableMap(counts(sink.bytes)),
    TableSourceReceivedQPS: sourceMap(rates(source.count)),
    TableSinkWriteQPS: tableMap(rates(sink.count)),
    TableSourceReceivedBytesPerSeconds: sourceMap(rates(source.bytes)),
    TableSinkWriteBytesPerSeconds: tableMap(rates(sink.bytes)),
  };
  // SeaTunnel's map is a HashMap: render in its iteration order (per-table maps too).
  const ordered: Record<string, unknown> = {};
  for (const name of javaHashMapOrder(Object.keys(byName))) {
    const value = byName[name as keyof JobMetricsView];
    ordered[name] = typeof value === 'string' ? value : Object.fromEntries(javaHashMapOrder(Object.keys(value)).map((k) => [k, value[k]]));
  }
  return ordered as unknown as JobMetricsView;
}
