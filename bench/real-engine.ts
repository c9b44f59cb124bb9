// The `engine` phase: the real SeaTunnel 2.3.8 engine of the differential tests (started by
// test/support/seatunnel-engine.ts, the same launcher and JVM flags), measured the way the bench
// measures the simulator and, in the same phase, the simulator measured the same way next to it:
// job-info throughput, submit rate, a listing of the same number of finished jobs, start-up and RSS.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type * as EngineLauncher from '../test/support/seatunnel-engine.js';
import { load, timedGets, type LoadFigures } from './load.js';
import { procStatus } from './proc-status.js';

/** The first port tried for the engine's Hazelcast/REST port; the next ones if it is taken. */
const ENGINE_PORTS = { first: 31100, last: 31399, tries: 5 };
/** As the differential harness (its default -Xmx). */
const ENGINE_HEAP = '512m';
const LISTING_TARGET_JOBS = 1_000;
/**
 * The real engine gets through batch jobs slowly (4–8 jobs/s on these 2 shared cores), so its
 * history is filled for a time budget (with few jobs running at once, so little is left to finish
 * after it): whatever it holds then is the listing's count. Quick: a minute; full: up to 300 s
 * (quiet machine, full runs: 849 jobs in 150 s, 971 in 210 s, 4.6–5.7 jobs/s; filling stops at 1 000).
 */
const LISTING_BUDGET_SECONDS = { quick: 60, full: 300 };
/** At most this many of the phase's batch jobs running at once, so little is left when time is up. */
const FILL_BACKLOG = 48;
/** How long the last submitted jobs may take to reach the history once submitting stopped. */
const LISTING_DRAIN_SECONDS = 45;
const SUBMIT_CONNECTIONS = 4;
const FILL_CONNECTIONS = 8;
const V1_PREFIX = '/hazelcast/rest/maps';

