/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import { startMemoryCluster, type MemoryCluster } from '@seatunnel-sim/cli';
import { closeClean, eventually, launchChromium, openPage, screenshot } from './browser.js';
import { countDagEdges, gotoPage, monitoring, openTab, readDagNodes, readJobHeader, readOverview, readPages, readTable } from './screens.js';
import { batchJob, failingJob, getJson, streamingJob, submitJob, waitStatus, type ApiJob, type ApiPage } from './sim-api.js';

const LOG_DIR = 'logs/ui-2.3.13';
const FAIL_MESSAGE = 'sink refused row 7: connection reset by the simulated warehouse';

interface Monitoring {
  isMaster: string;
  host: string;
  port: string;
  'physical.memory.total': string;
}

/** A table row as the UI draws a job of the API: the columns it shows. */
const runningRow = (job: ApiJob) => ({ jobId: job.jobId, jobName: job.jobName, createTime: job.createTime, jobStatus: job.jobStatus });
const finishedRow = (job: ApiJob) => ({ ...runningRow(job), finishTime: job.finishTime ?? '' });
const pick = (row: Record<string, string>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k] ?? '']));
const RUNNING_KEYS = ['jobId', 'jobName', 'createTime', 'jobStatus'];
const FINISHED_KEYS = [...RUNNING_KEYS, 'finishTime'];

/**
 * SeaTunnel 2.3.13's own Web UI (its ui/ folder from Maven Central) against a 3-node simulator of
 * profile 2.3.13, in headless chromium: every screen is read from the DOM and held to what the
 * REST API answers at the same moment. Every page must end with no console error and no failed
 * or refused request.
 */
