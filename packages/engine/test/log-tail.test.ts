import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logTail, logTailText } from '../src/log-tail.js';

/** log-response-max-size-mb (3.1, apache/seatunnel#12299): the tail of a log, from a line start. */
describe('logTail', () => {
  const log = 'first line\nsecond line\nthird line\n';
  it('keeps a file within the limit, and everything when the limit is 0 or below', () => {
    assert.equal(logTailText(log, log.length), log);
    assert.equal(logTailText(log, 0), log);
    assert.equal(logTailText(log, -1), log);
  });
  it('keeps the last bytes from the first line break in them', () => {
    // The last 15 bytes are "ne\nthird line\n": the cut line is dropped.
    assert.equal(logTailText(log, 15), 'third line\n');
    assert.equal(logTailText(log, 11), '');
  });
  it('with no line break in the tail, starts at a whole UTF-8 character', () => {
    const text = 'ab日本語'; // 日 本 語: three bytes each
    const bytes = Buffer.from(text, 'utf8');
    assert.equal(logTail(bytes, 5).toString('utf8'), '語');
    assert.equal(logTail(bytes, 6).toString('utf8'), '本語');
    assert.equal(logTailText(text, 7), '本語', 'the last continuation byte of 日 is skipped');
    assert.equal(logTailText(text, 9), '日本語');
  });
});
