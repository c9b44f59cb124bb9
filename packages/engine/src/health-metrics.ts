/**
 * Figures of one node process, sampled by the node and published with its heartbeat, from which
 * system-monitoring-information renders SeaTunnel's health line. Byte counts in bytes, times in ms.
 */
export interface HealthSample {
  processors: number;
  physicalMemoryTotal: number;
  physicalMemoryFree: number;
  swapTotal: number;
  swapFree: number;
  /** The V8 heap stands in for the JVM heap: used, committed ("total") and limit ("max"). */
  heapUsed: number;
  heapTotal: number;
  heapMax: number;
  minorGcCount: number;
  minorGcMillis: number;
  majorGcCount: number;
  majorGcMillis: number;
  /** Share of all CPUs used by this process / by the machine since the previous sample, 0–100. */
  processCpuPercent: number;
  systemCpuPercent: number;
  loadAverage: number;
  threadCount: number;
  threadPeakCount: number;
  operationsCompleted: number;
  proxyCount: number;
}

/** Where the sample comes from and how the cluster looks from it. */
export interface HealthContext {
  isMaster: boolean;
  host: string;
  port: number;
  /** Live nodes; each node is one member-to-member connection of the others. */
  nodeCount: number;
}

const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

/** Hazelcast's `numberToUnit`: the largest 1024-power strictly below the number, one decimal ("16.0G"). */
export function numberToUnit(bytes: number): string {
  for (let i = 6; i > 0; i--) {
    const step = 1024 ** i;
    if (bytes > step) return `${(bytes / step).toFixed(1)}${UNITS[i]}`;
  }
  return String(Math.trunc(bytes));
}

const percent = (value: number): string => `${(Number.isFinite(value) ? value : 0).toFixed(2)}%`;
const int = (value: number): string => String(Math.max(0, Math.trunc(value)));

/**
 * One element of system-monitoring-information: SeaTunnel's health metrics line
 * (`SeaTunnelHealthMonitor.render`) as the REST layer splits it, every value a string, keys in
 * its order. Keys only a Hazelcast member has (executor queues, operations) get the values of an
 * idle member.
 */
export function healthMetricsView(sample: HealthSample, ctx: HealthContext): Record<string, string> {
  const heapFree = Math.max(0, sample.heapTotal - sample.heapUsed);
  const connections = Math.max(1, ctx.nodeCount);
  return {
    isMaster: String(ctx.isMaster),
    host: ctx.host,
    port: String(ctx.port),
    processors: int(sample.processors),
    'physical.memory.total': numberToUnit(sample.physicalMemoryTotal),
    'physical.memory.free': numberToUnit(sample.physicalMemoryFree),
    'swap.space.total': numberToUnit(sample.swapTotal),
    'swap.space.free': numberToUnit(sample.swapFree),
    'heap.memory.used': numberToUnit(sample.heapUsed),
    'heap.memory.free': numberToUnit(heapFree),
    'heap.memory.total': numberToUnit(sample.heapTotal),
    'heap.memory.max': numberToUnit(sample.heapMax),
    'heap.memory.used/total': percent((100 * sample.heapUsed) / sample.heapTotal),
    'heap.memory.used/max': percent((100 * sample.heapUsed) / sample.heapMax),
    'minor.gc.count': int(sample.minorGcCount),
    'minor.gc.time': `${int(sample.minorGcMillis)}ms`,
    'major.gc.count': int(sample.majorGcCount),
    'major.gc.time': `${int(sample.majorGcMillis)}ms`,
    'load.process': percent(sample.processCpuPercent),
    'load.system': percent(sample.systemCpuPercent),
    'load.systemAverage': sample.loadAverage.toFixed(2),
    'thread.count': int(sample.threadCount),
    'thread.peakCount': int(sample.threadPeakCount),
    'cluster.timeDiff': '0',
    'event.q.size': '0',
    'executor.q.async.size': '0',
    'executor.q.client.size': '0',
    'executor.q.client.query.size': '0',
    'executor.q.client.blocking.size': '0',
    'executor.q.query.size': '0',
    'executor.q.scheduled.size': '0',
    'executor.q.io.size': '0',
    'executor.q.system.size': '0',
    'executor.q.operations.size': '0',
    'executor.q.priorityOperation.size': '0',
    'operations.completed.count': int(sample.operationsCompleted),
    'executor.q.mapLoad.size': '0',
    'executor.q.mapLoadAllKeys.size': '0',
    'executor.q.cluster.size': '0',
    'executor.q.response.size': '0',
    'operations.running.count': '0',
    'operations.pending.invocations.percentage': '0.00%',
    'operations.pending.invocations.count': '0',
    'proxy.count': int(sample.proxyCount),
    // Each node is one client of its member, and the members form a full mesh.
    'clientEndpoint.count': '1',
    'connection.active.count': String(connections),
    'client.connection.count': '1',
    'connection.count': String(connections),
  };
}
