import { formatSeaTunnelTime } from '../time-format.js';
import type { JobRecord } from '../job-record.js';
import { metricTotals } from '../metrics.js';
import type { JobSnapshot } from '../simulation.js';
import { connectorJarUrl } from './job-json.js';

/** Which REST flavour asks: v1 (Hazelcast REST) drops the running job's top-level envOptions. */
export type ApiVersion = 'v1' | 'v2';

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
