import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalCluster, startNodeProcess, type LocalCluster, type LocalClusterOptions } from '@seatunnel-sim/cli';
import {
  assertServing,
  batchJob,
  call,
  isGone,
  jobLogLines,
  kill9,
  lostJobs,
  postJson,
  report,
  type Reply,
  runLoad,
  STREAMING_JOB,
  submit,
  V1,
  waitFinished,
  waitFor,
} from './support.js';

const LOG_DIR = 'logs/faults-nodes';
const OPTIONS: LocalClusterOptions = {
  nodes: 3,
  members: 1,
  port: 21680,
  hzPort: 24301,
  clusterName: 'seatunnel-sim-faults-nodes',
  logDir: LOG_DIR,
  // The admin API for (f)'s stall.
  nodeEnv: { SEATUNNEL_SIM_LOG_LEVEL: 'warn', SEATUNNEL_SIM_ADMIN_API: 'true' },
};

/**
 * Node faults on a real member + 3 node processes: racing writes from every node, a node killed
 * with -9 under steady load, a node restarted, and a busy node told from a frozen one. Figures
 * per fault are printed.
 */
describe('node faults', () => {
  let cluster: LocalCluster;
  const urls = () => cluster.nodes.map((n) => n.url);

  before(async () => {
    rmSync(LOG_DIR, { recursive: true, force: true });
    cluster = await startLocalCluster(OPTIONS);
  });
  after(async () => cluster?.stop());

  it('(d) races: concurrent submit-job / stop-job with one id from every node → one job, one transition', async () => {
    const nodes = urls();
    const ROUNDS = 10;
    let sent = 0;
    let failed = 0;
    const count = (status: number) => {
      sent++;
      if (status !== 200) failed++;
    };

    /**
     * Every racing caller is told the id it asked for and, as SeaTunnel echoes its request, the
     * name it asked for; one of those names is the job's, the same on every node.
     */
    const oneJob = async (replies: Reply[], names: string[], what: string): Promise<string> => {
      replies.forEach((reply, i) => {
        if (reply.status !== 200) return;
        assert.deepEqual(reply.json<{ jobId: string; jobName: string }>(), { jobId, jobName: names[i] }, `${what} ${i}: ${reply.text}`);
      });
      const stored = new Set<string>();
      for (const base of nodes) {
        assert.equal((await call(`${base}/running-jobs`)).json<{ jobId: string }[]>().filter((j) => j.jobId === jobId).length, 1, `${what}: running once on ${base}`);
        stored.add((await call(`${base}/job-info/${jobId}`)).json<{ jobName: string }>().jobName);
      }
      assert.equal(stored.size, 1, `${what}: nodes disagree on the job: ${[...stored].join(', ')}`);
      const [name] = [...stored];
      assert.ok(names.includes(name!), `${what}: the job's name ${name} is none of the requests'`);
      return name!;
    };

    // 1. Submit one id 30 times at once: one job starts, every caller is told that id.
    const jobId = String(800_000_000_000_000_000n + BigInt(Date.now()));
    const raceNames = Array.from({ length: ROUNDS * nodes.length }, (_, i) => `race-${i}`);
    const submits = await Promise.all(raceNames.map((name, i) => postJson(`${nodes[i % nodes.length]}${V1}/submit-job?jobId=${jobId}&jobName=${name}`, STREAMING_JOB)));
    for (const reply of submits) count(reply.status);
    await oneJob(submits, raceNames, 'submit');

    // 2. Stop it 30 times at once, cancel and savepoint mixed: exactly one stop wins.
    const stops = await Promise.all(
      Array.from({ length: ROUNDS * nodes.length }, (_, i) =>
        postJson(`${nodes[i % nodes.length]}${i % 2 ? V1 : ''}/stop-job`, { jobId, isStopWithSavePoint: i % 3 === 0 }),
      ),
    );
    for (const reply of stops) count(reply.status);
    const ended = await waitFor(
      'the raced job ending',
      async () => ['CANCELED', 'SAVEPOINT_DONE'].includes((await call(`${nodes[0]}/job-info/${jobId}`)).json().jobStatus),
      15_000,
    );
    const finished = (await call(`${nodes[1]}/finished-jobs`)).json<{ jobId: string; jobStatus: string }[]>().filter((j) => j.jobId === jobId);
    assert.equal(finished.length, 1, 'the job is in history once');

    // 3. Restore the ended id from its savepoint 30 times at once: one restore runs.
    const restoreNames = Array.from({ length: ROUNDS * nodes.length }, (_, i) => `restore-${i}`);
    const restores = await Promise.all(
      restoreNames.map((name, i) => postJson(`${nodes[i % nodes.length]}${V1}/submit-job?jobId=${jobId}&isStartWithSavePoint=true&jobName=${name}`, STREAMING_JOB)),
    );
    for (const reply of restores) count(reply.status);
    await oneJob(restores, restoreNames, 'restore');
    for (const base of nodes) {
      assert.equal((await call(`${base}/finished-jobs`)).json<{ jobId: string }[]>().filter((j) => j.jobId === jobId).length, 0);
    }

    // 4. A new id submitted and stopped at the same moment from different nodes: one job, whichever came first.
    const other = String(BigInt(jobId) + 1n);
    const mixed = await Promise.all(
      Array.from({ length: ROUNDS * nodes.length }, (_, i) =>
        i % 2
          ? postJson(`${nodes[i % nodes.length]}/stop-job`, { jobId: other })
          : postJson(`${nodes[i % nodes.length]}${V1}/submit-job?jobId=${other}`, STREAMING_JOB),
      ),
    );
    for (const reply of mixed) count(reply.status);
    const seen = [...(await call(`${nodes[2]}/running-jobs`)).json<{ jobId: string }[]>(), ...(await call(`${nodes[2]}/finished-jobs`)).json<{ jobId: string }[]>()];
    assert.equal(seen.filter((j) => j.jobId === other).length, 1, 'the submitted-and-stopped id is one job');

    // The job logs (each line written by the node that made the change) tell the same story.
    await sleep(500);
    assert.equal(jobLogLines(LOG_DIR, jobId, 'received new job').length, 2, 'one submit and one restore logged');
    assert.equal(jobLogLines(LOG_DIR, jobId, 'request').length, 1, 'one stop request logged');
    assert.ok(jobLogLines(LOG_DIR, jobId, 'to CANCELED.').length + jobLogLines(LOG_DIR, jobId, 'to SAVEPOINT_DONE.').length <= 1, 'one end state logged');
    assert.equal(jobLogLines(LOG_DIR, other, 'received new job').length, 1, 'the raced new id started once');

    // Stop the two streaming jobs again, so the next faults start from a quiet cluster.
    for (const id of [jobId, other]) assert.equal((await postJson(`${nodes[0]}/stop-job`, { jobId: id })).status, 200);
    report('(d) races', { 'requests sent': sent, failed, 'jobs submitted': 2, lost: (await lostJobs(nodes, [jobId, other])).length, 'ms to end': ended });
    assert.equal(failed, 0);
  });

  it('(a) kill -9 of a node under steady load: nothing fails on the survivors, its jobs are adopted and finish', async () => {
    const [victim, ...survivors] = cluster.nodes as [(typeof cluster.nodes)[0], ...typeof cluster.nodes];
    const survivorUrls = survivors.map((n) => n.url);
    // Jobs owned by the victim (a job is owned by the node that accepted it): 60 rows at an explicit 20 rows/s,
    // read from 0.3 s after RUNNING, so about 3.3 s: still running when the victim dies ~1 s into the load.
    const owned: string[] = [];
    for (let i = 0; i < 6; i++) owned.push(await submit(victim.url, batchJob(60, 20), `?jobName=owned-${i}`));
    const known = await submit(survivorUrls[0]!, STREAMING_JOB, '?jobName=known');

    const load = runLoad(survivorUrls, { millis: 6_000, concurrency: 8, maxRequests: 4_000, knownJob: known });
    await sleep(1_000);
    const killedAt = Date.now();
    await kill9(victim);
    // Adoption shows in the survivors' job logs (SeaTunnel's restore line), watched while the load runs.
    const adoption = waitFor(
      'the victim\'s jobs adopted',
      async () => owned.every((id) => jobLogLines(LOG_DIR, id, 'left the cluster').length >= 1),
      20_000,
      100,
    ).then(() => Date.now() - killedAt);
    const figures = await load;
    const adoptedAfter = await adoption;
    await waitFinished(survivorUrls[1]!, owned, 60, 30_000);
    const finishedAfter = Date.now() - killedAt;
    await waitFinished(survivorUrls[0]!, figures.submitted, 20, 30_000);
    const submitted = [...owned, known, ...figures.submitted];
    const lost = await lostJobs(survivorUrls, submitted);
    assert.equal((await postJson(`${survivorUrls[0]}/stop-job`, { jobId: known })).status, 200);
    report('(a) node kill -9 under load', {
      'requests sent': figures.sent,
      failed: figures.failed,
      'slowest ms': figures.slowestMillis,
      'jobs submitted': submitted.length,
      lost: lost.length,
      'adopted within ms': adoptedAfter,
      'its jobs finished within ms': finishedAfter,
    });
    assert.equal(figures.failed, 0, figures.failures.join('\n'));
    assert.ok(figures.sent > 50, `only ${figures.sent} requests sent`);
    assert.deepEqual(lost, []);
    await assertServing(cluster, 'node kill');
  });

  it('(e) a restarted node rejoins and serves at once', async () => {
    const index = cluster.nodes.findIndex((n) => n.child.exitCode !== null || n.child.signalCode !== null);
    assert.ok(index >= 0, 'a killed node to restart');
    const history = (await call(`${cluster.nodes[(index + 1) % cluster.nodes.length]!.url}/finished-jobs`)).json<{ jobId: string }[]>();
    assert.ok(history.length > 0);
    const started = Date.now();
    const node = await startNodeProcess(OPTIONS, cluster.members.map((m) => m.address), index);
    const readyMillis = Date.now() - started;
    cluster.nodes[index] = node;
    assert.equal(node.port, OPTIONS.port + index, 'takes the free port again by auto-increment');
    // The very first requests: history, a job, the node count, a submit.
    const first = await call(`${node.url}/finished-jobs`);
    assert.equal(first.status, 200);
    const served = new Set(first.json<{ jobId: string }[]>().map((j) => j.jobId));
    for (const job of history) assert.ok(served.has(job.jobId), `history ${job.jobId} on the restarted node`);
    const sample = history[0]!.jobId;
    const peer = cluster.nodes[(index + 1) % cluster.nodes.length]!.url;
    assert.deepEqual((await call(`${node.url}${V1}/job-info/${sample}`)).json(), (await call(`${peer}${V1}/job-info/${sample}`)).json());
    assert.equal((await call(`${node.url}/overview`)).json().workers, String(cluster.nodes.length));
    const jobId = await submit(node.url, batchJob(20, 40));
    await waitFinished(peer, [jobId], 20, 10_000);
    report('(e) node restart', { 'ms to ready': readyMillis, 'ms to first answer': first.millis, 'requests sent': 5, failed: 0, 'jobs submitted': 1, lost: 0 });
  });

  it('(f) a node whose main thread is busy for 2 s keeps its jobs; a frozen one (SIGSTOP) has them adopted', async () => {
    const victim = cluster.nodes.find((n) => !isGone(n) && n !== cluster.nodes[0])!;
    const job = await submit(victim.url, STREAMING_JOB, '?jobName=busy-owner');
    // Peers probe a peer only after they saw it answer once, and judge it by heartbeats they saw move.
    await sleep(2_000);
    // Busy as in a 100 000-job listing: its heartbeat stalls for 2 s (under the registry's 3 s TTL),
    // so its peers probe it. Answered from the main thread, the probe went unanswered and its jobs
    // were taken; its liveness thread answers for it.
    const stall = await postJson(`${victim.url}/_sim/node/stall`, { millis: 2_000 });
    assert.equal(stall.status, 200, stall.text);
    await sleep(1_500);
    assert.deepEqual(jobLogLines(LOG_DIR, job, 'left the cluster'), [], 'a busy node kept its job');
    // Frozen: its liveness thread is frozen too, so the probe stays silent.
    const frozenAt = Date.now();
    victim.child.kill('SIGSTOP');
    try {
      const adoptedAfter = await waitFor('the frozen node\'s job adopted', async () => jobLogLines(LOG_DIR, job, 'left the cluster').length >= 1, 20_000, 100).then(
        () => Date.now() - frozenAt,
      );
      report('(f) busy and frozen node', { 'busy ms': stall.json<{ stalledMillis: number }>().stalledMillis, 'jobs moved while busy': 0, 'frozen: adopted within ms': adoptedAfter });
    } finally {
      victim.child.kill('SIGCONT');
    }
    const survivor = cluster.nodes.find((n) => !isGone(n) && n !== victim)!;
    assert.equal((await postJson(`${survivor.url}/stop-job`, { jobId: job })).status, 200);
  });
});
