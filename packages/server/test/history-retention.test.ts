import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobRecord } from '@seatunnel-sim/engine';
import { HistoryRetention } from '../src/services/history-retention.js';

const ended = (finishTime: number | null) => ({ finishTime }) as JobRecord;

describe('HistoryRetention', () => {
  it('keeps a job history-job-expire-minutes of simulated time from when it ended', () => {
    const terms = new HistoryRetention(10, 1).termsFor(ended(5_000), 9_000);
    assert.deepEqual(terms, { expiresAt: 5_000 + 600_000, entryTtlMillis: 600_000 });
  });

  it('gives the Hazelcast entry the same span in wall time at the cluster speed (never before the deadline)', () => {
    assert.equal(new HistoryRetention(10, 20).termsFor(ended(0), 0).entryTtlMillis, 30_000);
    assert.equal(new HistoryRetention(0.0001, 1000).termsFor(ended(0), 0).entryTtlMillis, 1, 'at least 1 ms (0 would mean no TTL)');
  });

  it('counts from the archive time when the record has no finish time', () => {
    assert.equal(new HistoryRetention(1, 1).termsFor(ended(null), 7_000).expiresAt, 67_000);
  });
});
