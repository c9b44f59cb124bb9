import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { delimiter, dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { hazelcastJarPath, memberConfigPath, memberExtensionJarPath } from './repo-paths.js';

export interface MemberOptions {
  port: number;
  /** host:port of every member of the cluster (tcp-ip join). */
  members: string[];
  clusterName: string;
  /** Where the member's stdout/stderr go; default: discarded. */
  logFile?: string;
  /**
   * Keep the job maps and the clock in files under this directory (the extension's FileMapStore),
   * so they survive a restart of every member. Needs the member extension (a JDK to build it).
   */
  persistDir?: string;
  readyTimeoutMillis?: number;
}

export interface MemberProcess {
  readonly port: number;
  readonly address: string;
  readonly child: ChildProcess;
  /** Graceful stop (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Hard kill, as a crashed machine. */
  kill(): Promise<void>;
}

// Hazelcast asks for these on Java 9+ to use its fast internal paths.
const JAVA_MODULE_FLAGS = [
  '--add-modules', 'java.se',
  '--add-exports', 'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang=ALL-UNNAMED',
  '--add-opens', 'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens', 'java.management/sun.management=ALL-UNNAMED',
  '--add-opens', 'jdk.management/com.sun.management.internal=ALL-UNNAMED',
];

/**
 * The member's maximum heap: 512m, or SEATUNNEL_SIM_MEMBER_HEAP (a -Xmx size such as "1g") for
 * clusters holding hundreds of thousands of jobs (the benchmark's 100 000 running + 100 000 finished).
 */
function maxHeap(): string {
  const configured = process.env['SEATUNNEL_SIM_MEMBER_HEAP'];
  return configured && /^\d+[kmgKMG]?$/.test(configured) ? configured : '512m';
}

/** The job maps' merge policy of the member extension (packages/cluster/member-extension). */
export const JOB_MERGE_POLICY = 'org.seatunnelsim.member.JobVersionMergePolicy';
/** Hazelcast's own policy, for members without the extension: the larger side's copy wins. */
export const FALLBACK_MERGE_POLICY = 'com.hazelcast.spi.merge.PutIfAbsentMergePolicy';

/**
 * The partition settings of config/hazelcast-member.yaml for a cluster of `memberCount` members:
 * split-brain protection needs a majority, and only means something from 3 members on (with 2, the
 * death of one would leave no majority and stop the cluster). The same rule is in
 * scripts/hazelcast/member.sh and in the testcontainers module.
 */
export function partitionProperties(memberCount: number, mergePolicy: string): string[] {
  return [
    `-Dsim.quorum.enabled=${memberCount >= 3}`,
    // Hazelcast's schema wants at least 2 even when protection is off.
    `-Dsim.quorum.size=${Math.max(2, Math.floor(memberCount / 2) + 1)}`,
    `-Dsim.merge.policy=${mergePolicy}`,
  ];
}

/** The map-store settings of config/hazelcast-member.yaml: off (Hazelcast wants values anyway), or files under `dir`. */
function persistenceProperties(dir: string | undefined, withExtension: boolean): string[] {
  if (dir === undefined) return ['-Dsim.persistence.enabled=false', '-Dsim.persistence.dir=none'];
  if (!withExtension) throw new Error(`persisting the job maps needs the member extension ${memberExtensionJarPath()} (built by scripts/hazelcast/build-extension.sh with a JDK)`);
  return ['-Dsim.persistence.enabled=true', `-Dsim.persistence.dir=${resolve(dir)}`];
}

/** The java command line of a member; the same flags as scripts/hazelcast/member.sh. */
export function memberCommand(options: MemberOptions): string[] {
  const extension = memberExtensionJarPath();
  const withExtension = existsSync(extension);
  return [
    '-Xms64m', `-Xmx${maxHeap()}`, '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1',
    ...JAVA_MODULE_FLAGS,
    `-Dhazelcast.config=${memberConfigPath()}`,
    `-Dsim.cluster.name=${options.clusterName}`,
    `-Dsim.port=${options.port}`,
    `-Dsim.members=${options.members.join(',')}`,
    ...partitionProperties(options.members.length, withExtension ? JOB_MERGE_POLICY : FALLBACK_MERGE_POLICY),
    ...persistenceProperties(options.persistDir, withExtension),
    '-Dhazelcast.local.localAddress=127.0.0.1',
    '-Dhazelcast.phone.home.enabled=false',
    '-Dhazelcast.logging.type=jdk',
    '-cp', withExtension ? [hazelcastJarPath(), extension].join(delimiter) : hazelcastJarPath(),
    'com.hazelcast.core.server.HazelcastMemberStarter',
  ];
}

async function isReady(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/hazelcast/health/ready`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitForExit(child: ChildProcess, millis: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return Promise.race([
    new Promise<boolean>((resolve) => child.once('exit', () => resolve(true))),
    sleep(millis).then(() => false),
  ]);
}

/** The last `limit` lines of a process's output. */
class OutputTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.limit) this.lines = this.lines.slice(-this.limit);
  }

  text(): string {
    return [...this.lines, this.partial].filter((line) => line.length > 0).join('\n');
  }
}

/** Starts a real Hazelcast member (Java 17 + the Maven jar) and resolves once its health check says ready. */
export async function startMember(options: MemberOptions): Promise<MemberProcess> {
  const jar = hazelcastJarPath();
  if (!existsSync(jar)) throw new Error(`Hazelcast jar not found at ${jar}: run \`npm run hazelcast:fetch\``);
  const child = spawn('java', memberCommand(options), { stdio: ['ignore', 'pipe', 'pipe'] });
  // The last lines the member printed go into the error if it never gets ready (e.g. its port was
  // taken and it auto-incremented past it), so a failed start explains itself without the log file.
  const recent = new OutputTail(20);
  child.stdout?.on('data', (chunk: Buffer) => recent.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => recent.push(chunk));
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const deadline = Date.now() + (options.readyTimeoutMillis ?? 60_000);
  while (!(await isReady(options.port))) {
    if (child.exitCode !== null) {
      throw new Error(`Hazelcast member on port ${options.port} exited with code ${child.exitCode}; it printed:\n${recent.text()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Hazelcast member on port ${options.port} not ready within ${options.readyTimeoutMillis ?? 60_000} ms; it printed:\n${recent.text()}`);
    }
    await sleep(200);
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  };
  return { port: options.port, address: `127.0.0.1:${options.port}`, child, stop, kill };
}
