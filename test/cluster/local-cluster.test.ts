import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';

const V1 = '/hazelcast/rest/maps';
const JOB = {
  env: { 'job.mode': 'batch', 'sim.rows-per-second': 10 },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 40, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

async function getJson(url: string): Promise<any> {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  return response.json();
}

/**
 * The product as users run it: `seatunnel-sim up` = a real Hazelcast member plus three node
 * processes. Any node answers for any job, also after another node is killed with SIGKILL.
 */
describe('local multi-process cluster (member + 3 nodes)', () => {
  let cluster: LocalCluster;

  before(async () => {
    cluster = await startLocalCluster({ nodes: 3, members: 1, port: 21080, hzPort: 23701, clusterName: 'seatunnel-sim-local-test', logDir: 'logs/local-cluster-test' });
  });
  after(async () => {
    await cluster?.stop();
    for (const node of cluster?.nodes ?? []) assert.ok(node.child.exitCode !== null || node.child.signalCode !== null, `${node.name} still running`);
    for (const member of cluster?.members ?? []) assert.ok(member.child.exitCode !== null || member.child.signalCode !== null, 'member still running');
  });

  it('gives the nodes consecutive ports by auto-increment from the base', () => {
    assert.deepEqual(cluster.nodes.map((n) => n.port), [21080, 21081, 21082]);
  });

  it('serves a job submitted on node 1 from nodes 2 and 3, and after node 1 is killed with -9', async () => {
    const [node1, node2, node3] = cluster.nodes as [typeof cluster.nodes[0], typeof cluster.nodes[0], typeof cluster.nodes[0]];
    const response = await fetch(`${node1.url}${V1}/submit-job?jobName=multi`, { method: 'POST', body: JSON.stringify(JOB) });
    assert.equal(response.status, 200);
    const { jobId } = (await response.json()) as { jobId: string };

    for (const node of [node2, node3]) {
      const info = await getJson(`${node.url}${V1}/running-job/${jobId}`);
      assert.equal(info.jobId, jobId);
      assert.equal(info.jobName, 'multi');
      assert.equal(info.jobStatus, 'RUNNING');
      const list = (await getJson(`${node.url}${V1}/running-jobs`)) as any[];
      assert.ok(list.some((j) => j.jobId === jobId));
    }

    node1.child.kill('SIGKILL');
    await new Promise((resolve) => node1.child.once('exit', resolve));

    for (const node of [node2, node3]) {
      const info = await getJson(`${node.url}${V1}/job-info/${jobId}`);
      assert.equal(info.jobId, jobId);
    }
    // 40 rows at 10 rows/s: the job ends about 4 s after submit, on the surviving nodes' watch.
    const deadline = Date.now() + 20_000;
    let info: any;
    do {
      await sleep(500);
      info = await getJson(`${node3.url}${V1}/job-info/${jobId}`);
    } while (info.jobStatus !== 'FINISHED' && Date.now() < deadline);
    assert.equal(info.jobStatus, 'FINISHED');
    assert.equal(info.metrics.SourceReceivedCount, '40');
    assert.equal(info.metrics.SinkWriteCount, '40');
    assert.deepEqual(await getJson(`${node2.url}${V1}/job-info/${jobId}`), info);
  });
});
