// Starts a REAL Apache SeaTunnel (Zeta) engine, one master_and_worker node on Java 17, for the
// differential tests and the benchmark: the jars come from Maven Central through
// `bash scripts/seatunnel/fetch.sh` (into the git-ignored .cache/seatunnel-<version>/, laid out as
// a SEATUNNEL_HOME), the configs are our templates in scripts/seatunnel/config/, rendered into a
// fresh run directory per engine. scripts/seatunnel/engine.sh starts one by hand with the same flags.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const SEATUNNEL_VERSION = '2.3.8';
export const SEATUNNEL_MAIN_CLASS = 'org.apache.seatunnel.engine.server.SeaTunnelServerStarter';
export const V1_PREFIX = '/hazelcast/rest/maps';

export interface SeaTunnelEngineOptions {
  /** The Hazelcast port, which also serves the v1 REST API. Use one below 32768. */
  port: number;
  /** Where the rendered configs and the checkpoints go; default a fresh .cache/seatunnel-runs/engine-<port>-XXXXXX. */
  runDir?: string;
  /** Where the engine's stdout/stderr go (appended); default <runDir>/engine.log. */
  logFile?: string;
  /** -Xmx (a size such as "512m"); default 512m. */
  heap?: string;
  /** Default 90 000 ms. */
  readyTimeoutMillis?: number;
  /** Default "seatunnel" (the engine only ever lists itself as a member, whatever the name). */
  clusterName?: string;
}

export interface SeaTunnelEngine {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** http://127.0.0.1:<port>/hazelcast/rest/maps */
  readonly v1Url: string;
  readonly pid: number;
  /** Milliseconds from spawning java to the first 200 of /hazelcast/rest/maps/overview. */
  readonly startMillis: number;
  readonly runDir: string;
  readonly logFile: string;
  readonly child: ChildProcess;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  stop(): Promise<void>;
  /** The engine's resident set size (VmRSS of /proc/<pid>/status); throws once it has exited. */
  rssBytes(): number;
}

// Java 17 module flags SeaTunnel 2.3.8 (and its Hazelcast 5.1) need; the same in engine.sh.
export const SEATUNNEL_JAVA_MODULE_FLAGS: readonly string[] = [
  ...[
    'java.base/java.lang',
    'java.base/java.util',
    'java.base/java.nio',
    'java.base/sun.nio.ch',
    'java.base/java.lang.reflect',
    'java.base/java.io',
    'java.base/java.net',
    'java.base/java.util.concurrent',
    'java.base/jdk.internal.misc',
    'java.management/sun.management',
    'jdk.management/com.sun.management.internal',
  ].flatMap((pkg) => ['--add-opens', `${pkg}=ALL-UNNAMED`]),
  '--add-exports',
  'java.base/jdk.internal.ref=ALL-UNNAMED',
];

const CONFIG_FILES = ['seatunnel.yaml', 'hazelcast.yaml', 'log4j2.properties'] as const;
const DEFAULT_HEAP = '512m';
const DEFAULT_READY_TIMEOUT_MILLIS = 90_000;
const STOP_GRACE_MILLIS = 15_000;
const TAIL_LINES = 30;

/** The repository root: the nearest folder above this file holding scripts/seatunnel/pom.xml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'scripts', 'seatunnel', 'pom.xml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find scripts/seatunnel/pom.xml above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The SEATUNNEL_HOME that scripts/seatunnel/fetch.sh lays out (.cache/seatunnel-2.3.8). */
export function seatunnelHome(): string {
  return join(repoRoot(), '.cache', `seatunnel-${SEATUNNEL_VERSION}`);
}

/** The engine's home, or a clear error naming the fetch script when it has not been fetched. */
export function ensureSeaTunnelEngine(): string {
  const home = seatunnelHome();
  // fetch.sh writes .complete last, after lib/ and connectors/ are in place.
  if (!existsSync(join(home, '.complete'))) {
    throw new Error(
      `the SeaTunnel ${SEATUNNEL_VERSION} engine is not in ${home}: run \`bash scripts/seatunnel/fetch.sh\` ` +
        '(needs Maven and Java 17; it downloads the engine jars from Maven Central)',
    );
  }
  return home;
}

