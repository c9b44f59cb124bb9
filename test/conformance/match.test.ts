import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkType, contentTypeProblem, equalsAt, keysAt, parsePath, partialMatch } from './match.js';

/** The matcher must not pass what it should catch: a check that cannot fail checks nothing. */
describe('conformance matcher', () => {
  const job = { jobId: '1179193289337733121', jobDag: { vertexInfoMap: [{ vertexId: 1 }, { vertexId: '2' }] }, metrics: { SourceReceivedQPS: '20.0', TableSinkWriteCount: {}, SinkWriteQPS: '20' }, env: { 'job.mode': 'batch' } };

  it('parses dotted, indexed, wildcard and quoted paths', () => {
    assert.deepEqual(parsePath('a.b[0].*[*]["x.y"]'), [{ key: 'a' }, { key: 'b' }, { index: 0 }, { any: true }, { any: true }, { key: 'x.y' }]);
    assert.deepEqual(parsePath(''), []);
  });

  it('types: every wildcard hit is checked; a missing key fails; `?` allows no hits', () => {
    assert.deepEqual(checkType(job, 'jobId', 'jobId'), []);
    assert.equal(checkType(job, 'jobDag.vertexInfoMap[*].vertexId', 'number').length, 1);
    assert.equal(checkType(job, 'metrics.SinkWriteQPS', 'double').length, 1, '"20" is not Java Double.toString');
    assert.deepEqual(checkType(job, 'metrics.SourceReceivedQPS', 'double'), []);
    assert.equal(checkType(job, 'metrics.nope', 'string').length, 1);
    assert.deepEqual(checkType(job, 'metrics.nope', 'absent'), []);
    assert.equal(checkType(job, 'metrics.TableSinkWriteCount.*', 'long').length, 1);
    assert.deepEqual(checkType(job, 'metrics.TableSinkWriteCount.*', 'long?'), []);
    assert.deepEqual(checkType(job, '["env"]["job.mode"]', 'string'), []);
  });

  it('partial match: extra keys allowed, array lengths and leaf values exact', () => {
    assert.deepEqual(partialMatch(job, { jobId: job.jobId }), []);
    assert.equal(partialMatch(job, { jobDag: { vertexInfoMap: [{ vertexId: 1 }] } }).length, 1);
    assert.equal(partialMatch({ a: null }, { a: 'x' }).length, 1);
    assert.equal(partialMatch({}, { a: null }).length, 1, 'a missing key is not null');
  });

  it('equals, keys and key order are exact', () => {
    assert.equal(equalsAt({ status: 'fail', message: null }, '', { status: 'fail' }).length, 1);
    assert.deepEqual(keysAt({ b: 1, a: 2 }, '', ['a', 'b'], false), []);
    assert.equal(keysAt({ b: 1, a: 2 }, '', ['a', 'b'], true).length, 1);
  });

  it('content type: media type always, charset when expected', () => {
    assert.equal(contentTypeProblem('application/json; charset=utf-8', 'application/json'), null);
    assert.equal(contentTypeProblem('application/json;charset=UTF-8', 'application/json;charset=utf-8'), null);
    assert.notEqual(contentTypeProblem('text/plain; charset=utf-8', 'text/plain;charset=ISO-8859-1'), null);
    assert.notEqual(contentTypeProblem('text/plain', 'text/html'), null);
    assert.notEqual(contentTypeProblem(undefined, 'text/html'), null);
  });
});
