import { join } from 'node:path';
import { MemoryDocBackend } from '@seatunnel-sim/cluster';
import { createLogger, loadNodeConfig, startNode, type RunningNode } from '@seatunnel-sim/server';

export interface MemoryClusterOptions {
  nodes: number;
  /** Base REST port: the nodes take the next free ones by auto-increment. */
  port: number;
  logDir: string;
  configFile?: string;
  /** Environment-style settings for every node (SEATUNNEL_SIM_*), as the process-based `up` passes them. */
  nodeEnv?: Record<string, string>;
}

export interface MemoryCluster {
  nodes: RunningNode[];
  stop(): Promise<void>;
}

/**
 * `seatunnel-sim up --store memory`: N nodes in this one process, sharing their state through an
 * in-memory store instead of Hazelcast — the same API and simulation, no Java. Nodes can be
 * stopped and their jobs move to the others, but the process is one machine: a crash takes every
 * node, and nothing here survives it (use the Hazelcast store for failover, kill -9 and containers).
 */
export async function startMemoryCluster(options: MemoryClusterOptions): Promise<MemoryCluster> {
  const backend = new MemoryDocBackend();
  const nodes: RunningNode[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((node) => node.stop()));
    backend.close();
  };
  try {
    // One at a time, so ports are handed out in order by auto-increment from the base.
    for (let i = 0; i < options.nodes; i++) {
      const config = loadNodeConfig({
        ...(options.configFile ? { file: options.configFile } : {}),
        env: {
          ...process.env,
          ...options.nodeEnv,
          SEATUNNEL_SIM_PORT: String(options.port),
          SEATUNNEL_SIM_NODE_NAME: `node${i + 1}`,
          SEATUNNEL_SIM_LOG_DIR: join(options.logDir, `node${i + 1}`),
        },
      });
      nodes.push(await startNode(config, createLogger(config.logging.level, `node${i + 1}`), { memory: backend }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, stop };
}
