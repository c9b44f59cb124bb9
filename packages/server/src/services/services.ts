import type { NodeInfo, NodeRegistry } from '@seatunnel-sim/cluster';
import type { NodeConfig } from '../config.js';
import type { Clock } from '../sim-clock.js';
import type { JobLog } from './job-log.js';
import type { JobService } from './job-service.js';
import type { LogService } from './log-service.js';
import type { NodeService } from './node-service.js';
import type { TelemetryService } from './telemetry-service.js';

/** Everything a route handler may call; built once per node. */
export interface Services {
  config: NodeConfig;
  clock: Clock;
  jobs: JobService;
  /** Live nodes of the cluster (heartbeat registry). */
  registry: NodeRegistry;
  jobLog: JobLog;
  /** Overview, monitoring, threads, membership and tags of the live nodes. */
  nodes: NodeService;
  /** This node's log files and every node's file list. */
  logs: LogService;
  /** Prometheus text for /hazelcast/rest/instance/(open)metrics. */
  telemetry: TelemetryService;
  /** This node as registered in the cluster. */
  self(): NodeInfo;
  /** Replaces this node's tags (update-tags) and republishes it at once. */
  updateSelf(change: Partial<Pick<NodeInfo, 'tags'>>): Promise<NodeInfo>;
}
