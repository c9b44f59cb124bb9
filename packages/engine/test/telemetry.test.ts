import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaStyleSamples, telemetryFamilies } from '../src/index.js';

const input = {
  clusterName: 'seatunnel', address: '127.0.0.1:8080', masterAddress: '127.0.0.1:8080', nodeCount: 2,
  clusterTime: 1_725_364_524_614, jobCounts: { RUNNING: 1, FINISHED: 3 }, activeJobs: 1, completedJobs: 3,
};

describe('telemetry', () => {
  it("exports SeaTunnel's families with its labels", () => {
    const families = telemetryFamilies(input);
    const byName = new Map(families.map((f) => [f.name, f]));
    const jobCount = byName.get('job_count')!;
    assert.deepEqual(jobCount.samples.map((s) => s.labels['type']), ['canceled', 'cancelling', 'created', 'failed', 'failing', 'finished', 'running', 'scheduled', 'pending', 'doing_savepoint', 'savepoint_done']);
    assert.equal(jobCount.samples.find((s) => s.labels['type'] === 'running')?.value, 1);
    assert.equal(jobCount.samples.find((s) => s.labels['type'] === 'finished')?.value, 3);
    assert.deepEqual(byName.get('cluster_info')!.samples[0]!.labels, { cluster: 'seatunnel', hazelcastVersion: '5.6', master: '127.0.0.1:8080' });
    assert.deepEqual(byName.get('node_state')!.samples[0], { labels: { cluster: 'seatunnel', address: '127.0.0.1:8080' }, value: 1 });
    assert.equal(byName.get('node_count')!.samples[0]!.value, 2);
    assert.equal(byName.get('job_thread_pool_completedTask_total')!.type, 'counter');
    assert.equal(byName.get('hazelcast_executor_maxPoolSize')!.samples.length, 8);
  });

  it('leaves job_count to the master', () => {
    assert.ok(!telemetryFamilies({ ...input, jobCounts: null }).some((f) => f.name === 'job_count'));
  });

  it('writes samples the way Java simpleclient does', () => {
    const text = '# HELP job_count x\n# TYPE job_count gauge\njob_count{cluster="c",type="running"} 1\nnode_count 2147483647\nx{a="b"} NaN\n';
    assert.equal(javaStyleSamples(text, 'prometheus'), '# HELP job_count x\n# TYPE job_count gauge\njob_count{cluster="c",type="running",} 1.0\nnode_count 2.147483647E9\nx{a="b",} NaN\n');
    assert.equal(javaStyleSamples('job_count{cluster="c"} 0\n# EOF\n', 'openmetrics'), 'job_count{cluster="c"} 0.0\n# EOF\n');
  });
});
