import assert from 'node:assert/strict';

/** What the suite reads of the REST v2 answers (SeaTunnel writes every value as a string). */
export interface ApiJob {
  jobId: string;
  jobName: string;
  jobStatus: string;
  createTime: string;
  finishTime?: string;
  errorMsg?: string | null;
  envOptions?: Record<string, string>;
  jobDag: {
    envOptions?: Record<string, string>;
    vertexInfoMap: { vertexId: number; type: string; vertexName: string; tablePaths: string[] }[];
    pipelineEdges: Record<string, { inputVertexId: string; targetVertexId: string }[]>;
  };
  metrics: Record<string, string | Record<string, string>>;
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  assert.equal(response.status, 200, `GET ${url}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/** Submits over REST v2 and returns the job id. */
export async function submitJob(base: string, name: string, config: unknown): Promise<string> {
  const response = await fetch(`${base}/submit-job?jobName=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  });
  const text = await response.text();
  assert.equal(response.status, 200, `submit ${name}: ${text}`);
  return (JSON.parse(text) as { jobId: string }).jobId;
}

const fakeSource = (rows?: number) => ({
  plugin_name: 'FakeSource',
  plugin_output: 'fake',
  ...(rows === undefined ? {} : { 'row.num': rows }),
  schema: { fields: { name: 'string', age: 'int' } },
});
const consoleSink = { plugin_name: 'Console', plugin_input: ['fake'] };

/** A batch job of `rows` rows at `rate` rows/s: RUNNING for about rows/rate + 0.3 s, then FINISHED. */
export const batchJob = (rows: number, rate: number) => ({
  env: { 'job.mode': 'BATCH', 'sim.rows-per-second': rate },
  source: [fakeSource(rows)],
  sink: [consoleSink],
});

/** A streaming job that runs until stopped. */
export const streamingJob = () => ({
  env: { 'job.mode': 'STREAMING', 'sim.rows-per-second': 2 },
  source: [fakeSource()],
  sink: [consoleSink],
});

/** A batch job that fails once its source read `atRow` rows, with `message` in its errorMsg. */
export const failingJob = (atRow: number, message: string) => ({
  env: { 'job.mode': 'BATCH', 'sim.rows-per-second': 100, 'sim.fail-at-row': atRow, 'sim.fail-message': message },
  source: [fakeSource(1000)],
  sink: [consoleSink],
});

/** Waits until the job has status `status` (job-info), returning its answer. */
export async function waitStatus(base: string, jobId: string, status: string, limitMillis = 20_000): Promise<ApiJob> {
  const started = Date.now();
  for (;;) {
    const job = await getJson<ApiJob>(`${base}/job-info/${jobId}`);
    if (job.jobStatus === status) return job;
    assert.ok(Date.now() - started < limitMillis, `job ${jobId} not ${status} within ${limitMillis} ms (is ${job.jobStatus})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One page of running-jobs / finished-jobs as 2.3.13 pages them. */
export interface ApiPage {
  data: ApiJob[];
  total: number;
}
