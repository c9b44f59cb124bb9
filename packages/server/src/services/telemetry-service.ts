import { collectDefaultMetrics, Counter, Gauge, Registry, type RegistryContentType } from 'prom-client';
import { masterOf, type NodeInfo, type NodeRegistry } from '@seatunnel-sim/cluster';
import { readdirSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { javaStyleSamples, jvmFamilies, telemetryFamilies, type MetricFamily } from '@seatunnel-sim/engine';
import type { Clock } from '../sim-clock.js';
import type { JobQueries } from './job-queries.js';

export type TelemetryFormat = 'prometheus' | 'openmetrics';

export interface TelemetryServiceDeps {
  /** `seatunnel.engine.telemetry.metric.enabled`. */
  enabled: boolean;
  clusterName: string;
  registry: NodeRegistry;
  jobs: Pick<JobQueries, 'countByStatus' | 'ownedCounts'>;
  clock: Clock;
  self(): NodeInfo;
}

const CONTENT_TYPES: Record<TelemetryFormat, RegistryContentType> = {
  prometheus: Registry.PROMETHEUS_CONTENT_TYPE,
  openmetrics: Registry.OPENMETRICS_CONTENT_TYPE,
};

/**
 * The process metrics (prom-client's defaults, the counterpart of SeaTunnel's jvm_* families).
 * They describe the process, not a node, and their collectors observe GC and the event loop
 * for as long as they live, so there is one registry per format per process, made on first use.
 */
const processRegistries = new Map<TelemetryFormat, Registry<RegistryContentType>>();

function processRegistry(format: TelemetryFormat): Registry<RegistryContentType> {
  let registry = processRegistries.get(format);
  if (!registry) {
    registry = new Registry<RegistryContentType>();
    registry.setContentType(CONTENT_TYPES[format]);
    collectDefaultMetrics({ register: registry });
    processRegistries.set(format, registry);
  }
  return registry;
}

/** One request's registry with SeaTunnel's families, values set once (nothing is kept between scrapes). */
function familyRegistry(families: readonly MetricFamily[], format: TelemetryFormat): Registry<RegistryContentType> {
  const registry = new Registry<RegistryContentType>();
  registry.setContentType(CONTENT_TYPES[format]);
  for (const family of families) {
    const options = { name: family.name, help: family.help, labelNames: family.labelNames, registers: [registry] };
    if (family.type === 'counter') {
      const counter = new Counter(options);
      for (const sample of family.samples) counter.inc(sample.labels, sample.value);
    } else {
      const gauge = new Gauge(options);
      for (const sample of family.samples) gauge.set(sample.labels, sample.value);
    }
  }
  return registry;
}

const address = (node: NodeInfo): string => `${node.host}:${node.port}`;

function threadCount(): number {
  try {
    return readdirSync('/proc/self/task').length;
  } catch {
    return 1;
  }
}

/** The node process's runtime figures, for the jvm_* families dashboards expect. */
function runtimeFamilies(): MetricFamily[] {
  const memory = process.memoryUsage();
  const heap = getHeapStatistics();
  return jvmFamilies({
    heapUsedBytes: memory.heapUsed,
    heapCommittedBytes: memory.heapTotal,
    heapMaxBytes: heap.heap_size_limit,
    nonHeapUsedBytes: Math.max(0, memory.rss - memory.heapTotal),
    threads: threadCount(),
    startTimeSeconds: Math.floor(Date.now() / 1000 - process.uptime()),
    runtimeVersion: process.version,
  });
}

/** `/hazelcast/rest/instance/metrics` and `/openmetrics`: Prometheus text for this node. */
export class TelemetryService {
  constructor(private readonly deps: TelemetryServiceDeps) {}

  async render(format: TelemetryFormat): Promise<{ contentType: string; text: string }> {
    // Telemetry off (SeaTunnel's default): its collector registry is empty.
    if (!this.deps.enabled) return { contentType: 'text/plain', text: format === 'openmetrics' ? '# EOF\n' : '' };
    const me = this.deps.self();
    const nodes = await this.deps.registry.list();
    const master = masterOf(nodes) ?? me;
    const isMaster = master.nodeId === me.nodeId;
    // Indexed counts, not a read of every job: a scrape costs the same with 10 or 100 000 jobs.
    const [jobCounts, owned] = await Promise.all([
      // Only the master exports job counts, so summing over nodes does not count a job twice.
      isMaster ? this.deps.jobs.countByStatus() : Promise.resolve(null),
      this.deps.jobs.ownedCounts(me.nodeId),
    ]);
    const families = [...runtimeFamilies(), ...telemetryFamilies({
      clusterName: this.deps.clusterName,
      address: address(me),
      masterAddress: address(master),
      nodeCount: nodes.length,
      clusterTime: this.deps.clock.now(),
      jobCounts,
      activeJobs: owned.active,
      completedJobs: owned.completed,
    })];
    // merge() is typed for the default content type only; both registries share `format`'s.
    const parts = [processRegistry(format), familyRegistry(families, format)] as unknown as Registry[];
    const merged = Registry.merge(parts);
    return { contentType: merged.contentType, text: javaStyleSamples(await merged.metrics(), format) };
  }
}
