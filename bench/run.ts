// `npm run bench [-- --quick] [-- --profile] [-- --only=lookup,listing]`: starts a real Hazelcast
// member and node processes, measures job lookup, listings at scale, submit, failover and
// footprint, then the real SeaTunnel 2.3.8 engine side by side with the simulator (bench/real-engine.ts),
// stops everything (also on failure or Ctrl-C) and prints a table. A full run writes
// bench/results.json and the table in bench/README.md; --quick (1 000 and 10 000 jobs, shorter
// load runs) writes bench/tmp/results-quick.json only.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Aggregators, HazelcastJsonValue, Predicates } from 'hazelcast-client';
import { startLocalCluster, startNodeProcess, type LocalCluster, type LocalClusterOptions, type LocalNode } from '@seatunnel-sim/cli';
import { connectCluster, encodeJob, HazelcastDocBackend, JobRepository, MAPS, NodeRegistry, type HazelcastClient } from '@seatunnel-sim/cluster';
import { newJobRecord, parseJson, readJobConfig, settle, type JobRecord } from '@seatunnel-sim/engine';
import { load, slowGet, timedGets, type LoadFigures } from './load.js';
import { writeCharts } from './charts.js';
import { procStatus } from './proc-status.js';
import { realEngineMissing, runEnginePhase } from './real-engine.js';
import { renderComparison, renderEngineComparison, renderGoals, renderMarkdown, renderTable, type FailoverFigures, type Results } from './report.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(BENCH_DIR, 'tmp');
const NODE_BASE_PORT = 22080;
const MEMBER_PORT = 25001;
const BARE_PORT = 22179;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const phase = (name: string): boolean => only === null || only.has(name);

const LOAD_SECONDS = quick ? 5 : 10;
const WARMUP_SECONDS = quick ? 2 : 3;
const LOOKUP_ROUNDS = quick ? 1 : 2;
const CONNECTIONS = 10;
const scalesArg = args.find((a) => a.startsWith('--scales='));
const SCALES = scalesArg ? scalesArg.slice('--scales='.length).split(',').map(Number) : quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
/** The slow client of the listing phase: reads this fast, this much, then hangs up. */
const SLOW_CLIENT = { bytesPerSecond: 2_000_000, maxBytes: quick ? 6_000_000 : 12_000_000 };
const FAILOVER_JOBS = 300;
/** Offered loads of the job-info latency curve, as fractions of the node's measured peak. */
const CURVE_FRACTIONS = [0.1, 0.25, 0.5, 0.75, 0.9];
const CURVE_SECONDS = quick ? 3 : 5;
const SETTLE_SECONDS = quick ? 5 : 30;
const MEMBER_HEAP = '2g';