const FIELDS = { name: 'string', age: 'int' };
/** The differential scenario's streaming job: reads its rows, then idles while RUNNING. */
export const ENGINE_STREAMING_BODY = JSON.stringify({
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 10, 'split.num': 1, 'split.read-interval': 1000, schema: { fields: FIELDS } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});
/** A batch job of a few rows: both sides run it to FINISHED within a second or two. */
export const ENGINE_BATCH_BODY = JSON.stringify({
  env: { 'job.mode': 'batch' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 5, schema: { fields: FIELDS } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});
const JSON_HEADERS = { 'content-type': 'application/json' };

export type TimedListing = Awaited<ReturnType<typeof timedGets>> & { jobs: number };

/** RSS of the processes that make up one side, and their sum. */
export interface RssFigure {
  totalMB: number;
  processesMB: Record<string, number>;
}

export interface SideFigures {
  /** Process start → first 200 of its REST API, ms. */
  startupMs: number;
  startupHow: string;
  rssIdle: RssFigure;
  rssAfterLoad: RssFigure;
  jobInfo: LoadFigures & { answerBytes: number };
  submit: LoadFigures;
  /** finished-jobs with `jobs` jobs in the history, timed to the last byte. */
  finishedListing: TimedListing;
}

export interface EngineComparison {
  engineVersion: string;
  port: number;
  heap: string;
  jobInfoConnections: number;
  submitConnections: number;
  listing: {
    targetJobs: number;
    /** Time for submitting; the drain after it may add up to LISTING_DRAIN_SECONDS. */
    budgetSeconds: number;
    /** Most of the phase's batch jobs running at once while filling. */
    backlog: number;
    /** Batch jobs the engine took in all (submit runs and fill), how long the fill and the drain took. */
    engineAccepted: number;
    engineFillSeconds: number;
    engineDrainSeconds: number;
    /** Of the jobs in the engine's history: how many ended FINISHED. */
    engineFinishedOk: number;
    /** Batch jobs still running on the engine when its listing was timed (the drain timed out). */
    engineStillRunning: number;
  };
  sim: SideFigures;
  engine: SideFigures;
}

/** What the phase needs of the simulator's cluster that run.ts started. */
export interface SimulatorUnderTest {
  /** The node measured, e.g. http://127.0.0.1:22080 */
  nodeUrl: string;
  nodePid: number;
  memberPid: number;
  /** RSS of the node and the member right after the cluster came up. */
  idleRss: RssFigure;
  countRunning(): Promise<number>;
  countFinished(): Promise<number>;
  /** Empties the history so it holds exactly the jobs the phase submits. */
  clearFinished(): Promise<void>;
  /** The node start-up figure (the startup phase's, or one measured now). */
  startup(): Promise<{ ms: number; how: string }>;
}

export interface EnginePhaseSettings {
  quick: boolean;
  loadSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Where the engine's run directory goes (configs, checkpoints). */
  tmpDir: string;
  logDir: string;
  log(message: string): void;
  /** Registers a stop function with the bench's cleanup (Ctrl-C, failure). */
  onCleanup(stop: () => Promise<void>): void;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

async function postJson(url: string, body: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', body, headers: JSON_HEADERS, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function getText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  return { status: response.status, text: await response.text() };
}

/** Submits a streaming job and waits until its job-info says RUNNING; returns the answer. */
async function runningJobInfo(v1Url: string, jobName: string): Promise<{ url: string; answer: string }> {
  const submitted = await postJson(`${v1Url}/submit-job?jobName=${jobName}`, ENGINE_STREAMING_BODY);
  const url = `${v1Url}/job-info/${String(submitted['jobId'])}`;
  const deadline = performance.now() + 60_000;
  for (;;) {
    const { status, text } = await getText(url);
    if (status === 200 && text.startsWith('{') && (JSON.parse(text) as { jobStatus?: string }).jobStatus === 'RUNNING') return { url, answer: text };
    if (performance.now() > deadline) throw new Error(`${url} never answered RUNNING; last ${status}: ${text.slice(0, 300)}`);
    await sleep(250);
  }
}

function engineRss(engine: EngineLauncher.SeaTunnelEngine): RssFigure {
  const mb = procStatus(engine.pid).rssMB;
  return { totalMB: mb, processesMB: { java: mb } };
}

function simRss(sim: SimulatorUnderTest): RssFigure {
  const node = procStatus(sim.nodePid).rssMB;
  const member = procStatus(sim.memberPid).rssMB;
  return { totalMB: round1(node + member), processesMB: { node, member } };
}

/** Warm-up run, then the measured one (as the lookup phase does). */
async function measured(options: Parameters<typeof load>[0], settings: EnginePhaseSettings, allowErrors = false): Promise<LoadFigures> {
  await load({ ...options, duration: settings.warmupSeconds }, allowErrors);
  return load({ ...options, duration: settings.loadSeconds }, allowErrors);
}

/** The differential tests' launcher, compiled with the tests (bench/dist/real-engine.js → test/dist/support). */
function engineLauncher(): Promise<typeof EngineLauncher> {
  return import(new URL('../../test/dist/support/seatunnel-engine.js', import.meta.url).href) as Promise<typeof EngineLauncher>;
}

/** Why the real engine cannot be started here (not fetched), or null when it can. */
export async function realEngineMissing(): Promise<string | null> {
  try {
    (await engineLauncher()).ensureSeaTunnelEngine();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Starts the engine on the first free port from ENGINE_PORTS.first. */
async function startEngine(settings: EnginePhaseSettings): Promise<EngineLauncher.SeaTunnelEngine> {
  const launcher = await engineLauncher();
  launcher.ensureSeaTunnelEngine();
  const runDir = join(settings.tmpDir, 'seatunnel-engine-run');
  rmSync(runDir, { recursive: true, force: true });
  for (let port = ENGINE_PORTS.first; port < ENGINE_PORTS.first + ENGINE_PORTS.tries && port <= ENGINE_PORTS.last; port++) {
    try {
      return await launcher.startSeaTunnelEngine({ port, runDir, heap: ENGINE_HEAP, logFile: join(settings.logDir, 'seatunnel-engine.log') });
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('already in use'))) throw error;
      settings.log(`  port ${port} is taken, trying the next one`);
    }
  }
  throw new Error(`no free port for the SeaTunnel engine in ${ENGINE_PORTS.first}–${ENGINE_PORTS.first + ENGINE_PORTS.tries - 1}`);
}

/** The engine's job counts from v1 overview (its figures are strings): running, and batch jobs submitted in all. */
async function engineJobCounts(v1Url: string): Promise<{ running: number; batchJobs: number }> {
  const { status, text } = await getText(`${v1Url}/overview`);
  if (status !== 200) throw new Error(`${v1Url}/overview answered ${status}: ${text.slice(0, 300)}`);
  const overview = JSON.parse(text) as Record<string, unknown>;
  const count = (key: string): number => Number(overview[key] ?? 0);
  const running = count('runningJobs');
  // Every job but the streaming one of the job-info run is a batch job of this phase.
  return { running, batchJobs: running - 1 + count('finishedJobs') + count('failedJobs') + count('cancelledJobs') };
}

/** Number of elements of a JSON array answer (finished-jobs), and how many have the given status. */
function countJobs(text: string, status: string): { jobs: number; withStatus: number } {
  const jobs = JSON.parse(text) as { jobStatus?: string }[];
  return { jobs: jobs.length, withStatus: jobs.filter((job) => job.jobStatus === status).length };
}

/**
 * Submits batch jobs over `connections` connections until `accepted` reaches `target` or the
 * deadline passes, holding back while `backlog` of them run; returns how many the engine took in all.
 */
async function submitUntil(v1Url: string, target: number, deadline: number, connections: number, backlog: number): Promise<number> {
  const url = `${v1Url}/submit-job?jobName=bench_engine_history`;
  let counts = await engineJobCounts(v1Url);
  let claimed = counts.batchJobs;
  let accepted = counts.batchJobs;
  let refused = 0;
  let filling = true;
  const watcher = (async () => {
    while (filling) {
      await sleep(500);
      counts = await engineJobCounts(v1Url);
    }
  })();
  const worker = async (): Promise<void> => {
    while (claimed < target && performance.now() < deadline) {
      // counts.running includes the streaming job of the job-info run.
      if (counts.running - 1 >= backlog) {
        await sleep(200);
        continue;
      }
      claimed++;
      const response = await fetch(url, { method: 'POST', body: ENGINE_BATCH_BODY, headers: JSON_HEADERS, signal: AbortSignal.timeout(60_000) });
      const text = await response.text();
      if (response.ok) {
        accepted++;
      } else {
        claimed--;
        if (++refused > 20) throw new Error(`${url} refused 20 submissions, last ${response.status}: ${text.slice(0, 300)}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    filling = false;
    await watcher;
  }
  return accepted;
}

/** Sequential timed reads of a listing after one warm-up read (the listing phase's method). */
async function timeListing(url: string, jobs: number): Promise<TimedListing> {
  await (await fetch(url)).arrayBuffer();
  const reps = jobs > 1_000 ? 10 : 20;
  return { ...(await timedGets(url, reps)), jobs };
}

export async function runEnginePhase(sim: SimulatorUnderTest, settings: EnginePhaseSettings): Promise<EngineComparison> {
  const { log } = settings;
  const simV1 = `${sim.nodeUrl}${V1_PREFIX}`;

  // --- start-up and idle RSS -------------------------------------------------------------------
  const engine = await startEngine(settings);
  settings.onCleanup(() => engine.stop());
  try {
    const engineV1 = engine.v1Url;
    log(`real engine: SeaTunnel 2.3.8 pid ${engine.pid} on ${engine.baseUrl}, first 200 of ${V1_PREFIX}/overview after ${engine.startMillis} ms (log ${engine.logFile})`);
    await sleep(1000); // as the simulator's idle RSS: 1 s after it answered
    const engineIdle = engineRss(engine);
    const simStartup = await sim.startup();
    log(`  RSS idle: engine ${engineIdle.totalMB} MB, simulator node + member ${sim.idleRss.totalMB} MB`);

    // --- job-info --------------------------------------------------------------------------------
    const engineJob = await runningJobInfo(engineV1, 'bench_engine_lookup');
    const simJob = await runningJobInfo(simV1, 'bench_engine_lookup');
    const jobInfoOptions = (url: string) => ({ url, connections: settings.connections });
    const engineJobInfo = await measured(jobInfoOptions(engineJob.url), settings, true);
    log(`  job-info  engine ${engineJobInfo.rps} req/s p50 ${engineJobInfo.p50} p99 ${engineJobInfo.p99} ms (${engineJob.answer.length} B${engineJobInfo.errors + engineJobInfo.non2xx > 0 ? `, ${engineJobInfo.errors} errors, ${engineJobInfo.non2xx} non-2xx` : ''})`);
    const simJobInfo = await measured(jobInfoOptions(simJob.url), settings);
    log(`  job-info  sim    ${simJobInfo.rps} req/s p50 ${simJobInfo.p50} p99 ${simJobInfo.p99} ms (${simJob.answer.length} B)`);

    // --- submit ----------------------------------------------------------------------------------
    const submitOptions = (v1: string) => ({ url: `${v1}/submit-job?jobName=bench_engine_submit`, method: 'POST' as const, body: ENGINE_BATCH_BODY, headers: JSON_HEADERS, connections: SUBMIT_CONNECTIONS });
    // The simulator first: the engine keeps running what it was given for a minute or more after.
    const simRunningBaseline = await sim.countRunning();
    const waitSim = async (finished: number | null): Promise<void> => {
      const deadline = performance.now() + 120_000;
      while ((await sim.countRunning()) > simRunningBaseline || (finished !== null && (await sim.countFinished()) < finished)) {
        if (performance.now() > deadline) throw new Error('the simulator did not finish its submitted jobs within 120 s');
        await sleep(250);
      }
    };
    const simSubmit = await measured(submitOptions(simV1), settings);
    log(`  submit    sim    ${simSubmit.rps} jobs/s p50 ${simSubmit.p50} p99 ${simSubmit.p99} ms (${SUBMIT_CONNECTIONS} connections, one node)`);
    await waitSim(null);
    // The warm-up's jobs count too: they end up in the engine's history with the measured ones.
    await load({ ...submitOptions(engineV1), duration: settings.warmupSeconds }, true);
    const engineSubmit = await load({ ...submitOptions(engineV1), duration: settings.loadSeconds }, true);
    log(`  submit    engine ${engineSubmit.rps} jobs/s p50 ${engineSubmit.p50} p99 ${engineSubmit.p99} ms (${SUBMIT_CONNECTIONS} connections)`);

    // --- the engine's history filled to LISTING_TARGET_JOBS (or what fits in the time) -----------
    // The submit runs' jobs count too (autocannon's answers miss the ones still in flight when it
    // stops, so the engine's own overview counts them).
    await sleep(1000);
    const fillStart = performance.now();
    const budgetSeconds = settings.quick ? LISTING_BUDGET_SECONDS.quick : LISTING_BUDGET_SECONDS.full;
    const engineAccepted = await submitUntil(engineV1, LISTING_TARGET_JOBS, fillStart + budgetSeconds * 1000, FILL_CONNECTIONS, FILL_BACKLOG);
    const engineFillSeconds = round1((performance.now() - fillStart) / 1000);
    log(`  history   engine took ${engineAccepted} batch jobs in all (${engineFillSeconds} s of submitting after the submit run)`);
    // Until only the streaming job runs (overview is cheap; finished-jobs costs the engine a listing).
    const drainStart = performance.now();
    while ((await engineJobCounts(engineV1)).running > 1 && performance.now() - drainStart < LISTING_DRAIN_SECONDS * 1000) await sleep(1000);
    const engineDrainSeconds = round1((performance.now() - drainStart) / 1000);
    const engineStillRunning = (await engineJobCounts(engineV1)).running - 1;
    const finalHistory = countJobs((await getText(`${engineV1}/finished-jobs`)).text, 'FINISHED');
    log(`  history   engine holds ${finalHistory.jobs} jobs (${finalHistory.withStatus} FINISHED) ${engineDrainSeconds} s after submitting stopped${engineStillRunning > 0 ? `; ${engineStillRunning} still running` : ''}`);
    const engineListing = await timeListing(`${engineV1}/finished-jobs`, finalHistory.jobs);
    log(`  finished-jobs engine, ${engineListing.jobs} jobs: p50 ${engineListing.p50} ms, max ${engineListing.max} ms (${(engineListing.bytes / 1e6).toFixed(2)} MB)`);
    const engineAfter = engineRss(engine);

    // --- the simulator's history: exactly as many jobs, submitted the same way -------------------
    await sim.clearFinished();
    await load({ url: `${simV1}/submit-job?jobName=bench_engine_history`, method: 'POST', body: ENGINE_BATCH_BODY, headers: JSON_HEADERS, connections: FILL_CONNECTIONS, amount: finalHistory.jobs });
    await waitSim(finalHistory.jobs);
    const simHeld = await sim.countFinished();
    if (simHeld !== finalHistory.jobs) throw new Error(`the simulator's history holds ${simHeld} jobs, wanted ${finalHistory.jobs}`);
    const simListing = await timeListing(`${simV1}/finished-jobs`, simHeld);
    log(`  finished-jobs sim,    ${simListing.jobs} jobs: p50 ${simListing.p50} ms, max ${simListing.max} ms (${(simListing.bytes / 1e6).toFixed(2)} MB)`);
    const simAfter = simRss(sim);
    log(`  RSS after the load: engine ${engineAfter.totalMB} MB, simulator node + member ${simAfter.totalMB} MB`);

    return {
      engineVersion: '2.3.8',
      port: engine.port,
      heap: ENGINE_HEAP,
      jobInfoConnections: settings.connections,
      submitConnections: SUBMIT_CONNECTIONS,
      listing: {
        targetJobs: LISTING_TARGET_JOBS,
        budgetSeconds,
        backlog: FILL_BACKLOG,
        engineAccepted,
        engineFillSeconds,
        engineDrainSeconds,
        engineFinishedOk: finalHistory.withStatus,
        engineStillRunning,
      },
      engine: {
        startupMs: engine.startMillis,
        startupHow: `java start → first 200 of ${V1_PREFIX}/overview (polled every 100 ms)`,
        rssIdle: engineIdle,
        rssAfterLoad: engineAfter,
        jobInfo: { ...engineJobInfo, answerBytes: Buffer.byteLength(engineJob.answer) },
        submit: engineSubmit,
        finishedListing: engineListing,
      },
      sim: {
        startupMs: simStartup.ms,
        startupHow: simStartup.how,
        rssIdle: sim.idleRss,
        rssAfterLoad: simAfter,
        jobInfo: { ...simJobInfo, answerBytes: Buffer.byteLength(simJob.answer) },
        submit: simSubmit,
        finishedListing: simListing,
      },
    };
  } finally {
    await engine.stop();
  }
}
