import { javaDoubleToString } from './java-double.js';

/** One metric family to export, independent of the Prometheus library that writes it. */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  labelNames: string[];
  samples: { labels: Record<string, string>; value: number }[];
}

/** SeaTunnel's job_count types, and the JobStatus each counts. */
export const JOB_COUNT_TYPES: readonly [string, string][] = [
  ['canceled', 'CANCELED'],
  ['cancelling', 'CANCELING'],
  ['created', 'CREATED'],
  ['failed', 'FAILED'],
  ['failing', 'FAILING'],
  ['finished', 'FINISHED'],
  ['running', 'RUNNING'],
  ['scheduled', 'SCHEDULED'],
  ['pending', 'PENDING'],
  ['doing_savepoint', 'DOING_SAVEPOINT'],
  ['savepoint_done', 'SAVEPOINT_DONE'],
];

export interface TelemetryInput {
  clusterName: string;
  /** "host:port" of the answering node and of the master. */
  address: string;
  masterAddress: string;
  nodeCount: number;
  /** Cluster clock, epoch ms. */
  clusterTime: number;
  /** Job counts by JobStatus; null on a non-master node, which exports none (as in SeaTunnel). */
  jobCounts: Record<string, number> | null;
  /** This node's job executor: jobs it runs now and jobs it has run to an end. */
  activeJobs: number;
  completedJobs: number;
}

/** Hazelcast's executors with the figures of an idle 5.x member (max pool size, queue capacity). */
const EXECUTORS: readonly [string, number, number][] = [
  ['async', 10, 100_000],
  ['client', 10, 1_000_000],
  ['clientBlocking', 200, 1_000_000],
  ['clientQuery', 10, 1_000_000],
  ['io', 16, 2_147_483_647],
  ['offloadable', 10, 100_000],
  ['scheduled', 20, 1_000_000],
  ['system', 10, 2_147_483_647],
];

const HAZELCAST_VERSION = '5.6';
const PARTITION_COUNT = 271;

/**
 * SeaTunnel's own telemetry families (ClusterMetricExports, JobMetricExports,
 * JobThreadPoolStatusExports, NodeMetricExports), in its registration order; the process
 * families come from the library's defaults.
 */
export function telemetryFamilies(input: TelemetryInput): MetricFamily[] {
  const cluster = input.clusterName;
  const families: MetricFamily[] = [];
  const one = (name: string, help: string, type: MetricFamily['type'], labels: Record<string, string>, value: number) =>
    families.push({ name, help, type, labelNames: Object.keys(labels), samples: [{ labels, value }] });

  if (input.jobCounts) {
    const counts = input.jobCounts;
    families.push({
      name: 'job_count',
      help: 'All job counts of seatunnel cluster ',
      type: 'gauge',
      labelNames: ['cluster', 'type'],
      samples: JOB_COUNT_TYPES.map(([type, status]) => ({ labels: { cluster, type }, value: counts[status] ?? 0 })),
    });
  }

  const pool = (stat: string) => ({ cluster, address: input.address, type: stat });
  const help = (stat: string) => `The ${stat} of seatunnel coordinator job's executor cached thread pool`;
  one('job_thread_pool_activeCount', help('activeCount'), 'gauge', pool('activeCount'), input.activeJobs);
  one('job_thread_pool_completedTask_total', help('completedTask'), 'counter', pool('completedTask'), input.completedJobs);
  one('job_thread_pool_corePoolSize', help('corePoolSize'), 'gauge', pool('corePoolSize'), 0);
  one('job_thread_pool_maximumPoolSize', help('maximumPoolSize'), 'gauge', pool('maximumPoolSize'), 2_147_483_647);
  one('job_thread_pool_poolSize', help('poolSize'), 'gauge', pool('poolSize'), input.activeJobs);
  one('job_thread_pool_task_total', help('taskCount'), 'counter', pool('taskCount'), input.activeJobs + input.completedJobs);
  one('job_thread_pool_queueTaskCount', help('queueTaskCount'), 'gauge', pool('queueTaskCount'), 0);
  one('job_thread_pool_rejection_total', help('rejectionCount'), 'counter', pool('rejectionCount'), 0);

  one('node_state', 'Whether is up of seatunnel node ', 'gauge', { cluster, address: input.address }, 1);
  const executor = (name: string, help: string, value: (max: number, capacity: number) => number) =>
    families.push({
      name: `hazelcast_executor_${name}`,
      help,
      type: 'gauge',
      labelNames: ['cluster', 'address', 'type'],
      samples: EXECUTORS.map(([type, max, capacity]) => ({ labels: { cluster, address: input.address, type }, value: value(max, capacity) })),
    });
  executor('executedCount', 'The hazelcast executor executedCount of seatunnel cluster node', () => 0);
  executor('isShutdown', 'The hazelcast executor isShutdown of seatunnel cluster node', () => 0);
  executor('isTerminated', 'The hazelcast executor isTerminated of seatunnel cluster node', () => 0);
  executor('maxPoolSize', 'The hazelcast executor maxPoolSize of seatunnel cluster node', (max) => max);
  executor('poolSize', 'The hazelcast executor poolSize of seatunnel cluster node', () => 0);
  executor('queueRemainingCapacity', 'The hazelcast executor queueRemainingCapacity of seatunnel cluster ', (_, capacity) => capacity);
  executor('queueSize', 'The hazelcast executor queueSize of seatunnel cluster node', () => 0);
  const member = { cluster, address: input.address };
  one('hazelcast_partition_partitionCount', 'The partitionCount of seatunnel cluster node', 'gauge', member, PARTITION_COUNT);
  one('hazelcast_partition_activePartition', 'The activePartition of seatunnel cluster node', 'gauge', member, Math.ceil(PARTITION_COUNT / Math.max(1, input.nodeCount)));
  one('hazelcast_partition_isClusterSafe', 'Whether is cluster safe of partition', 'gauge', member, 1);
  one('hazelcast_partition_isLocalMemberSafe', 'Whether is local member safe of partition', 'gauge', member, 1);

  one('cluster_info', 'Cluster info', 'gauge', { cluster, hazelcastVersion: HAZELCAST_VERSION, master: input.masterAddress }, 1);
  one('cluster_time', 'Cluster start time', 'gauge', { cluster, hazelcastVersion: HAZELCAST_VERSION }, input.clusterTime);
  one('node_count', 'Cluster node total count ', 'gauge', { cluster }, input.nodeCount);
  return families;
}

