import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCaptures, type RecordedExchange } from './capture-file.js';
import { send } from './exchange.js';
import { describeVerdict, judge } from './report.js';
import type { LeafRule } from './compare.js';
import { replay, type RecordingAdjustment } from './replay.js';
import { fromRelease239, LATER_RELEASES, laterReleaseLeaf, SNAPSHOT_TO_2_3_9 } from './release-changes.js';
import { differentialRules } from './rules.js';

/**
 * Replays what two real engines answered (shared/oracle/captures) against a two-node simulator
 * cluster with the matching profile, and compares every answer with the comparator of the
 * differential suite. 2.3.8 is a release; the 2.3.9 recording is a pre-release, so the changes
 * that 2.3.9 made after it are applied to the recording first (release-changes.ts, with their PRs).
 */
const CAPTURES = process.env['SEATUNNEL_SIM_ORACLE_DIR'] ?? new URL('../../differential/recordings', import.meta.url).pathname;

interface ReplayCase {
  profile: string;
  folder: string;
  port: number;
  hzPort: number;
  adjustments: RecordingAdjustment[];
  before?: Record<string, (node: string) => Promise<void>>;
  /** Rules for job fields that a recording cannot hold the release to (its new figures). */
  jobLeaf?: (inJob: string) => LeafRule | null;
}

const M = '/hazelcast/rest/maps';
const STREAM = JSON.stringify({
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 10, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});

/** A job the recorded engine ran before the recording (it shows in later answers): run here too. */
async function canceledJob(node: string, jobId: string, jobName: string): Promise<void> {
  const json = { 'Content-Type': 'application/json' };
  await send(node, { method: 'POST', path: `${M}/submit-job?jobId=${jobId}&jobName=${jobName}`, headers: json, body: STREAM });
  await sleep(1_000);
  await send(node, { method: 'POST', path: `${M}/stop-job`, headers: json, body: `{"jobId":${jobId}}` });
  for (let i = 0; i < 50; i++) {
    const info = await send(node, { method: 'GET', path: `${M}/job-info/${jobId}`, headers: {} });
    if (info.body.includes('"CANCELED"')) return;
    await sleep(100);
  }
  throw new Error(`preamble: job ${jobId} did not reach CANCELED`);
}

const CASES: ReplayCase[] = [
  {
    profile: '2.3.8',
    folder: '2.3.8',
    port: 21880,
    hzPort: 24601,
    adjustments: [],
    // The recorder had run job 4242 ("with_id", canceled) on this engine before extra/; extra/008 shows it.
    before: { '007_v1_submit-job_with_jobId.txt': (node) => canceledJob(node, '4242', 'with_id') },
  },
  { profile: '2.3.9', folder: 'snapshot', port: 21780, hzPort: 24501, adjustments: SNAPSHOT_TO_2_3_9 },
];

function recordings(folder: string): RecordedExchange[] {
  // The extra probes ran after the main scenario on the same engine: one timeline.
  const dir = join(CAPTURES, folder);
  return [...readCaptures(dir), ...readCaptures(join(dir, 'extra'))];
}

/** Starts a member and two nodes of the profile, replays the recording, stops the cluster. */
async function replayAgainst(c: ReplayCase): Promise<{ verdict: ReturnType<typeof judge>; title: string }> {
  const logDir = `logs/replay-${c.profile}`;
  rmSync(logDir, { recursive: true, force: true });
  const cluster: LocalCluster = await startLocalCluster({
    nodes: 2,
    members: 1,
    port: c.port,
    hzPort: c.hzPort,
    clusterName: `seatunnel-sim-replay-${c.profile.replace(/\./g, '-')}`,
    logDir,
    // At half speed our jobs are never ahead of the recorded ones (whose engine was slower, a cold
    // JVM): a GET waits for ours to reach the recorded state, it cannot wait for the past. The
    // recordings use v1, which releases from 2.3.10 ship switched off: enabled, as their users do.
    nodeEnv: { SEATUNNEL_SIM_PROFILE: c.profile, SEATUNNEL_SIM_LOG_LEVEL: 'warn', SEATUNNEL_SIM_SPEED: '0.5', SEATUNNEL_SIM_V1_ENABLED: 'true' },
  });
  try {
    const nodes = cluster.nodes;
    const outcomes = await replay(recordings(c.folder), {
      nodes: nodes.map((n) => n.url),
      // Our one port stands for the member port (v1 recordings) or Jetty's (v2): the addresses in
      // answers (log links) read as the recorded port.
      rules: (recordedPort) =>
        differentialRules({
          realMembers: 1,
          simMembers: nodes.length,
          simToReal: nodes.flatMap((n) => {
            const port = new URL(n.url).port;
            return [
              [`127.0.0.1:${port}`, `localhost:${recordedPort}`],
              [`localhost:${port}`, `localhost:${recordedPort}`],
            ] as Array<[string, string]>;
          }),
          realNormal: [],
          ...(c.jobLeaf ? { jobLeaf: c.jobLeaf } : {}),
        }),
      adjustments: c.adjustments,
      ...(c.before ? { before: c.before } : {}),
    });
    return { verdict: judge(outcomes), title: `replay ${c.folder} → ${c.profile}` };
  } finally {
    await cluster.stop();
  }
}

// SEATUNNEL_SIM_REPLAY=2.3.9 replays one profile only (while working on it).
const only = process.env['SEATUNNEL_SIM_REPLAY'];
for (const c of CASES.filter((x) => !only || x.profile === only)) {
  describe(`replay of recorded ${c.folder} answers against profile ${c.profile} (member + 2 nodes)`, () => {
    it('answers every recorded request as the real engine did', async () => {
      const { verdict, title } = await replayAgainst(c);
      console.log(describeVerdict(title, verdict));
      assert.equal(verdict.unexplained.length, 0, `${verdict.unexplained.length} differences from the recorded answers (listed above)`);
    });
  });
}

/**
 * The 2.3.9 recording replayed against each later release, with what that release changed applied
 * to the recorded answers (release-changes.ts, each change with its PR). The four run side by side:
 * a replay mostly waits, keeping the recording's pace.
 */
const LATER_CASES: ReplayCase[] = LATER_RELEASES.map((release, i) => ({
  profile: release,
  folder: 'snapshot',
  port: 21790 + 10 * i,
  hzPort: 24511 + 10 * i,
  adjustments: [...SNAPSHOT_TO_2_3_9, ...fromRelease239(release)],
  jobLeaf: laterReleaseLeaf(release),
}));
const later = LATER_CASES.filter((x) => !only || x.profile === only);
if (later.length > 0) {
  describe(`replay of the 2.3.9 recording against ${later.map((c) => c.profile).join(', ')} (member + 2 nodes each, side by side)`, () => {
    it('answers every recorded request as the release would have', async () => {
      const results = await Promise.all(later.map(replayAgainst));
      for (const { verdict, title } of results) console.log(describeVerdict(title, verdict));
      const unexplained = results.map(({ verdict, title }) => `${title}: ${verdict.unexplained.length}`);
      assert.ok(results.every(({ verdict }) => verdict.unexplained.length === 0), `differences from the recorded answers (listed above): ${unexplained.join(', ')}`);
    });
  });
}
