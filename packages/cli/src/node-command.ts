import { setFlagsFromString } from 'node:v8';
import { loadNodeConfig, startNode, createLogger, type NodeConfig } from '@seatunnel-sim/server';

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

/**
 * The old generation grows by at most 20 % over what survived the last full GC (V8 picks up to 4×
 * when allocation is fast). A node keeps no job state, but a listing of 100 000 jobs allocates
 * ~1 GB of short-lived text and records, and what lives across a few scavenges (pages in flight) is
 * promoted: with V8's own factor the old generation grew to several times what the node keeps
 * before V8 collected it (bench, 30 000 jobs: RSS peaks 237 MB for running-jobs, 251 MB for
 * finished-jobs; 100 000: 560 MB); with 20 %: 147 and 160 MB, listing times within the machine's
 * noise. Process-wide (a V8 flag read at each GC), so set here, where the process is a node, not in
 * startNode, which tests run inside their own process.
 */
function keepHeapClose(): void {
  setFlagsFromString('--heap-growing-percent=20');
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
