// `npm run soak -- --minutes N [--out <path prefix>] [--restart-every-minutes M] [--sample-seconds S]`:
// a real Hazelcast member and three node processes under a steady mix (soak/workload.ts) for N
// minutes, a node restarted (SIGTERM, then started again on its port) every M minutes, figures
// per sample (node and member RSS, open fds, latency p50/p99, errors, log directories) printed as
// a table and written as <prefix>.json and <prefix>.svg. Exits 1 on any error or when RSS grows
// past the bounds of soak/verdict.ts.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startLocalCluster, startNodeProcess, type LocalCluster, type LocalClusterOptions, type LocalNode } from '@seatunnel-sim/cli';
import { openFds, quantile, rssBytes } from './process-stats.js';
import { lineChart, stackCharts, type Series } from '../svg-chart.js';
import { verdict, type Sample } from './verdict.js';
import { Workload, type SoakError, type Target } from './workload.js';

const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!(value > 0)) throw new Error(`--${name} needs a positive number`);
  return value;
};
const MINUTES = option('minutes', 3);
const RESTART_EVERY_MINUTES = option('restart-every-minutes', MINUTES <= 5 ? 1 : 5);
const SAMPLE_SECONDS = option('sample-seconds', 60);
const outIndex = args.indexOf('--out');
const OUT = outIndex >= 0 ? args[outIndex + 1]! : join(BENCH_DIR, 'tmp', `soak-${MINUTES}min`);
const NODE_BASE_PORT = option('port', 30700);
const MEMBER_PORT = option('hz-port', 30890);
const WORKERS = 4;
/** Every 15 s the clock jumps 70 s: with a 1-minute history, jobs leave history all the time. */
const CLOCK_EVERY_SECONDS = 15;
const CLOCK_ADVANCE_SECONDS = 70;

const log = (message: string): void => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);
const mb = (bytes: number | null): number | null => (bytes === null ? null : Math.round(bytes / 1048576));

function dirFigures(dir: string): { files: number; bytes: number } {
  try {
    const names = readdirSync(dir);
    return { files: names.length, bytes: names.reduce((sum, n) => sum + statSync(join(dir, n)).size, 0) };
  } catch {
    return { files: 0, bytes: 0 };
  }
}

async function ready(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/hazelcast/health/ready`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready within 30 s`);
    await sleep(100);
  }
}

function waitExit(node: LocalNode): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => node.child.once('exit', () => resolve()));
}

