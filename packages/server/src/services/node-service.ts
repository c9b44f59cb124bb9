import { masterOf, type NodeInfo, type NodeRegistry } from '@seatunnel-sim/cluster';
import { nodeThreads, type ClusterMember, type HealthContext, type HealthSample, type OverviewCounts, type ThreadInfo, type WorkerSlots } from '@seatunnel-sim/engine';
import type { JobQueries } from './job-queries.js';
import { libuvPoolSize, V8_POOL_SIZE } from './process-health.js';

export interface NodeServiceDeps {
  registry: NodeRegistry;
  jobs: Pick<JobQueries, 'overviewCounters' | 'slotsInUse'>;
  self(): NodeInfo;
  updateSelf(change: Partial<Pick<NodeInfo, 'tags'>>): Promise<NodeInfo>;
}

/** How a thread's context class loader prints in our JVM-shaped answers (one per process). */
const MAIN_CLASS_LOADER = `jdk.internal.loader.ClassLoaders$AppClassLoader@${(process.pid * 2_654_435_761 >>> 0).toString(16)}`;

/** A sample with nothing measured, for a node that has not published one (a node of an older version). */
const NO_SAMPLE: HealthSample = {
  processors: 0, physicalMemoryTotal: 0, physicalMemoryFree: 0, swapTotal: 0, swapFree: 0,
  heapUsed: 0, heapTotal: 0, heapMax: 0, minorGcCount: 0, minorGcMillis: 0, majorGcCount: 0, majorGcMillis: 0,
  processCpuPercent: 0, systemCpuPercent: 0, loadAverage: 0, threadCount: 0, threadPeakCount: 0, operationsCompleted: 0, proxyCount: 0,
};

/** Cluster-level facts about the live nodes: overview, monitoring, threads, membership, tags. */
export class NodeService {
  constructor(private readonly deps: NodeServiceDeps) {}

  /** The overview's inputs: every live node's slots and tags, and the cluster-wide job counters. */
  async overview(): Promise<{ workers: WorkerSlots[]; counts: OverviewCounts }> {
    const [nodes, inUse, counts] = await Promise.all([this.deps.registry.list(), this.deps.jobs.slotsInUse(), this.deps.jobs.overviewCounters()]);
    const workers = nodes.map((node) => ({ tags: node.tags, slots: node.slots, inUse: inUse[node.nodeId] ?? 0 }));
    return { workers, counts };
  }

  /** The live nodes as the registry has them (slots, tags, host and port), master (oldest) first. */
  async liveNodes(): Promise<NodeInfo[]> {
    return this.deps.registry.list();
  }

  /** Whether this node is the master (the oldest live node), which alone serves master-only servlets. */
  async isMaster(): Promise<boolean> {
    return masterOf(await this.deps.registry.list())?.nodeId === this.deps.self().nodeId;
  }

  /** Each live node's last published health sample, master (oldest) first. */
  async health(): Promise<{ sample: HealthSample; context: HealthContext }[]> {
    const nodes = await this.deps.registry.list();
    const master = masterOf(nodes);
    return nodes.map((node) => ({
      sample: node.health ?? NO_SAMPLE,
      context: { isMaster: node === master, host: node.host, port: node.port, nodeCount: nodes.length },
    }));
  }

  /** This process's threads, with the event loop's stack as it answers this request. */
  threads(): ThreadInfo[] {
    return nodeThreads({
      mainStack: new Error().stack ?? '',
      libuvPoolSize: libuvPoolSize(),
      v8PoolSize: V8_POOL_SIZE,
      mainClassLoader: MAIN_CLASS_LOADER,
    });
  }

  /** Live nodes as Hazelcast members, master first, the answering node marked local. */
  async members(): Promise<ClusterMember[]> {
    const me = this.deps.self().nodeId;
    const nodes = await this.deps.registry.list();
    return nodes.map((n) => ({ host: n.host, port: n.port, uuid: n.nodeId, local: n.nodeId === me }));
  }

  /** Replaces this node's tags (update-tags applies to the answering member only). */
  async updateTags(tags: Record<string, string>): Promise<NodeInfo> {
    return this.deps.updateSelf({ tags });
  }
}
