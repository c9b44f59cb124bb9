import type { NodeConfig } from '../config.js';
import type { JobCommands } from './job-commands.js';
import type { JobQueries } from './job-queries.js';
import type { LogService } from './log-service.js';
import type { LoggerService } from './logger-service.js';
import type { NodeService } from './node-service.js';
import type { TelemetryService } from './telemetry-service.js';

/** Everything a route handler may call; built once per node. */
export interface Services {
  config: NodeConfig;
  /** Submit and stop jobs. */
  commands: JobCommands;
  /** The jobs as the API shows them: by id, running, history, counters. */
  queries: JobQueries;
  /** Overview, monitoring, threads, membership and tags of the live nodes. */
  nodes: NodeService;
  /** This node's log files and every node's file list. */
  logs: LogService;
  /** Runtime log levels of this node (/loggers, 3.0). */
  loggers: LoggerService;
  /** Prometheus text for /hazelcast/rest/instance/(open)metrics. */
  telemetry: TelemetryService;
}
