import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../src/index.js';
import { call, DOCS_EXAMPLE, openTestStore, post, startTestNode, type TestStore } from './support.js';

const V1 = '/hazelcast/rest/maps';

/**
 * Profiles are per node: a cluster mixing a `2.3.9` node and a `seed` node serves the same job in
 * both shapes. The seed node has only the seed document's two endpoints.
 */
describe('API profiles (2.3.9 and seed nodes in one cluster)', () => {
  let store: TestStore;
  let modern: RunningNode;
  let seed: RunningNode;
  let jobId: string;

  before(async () => {
    store = await openTestStore('memory');
    const start = (profile: string, port: number) => startTestNode(store, { SEATUNNEL_SIM_PORT: String(port), SEATUNNEL_SIM_PROFILE: profile }, `profile-${profile}`);
    modern = await start('2.3.9', 28720);
    seed = await start('seed', 28730);
    const submitted = await post(`${modern.url}${V1}/submit-job?jobName=seeded`, { ...DOCS_EXAMPLE, env: { 'job.mode': 'STREAMING' } });
    jobId = submitted.json().jobId;
  });
  after(async () => {
    await Promise.all([modern?.stop(), seed?.stop()]);
    await store?.release();
  });

  it('renders running-jobs in the seed document shape', async () => {
    const list = (await call(`${seed.url}${V1}/running-jobs`)).json() as any[];
    const job = list.find((j) => j.jobId === jobId);
    assert.deepEqual(Object.keys(job), ['jobId', 'jobName', 'jobStatus', 'envOptions', 'createTime', 'jobDag', 'pluginJarsUrls', 'isStartWithSavePoint', 'metrics']);
    assert.equal(job.jobName, 'seeded');
    assert.deepEqual(job.envOptions, { 'job.mode': 'STREAMING' });
    assert.deepEqual(Object.keys(job.jobDag), ['vertices', 'edges']);
    assert.deepEqual(job.jobDag.edges, [{ inputVertex: 'Source[0]-FakeSource', targetVertex: 'Sink[0]-Console-MultiTableSink' }]);
    assert.deepEqual(Object.keys(job.metrics), ['sourceReceivedCount', 'sinkWriteCount']);
    assert.equal(typeof job.metrics.sourceReceivedCount, 'string');
    assert.equal(job.isStartWithSavePoint, false);
  });

  it('serves running-job/{id} in the same shape; the 2.3.9 node keeps the 2.3.9 shape', async () => {
    const seeded = (await call(`${seed.url}${V1}/running-job/${jobId}`)).json();
    assert.deepEqual(Object.keys(seeded.jobDag), ['vertices', 'edges']);
    const modernShape = (await call(`${modern.url}${V1}/running-job/${jobId}`)).json();
    assert.deepEqual(Object.keys(modernShape.jobDag), ['jobId', 'pipelineEdges', 'envOptions', 'vertexInfoMap']);
    assert.equal(Object.keys(modernShape.metrics).length, 16);
  });

  it('has no other endpoint: v1 falls through to Hazelcast, v2 does not exist', async () => {
    assert.equal((await call(`${seed.url}${V1}/job-info/${jobId}`)).status, 204);
    assert.equal((await call(`${seed.url}${V1}/overview`)).status, 400);
    assert.equal((await post(`${seed.url}${V1}/submit-job`, DOCS_EXAMPLE)).status, 400);
    assert.equal((await call(`${seed.url}/running-jobs`)).status, 404);
  });
});

/**
 * REST v1 is Hazelcast's REST, which SeaTunnel ships switched on up to 2.3.9 and off from 2.3.10
 * (#8766, `rest-api.enabled`); switched off, its paths reach the v2 server on our one port (404).
 */
describe('REST v1 on and off by release (hazelcast.network.rest-api.enabled)', () => {
  let store: TestStore;
  const nodes: RunningNode[] = [];
  const start = async (env: Record<string, string>, port: number): Promise<string> => {
    const node = await startTestNode(store, { SEATUNNEL_SIM_PORT: String(port), ...env }, `v1-${port}`);
    nodes.push(node);
    return node.url;
  };
  before(async () => {
    store = await openTestStore('memory');
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await store.release();
  });

  it('2.3.9 serves v1 unless switched off; 2.3.10 and later only when switched on', async () => {
    const cases: Array<[Record<string, string>, number, number]> = [
      [{ SEATUNNEL_SIM_PROFILE: '2.3.9' }, 28760, 200],
      [{ SEATUNNEL_SIM_PROFILE: '2.3.9', SEATUNNEL_SIM_V1_ENABLED: 'false' }, 28761, 404],
      [{ SEATUNNEL_SIM_PROFILE: '2.3.10' }, 28762, 404],
      [{ SEATUNNEL_SIM_PROFILE: '2.3.13' }, 28763, 404],
      [{ SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_V1_ENABLED: 'true' }, 28764, 200],
    ];
    for (const [env, port, status] of cases) {
      const url = await start(env, port);
      const v1 = await call(`${url}${V1}/overview`);
      assert.equal(v1.status, status, JSON.stringify(env));
      if (status === 404) assert.match(v1.text, /HTTP ERROR 404/);
      // Hazelcast's telemetry goes with its REST; the v2 API answers either way.
      assert.equal((await call(`${url}/hazelcast/rest/instance/metrics`)).status, status);
      const v2 = await call(`${url}/overview`);
      assert.equal(v2.status, 200);
      assert.equal(v2.json().projectVersion, env['SEATUNNEL_SIM_PROFILE']);
    }
  });

  it('2.3.13 counts pending jobs in the overview; 2.3.12 has no such key', async () => {
    const pendingJob = { ...DOCS_EXAMPLE, env: { 'job.mode': 'STREAMING', 'sim.slow-start-seconds': 1_000_000 } };
    const newer = await start({ SEATUNNEL_SIM_PROFILE: '2.3.13' }, 28765);
    const older = await start({ SEATUNNEL_SIM_PROFILE: '2.3.12' }, 28766);
    assert.equal((await post(`${newer}/submit-job`, pendingJob)).status, 200);
    const overview = (await call(`${newer}/overview`)).json();
    assert.equal(overview.pendingJobs, '1');
    assert.deepEqual(Object.keys(overview).slice(6, 8), ['failedJobs', 'pendingJobs']);
    assert.ok(!('pendingJobs' in (await call(`${older}/overview`)).json()));
  });
});
