import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JobRepository, type StoredJob } from '@seatunnel-sim/cluster';
import { settle, type JobRecord } from '@seatunnel-sim/engine';
import { JobDriver } from '../src/job-driver.js';
import { call, post, startTestNodes, type TestNodes } from './support.js';

const V1 = '/hazelcast/rest/maps';
const STREAMING = {
  env: { 'job.mode': 'streaming' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 100, schema: { fields: { name: 'string' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

/**
 * A savepoint restore that arrives while the owner's driver archives the stopped run: the job
 * reads SAVEPOINT_DONE (projected) but its ended record is still in the running map, and the
 * driver's compare-and-set lands between the restore's read and its own. Found by the soak
 * (job-info answered the restored job as unknown once its old history entry expired).
 */
describe('a savepoint restore racing the archiving of the stopped run', () => {
  let cluster: TestNodes;
  const originalTick = JobDriver.prototype.tick;
  const originalReplace = JobRepository.prototype.replaceRunning;
  let driversPaused = false;
  let archiveFirst = false;

  before(async () => {
    JobDriver.prototype.tick = async function (this: JobDriver, explicit?: boolean) {
      if (!driversPaused) await originalTick.call(this, explicit);
    };
    // The driver wins: it moves the ended run to history just before the restore's compare-and-set.
    JobRepository.prototype.replaceRunning = async function (this: JobRepository, current: StoredJob, next: JobRecord) {
      if (archiveFirst) {
        archiveFirst = false;
        const ended = settle(current.record, Number.MAX_SAFE_INTEGER / 2);
        assert.ok(ended, 'the stopped run is due to end');
        assert.ok(await this.moveToHistory(current, ended, { expiresAt: Number.MAX_SAFE_INTEGER, entryTtlMillis: 600_000 }));
      }
      return originalReplace.call(this, current, next);
    };
    cluster = await startTestNodes(1, 30560, { SEATUNNEL_SIM_ADMIN_API: 'true' });
  });
  after(async () => {
    JobDriver.prototype.tick = originalTick;
    JobRepository.prototype.replaceRunning = originalReplace;
    await cluster.stop();
  });

  it('restores the job (RUNNING again) instead of acknowledging a restore that never happened', async () => {
    const base = cluster.nodes[0]!.url;
    const submitted = await post(`${base}${V1}/submit-job`, STREAMING);
    const jobId: string = submitted.json().jobId;
    driversPaused = true;
    assert.equal((await post(`${base}${V1}/stop-job`, { jobId, isStopWithSavePoint: true })).status, 200);
    // Past sim.stop-seconds: projected SAVEPOINT_DONE, still in the running map (no driver ran).
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal((await call(`${base}${V1}/job-info/${jobId}`)).json().jobStatus, 'SAVEPOINT_DONE');
    archiveFirst = true;
    const restored = await post(`${base}${V1}/submit-job?jobId=${jobId}&isStartWithSavePoint=true`, STREAMING);
    assert.equal(restored.status, 200, restored.text);
    assert.equal(archiveFirst, false, 'the race was staged');
    driversPaused = false;
    const info = (await call(`${base}${V1}/job-info/${jobId}`)).json();
    assert.equal(info.jobStatus, 'RUNNING', `the acknowledged restore runs: ${JSON.stringify(info).slice(0, 200)}`);
  });
});
