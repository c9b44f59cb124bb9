import type { JobRecord } from '../job-record.js';
import type { JobSnapshot } from '../simulation.js';
import { formatSeaTunnelTime } from '../time-format.js';
import { envOptionsJson } from './env-order.js';
import { metricsJson } from '../metrics.js';

/**
 * Job answers of SeaTunnel 2.3.8 (shared/oracle/captures/2.3.8): a running job carries the logical
 * DAG (`{vertices, edges}`) and its top-level envOptions on v1 too; a finished job carries its
 * JobDAGInfo as a JSON-encoded string (numeric ids, upper-case types, `connectorType`).
 */
export function legacyRunningJobJson(record: JobRecord, snapshot: JobSnapshot, pluginJarsUrls: string): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},"jobName":${JSON.stringify(record.jobName)},"jobStatus":${JSON.stringify(snapshot.status)},` +
    `"envOptions":${envOptionsJson(record.envOptions)},"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},` +
    `"jobDag":${JSON.stringify(record.plan.logical)},"pluginJarsUrls":${pluginJarsUrls},` +
    `"isStartWithSavePoint":${String(record.isStartWithSavePoint)},"metrics":${metricsJson(record, snapshot)}}`
  );
}

export function legacyFinishedJobJson(record: JobRecord, snapshot: JobSnapshot): string {
  return (
    `{"jobId":${JSON.stringify(record.jobId)},"jobName":${JSON.stringify(record.jobName)},"jobStatus":${JSON.stringify(snapshot.status)},` +
    `"errorMsg":${JSON.stringify(snapshot.errorMsg)},"createTime":${JSON.stringify(formatSeaTunnelTime(record.createTime))},` +
    `"finishTime":${JSON.stringify(formatSeaTunnelTime(snapshot.finishTime ?? record.createTime))},` +
    `"jobDag":${JSON.stringify(legacyDagText(record))},"pluginJarsUrls":[],"metrics":${metricsJson(record, snapshot)}}`
  );
}

/** JobDAGInfo as 2.3.8 stored it in history: Jackson text with the job id as a JSON number. */
function legacyDagText(record: JobRecord): string {
  const edges = Object.entries(record.plan.pipelineEdges)
    .map(([pipeline, list]) => `${JSON.stringify(pipeline)}:[${list.map((e) => `{"inputVertexId":${e.inputVertexId},"targetVertexId":${e.targetVertexId}}`).join(',')}]`)
    .join(',');
  const vertices = record.plan.vertices
    .map((v) => `"${v.vertexId}":{"vertexId":${v.vertexId},"type":"${v.type.toUpperCase()}","connectorType":${JSON.stringify(v.vertexName)}}`)
    .join(',');
  return `{"jobId":${record.jobId},"pipelineEdges":{${edges}},"vertexInfoMap":{${vertices}}}`;
}
