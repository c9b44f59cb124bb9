import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSubmission, SeaTunnelError } from '../src/index.js';
import { DOCS_EXAMPLE } from './fixtures.js';

const fails = (fn: () => unknown, status: number, message: string) =>
  assert.throws(fn, (e: unknown) => e instanceof SeaTunnelError && e.httpStatus === status && e.detail === message);

describe('parseSubmission validates in SeaTunnel order', () => {
  it('savepoint without jobId comes before the body check', () =>
    fails(() => parseSubmission({ isStartWithSavePoint: 'true' }, ''), 400, 'Please provide jobId when start with save point.'));
  it('a bad jobId comes before the body check', () => fails(() => parseSubmission({ jobId: 'x1' }, ''), 400, 'For input string: "x1"'));
  it('empty body', () => fails(() => parseSubmission({}, '  '), 400, 'Request body is empty.'));
  it('unparsable JSON', () => fails(() => parseSubmission({}, '{"env":'), 400, 'Invalid JSON format in request body.'));
  it('missing env is a 500 like SeaTunnel', () => fails(() => parseSubmission({}, '{"source":[]}'), 500, "No configuration setting found for key 'env'"));
  it('accepts the docs example and keeps the given id', () => {
    const s = parseSubmission({ jobId: '733584788375666689', jobName: 'x', isStartWithSavePoint: 'false' }, DOCS_EXAMPLE);
    assert.equal(s.jobId, '733584788375666689');
    assert.equal(s.jobName, 'x');
    assert.equal(s.isStartWithSavePoint, false);
  });
});
