import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '@seatunnel-sim/cli';
import { startMember } from '@seatunnel-sim/cluster';
import { assertServing, batchJob, call, isGone, lostJobs, postJson, report, runLoad, STREAMING_JOB, submit, V1, waitFinished, waitFor } from './support.js';

const LOG_DIR = 'logs/faults-members';
const OPTIONS: LocalClusterOptions = {
  nodes: 2,
  members: 2,
  port: 21690,
  hzPort: 24311,
  clusterName: 'seatunnel-sim-faults-members',
  logDir: LOG_DIR,
  nodeEnv: { SEATUNNEL_SIM_LOG_LEVEL: 'warn' },
};

/**
 * Hazelcast faults under 2 node processes: one of two members killed (backup-count 1: nothing is
 * lost), then the last one too (the nodes answer 503 at once and recover by themselves when a
 * member is back on the same port — with an empty cluster, as every member died).
 */
describe('Hazelcast member faults', () => {
  let cluster: LocalCluster;
  const urls = () => cluster.nodes.map((n) => n.url);

  before(async () => {
    rmSync(LOG_DIR, { recursive: true, force: true });
    cluster = await startLocalCluster(OPTIONS);
  });
  after(async () => cluster?.stop());

  it('(b) one of two members killed with -9: no job lost, the nodes keep answering', async () => {
    const nodes = urls();
    const jobs: string[] = [];
    for (let i = 0; i < 8; i++) jobs.push(await submit(nodes[i % 2]!, batchJob(80, 20), `?jobName=before-member-kill-${i}`));
    const known = await submit(nodes[0]!, STREAMING_JOB, '?jobName=known');
    // While the survivor takes over the dead member's partitions a call may run out of its invocation
    // timeout: that is a 503 (retry), never a 500, a hang or a dropped connection.
    const load = runLoad(nodes, { millis: 8_000, concurrency: 8, maxRequests: 4_000, knownJob: known, allowed: [200, 503] });
    await sleep(1_500);
    // The first member is the cluster's master: the harder one to lose.
    await cluster.members[0]!.kill();
    const figures = await load;
    await waitFinished(nodes[1]!, jobs, 80, 30_000);
    await waitFinished(nodes[0]!, figures.submitted, 20, 30_000);
    const submitted = [...jobs, known, ...figures.submitted];
    const lost = await lostJobs(nodes, submitted);
    report('(b) one of two members killed', {
      'requests sent': figures.sent,
      'answered 503 during failover': figures.byStatus[503] ?? 0,
      failed: figures.failed,
      'slowest ms': figures.slowestMillis,
      'jobs submitted': submitted.length,
      lost: lost.length,
    });
    assert.deepEqual(lost, [], 'jobs lost with one member gone');
    assert.equal(figures.failed, 0, figures.failures.join('\n'));
    await assertServing(cluster, 'member kill');
  });

  it('(c) all members gone: a quick 503 in SeaTunnel\'s error shape, then recovery by itself when a member is back', async () => {
    const nodes = urls();
    const survivor = cluster.members.findIndex((m) => m.child.exitCode === null && m.child.signalCode === null);
    assert.ok(survivor >= 0);
    const port = cluster.members[survivor]!.port;
    const known = await submit(nodes[0]!, STREAMING_JOB, '?jobName=known');
    // Requests in flight when the last member dies get their answer too: 200 before, 503 after.
    const load = runLoad(nodes, { millis: 3_000, concurrency: 8, maxRequests: 3_000, knownJob: known, allowed: [200, 503] });
    await sleep(1_000);
    const killedAt = Date.now();
    await cluster.members[survivor]!.kill();
    const inFlight = await load;
    console.log(`(c) slowest call under load: ${inFlight.slowest}; last member killed at ${killedAt}`);
    assert.equal(inFlight.failed, 0, inFlight.failures.join('\n'));
    assert.ok((inFlight.byStatus[503] ?? 0) > 0, 'the load saw the outage');

    // Every node: 503 with {"status":"fail","message":…}, fast, on v1 and v2, reads and writes.
    let sent = 0;
    let slowest = 0;
    const to503 = await waitFor(
      'first 503',
      async () => {
        const reply = await call(`${nodes[0]}${V1}/running-jobs`, { timeoutMillis: 15_000 });
        sent++;
        return reply.status === 503;
      },
      15_000,
      50,
    );
    const outage: { what: string; status: number; millis: number; body: any }[] = [];
    for (let round = 0; round < 5; round++) {
      for (const base of nodes) {
        for (const [what, request] of [
          ['GET v1 running-jobs', () => call(`${base}${V1}/running-jobs`)],
          ['GET v2 job-info', () => call(`${base}/job-info/123`)],
          ['GET v2 overview', () => call(`${base}/overview`)],
          ['POST v1 submit-job', () => postJson(`${base}${V1}/submit-job`, batchJob(10))],
          ['POST v2 stop-job', () => postJson(`${base}/stop-job`, { jobId: 123 })],
        ] as const) {
          const reply = await request();
          sent++;
          slowest = Math.max(slowest, reply.millis);
          outage.push({ what: `${what} on ${base}`, status: reply.status, millis: reply.millis, body: reply.status ? reply.json() : reply.text });
        }
      }
      await sleep(200);
    }
    for (const answer of outage) {
      assert.equal(answer.status, 503, `${answer.what}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.status, 'fail', answer.what);
      assert.equal(typeof answer.body.message, 'string', answer.what);
      assert.ok(answer.millis < 2_000, `${answer.what} took ${answer.millis} ms`);
    }
    for (const node of cluster.nodes) assert.ok(!isGone(node), `${node.name} died without a cluster`);
    // Health tells orchestrators the truth: not ready while the cluster is gone.
    for (const base of nodes) {
      await waitFor(`${base} health 503 during the outage`, async () => (await call(`${base}/hazelcast/health/ready`)).status === 503, 10_000, 100);
    }

    // A member back on the same port (an empty cluster: all data died with the members).
    const restartedAt = Date.now();
    const member = await startMember({
      port,
      members: cluster.members.map((m) => m.address),
      clusterName: OPTIONS.clusterName,
      logFile: join(LOG_DIR, `member-${port}-restarted.log`),
    });
    cluster.members[survivor] = member;
    const memberReady = Date.now() - restartedAt;
    const recovered = await waitFor(
      'nodes serving again',
      async () => {
        for (const base of nodes) if ((await call(`${base}${V1}/running-jobs`)).status !== 200) return false;
        return true;
      },
      30_000,
      100,
    );
    for (const base of nodes) {
      await waitFor(`${base} health 200 after recovery`, async () => (await call(`${base}/hazelcast/health/ready`)).status === 200, 10_000, 100);
    }
    await waitFor('both nodes registered again', async () => (await call(`${nodes[0]}/overview`)).json().workers === '2', 10_000);
    const jobId = await submit(nodes[1]!, batchJob(20, 40));
    await waitFinished(nodes[0]!, [jobId], 20, 15_000);
    report('(c) all members gone', {
      'requests sent': sent + inFlight.sent,
      'answered 200 / 503': `${inFlight.byStatus[200] ?? 0} / ${sent + (inFlight.byStatus[503] ?? 0)}`,
      failed: inFlight.failed,
      'slowest answer under load ms': inFlight.slowestMillis,
      'ms from kill to first 503': to503,
      'slowest answer during the outage ms': slowest,
      'member ready ms': memberReady,
      'ms from member ready to serving': recovered,
      'outage total ms': Date.now() - killedAt,
      'jobs submitted after recovery': 1,
      lost: 0,
    });
    assert.ok(to503 < 5_000, `first 503 after ${to503} ms`);
  });

  it('(c2) a frozen member (SIGSTOP): calls end in 503 within the heartbeat timeout, not a hang; service resumes on SIGCONT', async () => {
    const nodes = urls();
    const member = cluster.members.find((m) => m.child.exitCode === null && m.child.signalCode === null)!;
    assert.equal((await call(`${nodes[0]}/running-jobs`)).status, 200);
    const frozenAt = Date.now();
    member.child.kill('SIGSTOP');
    try {
      // Calls started at different moments of the freeze: each must end, as a 503, within ~heartbeat timeout.
      const replies = await Promise.all(
        [0, 1_000, 3_000, 7_000].map(async (delay, i) => {
          await sleep(delay);
          const reply = await call(`${nodes[i % nodes.length]}${i % 2 ? V1 : ''}/running-jobs`, { timeoutMillis: 20_000 });
          return { delay, ...reply };
        }),
      );
      for (const reply of replies) {
        assert.equal(reply.status, 503, `call at +${reply.delay} ms: ${reply.text}`);
        assert.ok(reply.millis < 8_000, `call at +${reply.delay} ms hung ${reply.millis} ms`);
      }
      const to503 = Math.max(...replies.map((r) => r.delay + r.millis));
      member.child.kill('SIGCONT');
      const resumedAt = Date.now();
      const recovered = await waitFor('serving after SIGCONT', async () => (await call(`${nodes[0]}/running-jobs`)).status === 200, 20_000);
      report('(c2) frozen member', {
        'requests sent': replies.length,
        'answered 503': replies.filter((r) => r.status === 503).length,
        failed: replies.filter((r) => r.status !== 503).length,
        'slowest ms': Math.max(...replies.map((r) => r.millis)),
        'ms from freeze until every call had its 503': to503,
        'ms from SIGCONT to serving': recovered,
        'outage total ms': resumedAt - frozenAt + recovered,
      });
    } finally {
      member.child.kill('SIGCONT');
    }
  });
});