/** Writes the config templates into <runDir>/config with the run's port, cluster name and directory. */
export function renderEngineConfig(runDir: string, port: number, clusterName: string): string {
  const configDir = join(runDir, 'config');
  mkdirSync(configDir, { recursive: true });
  mkdirSync(join(runDir, 'checkpoints'), { recursive: true });
  const templates = join(repoRoot(), 'scripts', 'seatunnel', 'config');
  for (const name of CONFIG_FILES) {
    const text = readFileSync(join(templates, name), 'utf8')
      .replaceAll('@PORT@', String(port))
      .replaceAll('@CLUSTER_NAME@', clusterName)
      .replaceAll('@RUN_DIR@', runDir);
    writeFileSync(join(configDir, name), text);
  }
  return configDir;
}

/** Bytes of a -Xmx size ("512m", "1g", "300000k", "268435456"). */
function heapBytes(size: string): number {
  const match = /^(\d+)([kmgKMG]?)$/.exec(size);
  if (!match?.[1]) throw new Error(`invalid engine heap ${JSON.stringify(size)} (a -Xmx size such as 512m)`);
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Number(match[1]) * unit;
}

/**
 * The java arguments of an engine whose configs are rendered in <runDir>/config. The heap starts at
 * 64m (or `heap` when smaller) and grows up to `heap`: the resident set stays small for a test.
 */
export function engineCommand(home: string, runDir: string, heap: string): string[] {
  const configDir = join(runDir, 'config');
  const initialHeap = heapBytes(heap) < 64 * 1024 ** 2 ? heap : '64m';
  return [
    `-Xms${initialHeap}`, `-Xmx${heap}`, '-XX:+UseSerialGC', '-XX:+ExitOnOutOfMemoryError',
    ...SEATUNNEL_JAVA_MODULE_FLAGS,
    '-Djava.net.preferIPv4Stack=true',
    `-DSEATUNNEL_HOME=${home}`,
    `-Dseatunnel.config=${join(configDir, 'seatunnel.yaml')}`,
    `-Dhazelcast.config=${join(configDir, 'hazelcast.yaml')}`,
    `-Dlog4j2.configurationFile=${join(configDir, 'log4j2.properties')}`,
    '-Dhazelcast.phone.home.enabled=false',
    '-cp', `${join(home, 'lib')}/*`,
    SEATUNNEL_MAIN_CLASS,
  ];
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
    return [...this.lines, this.partial].filter((line) => line.length > 0).slice(-this.limit).join('\n');
  }
}

/** True when something accepts TCP connections on 127.0.0.1:<port>. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (taken: boolean): void => {
      socket.destroy();
      resolvePromise(taken);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function overviewAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves true once the child has exited, false after `millis` (leaving no timer behind). */
function waitForExit(child: ChildProcess, millis: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const onExit = (): void => {
      clearTimeout(timer);
      resolvePromise(true);
    };
    const timer = setTimeout(() => {
      child.removeListener('exit', onExit);
      resolvePromise(exited(child));
    }, millis);
    child.once('exit', onExit);
  });
}

async function terminate(child: ChildProcess, graceMillis: number): Promise<void> {
  if (exited(child)) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, graceMillis)) return;
  child.kill('SIGKILL');
  // SIGKILL cannot be ignored: the exit event follows as soon as the kernel has reaped the process.
  await waitForExit(child, 60_000);
}

function closeLog(log: WriteStream | undefined): Promise<void> {
  if (!log || log.closed) return Promise.resolve();
  return new Promise((resolvePromise) => log.end(() => resolvePromise()));
}

/**
 * Starts a real SeaTunnel 2.3.8 engine on `options.port` and resolves once
 * /hazelcast/rest/maps/overview answers 200. On failure (exit, timeout) the process is gone and the
 * error carries the last 30 lines the engine printed.
 */
