import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkpointHistoryJson,
  checkpointMonitor,
  checkpointOverviewJson,
  javaHashMapOrder,
  METRICS_2_3_12,
  METRICS_2_3_13,
  METRICS_2_3_8,
  metricsJson,
  newJobRecord,
  pageSlice,
  projectJob,
  requestStop,
  SeaTunnelError,
  type JobRecord,
} from '../src/index.js';
import { config } from './fixtures.js';

const T0 = Date.UTC(2026, 2, 12, 8, 0, 0);

/** FakeSource "fake" → two Console sinks, streaming, 100 rows/s, a checkpoint every 2 s. */
const STREAM = `{"env":{"job.mode":"STREAMING","checkpoint.interval":2000,"sim.rows-per-second":100},
  "source":[{"plugin_name":"FakeSource","plugin_output":"fake","row.num":1000000,"schema":{"fields":{"name":"string"}}}],
  "sink":[{"plugin_name":"Console","plugin_input":"fake"},{"plugin_name":"Console","plugin_input":"fake"}]}`;
const BATCH = `{"env":{"job.mode":"BATCH","sim.rows-per-second":100},
  "source":[{"plugin_name":"FakeSource","plugin_output":"fake","row.num":50,"schema":{"fields":{"name":"string"}}}],
  "sink":[{"plugin_name":"Console","plugin_input":"fake"}]}`;

const job = (text: string): JobRecord => newJobRecord({ jobId: '1001', jobNameParam: 'shapes', isStartWithSavePoint: false, config: config(text), owner: 'n', now: T0 });
const metrics = (record: JobRecord, at: number, shape = METRICS_2_3_13): Record<string, any> => JSON.parse(metricsJson(record, projectJob(record, at), shape));

const INSERTION_2_3_9 = [
  'TableSourceReceivedCount', 'TableSinkWriteCount', 'TableSourceReceivedBytes', 'TableSinkWriteBytes', 'TableSourceReceivedQPS', 'TableSinkWriteQPS',
  'TableSourceReceivedBytesPerSeconds', 'TableSinkWriteBytesPerSeconds', 'SourceReceivedCount', 'SinkWriteCount', 'SourceReceivedBytes',
  'SinkWriteBytes', 'SourceReceivedQPS', 'SinkWriteQPS', 'SourceReceivedBytesPerSeconds', 'SinkWriteBytesPerSeconds',
];

describe('metric shapes of the releases', () => {
  it('2.3.9 and 2.3.12 orders are what a Java HashMap filled in BaseService order gives', () => {
    assert.deepEqual(javaHashMapOrder(INSERTION_2_3_9), METRICS_2_3_8.order);
    assert.deepEqual(javaHashMapOrder([...INSERTION_2_3_9, 'IntermediateQueueSize']), METRICS_2_3_12.order);
    assert.equal(new Set(METRICS_2_3_13.order).size, 25);
  });

  it('2.3.13 names the vertex in per-table keys (#10273): Source[0].fake, one entry per sink', () => {
    const m = metrics(job(STREAM), T0 + 5_000);
    assert.deepEqual(Object.keys(m.TableSourceReceivedCount), ['Source[0].fake']);
    assert.deepEqual(Object.keys(m.TableSinkWriteCount).sort(), ['Sink[0].fake', 'Sink[1].fake']);
    assert.equal(m.SinkWriteCount, String(2 * Number(m.SourceReceivedCount)));
    const older = metrics(job(STREAM), T0 + 5_000, METRICS_2_3_8);
    assert.deepEqual(Object.keys(older.TableSinkWriteCount), ['fake']);
  });

  it('commits what was read at the last completed checkpoint, and everything when a batch job finishes', () => {
    const record = job(STREAM);
    assert.equal(metrics(record, T0 + 1_900).SinkCommittedCount, '0', 'no checkpoint yet');
    const afterFirst = metrics(record, T0 + 2_100);
    // Checkpoint 1 was triggered at +2 s: rows read by then (readers start 0.3 s in), two sinks.
    assert.equal(afterFirst.SinkCommittedCount, String(2 * Math.floor(1.7 * 100)));
    assert.ok(Number(afterFirst.SinkCommittedCount) < Number(afterFirst.SinkWriteCount));
    const batch = job(BATCH);
    const done = metrics(batch, T0 + 60_000);
    assert.equal(projectJob(batch, T0 + 60_000).status, 'FINISHED');
    assert.equal(done.SinkCommittedCount, '50');
    assert.deepEqual(done.TableSinkCommittedCount, { 'Sink[0].fake': '50' });
    assert.equal(done.IntermediateQueueSize, '0');
  });

  it('2.3.12 sums TableSourceReceivedQPS as whole numbers (#9550 moved the split; 2.3.13 fixed it)', () => {
    const record = job(STREAM);
    const whole = metrics(record, T0 + 3_333, METRICS_2_3_12).TableSourceReceivedQPS.fake as string;
    const exact = metrics(record, T0 + 3_333, METRICS_2_3_8).TableSourceReceivedQPS.fake as string;
    assert.match(whole, /^\d+$/);
    assert.equal(whole, String(Math.trunc(Number(exact))));
  });
});

