import type { NodeInfo } from '@seatunnel-sim/cluster';
import type { NodeConfig } from '../config.js';
import type { Clock } from '../sim-clock.js';
import type { JobService } from './job-service.js';

/** Everything a route handler may call; built once per node. */
export interface Services {
  config: NodeConfig;
  clock: Clock;
  jobs: JobService;
  /** This node as registered in the cluster. */
  self(): NodeInfo;
}
