import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newJobRecord, parseJson, readJobConfig, type JobRecord } from '@seatunnel-sim/engine';
import { decodeJob, encodeJob } from '../src/index.js';

const config = (env: Record<string, string>) =>
  readJobConfig(parseJson(JSON.stringify({ env: { 'job.mode': 'STREAMING', ...env }, source: [{ plugin_name: 'FakeSource' }], sink: [{ plugin_name: 'Console' }] })));
const record = (env: Record<string, string> = {}, jobId = '1'): JobRecord =>
  newJobRecord({ jobId, jobNameParam: 'a,"plan":{"x":1}', isStartWithSavePoint: false, config: config(env), owner: 'n', now: 1_700_000_000_000 });
const same = (a: JobRecord, b: JobRecord) => assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

describe('job codec', () => {
  it('round-trips a record and stores the plan as the last key of plain JSON', () => {
    const job = record();
    const text = encodeJob(job);
    assert.ok(text.endsWith(`,"plan":${JSON.stringify(job.plan)}}`));
    same(JSON.parse(text) as JobRecord, job);
    same(decodeJob(text), job);
  });

  it('shares one frozen plan between records with the same plan text', () => {
    const a = decodeJob(encodeJob(record({}, '1')));
    const b = decodeJob(encodeJob(record({}, '2')));
    assert.equal(a.plan, b.plan);
    assert.ok(Object.isFrozen(a.plan.sourceTables[0]));
    assert.notEqual(a, b);
    assert.equal(b.jobId, '2');
  });

  it('parses records stored in another key order, even with "plan" keys elsewhere', () => {
    const job = { ...record({ plan: 'x' }), restoredRows: { a: 1, plan: 2 } };
    const old = JSON.stringify(job); // plan in the middle, then restoredRows with a "plan" key
    assert.ok(old.lastIndexOf(',"plan":') > old.indexOf('"plan":{'));
    same(decodeJob(old), job);
    const current = { ...job };
    same(decodeJob(encodeJob(current)), job);
  });
});
