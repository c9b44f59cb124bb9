import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMember, type MemberProcess } from '@seatunnel-sim/cluster';
import { freePorts } from './free-ports.js';
import type { NodeReadyMessage } from './node-command.js';

export interface LocalClusterOptions {
  nodes: number;
  members: number;
  port: number;
  hzPort: number;
  clusterName: string;
  logDir: string;
  /** Extra environment for every node (e.g. SEATUNNEL_SIM_ADMIN_API). */
  nodeEnv?: Record<string, string>;
  /** Environment for one node only (by index from 0), on top of nodeEnv: per-node tags, slots… */
  nodeEnvAt?: (index: number) => Record<string, string>;
  configFile?: string;
  /** Members keep the job maps and the clock in files here (see MemberOptions.persistDir). */
  persistDir?: string;
}

export interface LocalNode extends NodeReadyMessage {
  child: ChildProcess;
}

export interface LocalCluster {
  members: MemberProcess[];
  nodes: LocalNode[];
  /** Stops every process the cluster started: nodes gracefully, then members. */
  stop(): Promise<void>;
}

/**
 * What a node process runs: the one-file bundle of this CLI when the build made one
 * (scripts/bundle-node.mjs; it starts in about half the time), else bin.js (an installed package).
 */
function nodeEntry(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.mjs')) return here; // this code runs from the bundle itself
  const bundle = fileURLToPath(new URL('./bundle/seatunnel-sim.mjs', import.meta.url));
  return existsSync(bundle) ? bundle : fileURLToPath(new URL('./bin.js', import.meta.url));
}
const BIN = nodeEntry();

function waitExit(child: ChildProcess, millis: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return Promise.race([new Promise<void>((resolve) => child.once('exit', () => resolve())), sleep(millis)]);
}

/** Starts a node process (`seatunnel-sim node`) and resolves once it reports ready over IPC. */
export function startNodeProcess(options: LocalClusterOptions, members: string[], index: number): Promise<LocalNode> {
  mkdirSync(options.logDir, { recursive: true });
  const child = fork(BIN, ['node', ...(options.configFile ? ['--config', options.configFile] : [])], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      ...options.nodeEnv,
      ...options.nodeEnvAt?.(index),
      SEATUNNEL_SIM_PORT: String(options.port),
      SEATUNNEL_SIM_HZ_MEMBERS: members.join(','),
      SEATUNNEL_SIM_HZ_CLUSTER_NAME: options.clusterName,
      SEATUNNEL_SIM_NODE_NAME: `node${index + 1}`,
      SEATUNNEL_SIM_LOG_DIR: join(options.logDir, `node${index + 1}`),
    },
  });
  const log = createWriteStream(join(options.logDir, `node${index + 1}.log`), { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node${index + 1} did not become ready within 60 s (see ${options.logDir}/node${index + 1}.log)`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node${index + 1} exited with code ${code} before it was ready (see ${options.logDir}/node${index + 1}.log)`));
    });
    child.once('message', (message: NodeReadyMessage) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ ...message, child });
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/hazelcast/health/ready`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** `seatunnel-sim up`: real Hazelcast member(s) plus node processes, all children of this process. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const memberPorts = await freePorts(options.hzPort, options.members);
  const memberAddresses = memberPorts.map((p) => `127.0.0.1:${p}`);
  const members: MemberProcess[] = [];
  const nodes: LocalNode[] = [];
  const stop = async (): Promise<void> => {
    for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGTERM');
    await Promise.all(nodes.map((n) => waitExit(n.child, 10_000)));
    for (const node of nodes) if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGKILL');
    await Promise.all(members.map((m) => m.stop()));
  };
  try {
    members.push(
      ...(await Promise.all(
        memberPorts.map((port) =>
          startMember({
            port,
            members: memberAddresses,
            clusterName: options.clusterName,
            logFile: join(options.logDir, `member-${port}.log`),
            ...(options.persistDir ? { persistDir: options.persistDir } : {}),
          }),
        ),
      )),
    );
    // One at a time, so ports are handed out in order by auto-increment from the base.
    for (let i = 0; i < options.nodes; i++) nodes.push(await startNodeProcess(options, memberAddresses, i));
    for (const node of nodes) {
      while (!(await answers(node.url))) await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { members, nodes, stop };
}
