import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunningNode } from '../src/index.js';
import { FileJobLog, SERVER_LOG, SERVER_OUT } from '../src/services/job-log.js';
import { call, openTestStore, post, startTestNode, type TestStore, type TestStoreKind } from './support.js';

const DAY = 86_400_000;

/** A clock the test moves by hand. */
const manualClock = (start: number) => {
  const clock = { millis: start, now: () => clock.millis, speed: 1 };
  return clock;
};

const dirBytes = (dir: string): number => readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
const jobFiles = (dir: string): string[] => readdirSync(dir).filter((name) => /^job-\d+\.log$/.test(name));

describe('node log files roll over as SeaTunnel log4j2.properties rolls them', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'seatunnel-sim-rollover-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('caps each file at the split size and keeps at most file_count rolled files', async () => {
    const clock = manualClock(Date.UTC(2026, 0, 5, 10));
    const log = new FileJobLog(dir, clock, { rollover: { maxBytes: 4_000, maxFiles: 3, maxAgeDays: 7 } });
    for (let i = 0; i < 400; i++) log.write(String(i), 'INFO', 'o.a.s.e.s.m.JobMaster', `line ${i} ${'x'.repeat(40)}`);
    await log.flush();
    const names = readdirSync(dir).sort();
    const rolledLogs = names.filter((n) => n.startsWith(`${SERVER_LOG}.`));
    assert.equal(rolledLogs.length, 3, `three rolled files: ${rolledLogs.join(', ')}`);
    assert.ok(rolledLogs.every((n) => n.startsWith(`${SERVER_LOG}.2026-01-05-`)), 'named by the day of their lines');
    // The newest rolled files are kept: the highest indexes of the day.
    const indexes = rolledLogs.map((n) => Number(n.split('-').pop())).sort((a, b) => a - b);
    assert.ok(indexes[0]! > 3, `the oldest rolled files were deleted, kept ${indexes.join(',')}`);
    for (const name of names) assert.ok(statSync(join(dir, name)).size <= 4_000, `${name} within the split size`);
    assert.equal(names.filter((n) => n.startsWith(`${SERVER_OUT}.`)).length, 3, 'the console copy rolls the same way');
    // 400 lines of ~110 bytes = ~44 KB written; at most 4 files of 4 KB per name remain.
    assert.ok(dirBytes(dir) <= 2 * 4 * 4_000);
  });

  it('rolls at a new day of the clock and deletes rolled files older than file_ttl', async () => {
    const clock = manualClock(Date.UTC(2026, 1, 1, 12));
    const day = mkdtempSync(join(tmpdir(), 'seatunnel-sim-rollover-day-'));
    try {
      const log = new FileJobLog(day, clock, { rollover: { maxBytes: 1_000_000, maxFiles: 100, maxAgeDays: 7 } });
      log.write('', 'INFO', 'o.a.s.e.s.SeaTunnelServer', 'day one');
      await log.flush();
      clock.millis += DAY;
      log.write('', 'INFO', 'o.a.s.e.s.SeaTunnelServer', 'day two');
      await log.flush();
      assert.ok(readdirSync(day).includes(`${SERVER_LOG}.2026-02-01-1`), 'day one rolled under its own date');
      clock.millis += 7 * DAY;
      log.write('', 'INFO', 'o.a.s.e.s.SeaTunnelServer', 'day nine');
      await log.flush();
      const rolled = readdirSync(day).filter((n) => n.startsWith(`${SERVER_LOG}.`)).sort();
      assert.deepEqual(rolled, [`${SERVER_LOG}.2026-02-02-1`], 'on day nine, day one is older than 7 days and went; day two stays');
    } finally {
      rmSync(day, { recursive: true, force: true });
    }
  });

  it('a restarted node appends to the file it left and rolls it by its size', async () => {
    const again = mkdtempSync(join(tmpdir(), 'seatunnel-sim-rollover-restart-'));
    try {
      writeFileSync(join(again, SERVER_LOG), 'x'.repeat(950));
      const log = new FileJobLog(again, manualClock(Date.now()), { rollover: { maxBytes: 1_000, maxFiles: 5, maxAgeDays: 7 } });
      log.write('', 'INFO', 'o.a.s.e.s.SeaTunnelServer', 'after the restart');
      await log.flush();
      assert.equal(readdirSync(again).filter((n) => n.startsWith(`${SERVER_LOG}.`)).length, 1, 'the 950 bytes left behind rolled first');
      assert.ok(statSync(join(again, SERVER_LOG)).size < 200);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});

const SHORT_JOB = {
  env: { 'job.mode': 'batch', 'sim.rows-per-second': 10_000, 'sim.reader-start-seconds': 0 },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 5, schema: { fields: { name: 'string' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMillis = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMillis;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Many short jobs over three nodes, history expiring by an advanced clock: every node deletes its
 * own job files once their history entries go, so the directories hold only the current round's.
 */
function boundedJobLogs(kind: TestStoreKind, basePort: number, memberPort?: number): void {
  describe(`job log files go when their history entry expires (${kind} store)`, () => {
    let store: TestStore;
    let root: string;
    const nodes: RunningNode[] = [];
    const dirs: string[] = [];
    const env = (i: number): Record<string, string> => ({
      SEATUNNEL_SIM_PORT: String(basePort),
      SEATUNNEL_SIM_ADMIN_API: 'true',
      SEATUNNEL_SIM_SPLIT_JOB_LOGS: 'true',
      SEATUNNEL_SIM_HISTORY_EXPIRE_MINUTES: '1',
      SEATUNNEL_SIM_LOG_DIR: dirs[i]!,
    });
    before(async () => {
      store = await openTestStore(kind, memberPort);
      root = mkdtempSync(join(tmpdir(), 'seatunnel-sim-joblogs-'));
      for (let i = 0; i < 3; i++) {
        dirs.push(join(root, `node${i + 1}`));
        nodes.push(await startTestNode(store, env(i), `logs-node-${i}`));
      }
    });
    after(async () => {
      await Promise.all(nodes.map((n) => n.stop()));
      await store?.release();
      rmSync(root, { recursive: true, force: true });
    });

    const allJobFiles = (): number => dirs.reduce((sum, dir) => sum + jobFiles(dir).length, 0);

    async function round(jobs: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < jobs; i++) {
        const res = await post(`${nodes[i % 3]!.url}/hazelcast/rest/maps/submit-job`, SHORT_JOB);
        assert.equal(res.status, 200, res.text);
        ids.push(res.json().jobId);
      }
      await post(`${nodes[0]!.url}/_sim/clock/advance`, { seconds: 5 });
      await until('every job FINISHED', async () => {
        const res = await call(`${nodes[1]!.url}/hazelcast/rest/maps/finished-jobs/FINISHED`);
        const finished = new Set((res.json() as Array<{ jobId: string }>).map((j) => j.jobId));
        return ids.every((id) => finished.has(id));
      });
      return ids;
    }

    it('keeps only the files of jobs still in history, round after round', async () => {
      let peak = 0;
      for (let r = 0; r < 4; r++) {
        const ids = await round(30);
        // Each job's lines were written on the node that took the submit and on the one that ran it.
        await until('the round\'s job files', () => ids.every((id) => dirs.some((dir) => jobFiles(dir).includes(`job-${id}.log`))));
        assert.ok(allJobFiles() >= 30);
        peak = Math.max(peak, allJobFiles());
        // Past history-job-expire-minutes (1): the master sweeps at once; every node hears of it.
        await post(`${nodes[r % 3]!.url}/_sim/clock/advance`, { seconds: 120 });
        await until('no job file left on any node', () => allJobFiles() === 0);
        const gone = await call(`${nodes[0]!.url}/hazelcast/rest/maps/job-info/${ids[0]}`);
        assert.ok(gone.status !== 200 || !gone.text.includes('FINISHED'), 'the history entry went too');
      }
      assert.ok(peak <= 2 * 30, `at most two files per job of one round (peak ${peak})`);
      for (const dir of dirs) assert.ok(dirBytes(dir) < 200_000, `${dir} stays small: ${dirBytes(dir)} bytes`);
    });

    it('a node started on a directory with files of jobs that expired meanwhile deletes them', async () => {
      const ids = await round(6);
      await until('the round\'s job files', () => allJobFiles() >= 6);
      const last = nodes.pop()!;
      await last.stop();
      const lastDir = dirs[2]!;
      // A file of a job the cluster has never heard of (left from before a full restart).
      writeFileSync(join(lastDir, 'job-123456789.log'), 'stale\n');
      await post(`${nodes[0]!.url}/_sim/clock/advance`, { seconds: 120 });
      await until('the live nodes\' files gone', () => dirs.slice(0, 2).every((dir) => jobFiles(dir).length === 0));
      assert.ok(jobFiles(lastDir).length > 0, 'nobody deletes a stopped node\'s files');
      nodes.push(await startTestNode(store, env(2), 'logs-node-2b'));
      await until('the restarted node\'s stale files gone', () => jobFiles(lastDir).length === 0);
      assert.ok(ids.length === 6);
    });

    it('keeps job files while their job is in history and with scheduled-deletion-enable false', async () => {
      const ids = await round(3);
      await post(`${nodes[0]!.url}/_sim/clock/advance`, { seconds: 30 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(ids.every((id) => dirs.some((dir) => jobFiles(dir).includes(`job-${id}.log`))), 'half-way through retention: kept');
      const keeper = join(root, 'keeper');
      const keeping = await startTestNode(store, { ...env(0), SEATUNNEL_SIM_LOG_DIR: keeper, SEATUNNEL_SIM_LOG_SCHEDULED_DELETION: 'false' }, 'logs-keeper');
      try {
        const res = await post(`${keeping.url}/hazelcast/rest/maps/submit-job`, SHORT_JOB);
        const id: string = res.json().jobId;
        await post(`${keeping.url}/_sim/clock/advance`, { seconds: 5 });
        await until('its job file', () => jobFiles(keeper).includes(`job-${id}.log`));
        await post(`${keeping.url}/_sim/clock/advance`, { seconds: 300 });
        await until('the other nodes\' files gone', () => allJobFiles() === 0);
        assert.ok(jobFiles(keeper).includes(`job-${id}.log`), 'deletion off: the file stays');
      } finally {
        await keeping.stop();
      }
    });
  });
}

boundedJobLogs('memory', 30500);
// The same over a real member: the removals reach the nodes as Hazelcast entry events.
boundedJobLogs('hazelcast', 30510, 30800);
