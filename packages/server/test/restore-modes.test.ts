import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, post, startTestNodes, type TestNodes } from './support.js';

/**
 * restoreMode / restoreSourceJobId on submit (3.0, apache/seatunnel#11421): CHECKPOINT starts a
 * new job from the source job's latest completed checkpoint, SAVEPOINT re-runs the source under
 * its own id; 2.3.13 ignores both.
 */
const STREAM = {
  env: { 'job.mode': 'STREAMING', 'sim.rows-per-second': 10, 'checkpoint.interval': 1000 },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 100_000_000, schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console' }],
};
const count = async (url: string, id: string): Promise<number> => Number((await call(`${url}/job-info/${id}`)).json().metrics.SourceReceivedCount);
const status = async (url: string, id: string): Promise<string> => (await call(`${url}/job-info/${id}`)).json().jobStatus;
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('timed out');
}

describe('restoreMode / restoreSourceJobId (3.0, #11421)', () => {
  let cluster: TestNodes;
  let older: TestNodes;
  let url: string;
  let canceled: string;
  let savepointed: string;
  const started: string[] = [];
  before(async () => {
    cluster = await startTestNodes(1, 30990, { SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_ADMIN_API: 'true' });
    older = await startTestNodes(1, 30995, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    url = cluster.nodes[0]!.url;
    canceled = (await post(`${url}/submit-job`, STREAM)).json().jobId;
    savepointed = (await post(`${url}/submit-job`, STREAM)).json().jobId;
    await post(`${url}/_sim/clock/advance`, { seconds: 10.5 });
    await post(`${url}/stop-job`, { jobId: canceled, isStopWithSavePoint: false });
    await post(`${url}/stop-job`, { jobId: savepointed, isStopWithSavePoint: true });
    await post(`${url}/_sim/clock/advance`, { seconds: 5 });
    await until(async () => (await status(url, canceled)) === 'CANCELED' && (await status(url, savepointed)) === 'SAVEPOINT_DONE');
  });
  after(async () => {
    for (const id of started) await post(`${url}/stop-job`, { jobId: id, isStopWithSavePoint: false });
    await cluster.stop();
    await older.stop();
  });

  it('CHECKPOINT: a new job continuing from the canceled job\'s last completed checkpoint', async () => {
    const before = await count(url, canceled);
    const res = await post(`${url}/submit-job?restoreMode=CHECKPOINT&restoreSourceJobId=${canceled}&jobName=restored`, STREAM);
    assert.equal(res.status, 200, res.text);
    const id = res.json().jobId;
    started.push(id);
    assert.notEqual(id, canceled);
    const info = (await call(`${url}/job-info/${id}`)).json();
    assert.equal(info.isStartWithSavePoint, true);
    const restored = await count(url, id);
    // The source read ~100 rows in its 10.5 s; its checkpoint 10 committed the 90 read by its barrier.
    assert.ok(restored >= 90 && restored <= before, `restored ${restored}, source read ${before}`);
  });

  it('CHECKPOINT from a job without a completed checkpoint (or none at all) → 400 naming the new job', async () => {
    const res = await post(`${url}/submit-job?jobId=777&restoreMode=checkpoint&restoreSourceJobId=123`, STREAM);
    assert.equal(res.status, 400);
    assert.deepEqual(res.json(), { status: 'fail', message: 'No checkpoint found for jobId=777, restoreMode=CHECKPOINT, restoreSourceJobId=123' });
    assert.equal((await call(`${url}/job-info/777`)).json().jobStatus, undefined, 'nothing stored');
  });

  it('SAVEPOINT: the source job runs again under its own id, from where it stopped', async () => {
    const before = await count(url, savepointed);
    const res = await post(`${url}/submit-job?restoreMode=SAVEPOINT&restoreSourceJobId=${savepointed}`, STREAM);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json().jobId, savepointed);
    started.push(savepointed);
    assert.equal(await status(url, savepointed), 'RUNNING');
    assert.ok((await count(url, savepointed)) >= before);
  });

  it('upload takes them too; an unknown mode is Enum.valueOf\'s 400', async () => {
    const form = new FormData();
    form.append('config_file', new Blob([JSON.stringify(STREAM)]), 'job.json');
    const res = await call(`${url}/submit-job/upload?restoreMode=CHECKPOINT&restoreSourceJobId=${canceled}`, { method: 'POST', body: form });
    assert.equal(res.status, 200, res.text);
    started.push(res.json().jobId);
    assert.ok((await count(url, res.json().jobId)) >= 90);
    const bad = await post(`${url}/submit-job?restoreMode=LATEST&restoreSourceJobId=${canceled}`, STREAM);
    assert.deepEqual([bad.status, bad.json().message], [400, 'No enum constant org.apache.seatunnel.engine.core.job.RestoreMode.LATEST']);
  });

  it('2.3.13 ignores them: a fresh job', async () => {
    const oldUrl = older.nodes[0]!.url;
    const res = await post(`${oldUrl}/submit-job?restoreMode=CHECKPOINT&restoreSourceJobId=123`, STREAM);
    assert.equal(res.status, 200, res.text);
    const info = (await call(`${oldUrl}/job-info/${res.json().jobId}`)).json();
    assert.equal(info.isStartWithSavePoint, false);
    await post(`${oldUrl}/stop-job`, { jobId: res.json().jobId, isStopWithSavePoint: false });
  });
});
