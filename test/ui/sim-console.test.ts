/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import { closeClean, eventually, launchChromium, openPage, screenshot } from './browser.js';
import { getJson, streamingJob, submitJob, waitStatus } from './sim-api.js';

const LOG_DIR = 'logs/ui-console';

interface DrawnConsole {
  clock: string;
  speed: string;
  nodes: { name: string; role: string; jobs: string }[];
  jobs: { jobId: string; status: string; owner: string }[];
}

async function readConsole(page: Page): Promise<DrawnConsole> {
  return page.evaluate(() => {
    const text = (el: Element | null) => el?.textContent?.trim() ?? '';
    const cells = (tr: Element) => Array.from(tr.querySelectorAll('td')).map((td) => text(td));
    return {
      clock: text(document.getElementById('clock')),
      speed: text(document.getElementById('speed')),
      nodes: Array.from(document.querySelectorAll('#nodes tbody tr')).map((tr) => {
        const [name, role, , , , jobs] = cells(tr);
        return { name: name ?? '', role: role ?? '', jobs: jobs ?? '' };
      }),
      jobs: Array.from(document.querySelectorAll('#jobs tbody tr')).map((tr) => {
        const [jobId, , status, owner] = cells(tr);
        return { jobId: jobId ?? '', status: status ?? '', owner: owner ?? '' };
      }),
    };
  });
}

/**
 * The simulation console (/_sim/console, with simulation.admin-api) on a real cluster: one
 * Hazelcast member and three node processes. It draws the nodes with the master marked, which node
 * runs each job, the clock and its controls; after `kill -9` of the node running two jobs, the
 * page shows those jobs on the nodes that adopted them, by its own polling.
 */
describe('simulation console', () => {
  let cluster: LocalCluster;
  let browser: Browser;

  before(async () => {
    rmSync(LOG_DIR, { recursive: true, force: true });
    browser = await launchChromium();
    cluster = await startLocalCluster({
      nodes: 3,
      members: 1,
      port: 29700,
      hzPort: 29800,
      clusterName: 'seatunnel-sim-ui-console',
      logDir: LOG_DIR,
      nodeEnv: { SEATUNNEL_SIM_ADMIN_API: 'true', SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_LOG_LEVEL: 'warn' },
    });
  });
  after(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it('is served only with the admin API', async () => {
    const response = await fetch(`${cluster.nodes[0]!.url}/_sim/console`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    // Without admin-api (web-ui.test.ts's cluster) /_sim/console is Jetty's 404 like any unknown path.
  });

  it('shows nodes, master, owners and clock; its buttons advance the clock and tick; after kill -9 the jobs move to their adopters', async () => {
    const [node1, node2, node3] = cluster.nodes as [LocalCluster['nodes'][number], LocalCluster['nodes'][number], LocalCluster['nodes'][number]];
    // Jobs are run by the node that accepted them: two on node3, one on node2.
    const onNode3 = [await submitJob(node3.url, 'console-a', streamingJob()), await submitJob(node3.url, 'console-b', streamingJob())];
    const onNode2 = await submitJob(node2.url, 'console-c', streamingJob());
    for (const jobId of [...onNode3, onNode2]) await waitStatus(node1.url, jobId, 'RUNNING');

    const watch = await openPage(browser);
    const { page } = watch;
    await page.goto(`${node1.url}/_sim/console`);
    const api = await getJson<{ clock: { speed: number } }>(`${node1.url}/_sim/cluster`);
    const owner = (view: DrawnConsole, jobId: string) => view.jobs.find((j) => j.jobId === jobId)?.owner;
    const drawn = await eventually('console with three nodes and three jobs', () => readConsole(page), (v) => v.nodes.length === 3 && v.jobs.length === 3);
    assert.deepEqual(drawn.nodes.map((n) => [n.name, n.role]), [['node1', 'master'], ['node2', 'worker'], ['node3', 'worker']]);
    assert.deepEqual(drawn.nodes.map((n) => n.jobs), ['0', '1', '2']);
    assert.deepEqual(onNode3.map((id) => owner(drawn, id)), ['node3', 'node3']);
    assert.equal(owner(drawn, onNode2), 'node2');
    assert.equal(drawn.speed, String(api.clock.speed));
    await screenshot(page, 'console');

    // The controls: advance the cluster clock by 120 s, run a driver tick.
    const before = Date.parse((await readConsole(page)).clock);
    await page.fill('#advance-seconds', '120');
    await page.click('#advance');
    await eventually('the clock 120 s further', async () => Date.parse((await readConsole(page)).clock), (t) => t - before >= 120_000);
    await page.click('#tick');
    await eventually('tick answered', () => page.locator('#action-result').innerText(), (t) => t === 'driver/tick → 200 {"status":"success"}');

    node3.child.kill('SIGKILL');
    const after = await eventually(
      'node3 gone and its jobs adopted',
      () => readConsole(page),
      (v) => v.nodes.length === 2 && onNode3.every((id) => ['node1', 'node2'].includes(owner(v, id) ?? '')),
      30_000,
    );
    assert.deepEqual(after.nodes.map((n) => n.name), ['node1', 'node2']);
    assert.equal(owner(after, onNode2), 'node2');
    for (const job of after.jobs) assert.equal(job.status, 'RUNNING', `${job.jobId} after adoption`);
    // The page agrees with the API of a surviving node.
    const view = await getJson<{ jobs: { jobId: string; ownerName: string }[] }>(`${node2.url}/_sim/cluster`);
    for (const jobId of onNode3) assert.equal(view.jobs.find((j) => j.jobId === jobId)?.ownerName, owner(after, jobId));
    await screenshot(page, 'console-after-kill');
    await closeClean(watch);
  });
});
