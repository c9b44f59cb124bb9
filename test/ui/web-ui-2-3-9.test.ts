import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startMemoryCluster, type MemoryCluster } from '@seatunnel-sim/cli';
import { closeClean, eventually, launchChromium, openPage, screenshot } from './browser.js';
import { monitoring, readDagNodes, readOverview, readTable } from './screens.js';
import { batchJob, getJson, submitJob, waitStatus, type ApiJob } from './sim-api.js';

const LOG_DIR = 'logs/ui-2.3.9';

/** A vertex's figure as the UI sums it: the per-table values of its tablePaths (Number(...)). */
function vertexSum(job: ApiJob, metric: string, tablePaths: string[]): string {
  const table = job.metrics[metric] as Record<string, string>;
  return String(tablePaths.reduce((sum, path) => sum + Number(table[path]), 0));
}

/**
 * The same 2.3.13 UI files on a node of profile 2.3.9 (the oldest release with the UI; 2.3.9's
 * own UI build is not on Maven Central). 2.3.9 keys per-table metrics by table path, so the job
 * detail's metrics table draws real figures; its listings are bare arrays, which the 2.3.13 UI's
 * paged tables cannot read.
 */
describe('SeaTunnel 2.3.13 Web UI on a 2.3.9 cluster', () => {
  let cluster: MemoryCluster;
  let browser: Browser;
  let base: string;
  let jobId: string;

  before(async () => {
    rmSync(LOG_DIR, { recursive: true, force: true });
    browser = await launchChromium();
    cluster = await startMemoryCluster({ nodes: 2, port: 29640, logDir: LOG_DIR, nodeEnv: { SEATUNNEL_SIM_PROFILE: '2.3.9', SEATUNNEL_SIM_LOG_LEVEL: 'warn' } });
    base = cluster.nodes[1]!.url;
    jobId = await submitJob(base, 'ui-2.3.9-batch', batchJob(30, 300));
    await waitStatus(base, jobId, 'FINISHED');
  });
  after(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it('overview cards are the API\'s; the paged tables stay empty on 2.3.9\'s bare arrays', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/overview`);
    const api = await getJson<Record<string, string>>(`${base}/overview`);
    const drawn = await eventually('overview cards', () => readOverview(page), (o) => o.workers !== '');
    assert.deepEqual(
      [drawn.version, drawn.workers, drawn.runningJobs, drawn.finished, drawn.failed],
      [api['projectVersion'], api['workers'], api['runningJobs'], api['finishedJobs'], api['failedJobs']],
    );
    assert.deepEqual([drawn.version, drawn.finished], ['2.3.9', '1']);
    assert.ok(Array.isArray(await getJson<unknown>(`${base}/finished-jobs?page=1&rows=10`)), '2.3.9 ignores page and answers the bare array');
    assert.deepEqual(await readTable(page, 'Finished Jobs'), []);
    await closeClean(watch);
  });

  it('job detail: DAG and the metrics table with the per-table figures of the API', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/jobs/${jobId}`);
    const job = await getJson<ApiJob>(`${base}/job-info/${jobId}`);
    const vertices = job.jobDag.vertexInfoMap.filter((v) => v.type !== 'transform');
    const nodes = await eventually('DAG nodes', () => readDagNodes(page), (n) => n.length === vertices.length);
    assert.deepEqual([...nodes].sort(), vertices.map((v) => v.vertexName).sort());
    const rows = await eventually('metrics rows', () => readTable(page), (r) => r.length === vertices.length);
    for (const [i, vertex] of vertices.entries()) {
      const cells = Object.values(rows[i]!);
      assert.equal(cells[0], vertex.vertexName);
      const source = vertex.type === 'source';
      const sum = (metric: string) => vertexSum(job, metric, vertex.tablePaths);
      const expected = source
        ? [sum('TableSourceReceivedBytes'), '0', sum('TableSourceReceivedCount'), '0', sum('TableSourceReceivedQPS'), '0', sum('TableSourceReceivedBytesPerSeconds'), '0']
        : ['0', sum('TableSinkWriteBytes'), '0', sum('TableSinkWriteCount'), '0', sum('TableSinkWriteQPS'), '0', sum('TableSinkWriteBytesPerSeconds')];
      assert.deepEqual(cells.slice(1), expected, vertex.vertexName);
    }
    assert.equal(Object.values(rows[0]!)[3], '30', 'the source read the 30 rows');
    await screenshot(page, 'job-detail-2.3.9');
    await closeClean(watch);
  });

  it('workers and master pages split the members by isMaster', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    type Member = { isMaster: string; host: string; port: string };
    const address = (m: { host?: string; port?: string }) => `${m.host}:${m.port}`;
    // Each page asks once; the drawn rows are held to the answer it got.
    const [workersAnswer] = await Promise.all([monitoring(page), page.goto(`${base}/#/managers/workers`)]);
    const members = (await workersAnswer.json()) as Member[];
    const workers = await eventually('workers', () => readTable(page), (rows) => rows.length === 1);
    assert.deepEqual(workers.map(address), members.filter((m) => m.isMaster === 'false').map(address));
    const [masterAnswer] = await Promise.all([monitoring(page), page.goto(`${base}/#/managers/master`)]);
    const master = await eventually('master', () => readTable(page), (rows) => rows.length === 1);
    assert.deepEqual(master.map(address), ((await masterAnswer.json()) as Member[]).filter((m) => m.isMaster === 'true').map(address));
    assert.equal(master[0]!['port'], new URL(cluster.nodes[0]!.url).port, 'the first node is the master');
    await closeClean(watch);
  });
});
