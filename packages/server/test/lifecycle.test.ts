import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { call, post, startTestNodes, type TestNodes } from './support.js';

const V1 = '/hazelcast/rest/maps';
/** A streaming FakeSource reads row.num rows and idles: a million keeps it producing through every test. */
const STREAM = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 1_000_000, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console' }],
};
const BATCH = (rows: number, env: Record<string, unknown> = {}) => ({
  env: { 'job.mode': 'BATCH', ...env },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': rows, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: 'fake' }],
});
let idSeq = BigInt(Date.now()) * 100n;
const nextId = () => String(idSeq++);

// The whole lifecycle on both stores: the server's behaviour must not depend on which one holds the jobs.
for (const [store, basePort] of [['memory', 28590], ['hazelcast', 28580]] as const)
describe(`job lifecycle through the REST API (${store} store, 2 nodes)`, () => {
  let cluster: TestNodes;
  let a: string;
  let b: string;
  const advance = (seconds: number) => post(`${a}/_sim/clock/advance`, { seconds });
  const info = async (url: string, id: string) => (await call(`${url}${V1}/job-info/${id}`)).json();

  before(async () => {
    cluster = await startTestNodes(2, basePort, { SEATUNNEL_SIM_ADMIN_API: 'true' }, { store });
    [a, b] = cluster.nodes.map((n) => n.url) as [string, string];
  });
  after(async () => cluster.stop());

  it('a 100-row FakeSource→Console batch job finishes with every count "100" on every node', async () => {
    const id = nextId();
    await post(`${a}${V1}/submit-job?jobId=${id}`, BATCH(100));
    assert.equal((await advance(10)).status, 200);
    for (const url of [a, b]) {
      const job = await info(url, id);
      assert.equal(job.jobStatus, 'FINISHED');
      for (const key of ['SourceReceivedCount', 'SinkWriteCount']) assert.equal(job.metrics[key], '100');
      assert.deepEqual(job.metrics.TableSourceReceivedCount, { fake: '100' });
      assert.deepEqual(job.metrics.TableSinkWriteCount, { fake: '100' });
    }
  });

  it('stop-job cancels a streaming job: CANCELING then CANCELED, in finished-jobs/CANCELED', async () => {
    const id = nextId();
    await post(`${a}${V1}/submit-job?jobId=${id}`, STREAM);
    const stop = await post(`${b}${V1}/stop-job`, `{"jobId":${id}}`);
    assert.equal(stop.status, 200);
    assert.equal(stop.text, `{"jobId":"${id}"}`);
    assert.equal((await info(a, id)).jobStatus, 'CANCELING');
    await advance(1);
    assert.equal((await info(b, id)).jobStatus, 'CANCELED');
    const canceled = (await call(`${a}${V1}/finished-jobs/canceled`)).json() as any[];
    assert.ok(canceled.some((j) => j.jobId === id));
  });

  it('stop with savepoint ends SAVEPOINT_DONE; isStartWithSavePoint restores it and continues its counts', async () => {
    const id = nextId();
    await post(`${a}${V1}/submit-job?jobId=${id}&jobName=sp`, STREAM);
    await advance(3);
    await post(`${b}/stop-job`, { jobId: id, isStopWithSavePoint: true });
    assert.equal((await info(a, id)).jobStatus, 'DOING_SAVEPOINT');
    await advance(1);
    const done = await info(a, id);
    assert.equal(done.jobStatus, 'SAVEPOINT_DONE');
    const stoppedAt = Number(done.metrics.SourceReceivedCount);
    assert.ok(stoppedAt >= 60, `rows at savepoint: ${stoppedAt}`);
    // without the flag the finished id is refused, as SeaTunnel refuses it
    assert.equal((await post(`${a}${V1}/submit-job?jobId=${id}`, STREAM)).status, 500);
    const restored = await post(`${b}${V1}/submit-job?jobId=${id}&isStartWithSavePoint=true&jobName=sp`, STREAM);
    assert.equal(restored.status, 200);
    const running = await info(a, id);
    assert.equal(running.jobStatus, 'RUNNING');
    assert.equal(running.isStartWithSavePoint, true);
    assert.ok(Number(running.metrics.SourceReceivedCount) >= stoppedAt);
    await post(`${a}${V1}/stop-job`, { jobId: id });
  });

  it('resubmitting a running id is a no-op that answers with the name it asked for (as a real 2.3.8 engine does)', async () => {
    const id = nextId();
    await post(`${a}${V1}/submit-job?jobId=${id}&jobName=first`, STREAM);
    const again = await post(`${b}${V1}/submit-job?jobId=${id}&jobName=second`, STREAM);
    assert.deepEqual(again.json(), { jobId: id, jobName: 'second' });
    assert.equal((await info(a, id)).jobName, 'first');
    await post(`${a}${V1}/stop-job`, { jobId: id });
  });

  it('a failing job goes FAILING → FAILED with a stack-trace errorMsg', async () => {
    const id = nextId();
    await post(`${a}${V1}/submit-job?jobId=${id}`, BATCH(100, { 'sim.fail-at-row': 10, 'sim.fail-message': 'disk full' }));
    await advance(5);
    const job = await info(b, id);
    assert.equal(job.jobStatus, 'FAILED');
    assert.match(job.errorMsg, /disk full/);
    assert.equal(job.metrics.SourceReceivedCount, '10');
  });

  it('submit-jobs and stop-jobs work in batches; stop-jobs echoes ids as JSON numbers', async () => {
    const [x, y, z] = [nextId(), nextId(), nextId()];
    const submitted = await post(`${a}${V1}/submit-jobs`, [
      { params: { jobId: x, jobName: 'bx' }, ...STREAM },
      { params: { jobId: y, jobName: 'by' }, ...STREAM },
      { params: { jobId: z, jobName: 'bz' }, ...STREAM },
    ]);
    assert.deepEqual(submitted.json(), [{ jobId: x, jobName: 'bx' }, { jobId: y, jobName: 'by' }, { jobId: z, jobName: 'bz' }]);
    const stopped = await post(`${b}${V1}/stop-jobs`, `[{"jobId":${x}},{"jobId":${y}}]`);
    assert.equal(stopped.text, `[{"jobId":${x}},{"jobId":${y}}]`);
    assert.equal((await info(a, x)).jobStatus, 'CANCELING');
    // A string id is stopped, then fails the echo as SeaTunnel's cast to Long does (captures/2.3.8/extra/010).
    const cast = await post(`${b}${V1}/stop-jobs`, `[{"jobId":"${z}"}]`);
    assert.equal(cast.status, 500);
    assert.match(cast.json().message, /^class java\.lang\.String cannot be cast to class java\.lang\.Long/);
    assert.equal((await info(a, z)).jobStatus, 'CANCELING');
  });

  it('finished-jobs is sorted by finish time; an unknown state gives []', async () => {
    await advance(30);
    const all = (await call(`${b}${V1}/finished-jobs`)).json() as any[];
    const times = all.map((j) => j.finishTime);
    assert.deepEqual(times, [...times].sort());
    assert.ok(all.every((j) => ['FINISHED', 'FAILED', 'CANCELED', 'SAVEPOINT_DONE'].includes(j.jobStatus)));
    assert.deepEqual((await call(`${b}${V1}/finished-jobs/NOPE`)).json(), []);
  });

  it('the owner moves ended jobs to history (running-jobs no longer lists them)', async () => {
    const id = nextId();
    await post(`${a}${V1}/submit-job?jobId=${id}`, BATCH(5));
    await advance(2);
    await sleep(600); // the owner's driver ticks every 250 ms
    const running = (await call(`${b}${V1}/running-jobs`)).json() as any[];
    assert.ok(!running.some((j) => j.jobId === id));
    assert.equal((await info(b, id)).jobStatus, 'FINISHED');
  });
});

