import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JobRepository, MemoryDocBackend } from '@seatunnel-sim/cluster';
import { newJobRecord, parseJson, readJobConfig, settle, type JobRecord } from '@seatunnel-sim/engine';
import { JobQueries, type JobAtNow } from '../src/services/job-queries.js';
import type { OrderedJobs } from '../src/services/ordered-jobs.js';

const config = (mode: 'streaming' | 'batch') =>
  readJobConfig(
    parseJson(
      JSON.stringify({
        env: { 'job.mode': mode },
        source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 10, schema: { fields: { name: 'string' } } }],
        sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
      }),
    ),
  );
const STREAMING = config('streaming');
const BATCH = config('batch');
const NOW = 10_000_000;

/** A repository with running jobs submitted in a shuffled order (two at the same instant) and finished ones ending at shuffled times. */
async function seeded(): Promise<JobRepository> {
  const repository = await JobRepository.open(new MemoryDocBackend());
  const createTimes = [5, 3, 9, 1, 7, 7, 2, 8, 4, 6, 0, 11, 10];
  for (const [i, at] of createTimes.entries()) {
    await repository.insertRunning(newJobRecord({ jobId: String(1000 + i), jobNameParam: `r${i}`, isStartWithSavePoint: false, config: STREAMING, owner: 'n1', now: NOW - 100_000 + at * 1000 }));
  }
  const submitted = [40, 10, 30, 20, 50, 35, 15, 25, 45];
  for (const [i, ago] of submitted.entries()) {
    const started = newJobRecord({ jobId: String(2000 + i), jobNameParam: `f${i}`, isStartWithSavePoint: false, config: BATCH, owner: 'n1', now: NOW - ago * 60_000 });
    const ended = settle(started, NOW - ago * 60_000 + 3_600_000) as JobRecord;
    await repository.putFinished(ended, { expiresAt: NOW * 10, entryTtlMillis: 3_600_000 });
  }
  return repository;
}

async function all(jobs: OrderedJobs, from?: number, to?: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of jobs.pages(from, to, 4)) ids.push(...page.map((job: JobAtNow) => job.record.jobId));
  return ids;
}

describe('sorted listings by sort key and id', () => {
  const clock = { now: () => NOW };

  it('list the same jobs in the same order whether they keep the jobs or read them again by id', async () => {
    const repository = await seeded();
    const keeping = new JobQueries({ repository, clock });
    const rereading = new JobQueries({ repository, clock, keepListedJobs: 3 });
    for (const newestFirst of [true, false]) {
      const kept = await keeping.running(newestFirst);
      const reread = await rereading.running(newestFirst);
      assert.equal(kept.total, 13);
      assert.deepEqual(await all(reread), await all(kept));
      assert.deepEqual(await all(reread, 2, 9), (await all(kept)).slice(2, 9), 'a page is the same slice of the listing');
      const history = await keeping.finished(undefined, { newestFirst });
      assert.equal(history.total, 9);
      assert.deepEqual(await all(await rereading.finished(undefined, { newestFirst })), await all(history));
      assert.deepEqual(await all(await rereading.finished('finished', { newestFirst }), 1, 5), (await all(history)).slice(1, 5));
    }
    assert.deepEqual((await all(await rereading.finished('FAILED'))).length, 0);
  });

  it('sorts running jobs newest first, jobs submitted at the same instant in the store order', async () => {
    const repository = await seeded();
    const ids = await all(await new JobQueries({ repository, clock, keepListedJobs: 2 }).running(true));
    const created = new Map<string, number>();
    for (const record of await repository.listRunning()) created.set(record.jobId, record.createTime);
    const times = ids.map((id) => created.get(id)!);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const storeOrder = (await repository.listRunning()).map((r) => r.jobId).filter((id) => id === '1004' || id === '1005');
    assert.deepEqual(ids.filter((id) => id === '1004' || id === '1005'), storeOrder);
  });

  it('sorts history by finish time, oldest first or newest first', async () => {
    const repository = await seeded();
    const queries = new JobQueries({ repository, clock, keepListedJobs: 2 });
    const finish = async (newestFirst: boolean): Promise<number[]> => {
      const out: number[] = [];
      for await (const page of (await queries.finished(undefined, { newestFirst })).pages()) out.push(...page.map((job) => job.snapshot.finishTime!));
      return out;
    };
    const oldestFirst = await finish(false);
    assert.equal(oldestFirst.length, 9);
    assert.deepEqual(oldestFirst, [...oldestFirst].sort((a, b) => a - b));
    assert.notDeepEqual(oldestFirst, [...oldestFirst].reverse());
    assert.deepEqual(await finish(true), [...oldestFirst].reverse());
  });

  it('leaves out a job that left the listing between the count and the answer, only when it reads jobs again', async () => {
    const repository = await seeded();
    const rereading = await new JobQueries({ repository, clock, keepListedJobs: 2 }).finished();
    const keeping = await new JobQueries({ repository, clock }).finished();
    const gone = (await repository.getFinished('2003'))!;
    assert.ok(await repository.removeFinished(gone));
    assert.equal(rereading.total, 9, 'the total was counted before');
    const ids = await all(rereading);
    assert.equal(ids.length, 8);
    assert.ok(!ids.includes('2003'));
    assert.equal((await all(keeping)).length, 9);
  });
});
