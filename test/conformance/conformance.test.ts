import { AssertionError } from 'node:assert';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { startLocalCluster, type LocalCluster } from '@seatunnel-sim/cli';
import { atLeast, RELEASES, type EndpointId, type Release } from './check.js';
import { ALL_CHECKS } from './checks/index.js';
import { prepareFixtures } from './fixtures.js';
import { expand, runCheck, summaryTable, type RunContext, type Tally } from './runner.js';

/**
 * Black-box conformance of the REST API, once per release profile: a real Hazelcast member and
 * three node processes, every check on every node and on v1 and v2 where the endpoint exists on
 * both. Checks are written for 2.3.9; later releases apply their changes (release-changes.ts and
 * each check's own `changes`, with their PRs) and add their endpoints (`since`).
 * SEATUNNEL_SIM_CONFORMANCE=2.3.13 runs one release only (while working on it).
 */
const NODES = 3;
const CONTEXT_PATH = '/seatunnel';
const LOG_ROOT = 'logs/conformance';

/** RestApiIT's layout: fixed 20 slots per node, tags on two of the nodes, admin API for the clock. */
const NODE_TAGS = ['node=node1,zone=z1', 'node=node2,zone=z1', ''];

const only = process.env['SEATUNNEL_SIM_CONFORMANCE'];
const releases = RELEASES.filter((release) => !only || release === only);

releases.forEach((release, i) => conformance(release, 21280 + 10 * RELEASES.indexOf(release), 23901 + 10 * i));

function conformance(release: Release, port: number, hzPort: number): void {
  describe(`REST conformance of ${release} (member + 3 nodes, v1 and v2)`, () => {
    let cluster: LocalCluster | undefined;
    let ctx: RunContext | undefined;
    const clusterName = `seatunnel-sim-conformance-${release.replace(/\./g, '-')}`;
    const logDir = `${LOG_ROOT}/${release}`;
    const tallies = new Map<EndpointId, Tally>();
    const tally = (id: EndpointId): Tally => {
      let t = tallies.get(id);
      if (!t) tallies.set(id, (t = { checks: 0, expanded: 0, passed: 0, failed: 0 }));
      return t;
    };
    for (const check of ALL_CHECKS) if (!check.since || atLeast(release, check.since)) tally(check.endpoint).checks++;

    before(async () => {
      rmSync(logDir, { recursive: true, force: true });
      cluster = await startLocalCluster({
        nodes: NODES,
        members: 1,
        port,
        hzPort,
        clusterName,
        logDir,
        nodeEnv: {
          SEATUNNEL_SIM_PROFILE: release,
          // From 2.3.10 Hazelcast's REST (v1) is off unless enabled, as users who call it enable it.
          SEATUNNEL_SIM_V1_ENABLED: 'true',
          SEATUNNEL_SIM_ADMIN_API: 'true',
          SEATUNNEL_SIM_CONTEXT_PATH: CONTEXT_PATH,
          SEATUNNEL_SIM_DYNAMIC_SLOT: 'false',
          SEATUNNEL_SIM_SLOT_NUM: '20',
          SEATUNNEL_SIM_LOG_LEVEL: 'warn',
          // Per-job log files (log4j2 routing) and telemetry: both off by default, as in SeaTunnel.
          SEATUNNEL_SIM_SPLIT_JOB_LOGS: 'true',
          SEATUNNEL_SIM_TELEMETRY: 'true',
        },
        nodeEnvAt: (index): Record<string, string> => (NODE_TAGS[index] ? { SEATUNNEL_SIM_NODE_TAGS: NODE_TAGS[index]! } : {}),
      });
      const nodes = cluster.nodes.map((n, index) => ({ index, name: `node${index + 1}`, url: n.url, hostPort: new URL(n.url).host }));
      ctx = await prepareFixtures(nodes, CONTEXT_PATH, clusterName, release);
    });

    after(async () => {
      await cluster?.stop();
      console.log(`\nconformance checks of ${release} per endpoint (expanded = × ${NODES} nodes × APIs):\n${summaryTable(tallies)}\n`);
    });

    for (const expanded of expand(ALL_CHECKS, NODES, release)) {
      const t = tally(expanded.check.endpoint);
      t.expanded++;
      it(expanded.title, async () => {
        let problems: string[];
        let request = '';
        try {
          if (!ctx) throw new Error('the cluster or the fixture jobs could not be set up (see the before hook)');
          const outcome = await runCheck(expanded, ctx);
          problems = outcome.problems;
          request = outcome.request;
        } catch (error) {
          problems = [`could not run: ${(error as Error).message}`];
        }
        if (problems.length === 0) {
          t.passed++;
          return;
        }
        t.failed++;
        throw new AssertionError({ message: `${request}\n  - ${problems.join('\n  - ')}` });
      });
    }
  });
}