// Each of these jobs holds 2 slots (one subtask and its pipeline's coordinator): slot-num 2 runs one.
describe('slots and scheduling (fixed slot-num)', () => {
  it('REJECT fails a job that gets no slots; WAIT keeps it PENDING until slots free', async () => {
    const reject = await startTestNodes(1, 28680, { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: '2' });
    try {
      const url = reject.nodes[0]!.url;
      const first = nextId();
      const second = nextId();
      await post(`${url}${V1}/submit-job?jobId=${first}`, STREAM);
      await post(`${url}${V1}/submit-job?jobId=${second}`, STREAM);
      const refused = (await call(`${url}${V1}/job-info/${second}`)).json();
      assert.equal(refused.jobStatus, 'FAILED');
      assert.match(refused.errorMsg, /NoEnoughResourceException/);
      await post(`${url}${V1}/stop-job`, { jobId: first });
    } finally {
      await reject.stop();
    }
    const wait = await startTestNodes(1, 28690, { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: '2', SEATUNNEL_SIM_SCHEDULE_STRATEGY: 'WAIT' });
    try {
      const url = wait.nodes[0]!.url;
      const first = nextId();
      const second = nextId();
      await post(`${url}${V1}/submit-job?jobId=${first}`, STREAM);
      await post(`${url}${V1}/submit-job?jobId=${second}`, STREAM);
      assert.equal((await call(`${url}${V1}/job-info/${second}`)).json().jobStatus, 'PENDING');
      await post(`${url}${V1}/stop-job`, { jobId: first });
      await post(`${url}/_sim/clock/advance`, { seconds: 4 });
      await post(`${url}/_sim/driver/tick`, {});
      await post(`${url}/_sim/driver/tick`, {});
      assert.equal((await call(`${url}${V1}/job-info/${second}`)).json().jobStatus, 'RUNNING');
      await post(`${url}${V1}/stop-job`, { jobId: second });
    } finally {
      await wait.stop();
    }
  });
});

