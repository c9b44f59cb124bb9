import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, post, startTestNodes, type TestNodes } from './support.js';

/** A streaming FakeSource keeps running (and holding its 2 slots) until stopped. */
const STREAM = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 1_000_000, schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console' }],
};

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, millis = 8000): Promise<T> {
  const deadline = Date.now() + millis;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('GET /resource/workers (3.0, #11909): two nodes of 2 fixed slots', () => {
  let cluster: TestNodes;
  let url: string;
  before(async () => {
    cluster = await startTestNodes(2, 29400, { SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: '2' });
    url = cluster.nodes[0]!.url;
  });
  after(() => cluster.stop());

  it('lists every worker sorted by address, in WorkerResourceDiagnostic field order, with the slots a running job holds', async () => {
    const { jobId } = (await post(`${url}/submit-job`, STREAM)).json();
    const body = await until(
      async () => (await call(`${url}/resource/workers`)).json(),
      (b) => b.workers.some((w: { usedSlots: number }) => w.usedSlots > 0),
      'the job to take its slots',
    );
    assert.deepEqual(Object.keys(body), ['available', 'collectedAt', 'workers']);
    assert.equal(body.available, true);
    assert.equal(typeof body.collectedAt, 'number');
    assert.equal(body.workers.length, 2);
    const addresses = body.workers.map((w: { address: string }) => w.address);
    assert.deepEqual(addresses, [...addresses].sort());
    for (const w of body.workers) {
      assert.match(w.address, /^\[127\.0\.0\.1\]:294\d\d$/);
      assert.deepEqual(Object.keys(w), [
        'address', 'tags', 'totalSlots', 'freeSlots', 'usedSlots', 'dynamicSlot', 'totalCpuCores', 'availableCpuCores',
        'totalHeapMemoryBytes', 'availableHeapMemoryBytes', 'runningJobIds',
      ].filter((k) => k in w));
      assert.equal(w.totalSlots, 2);
      assert.equal(w.freeSlots + w.usedSlots, 2);
      assert.equal(w.dynamicSlot, false);
    }
    const holder = body.workers.find((w: { usedSlots: number }) => w.usedSlots > 0);
    assert.equal(holder.usedSlots, 2);
    // Job ids are JSON numbers (Gson writes the Long), so compare the raw text.
    const raw = (await call(`${url}/resource/workers`)).text;
    assert.ok(raw.includes(`"runningJobIds":[${jobId}]`), raw);
    await post(`${url}/stop-job`, { jobId, isStopWithSavePoint: false });
  });

  it('is REST v2 only and GET only (POST → Jetty 405), and unknown to 2.3.13', async () => {
    assert.equal((await call(`${url}/resource/workers`, { method: 'POST' })).status, 405);
    const older = await startTestNodes(1, 29410, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    try {
      assert.equal((await call(`${older.nodes[0]!.url}/resource/workers`)).status, 404);
    } finally {
      await older.stop();
    }
  });
});