const log = (message: string): void => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------------------------------------
// Everything started is registered here and stopped in reverse order, once, whatever happens.
const stoppers: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    for (const stop of stoppers.reverse()) await stop().catch((error: unknown) => console.error('cleanup:', error));
  })());
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping every process`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
const STREAMING_CONFIG = readJobConfig(
  parseJson(
    JSON.stringify({
      env: { 'job.mode': 'streaming' },
      source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 100, schema: { fields: { name: 'string', age: 'int', card: 'int' } } }],
      transform: [],
      sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
    }),
  ),
);
const BATCH_BODY = (rows: number): string =>
  JSON.stringify({
    env: { 'job.mode': 'batch' },
    source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': rows, schema: { fields: { name: 'string', age: 'int', card: 'int' } } }],
    transform: [],
    sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
  });
const BATCH_CONFIG = readJobConfig(parseJson(BATCH_BODY(100)));
const STREAMING_BODY = JSON.stringify({
  env: { 'job.mode': 'streaming' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 100, schema: { fields: { name: 'string', age: 'int', card: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});

let nextSeedId = 4_000_000_000_000_000_000n + BigInt(process.pid) * 1_000_000_000n;
const seedId = (): string => (nextSeedId++).toString();

/** A running streaming job owned by `owner` (nothing for its driver to commit: dueAt is NEVER). */
function runningRecord(owner: string, now: number): JobRecord {
  return newJobRecord({ jobId: seedId(), jobNameParam: 'bench_running', isStartWithSavePoint: false, config: STREAMING_CONFIG, owner, now });
}

/** A finished batch job (100 rows, finished 5 s after it started). */
function finishedRecord(owner: string, now: number): JobRecord {
  const started = newJobRecord({ jobId: seedId(), jobNameParam: 'bench_finished', isStartWithSavePoint: false, config: BATCH_CONFIG, owner, now: now - 60_000 });
  const ended = settle(started, now);
  if (!ended || ended.status !== 'FINISHED') throw new Error('seed record did not finish');
  return ended;
}

/** Seeds `count` records straight into an IMap with setAll in parallel batches. */
async function seed(client: HazelcastClient, mapName: string, count: number, make: (i: number) => JobRecord): Promise<number> {
  const map = await client.getMap<string, HazelcastJsonValue>(mapName);
  const start = performance.now();
  const BATCH = 1_000;
  const PARALLEL = 4;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (done < count) {
      const size = Math.min(BATCH, count - done);
      const from = done;
      done += size;
      const pairs: [string, HazelcastJsonValue][] = [];
      for (let i = 0; i < size; i++) {
        const record = make(from + i);
        pairs.push([record.jobId, new HazelcastJsonValue(encodeJob(record))]); // as JobRepository stores it
      }
      await map.setAll(pairs);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return (performance.now() - start) / 1000;
}

/** Resets the process's VmHWM to its current RSS (Linux ≥ 4.0), so a peak can be taken per listing. */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Node 1's peak RSS while `work` runs (VmHWM reset before it). */
async function peakDuring<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakRssMB: number }> {
  resetPeak(pid);
  const result = await work();
  return { result, peakRssMB: procStatus(pid).hwmMB };
}

async function postJson(url: string, body: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startBareServer(body: string): Promise<ChildProcess> {
  const child = fork(fileURLToPath(new URL('./bare-server.js', import.meta.url)), [String(BARE_PORT)], {
    env: { ...process.env, BENCH_BARE_BODY: body },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  stoppers.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await waitExit(child);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return child;
}

/** Forks one more node and times it: process start → first 200 from the node's health check. */
async function timeNodeStartup(options: LocalClusterOptions, members: string[], index: number, port: number): Promise<{ firstAnswerMs: number; readyMessageMs: number }> {
  const start = performance.now();
  let firstAnswerMs = NaN;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/hazelcast/health/ready`);
        await response.arrayBuffer();
        if (response.ok) {
          firstAnswerMs = performance.now() - start;
          return;
        }
      } catch {
        /* not listening yet */
      }
      await sleep(2);
    }
  })();
  const node = await startNodeProcess(options, members, index);
  const readyMessageMs = performance.now() - start;
  if (node.port !== port) throw new Error(`startup node took port ${node.port}, expected ${port}`);
  await Promise.race([poll, sleep(10_000)]);
  polling = false;
  node.child.kill('SIGTERM');
  await waitExit(node.child);
  return { firstAnswerMs: Math.round(firstAnswerMs), readyMessageMs: Math.round(readyMessageMs) };
}

