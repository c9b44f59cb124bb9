import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectCluster, HazelcastDocBackend, JobRepository, type HazelcastClient } from '@seatunnel-sim/cluster';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';

const V1 = '/hazelcast/rest/maps';
const CLUSTER = 'seatunnel-sim-failover-test';

/**
 * Failover as SeaTunnel does it: the owner of running jobs dies (SIGKILL), its heartbeat lapses,
 * a live node adopts its jobs (one winner per job, by compare-and-set) and continues them from
 * their last checkpoint; the jobs finish elsewhere with complete counts.
 */
describe('failover: kill -9 of a job owner mid-run', () => {
  let cluster: LocalCluster;
  let client: HazelcastClient;
  let repository: JobRepository;

  before(async () => {
    cluster = await startLocalCluster({ nodes: 3, members: 1, port: 21380, hzPort: 24001, clusterName: CLUSTER, logDir: 'logs/failover-test' });
    client = await connectCluster({ clusterName: CLUSTER, members: [cluster.members[0]!.address] });
    repository = await JobRepository.open(new HazelcastDocBackend(client));
  });
  after(async () => {
    await client?.shutdown();
    await cluster?.stop();
  });

  it('adopts every job of the dead node within seconds and finishes them with every row counted', async () => {
    const [victim, survivor] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const body = {
        env: { 'job.mode': 'batch', 'sim.rows-per-second': 20, 'checkpoint.interval': 1000 },
        source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 120, schema: { fields: { name: 'string', age: 'int' } } }],
        sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
      };
      const response = await fetch(`${victim.url}${V1}/submit-job?jobName=failover-${i}`, { method: 'POST', body: JSON.stringify(body) });
      ids.push(((await response.json()) as { jobId: string }).jobId);
    }
    for (const id of ids) assert.equal((await repository.getRunning(id))?.record.owner, victim.nodeId);
    await sleep(2500); // mid-run: ~50 of 120 rows

    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    let adoptedAfter = -1;
    while (Date.now() - killedAt < 15_000) {
      const owners = await Promise.all(ids.map(async (id) => (await repository.getRunning(id))?.record.owner));
      if (owners.every((o) => o !== undefined && o !== victim.nodeId)) {
        adoptedAfter = Date.now() - killedAt;
        break;
      }
      await sleep(100);
    }
    console.log(`# adoption of ${ids.length} jobs after kill -9: ${adoptedAfter} ms`);
    assert.ok(adoptedAfter >= 0, 'jobs were not adopted within 15 s');

    const deadline = Date.now() + 20_000;
    for (const id of ids) {
      let job: any;
      do {
        job = await (await fetch(`${survivor.url}${V1}/job-info/${id}`)).json();
        if (job.jobStatus === 'FINISHED') break;
        await sleep(250);
      } while (Date.now() < deadline);
      assert.equal(job.jobStatus, 'FINISHED', `job ${id}`);
      assert.equal(job.metrics.SourceReceivedCount, '120');
      assert.equal(job.metrics.SinkWriteCount, '120');
    }
    // and the adopters committed them to history
    await sleep(1000);
    for (const id of ids) assert.equal((await repository.get(id))?.where, 'finished', `job ${id} archived`);
  });
});