describe('SeaTunnel 2.3.13 Web UI on a 2.3.13 cluster', () => {
  let cluster: MemoryCluster;
  let browser: Browser;
  let base: string;
  let streaming: string;
  let failed: string;
  let finished: string;

  before(async () => {
    rmSync(LOG_DIR, { recursive: true, force: true });
    browser = await launchChromium();
    cluster = await startMemoryCluster({
      nodes: 3,
      port: 29600,
      logDir: LOG_DIR,
      // Job logs split per job (log4j2 routing) so the Log tab has a file per job, as a SeaTunnel set up for it.
      nodeEnv: { SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_SPLIT_JOB_LOGS: 'true', SEATUNNEL_SIM_LOG_LEVEL: 'warn' },
    });
    base = cluster.nodes[0]!.url;
    streaming = await submitJob(base, 'ui-streaming', streamingJob());
    failed = await submitJob(base, 'ui-failing', failingJob(7, FAIL_MESSAGE));
    finished = await submitJob(base, 'ui-batch', batchJob(20, 200));
    await waitStatus(base, failed, 'FAILED');
    await waitStatus(base, finished, 'FINISHED');
    await waitStatus(base, streaming, 'RUNNING');
  });
  after(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it('overview: header, cards and both tables (one page each) are what the API answers', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/overview`);
    const api = await getJson<Record<string, string>>(`${base}/overview`);
    const expected = {
      version: api['projectVersion'], commit: api['gitCommitAbbrev'], workers: api['workers'], totalSlot: api['totalSlot'],
      unassignedSlot: api['unassignedSlot'], runningJobs: api['runningJobs'], cancelled: api['cancelledJobs'],
      failed: api['failedJobs'], finished: api['finishedJobs'],
    };
    assert.deepEqual([expected.workers, expected.runningJobs, expected.failed, expected.finished], ['3', '1', '1', '1']);
    await eventually('overview cards', () => readOverview(page), (drawn) => JSON.stringify(drawn) === JSON.stringify(expected));

    // The 2.3.13 UI asks for pages (page=1&rows=10) and reads {data,total}.
    const running = await getJson<ApiPage>(`${base}/running-jobs?page=1&rows=10`);
    const history = await getJson<ApiPage>(`${base}/finished-jobs?page=1&rows=10`);
    assert.deepEqual([running.total, history.total], [1, 2]);
    const runningRows = await eventually('running table', () => readTable(page, 'Running Jobs'), (rows) => rows.length === 1);
    assert.deepEqual(runningRows.map((r) => pick(r, RUNNING_KEYS)), running.data.map(runningRow));
    const finishedRows = await eventually('finished table', () => readTable(page, 'Finished Jobs'), (rows) => rows.length === 2);
    assert.deepEqual(finishedRows.map((r) => pick(r, FINISHED_KEYS)), history.data.map(finishedRow));
    assert.deepEqual(finishedRows.map((r) => r['jobStatus']).sort(), ['FAILED', 'FINISHED']);
    assert.deepEqual(await readPages(page, 'Running Jobs'), { pages: ['1'], active: '1' });
    assert.ok(watch.calls.some((url) => url.endsWith('/running-jobs?page=1&rows=10')), `calls: ${watch.calls.join(' ')}`);
    await screenshot(page, 'overview');
    await closeClean(watch);
  });

  it('job detail of a running job: header, DAG from vertexInfoMap and pipelineEdges, metrics table', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/jobs/${streaming}`);
    const job = await getJson<ApiJob>(`${base}/job-info/${streaming}`);
    const header = await eventually('detail header', () => readJobHeader(page), (h) => h.name !== '');
    assert.deepEqual(header.name, job.jobName);
    assert.equal(header.status, 'RUNNING');
    assert.equal(header.facts['ID'], job.jobId);
    assert.equal(header.facts['Create Time'], job.createTime);
    assert.match(header.facts['Duration'] ?? '', /^(\d+h )?(\d+m )?\d+s$/);

    const vertices = job.jobDag.vertexInfoMap.filter((v) => v.type !== 'transform').map((v) => v.vertexName);
    assert.deepEqual(vertices, ['pipeline-1 [Source[0]-FakeSource]', 'pipeline-1 [Sink[0]-Console-MultiTableSink]']);
    const nodes = await eventually('DAG nodes', () => readDagNodes(page), (n) => n.length === vertices.length);
    assert.deepEqual([...nodes].sort(), [...vertices].sort());
    const edges = Object.values(job.jobDag.pipelineEdges).flat().length;
    assert.equal(await countDagEdges(page), edges);

    // One row per source/sink vertex. 2.3.13's server keys per-table metrics `Source[0].fake`
    // (#10273) while its UI looks them up by the DAG's tablePaths (`fake`): the real release draws
    // NaN in the vertex's own columns (apache/seatunnel#10636), and so does it against the sim.
    const rows = await readTable(page);
    assert.deepEqual(rows.map((r) => r['vertexName']), vertices);
    const tableKeys = Object.keys(job.metrics['TableSourceReceivedCount'] as Record<string, string>);
    assert.deepEqual(tableKeys, ['Source[0].fake']);
    assert.deepEqual(job.jobDag.vertexInfoMap[0]!.tablePaths, ['fake']);
    const [source, sink] = rows as [Record<string, string>, Record<string, string>];
    // Columns after the name: received bytes, write bytes, received count, write count, received QPS,
    // write QPS, received bytes/s, write bytes/s; a source has no write figures (0), a sink no received ones.
    assert.deepEqual(Object.values(source).slice(1), ['NaN', '0', 'NaN', '0', 'NaN', '0', 'NaN', '0']);
    assert.deepEqual(Object.values(sink).slice(1), ['0', 'NaN', '0', 'NaN', '0', 'NaN', '0', 'NaN']);
    await screenshot(page, 'job-detail');
    await closeClean(watch);
  });

  it('job detail of a failed job: Exception shows errorMsg, Configuration the env, Log opens the job log; polling stops at the end state', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/jobs/${failed}`);
    const job = await getJson<ApiJob>(`${base}/job-info/${failed}`);
    assert.equal((await eventually('detail header', () => readJobHeader(page), (h) => h.status !== '')).status, 'FAILED');

    await openTab(page, 'Exception');
    const shown = await eventually('exception text', () => page.locator('pre').first().innerText().catch(() => ''), (t) => t !== '');
    assert.ok(job.errorMsg?.includes(FAIL_MESSAGE));
    assert.equal(shown.trim(), job.errorMsg!.trim());
    await screenshot(page, 'job-exception');

    await openTab(page, 'Configuration');
    const env = job.envOptions ?? job.jobDag.envOptions ?? {};
    for (const [key, value] of Object.entries(env)) {
      await page.getByText(key, { exact: true }).first().waitFor();
      await page.getByText(String(value), { exact: true }).first().waitFor();
    }
    await screenshot(page, 'job-configuration');

    await openTab(page, 'Log');
    const logs = await getJson<{ node: string; logLink: string; logName: string }[]>(`${base}/logs/${failed}?format=json`);
    assert.deepEqual(logs.map((l) => l.logName), [`job-${failed}.log`]);
    await page.getByText(logs[0]!.logName, { exact: true }).click();
    const frame = page.locator('iframe');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('src'), logs[0]!.logLink);
    const fileText = await (await fetch(logs[0]!.logLink)).text();
    const firstLine = fileText.split('\n')[0]!;
    assert.ok(firstLine.length > 0, 'the job log has lines');
    const content = page.frameLocator('iframe').locator('body');
    await eventually('log in the iframe', () => content.innerText().catch(() => ''), (t) => t.includes(firstLine));
    await screenshot(page, 'job-log');

    // 2.3.13 (#9888): the detail page stops polling once the job has ended.
    const asked = () => watch.calls.filter((url) => url.endsWith(`/job-info/${failed}`)).length;
    const before = asked();
    await sleep(6_000);
    assert.equal(asked(), before, 'job-info polled again after FAILED');
    assert.equal(before, 1);
    await closeClean(watch);
  });

  it('workers and master: every member listed once, the master (isMaster "true") on its own page', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    const address = (m: { host?: string; port?: string }) => `${m.host}:${m.port}`;
    // Each page asks once; the drawn rows are held to the answer it got.
    const [workersAnswer] = await Promise.all([monitoring(page), page.goto(`${base}/#/managers/workers`)]);
    const members = (await workersAnswer.json()) as Monitoring[];
    assert.equal(members.length, 3);
    assert.deepEqual(members.map((m) => typeof m.isMaster), ['string', 'string', 'string']);
    assert.equal(members.filter((m) => m.isMaster === 'true').length, 1);
    const workers = await eventually('workers table', () => readTable(page), (rows) => rows.length === 2);
    assert.deepEqual(workers.map(address).sort(), members.filter((m) => m.isMaster === 'false').map(address).sort());
    for (const row of workers) assert.equal(row['physical.memory.total'], members.find((m) => address(m) === address(row))!['physical.memory.total']);
    await screenshot(page, 'workers');

    const [masterAnswer] = await Promise.all([monitoring(page), page.locator('a[href="#/managers/master"]').click()]);
    const masters = ((await masterAnswer.json()) as Monitoring[]).filter((m) => m.isMaster === 'true');
    assert.equal(masters.length, 1);
    const master = await eventually('master table', () => readTable(page), (rows) => rows.length === 1);
    assert.deepEqual(master.map(address), masters.map(address));
    assert.match(master[0]!['heap.memory.used'] ?? '', /^\d+(\.\d+)?[KMG]?$/);
    await screenshot(page, 'master');
    await closeClean(watch);
  });

  it('a batch job moves from the running table to the finished table through the UI\'s own polling', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/jobs`);
    await eventually('jobs page', () => readTable(page, 'Running Jobs'), (rows) => rows.length === 1);
    // A mark that a reload would wipe: the tables must change by themselves.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const jobId = await submitJob(base, 'ui-moving', batchJob(40, 8));
    const ids = (rows: Record<string, string>[]) => rows.map((r) => r['jobId']);
    const running = await eventually('job in the running table', () => readTable(page, 'Running Jobs'), (rows) => ids(rows).includes(jobId), 12_000);
    assert.equal(running.find((r) => r['jobId'] === jobId)!['jobStatus'], 'RUNNING');
    await screenshot(page, 'jobs-running');
    const done = await eventually('job in the finished table', () => readTable(page, 'Finished Jobs'), (rows) => ids(rows).includes(jobId), 25_000);
    const api = await getJson<ApiJob>(`${base}/job-info/${jobId}`);
    assert.deepEqual(pick(done.find((r) => r['jobId'] === jobId)!, FINISHED_KEYS), finishedRow(api));
    assert.equal(api.jobStatus, 'FINISHED');
    await eventually('job gone from the running table', () => readTable(page, 'Running Jobs'), (rows) => !ids(rows).includes(jobId), 12_000);
    assert.equal(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
    await screenshot(page, 'jobs-finished');
    await closeClean(watch);
  });

  it('navigation through every screen by its links: no console error, no failed request', async () => {
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/`);
    await page.waitForURL(/#\/overview$/);
    for (const link of ['#/jobs', '#/managers/workers', '#/managers/master', '#/overview']) {
      await page.locator(`a[href="${link}"]`).click();
      await page.waitForURL(new RegExp(`${link.replace(/\//g, '\\/')}$`));
      await page.waitForLoadState('networkidle');
    }
    // A job's View button, then every tab of its detail.
    await eventually('finished rows', () => readTable(page, 'Finished Jobs'), (rows) => rows.length > 0);
    await page.locator('h2:text-is("Finished Jobs") + div button', { hasText: 'View' }).first().click();
    await page.waitForURL(/#\/jobs\/\d+$/);
    for (const tab of ['Exception', 'Configuration', 'Log', 'Overview'] as const) {
      await openTab(page, tab);
      await page.waitForLoadState('networkidle');
    }
    await page.goBack();
    await page.waitForURL(/#\/overview$/);
    await closeClean(watch);
    // The simulation console is there only with simulation.admin-api (sim-console.test.ts).
    assert.equal((await fetch(`${base}/_sim/console`)).status, 404);
  });

  it('pages: with more than ten jobs each table pages through the API\'s pages', async () => {
    const more: string[] = [];
    for (let i = 0; i < 10; i++) more.push(await submitJob(base, `ui-page-stream-${i}`, streamingJob()));
    for (let i = 0; i < 10; i++) more.push(await submitJob(base, `ui-page-batch-${i}`, batchJob(5, 1000)));
    for (const jobId of more.slice(10)) await waitStatus(base, jobId, 'FINISHED');
    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${base}/#/jobs`);
    for (const [title, path, keys, row] of [
      ['Running Jobs', 'running-jobs', RUNNING_KEYS, runningRow],
      ['Finished Jobs', 'finished-jobs', FINISHED_KEYS, finishedRow],
    ] as const) {
      const first = await getJson<ApiPage>(`${base}/${path}?page=1&rows=10`);
      assert.ok(first.total > 10, `${path} total ${first.total}`);
      const rows1 = await eventually(`${title} page 1`, () => readTable(page, title), (rows) => rows.length === 10);
      assert.deepEqual(rows1.map((r) => pick(r, keys)), first.data.map(row));
      assert.deepEqual((await readPages(page, title)).pages, ['1', '2']);
      await gotoPage(page, title, 2);
      const second = await getJson<ApiPage>(`${base}/${path}?page=2&rows=10`);
      const rows2 = await eventually(`${title} page 2`, () => readTable(page, title), (rows) => rows.length === second.total - 10);
      assert.deepEqual(rows2.map((r) => pick(r, keys)), second.data.map(row));
      assert.equal((await readPages(page, title)).active, '2');
    }
    assert.ok(watch.calls.some((url) => url.endsWith('/finished-jobs?page=2&rows=10')));
    await screenshot(page, 'jobs-paged');
    await closeClean(watch);
  });
});
