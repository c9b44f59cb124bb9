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
