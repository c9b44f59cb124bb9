// A test of your own against a seatunnel-sim cluster in Docker: one Hazelcast member and two
// nodes from @seatunnel-sim/testcontainers. A job submitted on one node is read on the other.
// Images: HAZELCAST_IMAGE and SEATUNNEL_SIM_IMAGE (the defaults are hazelcast/hazelcast:5.6.0 and
// seatunnel-sim/node:latest; scripts/offline-images.sh in the simulator's repository builds both).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SeaTunnelSimCluster } from '@seatunnel-sim/testcontainers';

const job = {
  env: { 'job.mode': 'BATCH' },
  source: [{ plugin_name: 'FakeSource', plugin_output: 'fake', 'row.num': 100, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', plugin_input: ['fake'] }],
};

let cluster;
before(async () => {
  cluster = await new SeaTunnelSimCluster().withMembers(1).withNodes(2).start();
});
after(async () => {
  await cluster?.stop();
});

test('a job submitted on node 1 finishes, read on node 2', async () => {
  const [node1, node2] = cluster.getRestUrls();
  const submitted = await fetch(`${node1}/submit-job?jobName=from_npm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(job),
  });
  assert.equal(submitted.status, 200);
  const { jobId } = await submitted.json();
  assert.match(jobId, /^\d+$/);

  let info;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(500)) {
    info = await (await fetch(`${node2}/job-info/${jobId}`)).json();
    if (info.jobStatus === 'FINISHED') break;
  }
  assert.equal(info.jobStatus, 'FINISHED');
  assert.equal(info.jobName, 'from_npm');
  assert.equal(info.metrics.SinkWriteCount, '100');
});
