import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readRestoreRequest } from '../src/restore-request.js';
import { SeaTunnelError } from '../src/errors.js';

/** restoreMode / restoreSourceJobId (3.0, apache/seatunnel#11421) as a submit's parameters. */
describe('readRestoreRequest', () => {
  it('no mode, an empty one or NONE: no restore', () => {
    assert.equal(readRestoreRequest({}), null);
    assert.equal(readRestoreRequest({ restoreMode: ' ', restoreSourceJobId: '1' }), null);
    assert.equal(readRestoreRequest({ restoreMode: 'none', restoreSourceJobId: '1' }), null);
  });
  it('CHECKPOINT and SAVEPOINT in any case, the source id as a Java long', () => {
    assert.deepEqual(readRestoreRequest({ restoreMode: 'checkpoint', restoreSourceJobId: '0042' }), { mode: 'CHECKPOINT', sourceJobId: '42' });
    assert.deepEqual(readRestoreRequest({ restoreMode: 'SavePoint', restoreSourceJobId: '9223372036854775807' }), { mode: 'SAVEPOINT', sourceJobId: '9223372036854775807' });
  });
  it('without restoreSourceJobId the jobId is the source; with neither a 400', () => {
    assert.deepEqual(readRestoreRequest({ restoreMode: 'CHECKPOINT', jobId: '7' }), { mode: 'CHECKPOINT', sourceJobId: '7' });
    assert.throws(() => readRestoreRequest({ restoreMode: 'CHECKPOINT', jobId: null }), (e: unknown) => e instanceof SeaTunnelError && e.httpStatus === 400);
  });
  it('an unknown mode or a bad id: 400 with the Java message', () => {
    assert.throws(() => readRestoreRequest({ restoreMode: 'latest', restoreSourceJobId: '1' }), { detail: 'No enum constant org.apache.seatunnel.engine.core.job.RestoreMode.LATEST' });
    assert.throws(() => readRestoreRequest({ restoreMode: 'CHECKPOINT', restoreSourceJobId: 'abc' }), { detail: 'For input string: "abc"' });
  });
});