describe('checkpoint monitor (2.3.13, #10065)', () => {
  it('has no entry before the first checkpoint or once the job ended', () => {
    const record = job(STREAM);
    assert.equal(checkpointMonitor(record, projectJob(record, T0 + 1_000), T0 + 1_000), null);
    assert.equal(checkpointOverviewJson('1001', null), '{"jobId":"1001"}');
    const batch = job(BATCH);
    assert.equal(checkpointMonitor(batch, projectJob(batch, T0 + 60_000), T0 + 60_000), null);
  });

  it('counts triggered and completed checkpoints per pipeline, the newest first, in CheckpointInfo key order', () => {
    const record = job(STREAM);
    const at = T0 + 6_030; // checkpoint 3 triggered at +6 s, still in progress (it takes 60 ms)
    const overview = JSON.parse(checkpointOverviewJson('1001', checkpointMonitor(record, projectJob(record, at), at)));
    assert.deepEqual(Object.keys(overview), ['jobId', 'updatedAt', 'pipelines']);
    const [pipeline] = overview.pipelines;
    assert.deepEqual(Object.keys(pipeline), ['pipelineId', 'counts', 'latestCompleted', 'latestFailed', 'latestSavepoint', 'inProgress', 'history']);
    assert.deepEqual(pipeline.counts, { triggered: 3, completed: 2, failed: 0, inProgress: 1, restored: 0 });
    assert.deepEqual(Object.keys(pipeline.latestCompleted), ['checkpointId', 'checkpointType', 'status', 'triggerTimestamp', 'completedTimestamp', 'durationMillis', 'stateSize']);
    assert.equal(pipeline.latestCompleted.checkpointId, 2);
    assert.equal(pipeline.latestCompleted.checkpointType, 'checkpoint');
    assert.deepEqual(pipeline.latestFailed, {});
    assert.deepEqual(pipeline.inProgress.map((c: { checkpointId: number }) => c.checkpointId), [3]);
    assert.deepEqual(pipeline.history.map((h: { checkpoint: { checkpointId: number } }) => h.checkpoint.checkpointId), [2, 1]);
    assert.equal(overview.updatedAt, T0 + 6_000);
  });

  it('keeps 32 finished checkpoints; history filters, sorts newest first and limits', () => {
    const record = job(STREAM);
    const at = T0 + 100_100; // 50 checkpoints, all completed
    const monitor = checkpointMonitor(record, projectJob(record, at), at);
    const overview = JSON.parse(checkpointOverviewJson('1001', monitor));
    assert.equal(overview.pipelines[0].history.length, 32);
    const history = JSON.parse(checkpointHistoryJson(monitor, { pipelineId: null, status: null, limit: 20 }));
    assert.equal(history.length, 20);
    assert.equal(history[0].checkpoint.checkpointId, 50);
    assert.deepEqual(JSON.parse(checkpointHistoryJson(monitor, { pipelineId: 9, status: null, limit: 20 })), []);
    assert.deepEqual(JSON.parse(checkpointHistoryJson(monitor, { pipelineId: null, status: 'FAILED', limit: 20 })), []);
  });

  it('still reports while a stop is under way', () => {
    const record = job(STREAM);
    const stopping = requestStop(record, T0 + 5_000, true)!;
    assert.notEqual(checkpointMonitor(stopping, projectJob(stopping, T0 + 5_100), T0 + 5_100), null);
  });
});

describe('pages (2.3.13 PageBaseServlet, #9951)', () => {
  const refused = (fn: () => unknown, status: number, message: string) =>
    assert.throws(fn, (e: unknown) => e instanceof SeaTunnelError && e.httpStatus === status && e.message === message);

  it('cuts [from, to) with rows defaulting to 10; a page that starts at the end is empty', () => {
    assert.deepEqual(pageSlice('1', undefined, 25), { from: 0, to: 10 });
    assert.deepEqual(pageSlice('3', undefined, 25), { from: 20, to: 25 });
    assert.deepEqual(pageSlice('2', '5', 10), { from: 5, to: 10 });
    assert.deepEqual(pageSlice('3', '5', 10), { from: 10, to: 10 });
    assert.deepEqual(pageSlice('1', '10', 0), { from: 0, to: 0 });
  });

  it('refuses as SeaTunnel does', () => {
    refused(() => pageSlice('0', undefined, 5), 400, 'Page number must be greater than 0');
    refused(() => pageSlice('4', '5', 10), 400, 'Page number exceeds total pages');
    refused(() => pageSlice('x', undefined, 5), 400, 'For input string: "x"');
    refused(() => pageSlice('1', '', 5), 400, 'For input string: ""');
    refused(() => pageSlice('1', '-2', 5), 400, 'fromIndex(0) > toIndex(-2)');
    refused(() => pageSlice('2', '-2', 5), 500, 'fromIndex = -2');
  });
});
