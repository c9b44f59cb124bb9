import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAnswers } from './compare.js';
import type { ExchangeAnswer } from './exchange.js';
import { IdMap } from './id-map.js';
import { differentialRules } from './rules.js';

/**
 * The job-order rule of the differential comparison, on the lists of a CI run where the real
 * engine's `lower` job ran two seconds and ours one: each side lists by its own finish times.
 */
const rules = differentialRules({ realMembers: 1, simMembers: 1, simToReal: [], realNormal: [] });
const answer = (jobs: Array<[string, string]>): ExchangeAnswer => ({
  status: 200,
  reason: 'OK',
  headers: [['content-type', 'application/json; charset=UTF-8']],
  body: JSON.stringify(jobs.map(([jobId, finishTime]) => ({ jobId, jobName: `job${jobId}`, jobStatus: 'FINISHED', finishTime }))),
});
const orderDifferences = (real: ExchangeAnswer, sim: ExchangeAnswer): string[] =>
  compareAnswers('finished-jobs', '', real, sim, rules, new IdMap(), {})
    .differences.filter((d) => d.what === 'job order')
    .map((d) => d.at);

const REAL = answer([
  ['1', '2026-12-01 08:46:20'],
  ['2', '2026-12-01 08:46:20'],
  ['3', '2026-12-01 08:46:21'],
]);

describe('differential comparison: job order', () => {
  it('accepts the real order', () => {
    assert.deepEqual(orderDifferences(REAL, answer([['1', '2026-12-01 08:46:20'], ['2', '2026-12-01 08:46:20'], ['3', '2026-12-01 08:46:21']])), []);
  });

  it('accepts jobs the real engine finished in one second in either order', () => {
    assert.deepEqual(orderDifferences(REAL, answer([['2', '2026-12-01 08:46:20'], ['1', '2026-12-01 08:46:20'], ['3', '2026-12-01 08:46:21']])), []);
  });

  it('accepts another order when the simulator\'s own finish times give it (its job ended sooner)', () => {
    assert.deepEqual(orderDifferences(REAL, answer([['3', '2026-12-01 08:46:20'], ['1', '2026-12-01 08:46:20'], ['2', '2026-12-01 08:46:20']])), []);
  });

  it('flags an order the simulator\'s own finish times contradict', () => {
    assert.deepEqual(orderDifferences(REAL, answer([['3', '2026-12-01 08:46:21'], ['1', '2026-12-01 08:46:20'], ['2', '2026-12-01 08:46:20']])), ['(root)']);
  });

  it('flags a listing newest first where the real engine lists oldest first', () => {
    const real = answer([['1', '2026-12-01 08:46:18'], ['2', '2026-12-01 08:46:19'], ['3', '2026-12-01 08:46:20']]);
    assert.deepEqual(orderDifferences(real, answer([['3', '2026-12-01 08:46:20'], ['2', '2026-12-01 08:46:19'], ['1', '2026-12-01 08:46:18']])), ['(root)']);
  });
});