/**
 * Rewrites sample lines as Java's Prometheus simpleclient writes them, so text matchers written
 * against SeaTunnel still match: values as Java doubles ("1.0", "2.147483647E9") and, in the
 * 0.0.4 format, a comma after the last label (`{cluster="x",type="running",} 1.0`).
 */
export function javaStyleSamples(text: string, format: 'prometheus' | 'openmetrics'): string {
  return text
    .split('\n')
    .map((line) => {
      if (line === '' || line.startsWith('#')) return line;
      const match = /^([^{\s]+)(\{.*\})? (\S+)(.*)$/.exec(line);
      if (!match) return line;
      const [, name, labels = '', value = '', rest = ''] = match;
      const number = Number(value);
      const javaValue = Number.isFinite(number) ? javaDoubleToString(number) : value;
      const javaLabels = format === 'prometheus' && labels.length > 2 ? `${labels.slice(0, -1)},}` : labels;
      return `${name}${javaLabels} ${javaValue}${rest}`;
    })
    .join('\n');
}

/** Runtime figures of the node process, exported under the JVM family names SeaTunnel dashboards query. */
export interface RuntimeFigures {
  heapUsedBytes: number;
  heapCommittedBytes: number;
  heapMaxBytes: number;
  /** Off-heap: everything in the RSS that is not the JS heap (buffers, code, native). */
  nonHeapUsedBytes: number;
  threads: number;
  /** Process start, epoch seconds. */
  startTimeSeconds: number;
  runtimeVersion: string;
}

/**
 * The jvm_* families of the Prometheus JVM client that SeaTunnel's telemetry exports
 * (jvm_memory_bytes_*, jvm_threads_*, jvm_info), filled with the node process's own figures, so
 * dashboards and alerts written against a real cluster find the series they query.
 */
export function jvmFamilies(figures: RuntimeFigures): MetricFamily[] {
  const area = (heap: number, nonheap: number) => [
    { labels: { area: 'heap' }, value: heap },
    { labels: { area: 'nonheap' }, value: nonheap },
  ];
  return [
    { name: 'jvm_memory_bytes_used', help: 'Used bytes of a given JVM memory area.', type: 'gauge', labelNames: ['area'], samples: area(figures.heapUsedBytes, figures.nonHeapUsedBytes) },
    { name: 'jvm_memory_bytes_committed', help: 'Committed (bytes) of a given JVM memory area.', type: 'gauge', labelNames: ['area'], samples: area(figures.heapCommittedBytes, figures.nonHeapUsedBytes) },
    { name: 'jvm_memory_bytes_max', help: 'Max (bytes) of a given JVM memory area.', type: 'gauge', labelNames: ['area'], samples: area(figures.heapMaxBytes, -1) },
    { name: 'jvm_threads_current', help: 'Current thread count of a JVM', type: 'gauge', labelNames: [], samples: [{ labels: {}, value: figures.threads }] },
    { name: 'jvm_threads_daemon', help: 'Daemon thread count of a JVM', type: 'gauge', labelNames: [], samples: [{ labels: {}, value: Math.max(0, figures.threads - 1) }] },
    { name: 'jvm_threads_peak', help: 'Peak thread count of a JVM', type: 'gauge', labelNames: [], samples: [{ labels: {}, value: figures.threads }] },
    {
      name: 'jvm_info',
      help: 'VM version info',
      type: 'gauge',
      labelNames: ['runtime', 'vendor', 'version'],
      samples: [{ labels: { runtime: 'Node.js', vendor: 'seatunnel-sim', version: figures.runtimeVersion }, value: 1 }],
    },
  ];
}