function renderTable(samples: readonly Sample[]): string {
  const head = ['min', 'node1 MB', 'node2 MB', 'node3 MB', 'member MB', 'fds n1/n2/n3/m', 'req', 'err', 'p50 ms', 'p99 ms', 'jobs', 'restarts', 'log files', 'log KB'];
  const rows = samples.map((s) => [
    s.minute.toFixed(s.minute % 1 === 0 ? 0 : 1),
    ...s.nodes.map((n) => String(n.rssMb ?? '–')),
    String(s.member.rssMb ?? '–'),
    [...s.nodes.map((n) => n.fds ?? '–'), s.member.fds ?? '–'].join('/'),
    String(s.requests),
    String(s.errors),
    s.p50Ms.toFixed(1),
    s.p99Ms.toFixed(1),
    String(s.jobsSubmitted),
    String(s.restarts),
    String(s.logFiles),
    String(Math.round(s.logBytes / 1024)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const logDir = join(BENCH_DIR, 'tmp', `soak-logs-${process.pid}`);
  const options: LocalClusterOptions = {
    nodes: 3,
    members: 1,
    port: NODE_BASE_PORT,
    hzPort: MEMBER_PORT,
    clusterName: `soak-${process.pid}`,
    logDir,
    nodeEnv: {
      SEATUNNEL_SIM_LOG_LEVEL: 'warn',
      SEATUNNEL_SIM_PROFILE: '2.3.13',
      SEATUNNEL_SIM_ADMIN_API: 'true',
      SEATUNNEL_SIM_SPLIT_JOB_LOGS: 'true',
      SEATUNNEL_SIM_HISTORY_EXPIRE_MINUTES: '1',
    },
  };
  log(`${MINUTES} min, a node restart every ${RESTART_EVERY_MINUTES} min, samples every ${SAMPLE_SECONDS} s; nodes :${NODE_BASE_PORT}+, member :${MEMBER_PORT}`);
  // Nodes take ports by auto-increment from the base; a restarted node asks for the one it had.
  const cluster: LocalCluster = await startLocalCluster(options);
  let stopped = false;
  const member = cluster.members[0]!;
  const nodes = [...cluster.nodes];
  // Restarted nodes are not in cluster.nodes: every current node process is stopped here first.
  const stopAll = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const node of nodes) if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGTERM');
    await Promise.race([Promise.all(nodes.map(waitExit)), sleep(10_000)]);
    for (const node of nodes) if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGKILL');
    await cluster.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  const targets: Target[] = nodes.map((n, i) => ({ name: `node${i + 1}`, url: n.url, up: true, inFlight: 0 }));
  log(`cluster up: ${nodes.map((n) => n.url).join(' ')}; member pid ${member.child.pid}`);

  const workload = new Workload(targets);
  const samples: Sample[] = [];
  const allErrors: SoakError[] = [];
  let restarts = 0;
  let restartMillis: number[] = [];
  const started = Date.now();
  workload.start(WORKERS, CLOCK_EVERY_SECONDS, CLOCK_ADVANCE_SECONDS);

  /** Takes node `i` out of the mix, stops it gracefully, starts it again on its port, puts it back. */
  const restart = async (i: number): Promise<void> => {
    const target = targets[i]!;
    const begin = performance.now();
    target.up = false;
    await workload.drained(target);
    nodes[i]!.child.kill('SIGTERM');
    await waitExit(nodes[i]!);
    const port = nodes[i]!.port;
    nodes[i] = await startNodeProcess({ ...options, port }, [member.address], i);
    await ready(nodes[i]!.url);
    target.url = nodes[i]!.url;
    target.up = true;
    restarts++;
    restartMillis.push(performance.now() - begin);
  };

  const sample = (minute: number): Sample => {
    const window = workload.take();
    allErrors.push(...window.errors);
    const logs = nodes.map((_, i) => dirFigures(join(logDir, `node${i + 1}`)));
    const s: Sample = {
      minute,
      nodes: nodes.map((n) => ({ pid: n.child.pid ?? 0, rssMb: mb(rssBytes(n.child.pid ?? 0)), fds: openFds(n.child.pid ?? 0) })),
      member: { pid: member.child.pid ?? 0, rssMb: mb(rssBytes(member.child.pid ?? 0)), fds: openFds(member.child.pid ?? 0) },
      requests: window.requests,
      errors: window.errors.length,
      p50Ms: quantile(window.latencies, 0.5),
      p99Ms: quantile(window.latencies, 0.99),
      maxMs: quantile(window.latencies, 1),
      ops: window.ops,
      jobsSubmitted: workload.submitted,
      restarts,
      restartMillis,
      logFiles: logs.reduce((sum, l) => sum + l.files, 0),
      logBytes: logs.reduce((sum, l) => sum + l.bytes, 0),
    };
    restartMillis = [];
    return s;
  };

  let nextRestart = started + RESTART_EVERY_MINUTES * 60_000;
  let nextSample = started + SAMPLE_SECONDS * 1000;
  let restartIndex = 0;
  const end = started + MINUTES * 60_000;
  try {
    for (;;) {
      await sleep(Math.max(0, Math.min(nextRestart, nextSample) - Date.now()));
      if (Date.now() >= nextSample) {
        const s = sample(Math.round(((Date.now() - started) / 60_000) * 10) / 10);
        samples.push(s);
        log(`min ${s.minute}: ${s.requests} requests, ${s.errors} errors, p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, RSS ${s.nodes.map((n) => n.rssMb).join('/')} + member ${s.member.rssMb} MB, ${s.logFiles} log files`);
        for (const e of s.errors > 0 ? allErrors.slice(-Math.min(5, s.errors)) : []) log(`  error ${e.op} on ${e.node}: ${e.detail}`);
        nextSample += SAMPLE_SECONDS * 1000;
        // The run ends with a sample: the last window is as long as the others.
        if (Date.now() >= end - 1000) break;
      }
      // The last restart leaves at least one sample after it, so the verdict sees the node back.
      if (Date.now() >= nextRestart && Date.now() < started + MINUTES * 60_000 - SAMPLE_SECONDS * 500) {
        const i = restartIndex++ % nodes.length;
        await restart(i);
        log(`node${i + 1} restarted in ${Math.round(restartMillis.at(-1)!)} ms`);
        nextRestart += RESTART_EVERY_MINUTES * 60_000;
      } else if (Date.now() >= nextRestart) nextRestart = Infinity;
    }
    log('stopping the workload');
  } finally {
    const patience = new AbortController();
    const gaveUp = sleep(30_000, undefined, { signal: patience.signal }).then(
      () => log('the workload did not stop within 30 s; stopping the processes anyway'),
      () => undefined,
    );
    await Promise.race([workload.stop().catch(() => undefined), gaveUp]);
    patience.abort();
    log('stopping the cluster');
    await stopAll();
  }

  const result = verdict(samples, allErrors);
  const report = {
    date: new Date(started).toISOString(),
    command: `npm run soak -- ${args.join(' ')}`.trim(),
    settings: { minutes: MINUTES, restartEveryMinutes: RESTART_EVERY_MINUTES, sampleSeconds: SAMPLE_SECONDS, workers: WORKERS, clockEverySeconds: CLOCK_EVERY_SECONDS, clockAdvanceSeconds: CLOCK_ADVANCE_SECONDS, historyExpireMinutes: 1, profile: '2.3.13' },
    samples,
    errors: allErrors.slice(0, 200),
    verdict: result,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(`${OUT}.json`, `${JSON.stringify(report, null, 2)}\n`);
  /** One point per sample (x: minute); a NaN point lifts the pen where node i became a new process. */
  const line = (name: string, value: (s: Sample) => number | null, node?: number): Series => ({
    name,
    points: samples.flatMap((s, k): [number, number][] => {
      const restarted = node !== undefined && k > 0 && s.nodes[node]!.pid !== samples[k - 1]!.nodes[node]!.pid;
      const y = value(s) ?? NaN; // no value: a gap
      return restarted ? [[s.minute - 0.5, NaN], [s.minute, y]] : [[s.minute, y]];
    }),
  });
  const nodeLines = (value: (n: Sample['nodes'][number]) => number | null): Series[] => [0, 1, 2].map((i) => line(`node${i + 1}`, (s) => value(s.nodes[i]!), i));
  const panel = (title: string, yLabel: string, series: Series[]): string => lineChart({ title, xLabel: 'minute', yLabel, series, noDots: samples.length > 20 });
  writeFileSync(
    `${OUT}.svg`,
    stackCharts(`soak: ${MINUTES} min, 3 nodes + 1 member, a node restart every ${RESTART_EVERY_MINUTES} min; node lines break at restarts`, [
      panel('Resident memory', 'MB', [...nodeLines((n) => n.rssMb), line('member (JVM)', (s) => s.member.rssMb)]),
      panel('Latency', 'ms', [line('p50', (s) => s.p50Ms), line('p99', (s) => s.p99Ms)]),
      panel('Open file descriptors', 'count', [...nodeLines((n) => n.fds), line('member', (s) => s.member.fds), line('log files (all nodes)', (s) => s.logFiles)]),
      panel('Requests and errors per sample', 'count', [line('requests', (s) => s.requests), line('errors', (s) => s.errors)]),
    ]),
  );
  console.log(renderTable(samples));
  log(`wrote ${OUT}.json and ${OUT}.svg`);
  for (const line of result.findings) log(line);
  log(result.pass ? 'PASS' : 'FAIL');
  process.exitCode = result.pass ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
