import { javaDoubleToString } from '../java-double.js';
import { javaHashMapOrder } from '../java-hash-map.js';
import { envOptionsJson } from './env-order.js';
import type { JobRecord } from '../job-record.js';
import { metricTotals } from '../metrics.js';
import type { JobPlan } from '../plan.js';
import type { JobSnapshot } from '../simulation.js';
import { formatSeaTunnelTime } from '../time-format.js';
import { jobDagView } from './job-dag.js';
import type { ApiVersion } from './job-views.js';

/**
 * The job views of job-views.ts rendered straight to JSON text, byte for byte what
 * `JSON.stringify(runningJobView(...))` / `JSON.stringify(finishedJobView(...))` give (the
 * tests compare them), for the endpoints that render many jobs per request. The parts that only
 * depend on the plan (the DAG's edges and vertices, the plugin jars) are rendered once per plan
 * object (plans are shared between records, see the cluster's job codec); the metrics are
 * written without building the 16-key object.
 */
interface PlanText {
  /** The connector version the jar paths were rendered for. */
  version: string;
  pipelineEdges: string;
  vertexInfoMap: string;
  pluginJarsUrls: string;
}

const planTexts = new WeakMap<JobPlan, PlanText>();

/** Where a release's connector jars are, as SeaTunnel lists them in pluginJarsUrls. */
export function connectorJarUrl(artifact: string, version: string): string {
  return `file:/opt/seatunnel/connectors/${artifact}-${version}.jar`;
}

/** `[{"jarPath":…}]` of a plan for a release. */
export function pluginJarsJson(plan: JobPlan, version: string): string {
  return JSON.stringify(plan.pluginJars.map((artifact) => ({ jarPath: connectorJarUrl(artifact, version) })));
}

function planText(record: JobRecord, version: string): PlanText {
  let text = planTexts.get(record.plan);
  if (!text || text.version !== version) {
    const dag = jobDagView(record);
    text = {
      version,
      pipelineEdges: JSON.stringify(dag.pipelineEdges),
      vertexInfoMap: JSON.stringify(dag.vertexInfoMap),
      pluginJarsUrls: pluginJarsJson(record.plan, version),
    };
    planTexts.set(record.plan, text);
  }
  return text;
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

/** The metric names in the order SeaTunnel puts them into its map (the render order is the HashMap's). */
export const METRIC_NAMES = [
  'SourceReceivedCount', 'SinkWriteCount', 'SourceReceivedBytes', 'SinkWriteBytes', 'SourceReceivedQPS', 'SinkWriteQPS',
  'SourceReceivedBytesPerSeconds', 'SinkWriteBytesPerSeconds', 'TableSourceReceivedCount', 'TableSinkWriteCount',
  'TableSourceReceivedBytes', 'TableSinkWriteBytes', 'TableSourceReceivedQPS', 'TableSinkWriteQPS',
  'TableSourceReceivedBytesPerSeconds', 'TableSinkWriteBytesPerSeconds',
] as const;
const METRIC_ORDER = javaHashMapOrder(METRIC_NAMES);

/** JSON text of renderMetrics(record, snapshot): SeaTunnel's metrics map, keys in its HashMap order. */
export function metricsJson(record: JobRecord, snapshot: JobSnapshot): string {
  const { source, sink } = metricTotals(record, snapshot);
  const seconds = snapshot.activeMillis / 1000;
  const rate = (value: number): string => javaDoubleToString(seconds > 0 ? value / seconds : 0);
  // Per-table maps exist once the job runs (sink side) and its readers have started (source side).
  const pending = snapshot.status === 'PENDING' || snapshot.status === 'CREATED';
  const sourceReady = !pending && snapshot.readersStarted;
  const tables = (values: Record<string, number>, format: (value: number) => string): string => (pending ? '{}' : tableMap(values, format));
  const sourceTables = (values: Record<string, number>, format: (value: number) => string): string => (sourceReady ? tableMap(values, format) : '{}');
  const sourceCount = total(source.count);
  const sinkCount = total(sink.count);
  const sourceBytes = total(source.bytes);
  const sinkBytes = total(sink.bytes);
  const values: Record<(typeof METRIC_NAMES)[number], string> = {
    SourceReceivedCount: `"${String(sourceCount)}"`,
    SinkWriteCount: `"${String(sinkCount)}"`,
    SourceReceivedBytes: `"${String(sourceBytes)}"`,
    SinkWriteBytes: `"${String(sinkBytes)}"`,
    SourceReceivedQPS: `"${rate(sourceCount)}"`,
    SinkWriteQPS: `"${rate(sinkCount)}"`,
    SourceReceivedBytesPerSeconds: `"${rate(sourceBytes)}"`,
    SinkWriteBytesPerSeconds: `"${rate(sinkBytes)}"`,
    TableSourceReceivedCount: sourceTables(source.count, String),
    TableSinkWriteCount: tables(sink.count, String),
    TableSourceReceivedBytes: sourceTables(source.bytes, String),
    TableSinkWriteBytes: tables(sink.bytes, String),
    TableSourceReceivedQPS: sourceTables(source.count, rate),
    TableSinkWriteQPS: tables(sink.count, rate),
    TableSourceReceivedBytesPerSeconds: sourceTables(source.bytes, rate),
    TableSinkWriteBytesPerSeconds: tables(sink.bytes, rate),
  };
  let out = '{';
  for (const name of METRIC_ORDER) out += `${out.length > 1 ? ',' : ''}"${name}":${values[name as (typeof METRIC_NAMES)[number]]}`;
  return `${out}}`;
}

/** `"key":value,` as JSON.stringify writes a property, or nothing for an undefined value (it omits those). */
function prop(key: string, value: unknown): string {
  return value === undefined ? '' : `"${key}":${JSON.stringify(value)},`;
}

function jobDagJson(record: JobRecord, version: string): string {
  const text = planText(record, version);
  return `{"jobId":${JSON.stringify(record.jobId)},"pipelineEdges":${text.pipelineEdges},"envOptions":${envOptionsJson(record.envOptions)},"vertexInfoMap":${text.vertexInfoMap}}`;
}

/** JSON text of runningJobView(record, snapshot, api). */
export function runningJobJson(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion, version: string): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},${prop('jobName', record.jobName)}"jobStatus":${JSON.stringify(snapshot.status)},` +
    (api === 'v2' ? `"envOptions":${envOptionsJson(record.envOptions)},` : '') +
    `"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},"jobDag":${jobDagJson(record, version)},` +
    `"pluginJarsUrls":${planText(record, version).pluginJarsUrls},${prop('isStartWithSavePoint', record.isStartWithSavePoint)}` +
    `"metrics":${metricsJson(record, snapshot)}}`
  );
}

/** JSON text of finishedJobView(record, snapshot). */
export function finishedJobJson(record: JobRecord, snapshot: JobSnapshot, version: string): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},${prop('jobName', record.jobName)}"jobStatus":${JSON.stringify(snapshot.status)},` +
    `${prop('errorMsg', snapshot.errorMsg)}"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},` +
    `"finishTime":${JSON.stringify(formatSeaTunnelTime(snapshot.finishTime ?? record.createTime))},` +
    `"jobDag":${jobDagJson(record, version)},"pluginJarsUrls":[],"metrics":${metricsJson(record, snapshot)}}`
  );
}
