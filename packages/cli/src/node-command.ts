import { loadNodeConfig, startNode, createLogger, type NodeConfig } from '@seatunnel-sim/server';
import { keepHeapClose } from './node-heap.js';

export interface NodeCommandOptions {
  config?: string;
  port?: number;
  host?: string;
  members?: string;
  clusterName?: string;
  profile?: string;
}

/** Message a node sends its parent (`seatunnel-sim up`) over IPC once it serves. */
export interface NodeReadyMessage {
  type: 'ready';
  nodeId: string;
  name: string;
  url: string;
  port: number;
  pid: number;
}

function cliOverrides(options: NodeCommandOptions): [string[], unknown][] {
  const overrides: [string[], unknown][] = [];
  if (options.port !== undefined) overrides.push([['rest-server-socket-endpoint-config', 'port', 'port'], options.port]);
  if (options.host) overrides.push([['rest-server-socket-endpoint-config', 'host'], options.host]);
  if (options.members) overrides.push([['hazelcast', 'cluster-members'], options.members.split(',').map((m) => m.trim())]);
  if (options.clusterName) overrides.push([['hazelcast', 'cluster-name'], options.clusterName]);
  if (options.profile) overrides.push([['api', 'profile'], options.profile]);
  return overrides;
}

/** `seatunnel-sim node`: one node in the foreground against an existing Hazelcast cluster. */
export async function runNode(options: NodeCommandOptions): Promise<void> {
  keepHeapClose();
  const config: NodeConfig = loadNodeConfig({
    ...(options.config ? { file: options.config } : {}),
    overrides: cliOverrides(options),
  });
  const logger = createLogger(config.logging.level, 'seatunnel-sim');
  // A stray rejection must not take a node down: every request's errors are handled by the error
  // middleware, so anything arriving here is a bug to log, not a reason to drop the node's clients.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (kept running)'));
  const node = await startNode(config, logger);
  const message: NodeReadyMessage = { type: 'ready', nodeId: node.info.nodeId, name: node.info.name, url: node.url, port: node.port, pid: process.pid };
  process.send?.(message);
  const shutdown = (reason: string) => {
    logger.info({ reason }, 'shutting down');
    node.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  // Started by `up`: if the parent goes away, so do we (no orphans).
  if (process.send) process.once('disconnect', () => shutdown('parent exited'));
}
