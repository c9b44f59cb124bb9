import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, post, startTestNodes, type TestNodes } from './support.js';

const V1 = '/hazelcast/rest/maps';
const STREAM = { env: { 'job.mode': 'STREAMING' }, source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', schema: { fields: { name: 'string', age: 'int' } } }], sink: [{ plugin_name: 'Console' }] };
/** Room for two jobs per node: each holds 2 slots (its subtask and its pipeline's coordinator). */
const SLOTS_PER_NODE = 4;
const JOBS_PER_NODE = SLOTS_PER_NODE / 2;
let idSeq = BigInt(Date.now()) * 1000n;
const nextId = () => String(idSeq++);

const statusOf = async (url: string, id: string): Promise<string> => (await call(`${url}${V1}/job-info/${id}`)).json().jobStatus;
const countBy = (statuses: string[]) => statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

/** Tags every node with its own name, so overview?node=<name> shows that node's slots alone. */
async function tagNodes(urls: string[]): Promise<void> {
  for (const [i, url] of urls.entries()) assert.equal((await post(`${url}${V1}/update-tags`, { node: `n${i}` })).status, 200);
}

/** Every node's own overview: all its slots taken, none over (an overcommitted node leaves another one idle). */
async function assertEveryNodeFull(urls: string[]): Promise<void> {
  for (const [i] of urls.entries()) {
    const overview = (await call(`${urls[0]}/overview?node=n${i}`)).json();
    assert.deepEqual([overview.workers, overview.totalSlot, overview.unassignedSlot], ['1', String(SLOTS_PER_NODE), '0'], `node n${i}: ${JSON.stringify(overview)}`);
  }
}

/**
 * Placement on fixed slots is atomic: many submits racing from every node for the cluster's last
 * slots (REJECT), and drivers racing to start waiting jobs (WAIT), never give a node more jobs than
 * its slot-num. Each cluster has a store of its own, so the counts are exact.
 */
// Both stores: the real member's compare-and-set is the one that matters in a cluster, and the
// in-memory one must refuse the same losers.
for (const [store, portShift, memberPort] of [['memory', 100, undefined], ['hazelcast', 0, 25963]] as const)
describe(`slot placement under races (3 nodes, slot-num 2, ${store} store)`, () => {
  describe('REJECT', () => {
    let cluster: TestNodes;
    let urls: string[];
    before(async () => {
      cluster = await startTestNodes(3, 28740 + portShift, { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: String(SLOTS_PER_NODE) }, { store, ...(memberPort ? { isolatedMemberPort: memberPort } : {}) });
      urls = cluster.nodes.map((n) => n.url);
      await tagNodes(urls);
    });
    after(async () => cluster.stop());

    it('30 concurrent submits over 3 nodes: exactly 6 run (2 per node), 24 fail with NoEnoughResourceException', async () => {
      const ids = Array.from({ length: 30 }, nextId);
      const replies = await Promise.all(ids.map((id, i) => post(`${urls[i % 3]}${V1}/submit-job?jobId=${id}`, STREAM)));
      assert.deepEqual(replies.map((r) => r.status), ids.map(() => 200));
      const statuses = await Promise.all(ids.map((id, i) => statusOf(urls[(i + 1) % 3]!, id)));
      assert.deepEqual(countBy(statuses), { RUNNING: 3 * JOBS_PER_NODE, FAILED: 30 - 3 * JOBS_PER_NODE });
      for (const [i, id] of ids.entries()) {
        if (statuses[i] !== 'FAILED') continue;
        assert.match((await call(`${urls[0]}${V1}/job-info/${id}`)).json().errorMsg, /NoEnoughResourceException/);
      }
      await assertEveryNodeFull(urls);
      // Freed slots are free again: stopping one job lets exactly one new job run.
      const runningId = ids[statuses.indexOf('RUNNING')]!;
      await post(`${urls[0]}${V1}/stop-job`, { jobId: runningId });
      await post(`${urls[0]}/_sim/clock/advance`, { seconds: 2 });
      const waitEnded = Date.now() + 10_000;
      while ((await statusOf(urls[0]!, runningId)) !== 'CANCELED' && Date.now() < waitEnded) await new Promise((r) => setTimeout(r, 100));
      const more = Array.from({ length: 6 }, nextId);
      await Promise.all(more.map((id, i) => post(`${urls[i % 3]}${V1}/submit-job?jobId=${id}`, STREAM)));
      assert.deepEqual(countBy(await Promise.all(more.map((id) => statusOf(urls[2]!, id)))), { RUNNING: 1, FAILED: 5 });
      await assertEveryNodeFull(urls);
    });
  });

  describe('WAIT', () => {
    let cluster: TestNodes;
    let urls: string[];
    before(async () => {
      cluster = await startTestNodes(
        3,
        28750 + portShift,
        { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: String(SLOTS_PER_NODE), SEATUNNEL_SIM_SCHEDULE_STRATEGY: 'WAIT' },
        { store, ...(memberPort ? { isolatedMemberPort: memberPort + 1 } : {}) },
      );
      urls = cluster.nodes.map((n) => n.url);
      await tagNodes(urls);
    });
    after(async () => cluster.stop());

    it('jobs waiting on every node race for freed slots: exactly the freed number start, none over slot-num', async () => {
      const ids = Array.from({ length: 18 }, nextId);
      await Promise.all(ids.map((id, i) => post(`${urls[i % 3]}${V1}/submit-job?jobId=${id}`, STREAM)));
      const before = await Promise.all(ids.map((id) => statusOf(urls[0]!, id)));
      assert.deepEqual(countBy(before), { RUNNING: 6, PENDING: 12 });
      await assertEveryNodeFull(urls);
      // Free every slot; then all three drivers (and their own timers) race to start the 12 waiting jobs.
      const running = ids.filter((_, i) => before[i] === 'RUNNING');
      await Promise.all(running.map((id, i) => post(`${urls[i % 3]}${V1}/stop-job`, { jobId: id })));
      await post(`${urls[0]}/_sim/clock/advance`, { seconds: 4 });
      for (let round = 0; round < 3; round++) await Promise.all(urls.map((url) => post(`${url}/_sim/driver/tick`, {})));
      const after = await Promise.all(ids.map((id) => statusOf(urls[1]!, id)));
      const waiting = ids.filter((_, i) => before[i] === 'PENDING');
      assert.deepEqual(countBy(waiting.map((id) => after[ids.indexOf(id)]!)), { RUNNING: 6, PENDING: 6 });
      await assertEveryNodeFull(urls);
    });
  });
});
