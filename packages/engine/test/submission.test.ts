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
  it('missing env is a 500 like SeaTunnel, after the source and sink lists', () => {
    fails(() => parseSubmission({}, '{"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}'), 500, "No configuration setting found for key 'env'");
    fails(() => parseSubmission({}, '{}'), 500, 'Cannot invoke "java.util.List.isEmpty()" because "sources" is null');
    fails(() => parseSubmission({}, '{"source":[]}'), 400, 'Miss <Source> config! Please check the config file.');
    fails(() => parseSubmission({}, '{"source":[{}]}'), 500, 'Cannot invoke "java.util.List.isEmpty()" because "sinks" is null');
    fails(() => parseSubmission({}, '{"source":{}}'), 500, "class java.util.LinkedHashMap cannot be cast to class java.util.ArrayList (java.util.LinkedHashMap and java.util.ArrayList are in module java.base of loader 'bootstrap')");
  });
  it('accepts the docs example and keeps the given id', () => {
    const s = parseSubmission({ jobId: '733584788375666689', jobName: 'x', isStartWithSavePoint: 'false' }, DOCS_EXAMPLE);
    assert.equal(s.jobId, '733584788375666689');
    assert.equal(s.jobName, 'x');
    assert.equal(s.isStartWithSavePoint, false);
  });
});