export async function startSeaTunnelEngine(options: SeaTunnelEngineOptions): Promise<SeaTunnelEngine> {
  const { port } = options;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`invalid engine port ${port}`);
  const heap = options.heap ?? DEFAULT_HEAP;
  heapBytes(heap); // throws on a malformed size before anything is started
  const clusterName = options.clusterName ?? 'seatunnel';
  if (!/^[\w.-]+$/.test(clusterName)) throw new Error(`invalid engine cluster name ${JSON.stringify(clusterName)}`);
  const readyTimeoutMillis = options.readyTimeoutMillis ?? DEFAULT_READY_TIMEOUT_MILLIS;
  const home = ensureSeaTunnelEngine();
  // A process already on the port would answer the readiness probe in the engine's place.
  if (await portTaken(port)) throw new Error(`cannot start the SeaTunnel engine: 127.0.0.1:${port} is already in use`);

  let runDir: string;
  if (options.runDir) {
    runDir = resolve(options.runDir);
    mkdirSync(runDir, { recursive: true });
  } else {
    const runs = join(repoRoot(), '.cache', 'seatunnel-runs');
    mkdirSync(runs, { recursive: true });
    runDir = mkdtempSync(join(runs, `engine-${port}-`));
  }
  renderEngineConfig(runDir, port, clusterName);
  const logFile = resolve(options.logFile ?? join(runDir, 'engine.log'));
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  // A log that cannot be written (disk full, directory removed) must not crash the tests.
  log.on('error', () => undefined);

  const spawnedAt = performance.now();
  const child = spawn('java', engineCommand(home, runDir, heap), {
    cwd: runDir,
    env: { ...process.env, SEATUNNEL_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should this process exit without stopping the engine (a test crashing), the engine goes too.
  const killOnExit = (): void => {
    if (!exited(child)) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const spawnError = new Promise<Error>((resolvePromise) => child.once('error', resolvePromise));
  const recent = new OutputTail(TAIL_LINES);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      recent.push(chunk);
      // Output can still arrive after 'exit', when stop() has already closed the log.
      if (log.writable) log.write(chunk);
    });
  }

  const v1Url = `http://127.0.0.1:${port}${V1_PREFIX}`;
  const fail = async (reason: string): Promise<never> => {
    // A child that never got a pid (java not found) has nothing to stop and never emits 'exit'.
    if (child.pid !== undefined) await terminate(child, 2_000);
    process.removeListener('exit', killOnExit);
    await closeLog(log);
    throw new Error(`SeaTunnel engine on port ${port} ${reason}; log ${logFile}; its last ${TAIL_LINES} lines:\n${recent.text()}`);
  };

  const deadline = spawnedAt + readyTimeoutMillis;
  let failed: Error | undefined;
  void spawnError.then((error) => {
    failed = error;
  });
  for (;;) {
    if (failed) return fail(`could not be spawned (${failed.message}; is Java 17 installed?)`);
    if (exited(child)) return fail(`exited (code ${child.exitCode}, signal ${child.signalCode}) before answering`);
    if (await overviewAnswers(`${v1Url}/overview`)) break;
    if (performance.now() > deadline) return fail(`did not answer ${V1_PREFIX}/overview with 200 within ${readyTimeoutMillis} ms`);
    await sleep(100);
  }
  const startMillis = Math.round(performance.now() - spawnedAt);
  const pid = child.pid;
  if (pid === undefined) return fail('has no pid');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await terminate(child, STOP_GRACE_MILLIS);
      process.removeListener('exit', killOnExit);
      await closeLog(log);
    })();
    return stopping;
  };
  const rssBytes = (): number => {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      throw new Error(`SeaTunnel engine pid ${pid} is not running`);
    }
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    if (!match?.[1]) throw new Error(`no VmRSS for SeaTunnel engine pid ${pid} (exited?)`);
    return Number(match[1]) * 1024;
  };
  return { port, baseUrl: `http://127.0.0.1:${port}`, v1Url, pid, startMillis, runDir, logFile, child, stop, rssBytes };
}
