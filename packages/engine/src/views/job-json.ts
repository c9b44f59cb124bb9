import { envOptionsJson } from './env-order.js';
import type { JobRecord } from '../job-record.js';
import { metricsJson, type MetricShape } from '../metrics.js';
import type { JobPlan } from '../plan.js';
import type { JobSnapshot } from '../simulation.js';
import { formatSeaTunnelTime } from '../time-format.js';
import { jobDagView } from './job-dag.js';
import type { ApiVersion } from './job-views.js';

/**
 * Jobs rendered straight to JSON text, as SeaTunnel's BaseService builds them key by key (for the
 * endpoints that render many jobs per request). The parts that only depend on the plan (the DAG's
 * edges and vertices, the plugin jars) are rendered once per plan object (plans are shared between
 * records, see the cluster's job codec).
 */

/** How a release (2.3.9 and later) lays out a job. */
export interface JobShape {
  /** Version in the connector jar names of pluginJarsUrls. */
  connectorVersion: string;
  /** 2.3.12 (apache/seatunnel#9400): `startTime`, when the job was scheduled, after `createTime`. */
  startTime: boolean;
  metrics: MetricShape;
}
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

/** `"key":value,` as JSON.stringify writes a property, or nothing for an undefined value (it omits those). */
function prop(key: string, value: unknown): string {
  return value === undefined ? '' : `"${key}":${JSON.stringify(value)},`;
}

function jobDagJson(record: JobRecord, version: string): string {
  const text = planText(record, version);
  return `{"jobId":${JSON.stringify(record.jobId)},"pipelineEdges":${text.pipelineEdges},"envOptions":${envOptionsJson(record.envOptions)},"vertexInfoMap":${text.vertexInfoMap}}`;
}

/** `"startTime":…,` where the release has it: when the job was scheduled, null while it waits. */
function startTimeProp(record: JobRecord, snapshot: JobSnapshot, shape: JobShape): string {
  if (!shape.startTime) return '';
  const waiting = snapshot.status === 'PENDING' || snapshot.status === 'CREATED' || record.runningSince === null;
  return `"startTime":${waiting ? 'null' : JSON.stringify(formatSeaTunnelTime(record.runningSince!))},`;
}

/** A job in engine_runningJobInfo, as running-jobs and job-info render it (BaseService.convertToJson). */
export function runningJobJson(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion, shape: JobShape): string {
  const version = shape.connectorVersion;
  return (
    `{"jobId":${JSON.stringify(record.jobId)},${prop('jobName', record.jobName)}"jobStatus":${JSON.stringify(snapshot.status)},` +
    (api === 'v2' ? `"envOptions":${envOptionsJson(record.envOptions)},` : '') +
    `"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},${startTimeProp(record, snapshot, shape)}"jobDag":${jobDagJson(record, version)},` +
    `"pluginJarsUrls":${planText(record, version).pluginJarsUrls},${prop('isStartWithSavePoint', record.isStartWithSavePoint)}` +
    `"metrics":${metricsJson(record, snapshot, shape.metrics)}}`
  );
}

/** A job in history, as job-info and finished-jobs render it (BaseService.getJobInfoJson). */
export function finishedJobJson(record: JobRecord, snapshot: JobSnapshot, shape: JobShape): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},${prop('jobName', record.jobName)}"jobStatus":${JSON.stringify(snapshot.status)},` +
    `${prop('errorMsg', snapshot.errorMsg)}"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},${startTimeProp(record, snapshot, shape)}` +
    `"finishTime":${JSON.stringify(formatSeaTunnelTime(snapshot.finishTime ?? record.createTime))},` +
    `"jobDag":${jobDagJson(record, shape.connectorVersion)},"pluginJarsUrls":[],"metrics":${metricsJson(record, snapshot, shape.metrics)}}`
  );
}
