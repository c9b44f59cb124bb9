// Smoke test of the real SeaTunnel 2.3.8 engine the differential tests compare the simulator with:
// it starts (test/support/seatunnel-engine.ts), answers like captures/2.3.8/001, and runs the batch
// FakeSource → Console job of captures/2.3.8/009 to FINISHED with 100 rows read.
// Needs `bash scripts/seatunnel/fetch.sh` first (Maven Central → .cache/seatunnel-2.3.8).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSeaTunnelEngine, type SeaTunnelEngine } from '../support/seatunnel-engine.js';

const PORT = Number(process.env['SEATUNNEL_SIM_ENGINE_TEST_PORT'] ?? 15801);

// The body of captures/2.3.8/009_v1_submit-job_batch.txt.
const BATCH_JOB = {
  env: { 'job.mode': 'batch' },
  source: [
    {
      plugin_name: 'FakeSource',
      result_table_name: 'fake',
      'row.num': 100,
      schema: { fields: { name: 'string', age: 'int' } },
    },
  ],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

interface JobInfo {
  jobId: string;
  jobName: string;
  jobStatus: string;
  errorMsg?: string | null;
  metrics?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, body: text.length > 0 ? JSON.parse(text) : undefined };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let engine: SeaTunnelEngine | undefined;

before(async () => {
  engine = await startSeaTunnelEngine({ port: PORT });
  console.log(`SeaTunnel engine pid ${engine.pid} on ${engine.baseUrl}: first 200 after ${engine.startMillis} ms; run dir ${engine.runDir}`);
});

after(async () => {
  await engine?.stop();
});

test('overview answers 200 with projectVersion 2.3.8', async () => {
  assert.ok(engine);
  const { status, body } = await getJson(`${engine.v1Url}/overview`);
  assert.equal(status, 200);
  assert.ok(isRecord(body));
  assert.equal(body['projectVersion'], '2.3.8');
  assert.equal(body['workers'], '1');
});

test('a batch FakeSource → Console job of 100 rows runs to FINISHED', async () => {
  assert.ok(engine);
  const submitted = await fetch(`${engine.v1Url}/submit-job?jobName=engine_smoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(BATCH_JOB),
    signal: AbortSignal.timeout(30_000),
  });
  const submitText = await submitted.text();
  assert.equal(submitted.status, 200, submitText);
  const submitBody: unknown = JSON.parse(submitText);
  assert.ok(isRecord(submitBody));
  const jobId = submitBody['jobId'];
  assert.equal(typeof jobId, 'string');
  assert.match(String(jobId), /^\d+$/);
  assert.equal(submitBody['jobName'], 'engine_smoke');

  let info: JobInfo | undefined;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { status, body } = await getJson(`${engine.v1Url}/job-info/${String(jobId)}`);
    assert.equal(status, 200);
    if (isRecord(body) && typeof body['jobStatus'] === 'string') {
      info = body as unknown as JobInfo;
      if (['FINISHED', 'FAILED', 'CANCELED'].includes(info.jobStatus)) break;
    }
    await sleep(250);
  }
  assert.ok(info, 'job-info never answered with a jobStatus');
  assert.equal(info.jobStatus, 'FINISHED', `job ended ${info.jobStatus}: ${String(info.errorMsg)}`);
  assert.ok(isRecord(info.metrics));
  assert.equal(info.metrics['SourceReceivedCount'], '100');
  assert.equal(info.metrics['SinkWriteCount'], '100');
  console.log(`engine RSS after the job: ${Math.round(engine.rssBytes() / 1024 / 1024)} MiB`);
});

test('stop() leaves no engine process', async () => {
  assert.ok(engine);
  const { pid } = engine;
  assert.ok(pidAlive(pid));
  await engine.stop();
  assert.equal(pidAlive(pid), false, `engine pid ${pid} still alive after stop()`);
  assert.throws(() => engine?.rssBytes());
});
