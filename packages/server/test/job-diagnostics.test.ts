import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, post, startTestNodes, type TestNodes } from './support.js';

/**
 * job-info's `diagnostics` (3.0, apache/seatunnel#11982): JobRuntimeDiagnostics' object as the last
 * field of a running job's job-info, on v2 and v1, never in running-jobs or for ended jobs.
 */
const job = (env: Record<string, unknown>) => ({
  env: { 'job.mode': 'STREAMING', ...env },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 100_000_000, schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console' }],
});
const DIAGNOSTICS_KEYS = ['jobId', 'generatedAt', 'stateTimestamps', 'pipelines', 'totalPipelineRestoreCount'];
const PIPELINE_KEYS = ['pipelineId', 'pipelineStatus', 'restoreCount', 'maxRestoreCount', 'stateTimestamps'];

describe('job-info diagnostics (3.0, #11982)', () => {
  let cluster: TestNodes;
  let older: TestNodes;
  let url: string;
  let running: string;
  let retried: string;
  let waiting: string;
  before(async () => {
    cluster = await startTestNodes(1, 30970, { SEATUNNEL_SIM_PROFILE: '3.0', SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_V1_ENABLED: 'true' });
    older = await startTestNodes(1, 30980, { SEATUNNEL_SIM_PROFILE: '2.3.13' });
    url = cluster.nodes[0]!.url;
    running = (await post(`${url}/submit-job`, job({}))).json().jobId;
    retried = (await post(`${url}/submit-job`, job({ 'job.retry.times': 7 }))).json().jobId;
    waiting = (await post(`${url}/submit-job`, job({ 'sim.slow-start-seconds': 100_000 }))).json().jobId;
    await post(`${url}/_sim/clock/advance`, { seconds: 5 });
  });
  after(async () => {
    for (const id of [running, retried, waiting]) await post(`${url}/stop-job`, { jobId: id, isStopWithSavePoint: false });
    await cluster.stop();
    await older.stop();
  });

  it('a running job: submission and start timestamps, one pipeline RUNNING, no restores, job.retry.times 3 by default', async () => {
    const body = (await call(`${url}/job-info/${running}`)).json();
    assert.equal(Object.keys(body).at(-1), 'diagnostics');
    const d = body.diagnostics;
    assert.deepEqual(Object.keys(d), DIAGNOSTICS_KEYS);
    assert.equal(d.jobId, running);
    assert.deepEqual(Object.keys(d.stateTimestamps), ['INITIALIZING', 'CREATED', 'SCHEDULED', 'RUNNING'], 'placed at once: never PENDING');
    assert.ok(d.generatedAt >= d.stateTimestamps.RUNNING + 5000, 'generated at the clock, after the 5 s advance');
    assert.equal(d.pipelines.length, 1);
    const [pipeline] = d.pipelines;
    assert.deepEqual(Object.keys(pipeline), PIPELINE_KEYS);
    assert.deepEqual([pipeline.pipelineId, pipeline.pipelineStatus, pipeline.restoreCount, pipeline.maxRestoreCount], [1, 'RUNNING', 0, 3]);
    assert.deepEqual(Object.keys(pipeline.stateTimestamps), ['INITIALIZING', 'CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING']);
    assert.equal(pipeline.stateTimestamps.RUNNING, d.stateTimestamps.RUNNING);
    assert.equal(d.totalPipelineRestoreCount, 0);
  });

  it('maxRestoreCount is the job\'s job.retry.times', async () => {
    assert.equal((await call(`${url}/job-info/${retried}`)).json().diagnostics.pipelines[0].maxRestoreCount, 7);
  });

  it('a job still waiting: PENDING since submission, its pipeline CREATED', async () => {
    const d = (await call(`${url}/job-info/${waiting}`)).json().diagnostics;
    assert.deepEqual(Object.keys(d.stateTimestamps), ['INITIALIZING', 'CREATED', 'PENDING']);
    assert.equal(d.pipelines[0].pipelineStatus, 'CREATED');
    assert.deepEqual(Object.keys(d.pipelines[0].stateTimestamps), ['INITIALIZING', 'CREATED']);
  });

  it('v1 job-info has it too (the shared JobInfoService); running-jobs never', async () => {
    assert.equal((await call(`${url}/hazelcast/rest/maps/job-info/${running}`)).json().diagnostics.jobId, running);
    for (const listed of (await call(`${url}/running-jobs`)).json()) assert.equal(listed.diagnostics, undefined);
  });

  it('an ended job and 2.3.13 have none', async () => {
    const quick = job({});
    const batch = { ...quick, env: { 'job.mode': 'BATCH' }, source: [{ ...quick.source[0], 'row.num': 1 }] };
    const done = (await post(`${url}/submit-job`, batch)).json().jobId;
    await post(`${url}/_sim/clock/advance`, { seconds: 5 });
    let info = (await call(`${url}/job-info/${done}`)).json();
    for (let i = 0; i < 50 && info.jobStatus !== 'FINISHED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      info = (await call(`${url}/job-info/${done}`)).json();
    }
    assert.equal(info.jobStatus, 'FINISHED');
    assert.equal(info.diagnostics, undefined);
    const oldUrl = older.nodes[0]!.url;
    const oldJob = (await post(`${oldUrl}/submit-job`, job({}))).json().jobId;
    assert.equal((await call(`${oldUrl}/job-info/${oldJob}`)).json().diagnostics, undefined);
    await post(`${oldUrl}/stop-job`, { jobId: oldJob, isStopWithSavePoint: false });
  });
});
