import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { newJobRecord, parseJson, readJobConfig, type JobRecord, type SlotReservation } from '@seatunnel-sim/engine';
import { ClusterClock, HazelcastDocBackend, JobRepository, NodeRegistry, NODE_TTL_MILLIS, SlotLedger, type DocBackend } from '../src/index.js';
import { MemoryDocBackend } from '../src/store/memory-doc-map.js';
import { acquireTestMember, uniqueSuffix } from '../src/testing/index.js';

/**
 * The store contract: what the server relies on of shared state, run against both stores — a real
 * Hazelcast member (two clients, as two nodes) and the in-process memory store (two nodes of one
 * process share one backend). Neither implementation may pass where the other would fail.
 */
interface StoreUnderTest {
  /** Two nodes' views of the same shared state. */
  backends: [DocBackend, DocBackend];
  close(): Promise<void>;
}

const STORES: Record<string, () => Promise<StoreUnderTest>> = {
  hazelcast: async () => {
    // A member of its own: the clock test moves the cluster clock an hour ahead.
    const member = await acquireTestMember(25891, true);
    const clients = await Promise.all([member.connect(), member.connect()]);
    return {
      backends: [new HazelcastDocBackend(clients[0]), new HazelcastDocBackend(clients[1])],
      close: async () => {
        await Promise.all(clients.map((c) => c.shutdown()));
        await member.release();
      },
    };
  },
  memory: async () => {
    const backend = new MemoryDocBackend();
    return { backends: [backend, backend], close: async () => backend.close() };
  },
};

const CONFIG = readJobConfig(parseJson('{"env":{"job.mode":"STREAMING"},"source":[{"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}'));
let nextId = BigInt(Date.now()) * 1000n;
const record = (owner = 'node-a', extra: Partial<JobRecord> = {}): JobRecord => ({
  ...newJobRecord({ jobId: String(nextId++), jobNameParam: `job-${uniqueSuffix()}`, isStartWithSavePoint: false, config: CONFIG, owner, now: Date.now() }),
  ...extra,
});
const terms = (expiresAt = Date.now() + 60_000) => ({ expiresAt, entryTtlMillis: 60_000 });

async function eventually(what: string, check: () => Promise<boolean>, millis = 2_000): Promise<void> {
  const deadline = Date.now() + millis;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(20);
  }
  assert.fail(`${what} did not happen within ${millis} ms`);
}

