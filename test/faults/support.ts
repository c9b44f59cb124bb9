import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalCluster, LocalNode } from '@seatunnel-sim/cli';

export const V1 = '/hazelcast/rest/maps';

/**
 * A batch job of `rows` rows at `rate` rows/s (explicit: the simulator's default is 75): its readers
 * start 0.3 s after RUNNING, so it runs about rows/rate + 0.3 seconds.
 */
export const batchJob = (rows: number, rate = 20) => ({
  env: { 'job.mode': 'batch', 'sim.rows-per-second': rate },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': rows, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});

export const STREAMING_JOB = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

export interface Reply {
  status: number;
  text: string;
  millis: number;
  json<T = any>(): T;
}

/** One request; a network error or timeout is status 0 (never throws). */
export async function call(url: string, init: RequestInit & { timeoutMillis?: number } = {}): Promise<Reply> {
  const started = Date.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMillis ?? 15_000) });
    const text = await response.text();
    return { status: response.status, text, millis: Date.now() - started, json: () => JSON.parse(text) };
  } catch (error) {
    return { status: 0, text: String(error), millis: Date.now() - started, json: <T,>() => ({}) as T };
  }
}

export const postJson = (url: string, body: unknown, timeoutMillis?: number) =>
  call(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), ...(timeoutMillis ? { timeoutMillis } : {}) });

export async function submit(base: string, body: unknown, query = ''): Promise<string> {
  const reply = await postJson(`${base}${V1}/submit-job${query}`, body);
  assert.equal(reply.status, 200, `submit: ${reply.text}`);
  return reply.json<{ jobId: string }>().jobId;
}

export interface LoadFigures {
  sent: number;
  failed: number;
  /** First few failures, for the assertion message. */
  failures: string[];
  /** Jobs the load submitted. */
  submitted: string[];
  slowestMillis: number;
  /** The slowest call: what, where, its answer and when it started (epoch ms). */
  slowest: string;
  /** Answers by status (0 = no answer). */
  byStatus: Record<number, number>;
}

/**
 * A bounded load loop: `concurrency` workers send a mix of reads (running-jobs, job-info of a
 * known job, overview, finished-jobs) and writes (submit a short batch job, stop an unknown id)
 * round-robin to `urls` until `millis` pass or `maxRequests` are sent. Anything but the allowed
 * statuses (default 200; a 5xx, a network error, a timeout) counts as failed.
 */
