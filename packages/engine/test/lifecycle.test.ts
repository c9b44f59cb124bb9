import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adoptJob,
  canTransition,
  newJobRecord,
  projectJob,
  requestStop,
  settle,
  startWaitingJob,
  type JobRecord,
} from '../src/index.js';
import { config, finishedView, metricsOf } from './fixtures.js';

const T0 = 1_700_000_000_000;
/** Timing of these tests: 20 rows/s, readers start at once, a stop takes 0.5 s (defaults: 75 rows/s, 0.3 s, 0.2 s). */
const TIMING = { 'sim.rows-per-second': 20, 'sim.reader-start-seconds': 0, 'sim.stop-seconds': 0.5 };
const job = (env: Record<string, unknown>, rowNum = 100, placement: 'run' | 'wait' | 'reject' = 'run'): JobRecord =>
  newJobRecord({
    jobId: '42',
    jobNameParam: 'j',
    isStartWithSavePoint: false,
    config: config(`{"env":${JSON.stringify({ ...TIMING, ...env })},"source":[{"plugin_name":"FakeSource","result_table_name":"fake","row.num":${rowNum}}],"sink":[{"plugin_name":"Console"}]}`),
    owner: 'a',
    now: T0,
    placement,
  });
const count = (r: JobRecord, t: number) => metricsOf(r, projectJob(r, t)).SourceReceivedCount;

describe('job lifecycle on a fake clock', () => {
  it('streaming jobs run until stopped; cancel goes CANCELING → CANCELED with counts frozen', () => {
    const r = job({ 'job.mode': 'STREAMING' });
    assert.equal(projectJob(r, T0 + 3_600_000).status, 'RUNNING');
    const stopping = requestStop(r, T0 + 2000, false)!;
    assert.equal(projectJob(stopping, T0 + 2100).status, 'CANCELING');
    const done = projectJob(stopping, T0 + 2000 + 500);
    assert.equal(done.status, 'CANCELED');
    assert.equal(done.finishTime, T0 + 2500);
    assert.equal(count(stopping, T0 + 99_000), '40');
  });

  it('stop with savepoint goes DOING_SAVEPOINT → SAVEPOINT_DONE; a second stop is a no-op', () => {
    const r = requestStop(job({ 'job.mode': 'STREAMING' }), T0 + 1000, true)!;
    assert.equal(projectJob(r, T0 + 1200).status, 'DOING_SAVEPOINT');
    assert.equal(projectJob(r, T0 + 1600).status, 'SAVEPOINT_DONE');
    assert.equal(requestStop(r, T0 + 1200, false), null);
  });

  it("source readers start a moment after RUNNING: no rows and no per-table source metrics before (a real engine's first reads)", () => {
    const r = job({ 'sim.reader-start-seconds': 0.3 });
    const early = metricsOf(r, projectJob(r, T0 + 200));
    assert.equal(projectJob(r, T0 + 200).status, 'RUNNING');
    assert.deepEqual(early.TableSourceReceivedCount, {});
    assert.deepEqual(early.TableSinkWriteCount, { fake: '0' });
    assert.equal(early.SourceReceivedCount, '0');
    const later = metricsOf(r, projectJob(r, T0 + 1300));
    assert.deepEqual(later.TableSourceReceivedCount, { fake: '20' });
    // 100 rows at 20/s from the readers' start.
    assert.equal(projectJob(r, T0 + 5299).status, 'RUNNING');
    assert.equal(projectJob(r, T0 + 5300).status, 'FINISHED');
  });

  it('stopping a batch job that already finished changes nothing', () => {
    assert.equal(requestStop(job({}), T0 + 60_000, false), null);
  });

  it('fails at a given row: FAILING then FAILED with a Java stack trace errorMsg', () => {
    const r = job({ 'sim.fail-at-row': 30, 'sim.fail-message': 'boom' });
    assert.equal(projectJob(r, T0 + 1499).status, 'RUNNING');
    assert.equal(projectJob(r, T0 + 1600).status, 'FAILING');
    const failed = projectJob(r, T0 + 5000);
    assert.equal(failed.status, 'FAILED');
    assert.match(failed.errorMsg ?? '', /^org\.apache\.seatunnel\..*RuntimeException: boom\n\tat /);
    assert.equal(count(r, T0 + 5000), '30');
    assert.equal(finishedView(r, failed).errorMsg, failed.errorMsg);
  });

  it('runs for a fixed duration when sim.duration-seconds is set (streaming ends FINISHED)', () => {
    const r = job({ 'job.mode': 'STREAMING', 'sim.duration-seconds': 2 });
    assert.equal(projectJob(r, T0 + 1999).status, 'RUNNING');
    assert.equal(projectJob(r, T0 + 2000).status, 'FINISHED');
  });

  it('slow start: PENDING with empty metrics, then RUNNING from the start time', () => {
    const r = job({ 'sim.slow-start-seconds': 1 });
    assert.equal(r.status, 'PENDING');
    const pending = projectJob(r, T0 + 500);
    assert.equal(pending.status, 'PENDING');
    assert.deepEqual(metricsOf(r, pending).TableSourceReceivedCount, {});
    assert.equal(metricsOf(r, pending).SourceReceivedQPS, '0.0');
    assert.equal(projectJob(r, T0 + 1500).status, 'RUNNING');
    assert.equal(count(r, T0 + 1500), '10');
  });

  it('REJECT without slots fails at once with NoEnoughResourceException; WAIT stays PENDING until started', () => {
    const rejected = job({}, 100, 'reject');
    assert.equal(projectJob(rejected, T0).status, 'FAILED');
    assert.match(rejected.errorMsg ?? '', /NoEnoughResourceException/);
    const waiting = job({}, 100, 'wait');
    assert.equal(projectJob(waiting, T0 + 60_000).status, 'PENDING');
    const started = startWaitingJob(waiting, T0 + 10_000);
    assert.equal(projectJob(started, T0 + 12_000).status, 'RUNNING');
    assert.equal(count(started, T0 + 12_000), '40');
  });

  it('settle commits exactly the projected status, so a commit never changes what readers see', () => {
    const r = job({});
    assert.equal(settle(r, T0 + 1000), null);
    const ended = settle(r, T0 + 9000)!;
    assert.equal(ended.status, 'FINISHED');
    assert.deepEqual(projectJob(ended, T0 + 20_000), projectJob(r, T0 + 20_000));
    const failing = settle(job({ 'sim.fail-at-row': 10 }), T0 + 550)!;
    assert.equal(failing.status, 'FAILING');
    assert.equal(projectJob(failing, T0 + 1000).status, 'FAILED');
  });

  it('adoption restarts a running job from its last checkpoint and it still ends with every row', () => {
    const r = job({ 'checkpoint.interval': 1000 }, 1000);
    const adopted = adoptJob(r, 'b', T0 + 2500);
    assert.equal(adopted.owner, 'b');
    assert.equal(count(adopted, T0 + 2500), '40'); // checkpoint at 2 s: 40 rows
    const end = projectJob(adopted, T0 + 3_600_000);
    assert.equal(end.status, 'FINISHED');
    assert.equal(metricsOf(adopted, end).SinkWriteCount, '1000');
  });

  it('knows SeaTunnel’s legal transitions: nothing leaves an end state', () => {
    assert.ok(canTransition('RUNNING', 'CANCELING'));
    assert.ok(!canTransition('FINISHED', 'RUNNING'));
    assert.ok(!canTransition('CANCELED', 'CANCELING'));
  });
});
