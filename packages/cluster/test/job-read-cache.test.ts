import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { newJobRecord, parseJson, readJobConfig, requestStop, type JobRecord } from '@seatunnel-sim/engine';
import { HazelcastDocBackend, JobReadCache, JobRepository, type HazelcastClient } from '../src/index.js';
import { acquireTestMember, uniqueSuffix, type TestMember } from '../src/testing/index.js';

const CONFIG = readJobConfig(parseJson('{"env":{"job.mode":"STREAMING"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}'));
let nextId = BigInt(Date.now()) * 1000n + 500n;
const record = (owner = 'node-a'): JobRecord =>
  newJobRecord({ jobId: String(nextId++), jobNameParam: `job-${uniqueSuffix()}`, isStartWithSavePoint: false, config: CONFIG, owner, now: Date.now() });

describe('JobReadCache', () => {
  it('keeps a read unless its key was invalidated while it was in flight', () => {
    const cache = new JobReadCache();
    const job = { record: record(), where: 'running' as const };
    const clean = cache.begin('a');
    cache.settle('a', clean, job);
    assert.equal(cache.get('a')?.record, job.record);
    assert.ok(Object.isFrozen(job.record.plan), 'cached records are frozen');

    const raced = cache.begin('b');
    cache.invalidate('b');
    assert.equal(cache.settle('b', raced, { record: record(), where: 'running' })?.where, 'running', 'still answered');
    assert.equal(cache.get('b'), undefined, 'but not cached');

    cache.invalidate('a');
    assert.equal(cache.get('a'), undefined);
  });

  it('re-reads after its max age and drops the oldest entry beyond its size', () => {
    let now = 0;
    const cache = new JobReadCache({ maxEntries: 2, maxAgeMillis: 100, now: () => now });
    for (const key of ['a', 'b', 'c']) cache.settle(key, cache.begin(key), { record: record(), where: 'running' });
    assert.equal(cache.size, 2);
    assert.equal(cache.get('a'), undefined);
    now = 99;
    assert.ok(cache.get('c'));
    now = 100;
    assert.equal(cache.get('c'), undefined);
  });

  it('clear() also spoils reads in flight', () => {
    const cache = new JobReadCache();
    const flight = cache.begin('a');
    cache.clear();
    cache.settle('a', flight, { record: record(), where: 'running' });
    assert.equal(cache.get('a'), undefined);
  });
});

describe('JobRepository.lookup against a real Hazelcast member', () => {
  let member: TestMember;
  let clients: HazelcastClient[];
  let repos: [JobRepository, JobRepository];

  before(async () => {
    member = await acquireTestMember();
    clients = await Promise.all([member.connect(), member.connect()]);
    repos = (await Promise.all(clients.map((c) => JobRepository.open(new HazelcastDocBackend(c))))) as [JobRepository, JobRepository];
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.shutdown()));
    await member.release();
  });

  it('sees its own writes at once and another node’s once the entry event arrives', async () => {
    const [reader, writer] = repos;
    const job = record();
    await reader.insertRunning(job);
    assert.equal((await reader.lookup(job.jobId))?.record.status, 'RUNNING');
    assert.equal((await reader.lookup(job.jobId))?.record.status, 'RUNNING', 'cached');

    // Another node stops the job: the member's entry event drops the cached record.
    await writer.updateRunning(job.jobId, (current) => requestStop(current, Date.now(), false));
    let seen = (await reader.lookup(job.jobId))?.record.status;
    for (let i = 0; i < 100 && seen !== 'CANCELING'; i++) {
      await sleep(5);
      seen = (await reader.lookup(job.jobId))?.record.status;
    }
    assert.equal(seen, 'CANCELING');

    // This node's own write: visible to the very next lookup.
    const stored = (await reader.getRunning(job.jobId))!;
    await reader.moveToHistory(stored, { ...stored.record, status: 'CANCELED', finishTime: Date.now() }, { expiresAt: Date.now() + 60_000, entryTtlMillis: 60_000 });
    const after = await reader.lookup(job.jobId);
    assert.equal(after?.where, 'finished');
    assert.equal(after?.record.status, 'CANCELED');
  });

  it('a history sweep removes exactly the expired entries, and other nodes stop finding them', async () => {
    const [reader, writer] = repos;
    const archive = async (expiresAt: number): Promise<string> => {
      const job = record();
      await writer.insertRunning(job);
      const stored = (await writer.getRunning(job.jobId))!;
      await writer.moveToHistory(stored, { ...stored.record, status: 'CANCELED', finishTime: Date.now() }, { expiresAt, entryTtlMillis: 60_000 });
      return job.jobId;
    };
    const expired = await archive(Date.now() - 1);
    const kept = await archive(Date.now() + 60_000);
    assert.equal((await reader.lookup(expired))?.where, 'finished', 'cached on the reader');
    await writer.removeExpiredFinished(Date.now());
    const sweptAt = Date.now();
    let seen = await reader.lookup(expired);
    for (let i = 0; i < 100 && seen !== null; i++) {
      await sleep(5);
      seen = await reader.lookup(expired);
    }
    assert.equal(seen, null, 'the removal reached the reader\'s cache');
    // Sooner than the cache's 1 s max age: the member's removal events are what dropped it.
    assert.ok(Date.now() - sweptAt < 500, `seen after ${Date.now() - sweptAt} ms`);
    assert.equal((await reader.lookup(kept))?.where, 'finished');
    assert.equal(await writer.getFinished(expired), null);
  });

  it('answers unknown ids with null and does not cache them', async () => {
    const job = record();
    assert.equal(await repos[0].lookup(job.jobId), null);
    await repos[1].insertRunning(job);
    assert.equal((await repos[0].lookup(job.jobId))?.record.jobId, job.jobId);
  });
});
