import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaHashMapOrder, javaStringHash } from '../src/java-hash-map.js';

describe('javaHashMapOrder', () => {
  it("is String.hashCode's value", () => {
    assert.equal(javaStringHash(''), 0);
    assert.equal(javaStringHash('a'), 97);
    assert.equal(javaStringHash('SourceReceivedCount'), -1172025549);
  });

  it("orders SeaTunnel's 16 job metrics as a real 2.3.8 engine printed them", () => {
    const built = [
      'SourceReceivedCount', 'SinkWriteCount', 'SourceReceivedBytes', 'SinkWriteBytes', 'SourceReceivedQPS', 'SinkWriteQPS',
      'SourceReceivedBytesPerSeconds', 'SinkWriteBytesPerSeconds', 'TableSourceReceivedCount', 'TableSinkWriteCount',
      'TableSourceReceivedBytes', 'TableSinkWriteBytes', 'TableSourceReceivedQPS', 'TableSinkWriteQPS',
      'TableSourceReceivedBytesPerSeconds', 'TableSinkWriteBytesPerSeconds',
    ];
    // shared/oracle/captures/2.3.8/013_v1_batch_job-info_after.txt
    assert.deepEqual(javaHashMapOrder(built), [
      'TableSourceReceivedCount', 'TableSourceReceivedQPS', 'TableSinkWriteQPS', 'TableSinkWriteCount', 'SinkWriteCount',
      'SinkWriteBytesPerSeconds', 'TableSinkWriteBytesPerSeconds', 'SinkWriteQPS', 'SourceReceivedBytes',
      'SourceReceivedBytesPerSeconds', 'SourceReceivedCount', 'SourceReceivedQPS', 'TableSourceReceivedBytesPerSeconds',
      'TableSourceReceivedBytes', 'SinkWriteBytes', 'TableSinkWriteBytes',
    ]);
  });

  it('keeps insertion order within a bucket and grows the table past 3/4', () => {
    // "Aa" and "BB" share a hash code.
    assert.deepEqual(javaHashMapOrder(['BB', 'Aa']), ['BB', 'Aa']);
    assert.deepEqual(javaHashMapOrder(['Aa', 'BB']), ['Aa', 'BB']);
    // 'a' (97) and 'q' (113) share bucket 1 of 16 but not of 32: 13 keys grow the table to 32.
    const twelve = ['a', 'q', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
    assert.deepEqual(javaHashMapOrder(twelve).slice(0, 2), ['a', 'q']);
    assert.deepEqual(javaHashMapOrder([...twelve, 'm']).slice(0, 2), ['a', 'c']);
  });
});
