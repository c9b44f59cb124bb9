import { orderedEnvOptions } from './env-order.js';
import { formatSeaTunnelTime } from '../time-format.js';
import type { JobRecord } from '../job-record.js';
import { renderMetrics, metricTotals } from '../metrics.js';
import type { JobSnapshot } from '../simulation.js';
import { jobDagView } from './job-dag.js';
import { connectorJarUrl } from './job-json.js';

/** Which REST flavour asks: v1 (Hazelcast REST) drops the running job's top-level envOptions. */
export type ApiVersion = 'v1' | 'v2';

/** A job in engine_runningJobInfo, as running-jobs and job-info render it (SeaTunnel 2.3.9). */
export function runningJobView(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion, version = '2.3.9') {
  return {
    jobId: record.jobId,
    jobName: record.jobName,
    jobStatus: snapshot.status,
    ...(api === 'v2' ? { envOptions: orderedEnvOptions(record.envOptions) } : {}),
    createTime: formatSeaTunnelTime(record.createTime),
    jobDag: jobDagView(record),
    pluginJarsUrls: record.plan.pluginJars.map((artifact) => ({ jarPath: connectorJarUrl(artifact, version) })),
    isStartWithSavePoint: record.isStartWithSavePoint,
    metrics: renderMetrics(record, snapshot),
  };
}

/** A job in history, as job-info and finished-jobs render it (SeaTunnel 2.3.9). */
export function finishedJobView(record: JobRecord, snapshot: JobSnapshot) {
  return {
    jobId: record.jobId,
    jobName: record.jobName,
    jobStatus: snapshot.status,
    errorMsg: snapshot.errorMsg,
    createTime: formatSeaTunnelTime(record.createTime),
    finishTime: formatSeaTunnelTime(snapshot.finishTime ?? record.createTime),
    jobDag: jobDagView(record),
    pluginJarsUrls: [],
    metrics: renderMetrics(record, snapshot),
  };
}

/** The seed document's shape (SeaTunnel's first REST page): logical DAG and two lower-case counters. */
export function seedJobView(record: JobRecord, snapshot: JobSnapshot) {
  const { source, sink } = metricTotals(record, snapshot);
  const total = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
  return {
    jobId: record.jobId,
    jobName: record.jobName,
    jobStatus: snapshot.status,
    envOptions: record.envOptions,
    createTime: formatSeaTunnelTime(record.createTime),
    jobDag: record.plan.logical,
    pluginJarsUrls: record.plan.pluginJars.map((artifact) => ({ jarPath: connectorJarUrl(artifact, '2.3.9') })),
    isStartWithSavePoint: record.isStartWithSavePoint,
    metrics: {
      sourceReceivedCount: String(total(source.count)),
      sinkWriteCount: String(total(sink.count)),
    },
  };
}