/** Whether a node's launcher finds a V8 code cache of the bundle (packages/cli/src/bundle/seatunnel-sim.mts). */
const BUNDLE_DIR = fileURLToPath(new URL('../../packages/cli/dist/src/bundle/', import.meta.url));
const STARTUP_RUNS = 5;
const STARTUP_SETTLE_MS = 3_000;
const hasCodeCache = (): boolean => existsSync(BUNDLE_DIR) && readdirSync(BUNDLE_DIR).some((name) => name.endsWith('.v8cache'));

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// ---------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const logDir = join(TMP, 'logs');
  rmSync(logDir, { recursive: true, force: true });
  const profileDir = join(TMP, 'profiles');
  if (profile) rmSync(profileDir, { recursive: true, force: true });
  const clusterName = `bench-${process.pid}`;
  // 100 000 running + 100 000 finished job records (JSON, three indexes) need more than the
  // member's default 512 MB heap.
  process.env['SEATUNNEL_SIM_MEMBER_HEAP'] ??= MEMBER_HEAP;
  const options: LocalClusterOptions = {
    nodes: 3,
    members: 1,
    port: NODE_BASE_PORT,
    hzPort: MEMBER_PORT,
    clusterName,
    logDir,
    nodeEnv: { SEATUNNEL_SIM_LOG_LEVEL: 'warn', ...(process.env['BENCH_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_NODE_OPTIONS'] } : {}) },
  };
  // Node 20 refuses --cpu-prof in NODE_OPTIONS; fork() passes process.execArgv to the node
  // processes instead (the bare server gets its own empty execArgv).
  if (profile) process.execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  const results: Results = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    machine: { cores: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) },
    settings: { loadSeconds: LOAD_SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, scales: SCALES, failoverJobs: FAILOVER_JOBS, memberHeap: process.env['SEATUNNEL_SIM_MEMBER_HEAP'] ?? MEMBER_HEAP, profile },
  };
  log(`mode ${results.mode}, ${results.machine.cores} cores, node ${process.version}, load average ${results.machine.loadAverageAtStart.join(' ')}`);

  // --- cluster up -------------------------------------------------------------------------------
  const upStart = performance.now();
  const cluster: LocalCluster = await startLocalCluster(options);
  results.upSeconds = Math.round((performance.now() - upStart) / 100) / 10;
  stoppers.push(() => cluster.stop());
  const member = cluster.members[0]!;
  const memberAddresses = cluster.members.map((m) => m.address);
  const [node1, node2, node3] = cluster.nodes as [LocalNode, LocalNode, LocalNode];
  log(`cluster up in ${results.upSeconds} s: member :${member.port}, nodes ${cluster.nodes.map((n) => n.port).join(', ')}`);

  const client = await connectCluster({ clusterName, members: memberAddresses, instanceName: 'bench' });
  stoppers.push(async () => {
    await client.shutdown();
  });
  const repository = await JobRepository.open(new HazelcastDocBackend(client));
  const registry = await NodeRegistry.open(new HazelcastDocBackend(client));
  const runningMap = await client.getMap<string, HazelcastJsonValue>(MAPS.runningJobs);
  const finishedMap = await client.getMap<string, HazelcastJsonValue>(MAPS.finishedJobs);
  const v1 = (node: LocalNode, path: string): string => `${node.url}/hazelcast/rest/maps/${path}`;

  await sleep(1000);
  const memberPid = member.child.pid ?? NaN;
  results.footprint = { idleRssMB: procStatus(node1.pid).rssMB, memberIdleRssMB: procStatus(memberPid).rssMB };

  // --- node startup -----------------------------------------------------------------------------
  if (phase('startup')) {
    // A fresh build has no V8 code cache of the bundle; the cluster's nodes write it 2 s after they
    // start. Wait for it, as every node after the first finds it.
    const cacheDeadline = performance.now() + 10_000;
    while (!hasCodeCache() && performance.now() < cacheDeadline) await sleep(100);
    const codeCache = hasCodeCache() && process.env['SEATUNNEL_SIM_CODE_CACHE'] !== 'off';
    // Then let the just-started cluster settle (the nodes writing their caches, the member's JIT):
    // the figure is a node joining a running cluster, not one of four starting together.
    await sleep(STARTUP_SETTLE_MS);
    const runs = [];
    for (let i = 0; i < STARTUP_RUNS; i++) runs.push(await timeNodeStartup(options, memberAddresses, 3, NODE_BASE_PORT + 3));
    results.startup = {
      firstAnswerMs: median(runs.map((r) => r.firstAnswerMs)),
      readyMessageMs: median(runs.map((r) => r.readyMessageMs)),
      runs,
      codeCache,
    };
    log(`node startup: first answer ${results.startup.firstAnswerMs} ms (median of ${STARTUP_RUNS}; V8 code cache of the bundle ${codeCache ? 'used' : 'missing'})`);
  }

  // --- job lookup -------------------------------------------------------------------------------
  if (phase('lookup')) {
    const submitted = await postJson(`${v1(node1, 'submit-job')}?jobName=bench_lookup`, STREAMING_BODY);
    const jobId = String(submitted['jobId']);
    await sleep(500);
    const jobInfoUrl = v1(node1, `job-info/${jobId}`);
    const answer = await (await fetch(jobInfoUrl)).text();
    if (!answer.includes('"jobStatus":"RUNNING"')) throw new Error(`job-info answered ${answer}`);
    const memberUrl = `http://127.0.0.1:${member.port}/hazelcast/rest/maps/${MAPS.runningJobs}/${jobId}`;
    const memberResponse = await fetch(memberUrl);
    const memberText = await memberResponse.text();
    const memberDoc = JSON.parse(memberText) as { jobId?: string };
    if (!memberResponse.ok || memberDoc.jobId !== jobId) throw new Error(`member REST answered ${memberResponse.status}: ${memberText.slice(0, 200)}`);
    await startBareServer(answer);
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/`;

    const measure = async (url: string): Promise<LoadFigures> => {
      await load({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS });
      return load({ url, connections: CONNECTIONS, duration: LOAD_SECONDS });
    };
    log(`job lookup: ${jobInfoUrl} (${answer.length} bytes), member ${memberUrl} (${memberText.length} bytes)`);
    // The three targets take turns, LOOKUP_ROUNDS times; each keeps its best round, so a burst of
    // background load on this shared machine does not decide a ratio.
    const rounds: { node: LoadFigures; member: LoadFigures; bare: LoadFigures }[] = [];
    for (let round = 0; round < LOOKUP_ROUNDS; round++) {
      const node = await measure(jobInfoUrl);
      log(`  node     ${node.rps} req/s p50 ${node.p50} p99 ${node.p99} ms`);
      const member = await measure(memberUrl);
      log(`  member   ${member.rps} req/s p50 ${member.p50} p99 ${member.p99} ms`);
      const bare = await measure(bareUrl);
      log(`  bare     ${bare.rps} req/s p50 ${bare.p50} p99 ${bare.p99} ms`);
      rounds.push({ node, member, bare });
    }
    const best = (pick: (r: (typeof rounds)[number]) => LoadFigures): LoadFigures => rounds.map(pick).reduce((a, b) => (b.rps > a.rps ? b : a));
    const node = best((r) => r.node);
    const memberRest = best((r) => r.member);
    const bare = best((r) => r.bare);
    const halfRate = Math.max(1, Math.floor(node.rps / 2));
    const half = await load({ url: jobInfoUrl, connections: CONNECTIONS, duration: LOAD_SECONDS, overallRate: halfRate });
    log(`  node at ${halfRate} req/s: p50 ${half.p50} p99 ${half.p99} ms (autocannon p99 ${half.p99Autocannon} ms)`);
    const curve = [];
    for (const fraction of CURVE_FRACTIONS) {
      const rate = Math.max(1, Math.floor(node.rps * fraction));
      const point = fraction === 0.5 ? half : await load({ url: jobInfoUrl, connections: CONNECTIONS, duration: CURVE_SECONDS, overallRate: rate });
      curve.push({ rate, achieved: point.rps, p50: point.p50, p99: point.p99, p99Autocannon: point.p99Autocannon });
    }
    log(`  latency curve: ${curve.map((c) => `${c.rate} req/s p99 ${c.p99} ms`).join(', ')}`);
    results.lookup = {
      connections: CONNECTIONS,
      answerBytes: Buffer.byteLength(answer),
      memberAnswerBytes: Buffer.byteLength(memberText),
      node,
      member: memberRest,
      bare,
      nodeVsMember: Math.round((node.rps / memberRest.rps) * 100) / 100,
      nodeVsBare: Math.round((node.rps / bare.rps) * 100) / 100,
      halfPeak: { rate: halfRate, ...half },
      curve,
      rounds: rounds.map((r) => ({ node: r.node.rps, member: r.member.rps, bare: r.bare.rps })),
    };
  }

  // --- submit -----------------------------------------------------------------------------------
  if (phase('submit')) {
    const urls = [node1, node2, node3].map((n) => `${v1(n, 'submit-job')}?jobName=bench_submit`);
    const body = BATCH_BODY(20); // 1 s of rows: each job also goes through RUNNING → FINISHED → history
    await load({ url: urls, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: 12, duration: WARMUP_SECONDS });
    const figures = await load({ url: urls, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: 12, duration: LOAD_SECONDS });
    log(`submit: ${figures.rps} jobs/s across 3 nodes, p50 ${figures.p50} p99 ${figures.p99} ms`);
    // Let the drivers archive what was submitted before the next phase.
    const drainStart = performance.now();
    while ((await repository.countRunning()) > 1 && performance.now() - drainStart < 60_000) await sleep(250);
    results.submit = { connections: 12, ...figures, drainSeconds: Math.round((performance.now() - drainStart) / 100) / 10 };
    log(`  drivers archived every submitted job ${results.submit.drainSeconds} s after the load stopped`);
  }

  // --- the real SeaTunnel engine, side by side ------------------------------------------------------
  // Before failover and listing: both clear the maps and leave the cluster changed (a node killed,
  // N jobs seeded); here node 1 and the member are as after the submit phase.
  // A full run without the engine fetched (`bash scripts/seatunnel/fetch.sh`, Maven + Java 17) skips
  // it; `--only=engine` fails instead.
  const engineMissing = phase('engine') ? await realEngineMissing() : null;
  if (engineMissing && only === null) log(`engine phase skipped: ${engineMissing}`);
  if (phase('engine') && !(engineMissing && only === null)) {
    const nodeIdleMB = results.footprint.idleRssMB;
    const memberIdleMB = results.footprint.memberIdleRssMB ?? NaN;
    results.engine = await runEnginePhase(
      {
        nodeUrl: node1.url,
        nodePid: node1.pid,
        memberPid,
        idleRss: { totalMB: Math.round((nodeIdleMB + memberIdleMB) * 10) / 10, processesMB: { node: nodeIdleMB, member: memberIdleMB } },
        countRunning: () => repository.countRunning(),
        countFinished: () => finishedMap.size(),
        clearFinished: () => finishedMap.clear(),
        startup: async () => {
          if (results.startup) return { ms: results.startup.firstAnswerMs, how: `node process start → first 200 of its health check (median of ${results.startup.runs.length}, startup phase)` };
          const run = await timeNodeStartup(options, memberAddresses, 3, NODE_BASE_PORT + 3);
          return { ms: run.firstAnswerMs, how: 'node process start → first 200 of its health check (one start)' };
        },
      },
      { quick, loadSeconds: LOAD_SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, tmpDir: TMP, logDir, log, onCleanup: (stop) => void stoppers.push(stop) },
    );
  }

  // --- failover ---------------------------------------------------------------------------------
  if (phase('failover')) {
    /**
     * Jobs owned by node 3 are inserted, node 3 gets `signal`, and the registry and the running
     * map are polled every 20 ms until no job is node 3's (each poll a point of the timeline).
     * Jobs of node 1 and 2 are inserted too: failing node 3 over must never move them.
     */
    const failOver = async (signal: 'SIGKILL' | 'SIGSTOP'): Promise<FailoverFigures> => {
      await runningMap.clear();
      await finishedMap.clear();
      const now = Date.now();
      for (let i = 0; i < FAILOVER_JOBS; i += 50) {
        await Promise.all(Array.from({ length: 50 }, () => repository.insertRunning(runningRecord(node3.nodeId, now))));
      }
      const bystanders = await Promise.all(Array.from({ length: 20 }, (_, i) => repository.insertRunning(runningRecord((i % 2 === 0 ? node1 : node2).nodeId, now))));
      await sleep(1500);
      const signalledAt = performance.now();
      node3.child.kill(signal);
      let goneMs = NaN;
      let adoptedMs = NaN;
      const timeline: [number, number][] = [];
      // Both moments: the live nodes may adopt before the dead node's registry entry expires (they
      // probe a peer whose heartbeat is late), so keep polling until both are seen.
      while (performance.now() - signalledAt < 30_000 && (Number.isNaN(goneMs) || Number.isNaN(adoptedMs))) {
        if (Number.isNaN(goneMs) && !(await registry.list()).some((n) => n.nodeId === node3.nodeId)) goneMs = performance.now() - signalledAt;
        if (Number.isNaN(adoptedMs)) {
          const owned = (await repository.listOwnedBy([node3.nodeId])).length;
          timeline.push([Math.round(performance.now() - signalledAt), owned]);
          if (owned === 0) adoptedMs = performance.now() - signalledAt;
        }
        await sleep(20);
      }
      const running = await repository.listRunning();
      const owners: Record<string, number> = {};
      const nameOf = (owner: string): string => (owner === node1.nodeId ? 'node1' : owner === node2.nodeId ? 'node2' : owner);
      for (const r of running) owners[nameOf(r.owner)] = (owners[nameOf(r.owner)] ?? 0) + 1;
      const byId = new Map(running.map((r) => [r.jobId, r.owner]));
      const liveJobsMoved = bystanders.filter((b) => byId.get(b.current.jobId) !== b.current.owner).length;
      return {
        jobs: FAILOVER_JOBS,
        heartbeatGoneSeconds: Math.round(goneMs / 10) / 100,
        adoptedSeconds: Math.round(adoptedMs / 10) / 100,
        stillRunning: running.length - bystanders.length,
        adoptedBy: owners,
        liveJobsMoved,
        timeline: [[0, FAILOVER_JOBS], ...timeline],
      };
    };
    // Frozen first (SIGSTOP, then SIGCONT: it must rejoin without taking anything back), then killed.
    const frozen = await failOver('SIGSTOP');
    node3.child.kill('SIGCONT');
    await sleep(3000);
    log(`failover (SIGSTOP): all ${FAILOVER_JOBS} jobs adopted after ${frozen.adoptedSeconds} s; registry entry gone after ${frozen.heartbeatGoneSeconds} s; live nodes' jobs moved: ${frozen.liveJobsMoved} (${JSON.stringify(frozen.adoptedBy)})`);
    const killed = await failOver('SIGKILL');
    results.failover = { ...killed, frozen };
    log(`failover (kill -9): all ${FAILOVER_JOBS} jobs adopted after ${killed.adoptedSeconds} s; registry entry gone after ${killed.heartbeatGoneSeconds} s; live nodes' jobs moved: ${killed.liveJobsMoved} (${JSON.stringify(killed.adoptedBy)})`);
  }

  // --- listings at scale ------------------------------------------------------------------------
  if (phase('listing')) {
    // At each scale N the cluster holds N jobs: first N running (running-jobs, overview), then
    // N finished (finished-jobs, overview). 2N records at once would need a member heap whose
    // serial full GCs stall heartbeats long enough to fake a failover.
    const live = (await registry.list()).map((n) => n.nodeId);
    const countOwnedBy = async (owner: string): Promise<number> =>
      Number(await runningMap.aggregateWithPredicate(Aggregators.count(), Predicates.equal('owner', owner)));
    results.listing = [];
    for (const scale of SCALES) {
      const reps = scale >= 100_000 ? 3 : scale >= 10_000 ? 10 : 20;
      await finishedMap.clear();
      await runningMap.clear();
      let now = Date.now();
      const runningSeedSeconds = await seed(client, MAPS.runningJobs, scale, (i) => runningRecord(live[i % live.length]!, now));
      if ((await runningMap.size()) !== scale) throw new Error(`seeded ${await runningMap.size()} running jobs, wanted ${scale}`);
      // At rest with N jobs in the cluster: give V8 up to SETTLE_SECONDS to return what the
      // previous scale's listings used (its idle-time GC), as after the last listings below.
      let beforeListing = procStatus(node1.pid);
      for (let i = 0; i < SETTLE_SECONDS && beforeListing.rssMB >= 150; i++) {
        await sleep(1000);
        beforeListing = procStatus(node1.pid);
      }
      log(`listing with ${scale} running jobs (seeded in ${runningSeedSeconds.toFixed(1)} s; node1 RSS ${beforeListing.rssMB} MB)`);
      const check = await (await fetch(v1(node1, 'running-jobs'))).text(); // warm-up + sanity
      if (scale <= 10_000 && (JSON.parse(check) as unknown[]).length !== scale) throw new Error('running-jobs did not list every job');
      const { result: runningJobs, peakRssMB: runningPeakMB } = await peakDuring(node1.pid, () => timedGets(v1(node1, 'running-jobs'), reps));
      log(`  running-jobs  p50 ${runningJobs.p50} ms (${(runningJobs.bytes / 1e6).toFixed(1)} MB), node1 peak RSS ${runningPeakMB} MB`);
      // A client that reads slowly: the node must not buffer what it has not taken yet.
      const slowUrl = v1(node1, 'running-jobs');
      const { result: slow, peakRssMB: slowPeakMB } = await peakDuring(node1.pid, () => slowGet(slowUrl, SLOW_CLIENT.bytesPerSecond, Math.min(SLOW_CLIENT.maxBytes, runningJobs.bytes)));
      log(`  slow client   ${(slow.bytes / 1e6).toFixed(1)} MB in ${slow.seconds} s, node1 peak RSS ${slowPeakMB} MB`);
      const overviewRunning = await timedGets(v1(node1, 'overview'), reps);
      log(`  overview      p50 ${overviewRunning.p50} ms`);
      // Nobody adopted anything meanwhile (a lapsed heartbeat under load would move jobs around).
      const owned = await Promise.all(live.map(countOwnedBy));
      const ownersStable = owned.every((n, i) => n === Math.floor(scale / live.length) + (i < scale % live.length ? 1 : 0));
      const afterRunning = procStatus(node1.pid);

      await runningMap.clear();
      now = Date.now();
      const finishedSeedSeconds = await seed(client, MAPS.finishedJobs, scale, (i) => finishedRecord(live[i % live.length]!, now));
      if ((await finishedMap.size()) !== scale) throw new Error(`seeded ${await finishedMap.size()} finished jobs, wanted ${scale}`);
      log(`listing with ${scale} finished jobs (seeded in ${finishedSeedSeconds.toFixed(1)} s)`);
      await (await fetch(v1(node1, 'finished-jobs'))).arrayBuffer();
      const { result: finishedJobs, peakRssMB: finishedPeakMB } = await peakDuring(node1.pid, () => timedGets(v1(node1, 'finished-jobs'), reps));
      log(`  finished-jobs p50 ${finishedJobs.p50} ms (${(finishedJobs.bytes / 1e6).toFixed(1)} MB), node1 peak RSS ${finishedPeakMB} MB`);
      const overviewFinished = await timedGets(v1(node1, 'overview'), reps);
      log(`  overview      p50 ${overviewFinished.p50} ms`);
      const memory = procStatus(node1.pid);
      results.listing.push({
        jobs: scale,
        seedSeconds: Math.round((runningSeedSeconds + finishedSeedSeconds) * 10) / 10,
        runningJobs,
        finishedJobs,
        overview: overviewRunning,
        overviewFinished,
        ownersStable,
        rssBeforeListingMB: beforeListing.rssMB,
        rssAfterRunningMB: afterRunning.rssMB,
        rssAfterMB: memory.rssMB,
        runningPeakRssMB: runningPeakMB,
        finishedPeakRssMB: finishedPeakMB,
        slowClient: { ...SLOW_CLIENT, ...slow, peakRssMB: slowPeakMB },
      });
      log(`  node1 RSS ${memory.rssMB} MB${ownersStable ? '' : '; WARNING: jobs changed owner during the listings'}`);
    }
    const running = SCALES[SCALES.length - 1]!;
    const largest = results.listing[results.listing.length - 1]!;
    // RSS right after the listings, then once V8 has had time to give back what they used
    // (its memory reducer runs when the node is idle; nothing is requested meanwhile).
    await sleep(1000);
    const after = procStatus(node1.pid);
    const samples: number[] = [];
    for (let i = 0; i < SETTLE_SECONDS; i++) {
      await sleep(1000);
      samples.push(procStatus(node1.pid).rssMB);
    }
    const settled = procStatus(node1.pid);
    results.footprint = {
      ...results.footprint,
      jobs: running,
      rssWithJobsMB: largest.rssBeforeListingMB,
      rssAfterListingMB: after.rssMB,
      settledRssMB: settled.rssMB,
      settleSeconds: SETTLE_SECONDS + 1,
      rssSamplesMB: samples,
      peakRssMB: Math.max(settled.hwmMB, ...results.listing.flatMap((l) => [l.runningPeakRssMB, l.finishedPeakRssMB, l.slowClient.peakRssMB])),
    };
    log(`footprint: node1 RSS ${after.rssMB} MB 1 s after the ${running}-job listings, ${settled.rssMB} MB after ${SETTLE_SECONDS + 1} s (peak during the listings ${results.footprint.peakRssMB} MB)`);
  }

  results.machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  await cleanup();
  console.log('');
  console.log(renderTable(results));
  console.log('');
  console.log(renderGoals(results));
  if (results.engine) {
    console.log('');
    console.log(renderEngineComparison(results.engine));
  }
  // Charts: a full run's go next to the README that links them, a partial run's into tmp/.
  const chartDir = quick || only ? join(TMP, 'charts') : join(BENCH_DIR, 'charts');
  mkdirSync(chartDir, { recursive: true });
  log(`charts in ${chartDir}: ${writeCharts(results, chartDir).join(', ') || 'none (no phase with a chart ran)'}`);
  if (quick || only) {
    writeFileSync(join(TMP, 'results-quick.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results in ${join(TMP, 'results-quick.json')} (a full run writes bench/results.json and bench/README.md)`);
  } else {
    writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const readmePath = join(BENCH_DIR, 'README.md');
    const readme = readFileSync(readmePath, 'utf8');
    // bench/results-before.json: this bench on the code before the read-path work (see README).
    const beforePath = join(BENCH_DIR, 'results-before.json');
    const before = existsSync(beforePath) ? (JSON.parse(readFileSync(beforePath, 'utf8')) as Results) : null;
    writeFileSync(
      readmePath,
      readme
        .replace(/<!-- results:start -->[\s\S]*<!-- results:end -->/, `<!-- results:start -->\n${renderMarkdown(results)}\n<!-- results:end -->`)
        .replace(/<!-- goals:start -->[\s\S]*<!-- goals:end -->/, `<!-- goals:start -->\n${renderGoals(results)}\n<!-- goals:end -->`)
        .replace(/<!-- before:start -->[\s\S]*<!-- before:end -->/, `<!-- before:start -->\n${before ? renderComparison(before, results) : ''}\n<!-- before:end -->`),
    );
    log('results in bench/results.json and bench/README.md');
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