describe('history expiry (history-job-expire-minutes)', () => {
  it('drops a finished job from history once its TTL passes: job-info answers {"jobId"} again', async () => {
    // Hazelcast's own entry expiry is what drops the job here.
    const nodes = await startTestNodes(1, 28700, { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_HISTORY_EXPIRE_MINUTES: '0.05' }, { store: 'hazelcast' });
    try {
      const url = nodes.nodes[0]!.url;
      const id = nextId();
      await post(`${url}${V1}/submit-job?jobId=${id}`, BATCH(5));
      await post(`${url}/_sim/clock/advance`, { seconds: 2 });
      await post(`${url}/_sim/driver/tick`, {});
      assert.equal((await call(`${url}${V1}/job-info/${id}`)).json().jobStatus, 'FINISHED');
      await sleep(4500); // the TTL is wall-clock time (Hazelcast entry expiry), 3 s here
      assert.deepEqual((await call(`${url}${V1}/job-info/${id}`)).json(), { jobId: id });
      assert.ok(!((await call(`${url}${V1}/finished-jobs`)).json() as any[]).some((j) => j.jobId === id));
    } finally {
      await nodes.stop();
    }
  });

  it('follows the simulation clock: advancing it past the retention drops finished jobs at once, and their ids are free again', async () => {
    // A store of its own: the clock jumps 10 simulated minutes, which no other test should see.
    const nodes = await startTestNodes(1, 28710, { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_HISTORY_EXPIRE_MINUTES: '10' });
    try {
      const url = nodes.nodes[0]!.url;
      const advance = (seconds: number) => post(`${url}/_sim/clock/advance`, { seconds });
      const id = nextId();
      await post(`${url}${V1}/submit-job?jobId=${id}`, BATCH(5));
      await advance(2);
      assert.equal((await call(`${url}${V1}/job-info/${id}`)).json().jobStatus, 'FINISHED');
      assert.equal((await call(`${url}/overview`)).json().finishedJobs, '1');
      await advance(9 * 60);
      assert.equal((await call(`${url}${V1}/job-info/${id}`)).json().jobStatus, 'FINISHED', 'kept for 10 simulated minutes');
      await advance(60);
      assert.deepEqual((await call(`${url}${V1}/job-info/${id}`)).json(), { jobId: id });
      assert.deepEqual((await call(`${url}${V1}/finished-jobs`)).json(), []);
      assert.equal((await call(`${url}/overview`)).json().finishedJobs, '0');
      // Gone from history, the id is unknown again: submitting it starts a new job, not a refusal.
      const again = await post(`${url}${V1}/submit-job?jobId=${id}`, BATCH(5));
      assert.equal(again.status, 200, again.text);
      assert.equal((await call(`${url}${V1}/job-info/${id}`)).json().jobStatus, 'RUNNING');
    } finally {
      await nodes.stop();
    }
  });
});
