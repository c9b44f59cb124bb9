import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SeaTunnelSimCluster, type StartedSeaTunnelSimCluster } from '@seatunnel-sim/testcontainers';

const V1 = '/hazelcast/rest/maps';
const BATCH = (rows: number, rate: number) => ({
  env: { 'job.mode': 'batch', 'sim.rows-per-second': rate, 'checkpoint.interval': 1000 },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': rows, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});
const STREAM = { env: { 'job.mode': 'STREAMING' }, source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', schema: { fields: { name: 'string', age: 'int' } } }], sink: [{ plugin_name: 'Console' }] };

async function getJson(url: string): Promise<any> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  } catch (error) {
    throw new Error(`GET ${url}: ${(error as Error).name}: ${(error as Error).message}`);
  }
  const text = await response.text();
  assert.equal(response.status, 200, `GET ${url}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/**
 * While a member's partitions move to the survivor, a call can come back 503 ("retry"), never
 * anything else; within the window every job must answer again on every surviving node.
 */
async function answersAgain(urls: string[], ids: string[], millis: number): Promise<{ transient: number }> {
  const deadline = Date.now() + millis;
  let transient = 0;
  for (;;) {
    let pending = 0;
    for (const url of urls) {
      for (const id of ids) {
        const response = await fetch(`${url}${V1}/job-info/${id}`, { signal: AbortSignal.timeout(20_000) }).catch(() => null);
        if (response?.status === 200 && ((await response.json()) as { jobId?: string }).jobId === id) continue;
        assert.ok(response === null || response.status === 503, `job-info ${id} on ${url}: ${response?.status}`);
        transient++;
        pending++;
      }
    }
    if (pending === 0) return { transient };
    assert.ok(Date.now() < deadline, `jobs still not answered after ${millis} ms`);
    await sleep(500);
  }
}

async function submit(url: string, body: unknown, name: string): Promise<string> {
  const response = await fetch(`${url}${V1}/submit-job?jobName=${name}`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(response.status, 200);
  return ((await response.json()) as { jobId: string }).jobId;
}

async function waitForStatus(url: string, jobId: string, status: string, millis: number): Promise<any> {
  const deadline = Date.now() + millis;
  let job: any;
  do {
    job = await getJson(`${url}${V1}/job-info/${jobId}`);
    if (job.jobStatus === status) return job;
    await sleep(500);
  } while (Date.now() < deadline);
  return job;
}

/**
 * End to end in real containers: 2 Hazelcast members (backup-count 1) + 3 nodes, started by the
 * project's own testcontainers module. Containers are stopped mid-run; nothing is lost.
 */
describe('e2e: 2 members + 3 nodes in containers', () => {
  let cluster: StartedSeaTunnelSimCluster;

  before(async () => {
    cluster = await new SeaTunnelSimCluster().withMembers(2).withNodes(3).start();
  });
  after(async () => {
    await cluster?.stop();
  });

  it('answers for a job submitted on one node from the others', async () => {
    const [n1, n2, n3] = cluster.getRestUrls() as [string, string, string];
    const id = await submit(n1, STREAM, 'e2e-stream');
    for (const url of [n2, n3]) {
      const job = await getJson(`${url}${V1}/job-info/${id}`);
      assert.equal(job.jobName, 'e2e-stream');
      assert.equal(job.jobStatus, 'RUNNING');
    }
  });

  it('loses no job when a node and a member container stop mid-run; the stopped node’s job finishes elsewhere', async () => {
    const [n1, n2, n3] = cluster.getRestUrls() as [string, string, string];
    // owned by node1 (the submitter): 200 rows at 20/s ≈ 10 s
    const owned = await submit(n1, BATCH(200, 20), 'e2e-owned');
    const others = [await submit(n2, STREAM, 'e2e-s2'), await submit(n3, BATCH(100, 20), 'e2e-b3')];
    await sleep(2000);

    await cluster.nodes[0]!.container.stop({ timeout: 0 });
    await cluster.members[0]!.container.stop({ timeout: 5000 });

    const { transient } = await answersAgain([n2, n3], [owned, ...others], 30_000);
    console.log(`# e2e: calls answered 503 (retry) while the member's partitions moved: ${transient}`);
    const finished = await waitForStatus(n3, owned, 'FINISHED', 60_000);
    assert.equal(finished.jobStatus, 'FINISHED');
    assert.equal(finished.metrics.SourceReceivedCount, '200');
    assert.equal(finished.metrics.SinkWriteCount, '200');
    assert.equal((await getJson(`${n2}${V1}/job-info/${others[0]}`)).jobStatus, 'RUNNING');
    assert.equal((await waitForStatus(n2, others[1]!, 'FINISHED', 30_000)).jobStatus, 'FINISHED');
    const running = (await getJson(`${n2}${V1}/running-jobs`)) as any[];
    assert.ok(running.some((j) => j.jobId === others[0]));
  });
});
