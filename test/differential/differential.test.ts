import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import { seatunnelHome, startSeaTunnelEngine, type SeaTunnelEngine } from '../support/seatunnel-engine.js';
import { runDifferential } from './differential.js';
import { describeVerdict, judge } from './report.js';
import { differentialRules } from './rules.js';
import { SCENARIO_2_3_8 } from './scenario.js';

/**
 * The differential suite: one scenario (scenario.ts) sent step by step to a real SeaTunnel 2.3.8
 * engine (from Maven Central, started here) and to a two-node simulator cluster with profile 2.3.8,
 * requests taking turns between our nodes. Every answer is compared on status line, headers, key
 * sets and order, types and every deterministic value (rules.ts). Zero differences outside the
 * deviation list (deviations.ts) pass.
 */
describe('differential: real SeaTunnel 2.3.8 vs simulator profile 2.3.8 (member + 2 nodes)', () => {
  let engine: SeaTunnelEngine | undefined;
  let cluster: LocalCluster | undefined;
  const logDir = 'logs/differential';

  before(async () => {
    rmSync(logDir, { recursive: true, force: true });
    [engine, cluster] = await Promise.all([
      startSeaTunnelEngine({ port: 15901, logFile: `${logDir}/seatunnel-engine.log` }),
      startLocalCluster({
        nodes: 2,
        members: 1,
        port: 21980,
        hzPort: 24701,
        clusterName: 'seatunnel-sim-differential',
        logDir,
        nodeEnv: { SEATUNNEL_SIM_PROFILE: '2.3.8', SEATUNNEL_SIM_LOG_LEVEL: 'warn' },
      }),
    ]);
    console.log(`real engine ready in ${engine.startMillis} ms on ${engine.baseUrl}`);
  });

  after(async () => {
    await Promise.all([engine?.stop(), cluster?.stop()]);
  });

  it('answers the scenario exactly as the real engine', async () => {
    assert.ok(engine && cluster, 'engine and cluster started');
    const enginePort = String(engine.port);
    const outcomes = await runDifferential(SCENARIO_2_3_8, {
      real: engine.baseUrl,
      sim: cluster.nodes.map((n) => n.url),
      rules: differentialRules({
        realMembers: 1,
        simMembers: cluster.nodes.length,
        simToReal: cluster.nodes.flatMap((n) => {
          const port = new URL(n.url).port;
          return [
            [`127.0.0.1:${port}`, `localhost:${enginePort}`],
            [`localhost:${port}`, `localhost:${enginePort}`],
          ] as Array<[string, string]>;
        }),
        // The engine's own install path stands where a distribution has /opt/seatunnel.
        realNormal: [[`file:${seatunnelHome()}`, 'file:/opt/seatunnel']],
      }),
    });
    const verdict = judge(outcomes);
    // Every exchange of both sides, for reading a difference in full.
    writeFileSync(`${logDir}/exchanges.json`, JSON.stringify(outcomes.map(({ name, request, real, sim }) => ({ name, request, real, sim })), null, 1));
    console.log(describeVerdict('differential 2.3.8', verdict));
    assert.equal(verdict.unexplained.length, 0, `${verdict.unexplained.length} differences from the real engine (listed above)`);
  });
});