export async function runLoad(
  urls: string[],
  options: { millis: number; concurrency?: number; maxRequests?: number; knownJob: string; allowed?: number[] },
): Promise<LoadFigures> {
  const figures: LoadFigures = { sent: 0, failed: 0, failures: [], submitted: [], slowestMillis: 0, slowest: '', byStatus: {} };
  const allowed = options.allowed ?? [200];
  const deadline = Date.now() + options.millis;
  const maxRequests = options.maxRequests ?? 5_000;
  let counter = 0;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline && figures.sent < maxRequests) {
      const n = counter++;
      const base = urls[n % urls.length]!;
      let reply: Reply;
      let what: string;
      switch (n % 6) {
        case 0:
          what = 'GET running-jobs';
          reply = await call(`${base}${V1}/running-jobs`);
          break;
        case 1:
          what = 'GET job-info';
          reply = await call(`${base}/job-info/${options.knownJob}`);
          break;
        case 2:
          what = 'GET overview';
          reply = await call(`${base}/overview`);
          break;
        case 3:
          what = 'POST submit-job';
          reply = await postJson(`${base}${V1}/submit-job?jobName=load-${n}`, batchJob(20, 20));
          if (reply.status === 200) figures.submitted.push(reply.json<{ jobId: string }>().jobId);
          break;
        case 4:
          what = 'POST stop-job';
          reply = await postJson(`${base}/stop-job`, { jobId: 4_242_424_242 + n });
          break;
        default:
          what = 'GET finished-jobs';
          reply = await call(`${base}${V1}/finished-jobs`);
      }
      figures.sent++;
      if (reply.millis > figures.slowestMillis) {
        figures.slowestMillis = reply.millis;
        figures.slowest = `${what} on ${base} → ${reply.status} after ${reply.millis} ms, started at ${Date.now() - reply.millis}`;
      }
      figures.byStatus[reply.status] = (figures.byStatus[reply.status] ?? 0) + 1;
      if (!allowed.includes(reply.status)) {
        figures.failed++;
        if (figures.failures.length < 5) figures.failures.push(`${what} on ${base} → ${reply.status} ${reply.text.slice(0, 160)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return figures;
}

/** Polls `probe` every `everyMillis` until it returns true; returns the time it took. */
export async function waitFor(what: string, probe: () => Promise<boolean>, limitMillis: number, everyMillis = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    assert.ok(Date.now() - started < limitMillis, `${what}: not within ${limitMillis} ms`);
    await sleep(everyMillis);
  }
}

/** The ids in running-jobs and finished-jobs of one node. */
export async function listedIds(base: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const path of ['/running-jobs', '/finished-jobs']) {
    const reply = await call(`${base}${path}`);
    assert.equal(reply.status, 200, `${path}: ${reply.text.slice(0, 200)}`);
    for (const job of reply.json<{ jobId: string }[]>()) ids.add(job.jobId);
  }
  return ids;
}

/** Ids among `jobs` that some node no longer knows (job-info answers only `{"jobId"}` or lists lack it). */
export async function lostJobs(nodes: string[], jobs: Iterable<string>): Promise<string[]> {
  const lost = new Set<string>();
  for (const base of nodes) {
    const listed = await listedIds(base);
    for (const jobId of jobs) {
      if (!listed.has(jobId)) lost.add(jobId);
      const info = await call(`${base}/job-info/${jobId}`);
      if (info.status !== 200 || info.json<{ jobStatus?: string }>().jobStatus === undefined) lost.add(jobId);
    }
  }
  return [...lost];
}

/** Waits until every job is FINISHED with `rows` read and written, as seen from `base`. */
export async function waitFinished(base: string, jobs: Iterable<string>, rows: number, limitMillis: number): Promise<void> {
  const pending = new Set(jobs);
  await waitFor(
    `${pending.size} jobs finishing`,
    async () => {
      for (const jobId of [...pending]) {
        const info = (await call(`${base}/job-info/${jobId}`)).json<{ jobStatus?: string; metrics?: Record<string, string> }>();
        if (info.jobStatus === 'FINISHED') {
          assert.equal(info.metrics?.['SourceReceivedCount'], String(rows), `job ${jobId} source count`);
          assert.equal(info.metrics?.['SinkWriteCount'], String(rows), `job ${jobId} sink count`);
          pending.delete(jobId);
        } else assert.ok(info.jobStatus !== 'FAILED' && info.jobStatus !== 'CANCELED', `job ${jobId} ended ${info.jobStatus}`);
      }
      return pending.size === 0;
    },
    limitMillis,
    250,
  );
}

/**
 * Lines about one job that contain `text`, from every node's log directory under `logDir`: its
 * `job-<id>.log` (nodes with `logging.split-job-logs`) and the node's `seatunnel-engine-server.log`
 * (SeaTunnel's shipped log4j2 config, the default: every line prefixed `[<jobId>] `).
 */
export function jobLogLines(logDir: string, jobId: string, text: string): string[] {
  const lines: string[] = [];
  if (!existsSync(logDir)) return lines;
  const prefix = `[${jobId}] `;
  for (const entry of readdirSync(logDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const jobFile = join(logDir, entry.name, `job-${jobId}.log`);
    if (existsSync(jobFile)) lines.push(...readFileSync(jobFile, 'utf8').split('\n').filter((l) => l.includes(text)));
    const serverLog = join(logDir, entry.name, 'seatunnel-engine-server.log');
    if (existsSync(serverLog)) {
      lines.push(...readFileSync(serverLog, 'utf8').split('\n').filter((l) => l.startsWith(prefix) && l.includes(text)));
    }
  }
  return lines;
}

export function isGone(node: LocalNode): boolean {
  return node.child.exitCode !== null || node.child.signalCode !== null;
}

export async function kill9(node: { child: LocalNode['child'] }): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGKILL');
  await exited;
}

export function report(fault: string, figures: Record<string, string | number>): void {
  console.log(`fault ${fault}: ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

export async function assertServing(cluster: LocalCluster, where: string): Promise<void> {
  for (const node of cluster.nodes) {
    if (isGone(node)) continue;
    const reply = await call(`${node.url}/hazelcast/health/ready`, { timeoutMillis: 5_000 });
    assert.equal(reply.status, 200, `${node.name} health (${where})`);
  }
}
