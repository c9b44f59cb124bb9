import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '@seatunnel-sim/cli';
import { batchJob, call, jobLogLines, report, STREAMING_JOB, submit, V1, waitFinished, waitFor } from './support.js';

const LOG_DIR = 'logs/faults-restart';

/**
 * A restart of the whole cluster (every member and node) with `persistDir`: the job maps and the
 * clock are written through to files by the members (FileMapStore) and read back when they start
 * again. Without it nothing survives (README, Reliability).
 */
describe('whole cluster restart', () => {
  const persistDir = mkdtempSync(join(tmpdir(), 'seatunnel-sim-persist-'));
  const options = (persist: boolean): LocalClusterOptions => ({
    nodes: 2,
    members: 1,
    port: 21580,
    hzPort: 24801,
    clusterName: 'seatunnel-sim-faults-restart',
    logDir: LOG_DIR,
    nodeEnv: { SEATUNNEL_SIM_LOG_LEVEL: 'warn' },
    ...(persist ? { persistDir } : {}),
  });
  let cluster: LocalCluster | undefined;
  before(() => rmSync(LOG_DIR, { recursive: true, force: true }));
  after(async () => {
    await cluster?.stop();
    rmSync(persistDir, { recursive: true, force: true });
  });

  it('with --persist-dir, history and running jobs survive a stop of every member and node', async () => {
    cluster = await startLocalCluster(options(true));
    const [a] = cluster.nodes.map((n) => n.url) as [string];
    const finished = await submit(a, batchJob(10, 40), '?jobName=before-restart');
    await waitFinished(a, [finished], 10, 20_000);
    const running = await submit(a, STREAMING_JOB, '?jobName=streaming-through-restart');
    const before = (await call(`${a}${V1}/job-info/${finished}`)).json<{ jobStatus: string; finishTime: string }>();
    assert.equal(before.jobStatus, 'FINISHED');
    // Moved into history by a driver shortly after it ended: written through to its file.
    await waitFor('the finished job archived to disk', async () => existsSync(join(persistDir, 'sim_finished_jobs', `${finished}.json`)), 15_000, 100);
    await cluster.stop();
    cluster = undefined;
    for (const map of ['sim_running_jobs', 'sim_finished_jobs', 'sim_cluster']) {
      assert.ok(existsSync(join(persistDir, map)) && readdirSync(join(persistDir, map)).length > 0, `${map} written to ${persistDir}`);
    }

    const restartedAt = Date.now();
    cluster = await startLocalCluster(options(true));
    const [b] = cluster.nodes.map((n) => n.url) as [string];
    // History as it was, field for field.
    const after = (await call(`${b}${V1}/job-info/${finished}`)).json<{ jobStatus: string; finishTime: string }>();
    assert.equal(after.jobStatus, 'FINISHED');
    assert.equal(after.finishTime, before.finishTime);
    const history = (await call(`${b}${V1}/finished-jobs`)).json<{ jobId: string }[]>();
    assert.ok(history.some((j) => j.jobId === finished), 'the finished job is in history again');
    // The streaming job's owner is gone: a new node adopts it and it runs on.
    assert.ok(
      (await call(`${b}${V1}/running-jobs`)).json<{ jobId: string; jobStatus: string }[]>().some((j) => j.jobId === running && j.jobStatus === 'RUNNING'),
      'the streaming job is listed as running again',
    );
    await waitFor('the streaming job adopted by a new node', async () => jobLogLines(LOG_DIR, running, 'left the cluster').length >= 1, 20_000, 200);
    const adoptedAfter = Date.now() - restartedAt;
    assert.equal((await call(`${b}/stop-job`, { method: 'POST', body: JSON.stringify({ jobId: running }) })).status, 200);
    report('(g) whole cluster restart with --persist-dir', { 'jobs kept': 2, 'ms from restart until the running job was adopted': adoptedAfter });
  });

  it('without it, nothing survives (as README says)', async () => {
    await cluster?.stop();
    cluster = await startLocalCluster(options(false));
    const [a] = cluster.nodes.map((n) => n.url) as [string];
    const jobId = await submit(a, batchJob(10, 40));
    await waitFinished(a, [jobId], 10, 20_000);
    await cluster.stop();
    cluster = await startLocalCluster(options(false));
    const [b] = cluster.nodes.map((n) => n.url) as [string];
    assert.deepEqual((await call(`${b}${V1}/job-info/${jobId}`)).json(), { jobId });
    assert.deepEqual((await call(`${b}${V1}/finished-jobs`)).json(), []);
  });
});
