import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCaptures, type RecordedExchange } from './capture-file.js';
import { send } from './exchange.js';
import { describeVerdict, judge } from './report.js';
import { replay } from './replay.js';
import { SNAPSHOT_TO_2_3_9 } from './release-changes.js';
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
  adjustments: typeof SNAPSHOT_TO_2_3_9;
  before?: Record<string, (node: string) => Promise<void>>;
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

// SEATUNNEL_SIM_REPLAY=2.3.9 replays one profile only (while working on it).
const only = process.env['SEATUNNEL_SIM_REPLAY'];
for (const c of CASES.filter((x) => !only || x.profile === only)) {
  describe(`replay of recorded ${c.folder} answers against profile ${c.profile} (member + 2 nodes)`, () => {
    let cluster: LocalCluster | undefined;
    const logDir = `logs/replay-${c.profile}`;

    before(async () => {
      rmSync(logDir, { recursive: true, force: true });
      cluster = await startLocalCluster({
        nodes: 2,
        members: 1,
        port: c.port,
        hzPort: c.hzPort,
        clusterName: `seatunnel-sim-replay-${c.profile}`,
        logDir,
        // At half speed our jobs are never ahead of the recorded ones (whose engine was slower,
        // a cold JVM): a GET waits for ours to reach the recorded state, it cannot wait for the past.
        nodeEnv: { SEATUNNEL_SIM_PROFILE: c.profile, SEATUNNEL_SIM_LOG_LEVEL: 'warn', SEATUNNEL_SIM_SPEED: '0.5' },
      });
    });

    after(async () => {
      await cluster?.stop();
    });

    it('answers every recorded request as the real engine did', async () => {
      assert.ok(cluster, 'cluster started');
      const exchanges = recordings(c.folder);
      const nodes = cluster.nodes;
      const outcomes = await replay(exchanges, {
        nodes: cluster.nodes.map((n) => n.url),
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
          }),
        adjustments: c.adjustments,
        ...(c.before ? { before: c.before } : {}),
      });
      const verdict = judge(outcomes);
      console.log(describeVerdict(`replay ${c.folder} → ${c.profile}`, verdict));
      assert.equal(verdict.unexplained.length, 0, `${verdict.unexplained.length} differences from the recorded answers (listed above)`);
    });
  });
}
