import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newJobRecord, parseJson, readJobConfig, type JobRecord } from '@seatunnel-sim/engine';
import { HazelcastDocBackend, JobRepository, NodeRegistry, type HazelcastClient } from '../src/index.js';
import { acquireTestMember, uniqueSuffix, type TestMember } from '../src/testing/index.js';

const CONFIG = readJobConfig(parseJson('{"env":{"job.mode":"STREAMING"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}'));
let nextId = BigInt(Date.now()) * 1000n;
const record = (owner = 'node-a'): JobRecord =>
  newJobRecord({ jobId: String(nextId++), jobNameParam: `job-${uniqueSuffix()}`, isStartWithSavePoint: false, config: CONFIG, owner, now: Date.now() });

describe('JobRepository against a real Hazelcast member', () => {
  let member: TestMember;
  let clients: HazelcastClient[];
  let repos: JobRepository[];

  before(async () => {
    member = await acquireTestMember();
    clients = await Promise.all([member.connect(), member.connect()]);
    repos = await Promise.all(clients.map((c) => JobRepository.open(new HazelcastDocBackend(c))));
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.shutdown()));
    await member.release();
  });

  it('hands out distinct 64-bit Flake ids beyond JS number precision', async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => repos[0]!.newJobId()));
    assert.equal(new Set(ids).size, 50);
    for (const id of ids) assert.ok(BigInt(id) > 2n ** 53n, id);
  });

  it('stores a job once: a second insert with the same id returns the first', async () => {
    const job = record();
    assert.equal((await repos[0]!.insertRunning(job)).inserted, true);
    const again = await repos[1]!.insertRunning({ ...job, jobName: 'other' });
    assert.equal(again.inserted, false);
    assert.equal(again.current.jobName, job.jobName);
  });

  it('never loses an update when two clients race compare-and-set on one job', async () => {
    const job = record();
    await repos[0]!.insertRunning(job);
    const bump = (repo: JobRepository) =>
      repo.updateRunning(job.jobId, (current) => ({ ...current, restoredRows: { n: (current.restoredRows['n'] ?? 0) + 1 } }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => bump(repos[i % 2]!)));
    const stored = await repos[0]!.getRunning(job.jobId);
    assert.equal(stored?.record.restoredRows['n'], 40);
    assert.equal(stored?.record.version, 41);
  });

  it('moves an ended job to history exactly once', async () => {
    const job = record();
    await repos[0]!.insertRunning(job);
    const stored = (await repos[0]!.getRunning(job.jobId))!;
    const ended = { ...stored.record, status: 'FINISHED' as const, finishTime: Date.now() };
    const results = await Promise.all(repos.map((r) => r.moveToHistory(stored, ended, { expiresAt: Date.now() + 60_000, entryTtlMillis: 60_000 })));
    assert.deepEqual(results.filter(Boolean).length, 1);
    assert.equal(await repos[1]!.getRunning(job.jobId), null);
    assert.equal((await repos[1]!.get(job.jobId))?.where, 'finished');
  });

  it('finds due jobs of an owner and orphans of dead owners through predicates', async () => {
    const owner = `owner-${uniqueSuffix()}`;
    const due = { ...record(owner), dueAt: Date.now() - 1 };
    const notDue = { ...record(owner), dueAt: Date.now() + 3_600_000 };
    await repos[0]!.insertRunning(due);
    await repos[0]!.insertRunning(notDue);
    const found = (await repos[0]!.listDue(owner, Date.now())).map((s) => s.record.jobId);
    assert.deepEqual(found, [due.jobId]);
    const orphans = (await repos[0]!.listOrphans(['node-a'])).map((s) => s.record.jobId);
    assert.ok(orphans.includes(due.jobId) && orphans.includes(notDue.jobId));
  });
});

describe('NodeRegistry against a real Hazelcast member', () => {
  it('lists live nodes oldest first and forgets a deregistered one', async () => {
    const member = await acquireTestMember();
    const client = await member.connect();
    try {
      const registry = await NodeRegistry.open(new HazelcastDocBackend(client));
      const tag = uniqueSuffix();
      const node = (n: number) => ({ nodeId: `${tag}-${n}`, name: `n${n}`, host: '127.0.0.1', port: 1000 + n, url: '', pid: 1, startTime: 1000 + n, tags: {}, slots: { total: 2, dynamic: true } });
      await registry.heartbeat(node(2));
      await registry.heartbeat(node(1));
      const mine = (await registry.list()).filter((n) => n.nodeId.startsWith(tag));
      assert.deepEqual(mine.map((n) => n.name), ['n1', 'n2']);
      await registry.deregister(`${tag}-1`);
      assert.equal(await registry.get(`${tag}-1`), null);
      await registry.deregister(`${tag}-2`);
    } finally {
      await client.shutdown();
      await member.release();
    }
  });
});
