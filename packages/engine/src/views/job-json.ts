import { javaDoubleToString } from '../java-double.js';
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
  pipelineEdges: string;
  vertexInfoMap: string;
  pluginJarsUrls: string;
}

const planTexts = new WeakMap<JobPlan, PlanText>();

function planText(record: JobRecord): PlanText {
  let text = planTexts.get(record.plan);
  if (!text) {
    const dag = jobDagView(record);
    text = {
      pipelineEdges: JSON.stringify(dag.pipelineEdges),
      vertexInfoMap: JSON.stringify(dag.vertexInfoMap),
      pluginJarsUrls: JSON.stringify(record.plan.pluginJars.map((jarPath) => ({ jarPath }))),
    };
    planTexts.set(record.plan, text);
  }
  return text;
}

/** `{"t1":"v1",...}` in the object's own key order, as JSON.stringify writes a Record<string,string>. */
function tableMap(values: Record<string, number>, format: (value: number) => string): string {
  let out = '{';
  let first = true;
  for (const key in values) {
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

/** JSON text of renderMetrics(record, snapshot). */
export function metricsJson(record: JobRecord, snapshot: JobSnapshot): string {
  const { source, sink } = metricTotals(record, snapshot);
  const seconds = snapshot.activeMillis / 1000;
  const rate = (value: number): string => javaDoubleToString(seconds > 0 ? value / seconds : 0);
  const pending = snapshot.status === 'PENDING' || snapshot.status === 'CREATED';
  const tables = (values: Record<string, number>, format: (value: number) => string): string => (pending ? '{}' : tableMap(values, format));
  const sourceCount = total(source.count);
  const sinkCount = total(sink.count);
  const sourceBytes = total(source.bytes);
  const sinkBytes = total(sink.bytes);
  return (
    `{"SourceReceivedCount":"${String(sourceCount)}","SinkWriteCount":"${String(sinkCount)}",` +
    `"SourceReceivedBytes":"${String(sourceBytes)}","SinkWriteBytes":"${String(sinkBytes)}",` +
    `"SourceReceivedQPS":"${rate(sourceCount)}","SinkWriteQPS":"${rate(sinkCount)}",` +
    `"SourceReceivedBytesPerSeconds":"${rate(sourceBytes)}","SinkWriteBytesPerSeconds":"${rate(sinkBytes)}",` +
    `"TableSourceReceivedCount":${tables(source.count, String)},"TableSinkWriteCount":${tables(sink.count, String)},` +
    `"TableSourceReceivedBytes":${tables(source.bytes, String)},"TableSinkWriteBytes":${tables(sink.bytes, String)},` +
    `"TableSourceReceivedQPS":${tables(source.count, rate)},"TableSinkWriteQPS":${tables(sink.count, rate)},` +
    `"TableSourceReceivedBytesPerSeconds":${tables(source.bytes, rate)},"TableSinkWriteBytesPerSeconds":${tables(sink.bytes, rate)}}`
  );
}

/** `"key":value,` as JSON.stringify writes a property, or nothing for an undefined value (it omits those). */
function prop(key: string, value: unknown): string {
  return value === undefined ? '' : `"${key}":${JSON.stringify(value)},`;
}

function jobDagJson(record: JobRecord): string {
  const text = planText(record);
  return `{"jobId":${JSON.stringify(record.jobId)},"pipelineEdges":${text.pipelineEdges},${prop('envOptions', record.envOptions)}"vertexInfoMap":${text.vertexInfoMap}}`;
}

/** JSON text of runningJobView(record, snapshot, api). */
export function runningJobJson(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},${prop('jobName', record.jobName)}"jobStatus":${JSON.stringify(snapshot.status)},` +
    (api === 'v2' ? prop('envOptions', record.envOptions) : '') +
    `"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},"jobDag":${jobDagJson(record)},` +
    `"pluginJarsUrls":${planText(record).pluginJarsUrls},${prop('isStartWithSavePoint', record.isStartWithSavePoint)}` +
    `"metrics":${metricsJson(record, snapshot)}}`
  );
}

/** JSON text of finishedJobView(record, snapshot). */
export function finishedJobJson(record: JobRecord, snapshot: JobSnapshot): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},${prop('jobName', record.jobName)}"jobStatus":${JSON.stringify(snapshot.status)},` +
    `${prop('errorMsg', snapshot.errorMsg)}"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},` +
    `"finishTime":${JSON.stringify(formatSeaTunnelTime(snapshot.finishTime ?? record.createTime))},` +
    `"jobDag":${jobDagJson(record)},"pluginJarsUrls":[],"metrics":${metricsJson(record, snapshot)}}`
  );
}