for (const [kind, open] of Object.entries(STORES)) {
  describe(`store contract: ${kind}`, () => {
    let store: StoreUnderTest;
    let repos: [JobRepository, JobRepository];

    before(async () => {
      store = await open();
      repos = [await JobRepository.open(store.backends[0]), await JobRepository.open(store.backends[1])];
    });
    after(async () => store?.close());

    it('hands out distinct 64-bit ids beyond JS number precision', async () => {
      const ids = await Promise.all(Array.from({ length: 200 }, () => repos[0].newJobId()));
      assert.equal(new Set(ids).size, 200);
      for (const id of ids) assert.ok(BigInt(id) > 2n ** 53n && BigInt(id) < 2n ** 63n, id);
    });

    it('stores a job once: a second insert with the same id returns the first', async () => {
      const job = record();
      assert.equal((await repos[0].insertRunning(job)).inserted, true);
      const again = await repos[1].insertRunning({ ...job, jobName: 'other' });
      assert.equal(again.inserted, false);
      assert.equal(again.current.jobName, job.jobName);
    });

    it('never loses an update when two nodes race compare-and-set on one job', async () => {
      const job = record();
      await repos[0].insertRunning(job);
      const bump = (repo: JobRepository) => repo.updateRunning(job.jobId, (current) => ({ ...current, restoredRows: { n: (current.restoredRows['n'] ?? 0) + 1 } }));
      await Promise.all(Array.from({ length: 40 }, (_, i) => bump(repos[i % 2]!)));
      const stored = await repos[0].getRunning(job.jobId);
      assert.equal(stored?.record.restoredRows['n'], 40);
      assert.equal(stored?.record.version, 41);
      // A mutation that declines changes nothing; an unknown job is null.
      assert.deepEqual((await repos[1].updateRunning(job.jobId, () => null))?.changed, false);
      assert.equal(await repos[1].updateRunning('1', () => null), null);
    });

    it('moves an ended job to history exactly once, and any node can finish a half-done move', async () => {
      const job = record();
      await repos[0].insertRunning(job);
      const stored = (await repos[0].getRunning(job.jobId))!;
      const ended = { ...stored.record, status: 'FINISHED' as const, finishTime: Date.now() };
      const results = await Promise.all(repos.map((r) => r.moveToHistory(stored, ended, terms())));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await repos[1].getRunning(job.jobId), null);
      const archived = await repos[1].get(job.jobId);
      assert.equal(archived?.where, 'finished');
      assert.equal(archived?.record.status, 'FINISHED');
      // An ended record left in the running map (its node died mid-move) is completed by another node.
      const half = record('node-x', { status: 'CANCELED', finishTime: Date.now(), expiresAt: Date.now() + 60_000 });
      await repos[0].insertRunning(half);
      await repos[1].completeArchive((await repos[1].getRunning(half.jobId))!, terms());
      assert.equal((await repos[0].get(half.jobId))?.where, 'finished');
    });

    it('restores a job from history into the running map by compare-and-set, history entry removed once', async () => {
      const job = record('node-a', { status: 'SAVEPOINT_DONE', finishTime: Date.now() });
      await repos[0].putFinished(job, terms());
      const previous = (await repos[1].getFinished(job.jobId))!;
      const restarted = { ...job, status: 'RUNNING' as const, finishTime: null };
      assert.equal((await repos[1].insertRunning(restarted)).inserted, true);
      const removals = await Promise.all(repos.map((r) => r.removeFinished(previous)));
      assert.equal(removals.filter(Boolean).length, 1);
      assert.equal((await repos[0].get(job.jobId))?.record.status, 'RUNNING');
    });

    it("drops a node's cached copy when another node changes the job (lookups follow the change notifications)", async () => {
      const job = record();
      await repos[0].insertRunning(job);
      assert.equal((await repos[1].lookup(job.jobId))?.record.status, 'RUNNING');
      await repos[0].updateRunning(job.jobId, (current) => ({ ...current, status: 'CANCELING' }));
      await eventually('the other node seeing CANCELING', async () => (await repos[1].lookup(job.jobId))?.record.status === 'CANCELING');
      // A restore from history: the add into the running map drops the cached history copy.
      const done = record('node-a', { status: 'SAVEPOINT_DONE', finishTime: Date.now() });
      await repos[0].putFinished(done, terms());
      assert.equal((await repos[1].lookup(done.jobId))?.where, 'finished');
      await repos[0].insertRunning({ ...done, status: 'RUNNING', finishTime: null });
      await eventually('the other node seeing the restored job', async () => (await repos[1].lookup(done.jobId))?.where === 'running');
    });

    it('answers the query vocabulary: due, orphans, owned, maybe-ended, counts', async () => {
      const owner = `owner-${uniqueSuffix()}`;
      const now = Date.now();
      const due = record(owner, { dueAt: now - 1 });
      const notDue = record(owner, { dueAt: now + 3_600_000 });
      const ended = record(owner, { status: 'FAILED', dueAt: now + 3_600_000 });
      for (const job of [due, notDue, ended]) await repos[0].insertRunning(job);
      assert.deepEqual((await repos[1].listDue(owner, now)).map((s) => s.record.jobId), [due.jobId]);
      const orphans = (await repos[1].listOrphans(['node-a'])).map((s) => s.record.jobId);
      assert.ok([due, notDue, ended].every((j) => orphans.includes(j.jobId)));
      assert.equal((await repos[1].listOwnedBy([owner])).length, 3);
      const maybe = (await repos[1].listMaybeEnded(now)).map((r) => r.jobId);
      assert.ok(maybe.includes(due.jobId) && maybe.includes(ended.jobId) && !maybe.includes(notDue.jobId));
      assert.equal(await repos[1].countRunningOwnedBy(owner), 2);
      const failed = record(owner, { status: 'FAILED', finishTime: now });
      await repos[0].putFinished(failed, terms());
      const before = await repos[1].countFinishedWithStatus('FAILED');
      assert.equal(await repos[1].countFinishedWithStatus('FAILED', [failed.jobId]), before - 1);
      assert.equal(await repos[1].countFinishedOwnedBy(owner), 1);
    });

    it('reads every job of a map a page at a time, and many by id', async () => {
      const jobs = Array.from({ length: 25 }, () => record('scan'));
      for (const job of jobs) await repos[0].insertRunning(job);
      const seen = new Set<string>();
      for await (const page of repos[1].scanRunning(7)) {
        assert.ok(page.length <= 7);
        for (const r of page) seen.add(r.jobId);
      }
      assert.ok(jobs.every((j) => seen.has(j.jobId)));
      const some = await repos[1].getAllRunning([jobs[0]!.jobId, jobs[1]!.jobId, '404']);
      assert.deepEqual([...some.keys()].sort(), [jobs[0]!.jobId, jobs[1]!.jobId].sort());
    });

    it('sweeps history entries whose simulated retention ended, and only those', async () => {
      const now = Date.now();
      const old = record('sweep', { status: 'FINISHED', finishTime: now });
      const fresh = record('sweep', { status: 'FINISHED', finishTime: now });
      await repos[0].putFinished(old, terms(now - 1));
      await repos[0].putFinished(fresh, terms(now + 60_000));
      await repos[1].removeExpiredFinished(now);
      assert.equal(await repos[0].getFinished(old.jobId), null);
      assert.notEqual(await repos[0].getFinished(fresh.jobId), null);
    });

    it('forgets a node whose heartbeat stops (TTL), lists live ones oldest first', async () => {
      const registries = [await NodeRegistry.open(store.backends[0]), await NodeRegistry.open(store.backends[1])];
      const tag = uniqueSuffix();
      const node = (n: number) => ({ nodeId: `${tag}-${n}`, name: `n${n}`, host: '127.0.0.1', port: 1000 + n, url: '', pid: 1, startTime: 1000 + n, tags: {}, slots: { total: 2, dynamic: true } });
      await registries[0]!.heartbeat(node(2));
      await registries[1]!.heartbeat(node(1));
      const mine = async () => (await registries[0]!.list()).filter((n) => n.nodeId.startsWith(tag)).map((n) => n.name);
      assert.deepEqual(await mine(), ['n1', 'n2']);
      await registries[1]!.deregister(`${tag}-1`);
      assert.equal(await registries[0]!.get(`${tag}-1`), null);
      await eventually('the silent node dropping out', async () => (await mine()).length === 0, NODE_TTL_MILLIS + 3_000);
    });

    it('serialises slot reservations on a node: of racing commits from one read, exactly one wins', async () => {
      const ledgers = [await SlotLedger.open(store.backends[0]), await SlotLedger.open(store.backends[1])];
      const nodeId = `slots-${uniqueSuffix()}`;
      const reservation = (jobId: string): SlotReservation => ({ jobId, slots: 2, kind: 'submit', reservedAt: Date.now(), leaseUntil: Date.now() + 10_000 });
      const entry = (await ledgers[0]!.read([nodeId])).get(nodeId)!;
      const wins = await Promise.all(ledgers.map((l, i) => l.commit(entry, [reservation(`j${i}`)])));
      assert.equal(wins.filter(Boolean).length, 1);
      const after = (await ledgers[1]!.read([nodeId])).get(nodeId)!;
      assert.equal(after.version, 1);
      assert.equal(after.reservations.length, 1);
      // Back to the same reservations is still a change (a version, no ABA).
      assert.equal(await ledgers[0]!.commit(after, []), true);
      assert.equal(await ledgers[1]!.commit(after, after.reservations), false);
    });

    it('shares one simulation clock: an advance on one node moves the other', async () => {
      const clocks = [await ClusterClock.open(store.backends[0], 1), await ClusterClock.open(store.backends[1], 1)];
      const before = clocks[1]!.now();
      await clocks[0]!.advance(3_600_000);
      await eventually('the second clock following', async () => clocks[1]!.now() >= before + 3_600_000);
    });
  });
}
