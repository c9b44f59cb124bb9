import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newJobRecord, projectJob } from '../src/index.js';
import { config, DOCS_EXAMPLE, finishedView, metricsOf, runningView } from './fixtures.js';

const T0 = Date.UTC(2024, 9, 18, 10, 35, 19);
const job = () => newJobRecord({ jobId: '1', jobNameParam: undefined, isStartWithSavePoint: false, config: config(DOCS_EXAMPLE), owner: 'n', now: T0 });

describe('projectJob (fake clock)', () => {
  it('is RUNNING right after submit with zero counts', () => {
    const snapshot = projectJob(job(), T0);
    assert.equal(snapshot.status, 'RUNNING');
    assert.equal(metricsOf(job(), snapshot).SourceReceivedCount, '0');
  });
  it('progresses with time at the default 75 rows/s once its readers have started (0.3 s)', () => {
    const metrics = metricsOf(job(), projectJob(job(), T0 + 1100));
    assert.equal(metrics.SourceReceivedCount, '60');
    assert.equal(metrics.SinkWriteCount, '60');
    assert.equal(metrics.SourceReceivedBytes, '780');
    assert.equal(metrics.SourceReceivedQPS, '54.54545454545454');
  });
  it('finishes a 100-row batch job with every count "100" and keeps its last rates', () => {
    const record = job();
    const snapshot = projectJob(record, T0 + 60_000);
    assert.equal(snapshot.status, 'FINISHED');
    // 100 rows at 75 rows/s after 0.3 s: a real engine takes 1.3–2.7 s for this job.
    assert.equal(snapshot.finishTime, T0 + 1634);
    const view = finishedView(record, snapshot);
    assert.equal(view.metrics.SourceReceivedCount, '100');
    assert.equal(view.metrics.SinkWriteCount, '100');
    assert.deepEqual(view.metrics.TableSinkWriteCount, { fake: '100' });
    assert.equal(view.metrics.SinkWriteQPS, '61.199510403916776');
    assert.equal(view.finishTime.length, 19);
    assert.equal(Object.keys(view.metrics).length, 16);
  });
  it('is deterministic: the same config and time give the same answer', () => {
    assert.deepEqual(runningView(job(), projectJob(job(), T0 + 1234), 'v2'), runningView(job(), projectJob(job(), T0 + 1234), 'v2'));
  });
  it('omits the running shape envOptions on v1 only', () => {
    assert.ok(!('envOptions' in runningView(job(), projectJob(job(), T0), 'v1')));
    assert.deepEqual(runningView(job(), projectJob(job(), T0), 'v2').envOptions, { 'job.mode': 'batch' });
  });
  it('defaults the job name to SeaTunnel_Job, else env job.name', () => {
    assert.equal(job().jobName, 'SeaTunnel_Job');
    const named = newJobRecord({ jobId: '2', jobNameParam: '', isStartWithSavePoint: false, config: config('{"env":{"job.name":"from-env"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}'), owner: 'n', now: 0 });
    assert.equal(named.jobName, 'from-env');
  });
});
