import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { isEndState, JOB_STATUSES } from '@seatunnel-sim/engine';
import { connect, createNetwork, disconnect, logsOf, removeLabelled, runContainer } from './docker-cli.js';
import { PartitionLedger, type ListedJob, type NodeView, type Side } from './partition-ledger.js';

/**
 * A network partition between Hazelcast members, in containers. Three members (hz1, hz2, hz3) on
 * one network; node1 and node2 talk to every member, node3 only to hz3, over a second network that
 * the cut leaves alone. `docker network disconnect` then takes hz3 off the members' network: hz1 +
 * hz2 (the majority) and hz3 + node3 (the minority) each go on alone. Both sides are sent submits,
 * stops and reads throughout; then the network heals and the halves merge. The member config's
 * split-brain protection (a majority of 3) and the job maps' merge policy are what is under test.
 */

const HAZELCAST_IMAGE = process.env['HAZELCAST_IMAGE'] ?? 'seatunnel-sim/hazelcast:5.6.0';
const NODE_IMAGE = process.env['SEATUNNEL_SIM_IMAGE'] ?? 'seatunnel-sim/node:latest';
const RUN = `${process.pid}`;
const MEMBERS_NET = `stsim-partition-members-${RUN}`;
const LINK_NET = `stsim-partition-link-${RUN}`;
// Fixed subnets: hz3 must come back at the address the other members knew it by.
const MEMBERS_SUBNET = '172.29.77.0/24';
const LINK_SUBNET = '172.29.78.0/24';
const HZ = [
  { name: `hz1-${RUN}`, alias: 'hz1', ip: '172.29.77.11' },
  { name: `hz2-${RUN}`, alias: 'hz2', ip: '172.29.77.12' },
  { name: `hz3-${RUN}`, alias: 'hz3', ip: '172.29.77.13', linkIp: '172.29.78.13' },
] as const;
const CLUSTER = `partition-${RUN}`;
const V1 = '/hazelcast/rest/maps';
const SPLIT_SECONDS = 30;

const STREAM = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console' }],
};
/** Done in ~rows/10 s: batch jobs end (and are archived) while the cluster is split. */
const BATCH = (rows: number) => ({
  env: { 'job.mode': 'BATCH', 'sim.rows-per-second': 10 },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': rows, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});

interface Answer {
  status: number;
  body: any;
}

/** One REST call; a timeout or refused connection is status 0 (never acknowledged). */
async function call(url: string, init?: RequestInit): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: kept as text */
    }
    return { status: response.status, body };
  } catch {
    return { status: 0, body: null };
  }
}

const post = (url: string, body: unknown): Promise<Answer> =>
  call(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

async function until<T>(what: string, millis: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + millis;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${millis} ms`);
    await sleep(500);
  }
}

async function clusterSize(ip: string): Promise<number | undefined> {
  const answer = await call(`http://${ip}:5701/hazelcast/health`);
  return answer.status === 200 && typeof answer.body?.clusterSize === 'number' ? answer.body.clusterSize : undefined;
}

interface Node {
  name: string;
  url: string;
  side: Side;
}

describe('e2e: a network partition between 3 members, nodes on both sides, then the heal', () => {
  const nodes: Node[] = [
    { name: `node1-${RUN}`, url: 'http://172.29.77.21:8080', side: 'majority' },
    { name: `node2-${RUN}`, url: 'http://172.29.77.22:8080', side: 'majority' },
    { name: `node3-${RUN}`, url: 'http://172.29.78.23:8080', side: 'minority' },
  ];
  const [node1, node2, node3] = nodes as [Node, Node, Node];

  before(async () => {
    await removeLabelled();
    await createNetwork(MEMBERS_NET, MEMBERS_SUBNET);
    await createNetwork(LINK_NET, LINK_SUBNET);
    const memberList = HZ.map((m) => `${m.alias}:5701`).join(',');
    await Promise.all(
      HZ.map((m) =>
        runContainer({
          name: m.name,
          image: HAZELCAST_IMAGE,
          network: MEMBERS_NET,
          ip: m.ip,
          aliases: [m.alias],
          env: { MEMBER_LIST: memberList, MEMBER_CLUSTER_NAME: CLUSTER, JAVA_OPTS: '-Xms64m -Xmx256m' },
        }),
      ),
    );
    await until('3 members in one cluster', 120_000, async () => ((await clusterSize(HZ[0].ip)) === 3 ? true : undefined));
    // hz3's second interface: node3's only way to the cluster, and one the cut leaves alone.
    await connect(LINK_NET, HZ[2].name, HZ[2].linkIp);
    const nodeEnv = (name: string, host: string, members: string): Record<string, string> => ({
      SEATUNNEL_SIM_HOST: '0.0.0.0',
      SEATUNNEL_SIM_PORT: '8080',
      SEATUNNEL_SIM_ADVERTISED_HOST: host,
      SEATUNNEL_SIM_HZ_MEMBERS: members,
      SEATUNNEL_SIM_HZ_CLUSTER_NAME: CLUSTER,
      SEATUNNEL_SIM_NODE_NAME: name,
    });
    await runContainer({ name: node1.name, image: NODE_IMAGE, network: MEMBERS_NET, ip: '172.29.77.21', env: nodeEnv('node1', '172.29.77.21', memberList) });
    await runContainer({ name: node2.name, image: NODE_IMAGE, network: MEMBERS_NET, ip: '172.29.77.22', env: nodeEnv('node2', '172.29.77.22', memberList) });
    await runContainer({
      name: node3.name,
      image: NODE_IMAGE,
      network: LINK_NET,
      ip: '172.29.78.23',
      // Only hz3 is reachable from here: no smart routing, or the client would chase the others.
      env: { ...nodeEnv('node3', '172.29.78.23', `${HZ[2].linkIp}:5701`), SEATUNNEL_SIM_HZ_SMART_ROUTING: 'false' },
    });
    for (const node of nodes) {
      await until(`${node.name} ready`, 60_000, async () => ((await call(`${node.url}/hazelcast/health/ready`)).status === 200 ? true : undefined));
    }
  });

  after(async () => {
    await removeLabelled();
  });

  it('serves on the majority, answers 503 on the minority, and after the merge every acknowledged job exists once, never moved back', async (t) => {
    const ledger = new PartitionLedger();
    const submit = async (node: Node, body: unknown, name: string): Promise<Answer> => {
      const answer = await post(`${node.url}${V1}/submit-job?jobName=${name}`, body);
      if (answer.status === 200 && typeof answer.body?.jobId === 'string') ledger.acknowledgeSubmit(answer.body.jobId, node.side);
      return answer;
    };
    const stop = async (node: Node, jobId: string): Promise<Answer> => {
      // The id as a JSON number, written out: 19 digits do not survive a JS number.
      const answer = await post(`${node.url}${V1}/stop-job`, `{"jobId":${jobId},"isStopWithSavePoint":false}`);
      if (answer.status === 200) ledger.acknowledgeStop(jobId, node.side);
      return answer;
    };
    const look = async (node: Node, jobId: string): Promise<Answer> => {
      const answer = await call(`${node.url}${V1}/job-info/${jobId}`);
      if (answer.status === 200 && typeof answer.body?.jobStatus === 'string') ledger.saw(jobId, answer.body.jobStatus);
      return answer;
    };
    const listing = async (node: Node): Promise<NodeView | undefined> => {
      const [running, finished] = await Promise.all([call(`${node.url}${V1}/running-jobs`), call(`${node.url}${V1}/finished-jobs`)]);
      if (running.status !== 200 || finished.status !== 200) return undefined;
      const view: NodeView = { node: node.name, running: running.body as ListedJob[], finished: finished.body as ListedJob[] };
      for (const job of [...view.running, ...view.finished]) ledger.saw(job.jobId, job.jobStatus);
      return view;
    };

    // Before the cut: streaming jobs on every node, and batch jobs that will end during it.
    const streaming: string[] = [];
    for (let i = 0; i < 18; i++) {
      const answer = await submit(nodes[i % 3]!, STREAM, `before-${i}`);
      assert.equal(answer.status, 200, `submit before the cut: ${JSON.stringify(answer.body)}`);
      streaming.push(answer.body.jobId);
    }
    for (let i = 0; i < 6; i++) assert.equal((await submit(nodes[i % 3]!, BATCH(100 + 20 * i), `batch-before-${i}`)).status, 200);
    for (const node of nodes) assert.ok(await listing(node), `${node.name} lists before the cut`);

    // The cut.
    await disconnect(MEMBERS_NET, HZ[2].name);
    const cutAt = Date.now();
    const since = (): string => `${((Date.now() - cutAt) / 1000).toFixed(1)} s`;
    let minority503At: number | undefined;
    let minority503Body: any;
    let minorityAckAfter503 = 0;
    let majorityAcks = 0;
    let majorityAcksAfterMinority503 = 0;

    const stopsFor: Record<Side, string[]> = { majority: streaming.slice(0, 4), minority: streaming.slice(4, 8) };
    // One job both sides stop.
    stopsFor.majority.push(streaming[8]!);
    stopsFor.minority.push(streaming[8]!);

    const drive = async (side: Side): Promise<void> => {
      const mine = nodes.filter((n) => n.side === side);
      const toStop = [...stopsFor[side]];
      for (let i = 0; Date.now() - cutAt < SPLIT_SECONDS * 1000; i++) {
        const node = mine[i % mine.length]!;
        // A stop first: the minority's first write lands before it notices the cut.
        const answer = i % 3 === 0 && toStop.length > 0
          ? await stop(node, toStop.shift()!)
          : await submit(node, i % 2 === 0 ? STREAM : BATCH(40), `split-${side}-${i}`);
        await look(node, streaming[i % streaming.length]!);
        if (side === 'minority') {
          if (answer.status === 503 && minority503At === undefined) {
            minority503At = Date.now();
            minority503Body = answer.body;
          }
          if (answer.status === 200 && minority503At !== undefined) minorityAckAfter503++;
        } else if (answer.status === 200) {
          majorityAcks++;
          if (minority503At !== undefined) majorityAcksAfterMinority503++;
        }
        await sleep(250);
      }
    };
    await Promise.all([drive('majority'), drive('minority')]);
    const minorityCutOffAfter = minority503At === undefined ? undefined : (minority503At - cutAt) / 1000;
    t.diagnostic(`split for ${since()}: minority answered 503 after ${minorityCutOffAfter?.toFixed(1) ?? 'never'} s, majority acknowledged ${majorityAcks} writes`);

    // While cut off, the minority answers in SeaTunnel's error shape and reads are refused too.
    // 5 s of silence before hz3 drops the others, plus calls already waiting on them (10 s timeout).
    assert.ok(minorityCutOffAfter !== undefined && minorityCutOffAfter < 20, `minority never answered 503 (after ${since()})`);
    assert.equal(minority503Body?.status, 'fail');
    assert.match(String(minority503Body?.message), /majority|not reachable/);
    const minorityRead = await call(`${node3.url}${V1}/running-jobs`);
    assert.equal(minorityRead.status, 503, `running-jobs on the minority: ${minorityRead.status}`);
    assert.equal(minorityAckAfter503, 0, 'the minority acknowledged a write after it knew it had lost the majority');
    assert.ok(majorityAcksAfterMinority503 > 0, 'the majority acknowledged nothing while the minority was cut off');

    // The heal.
    await connect(MEMBERS_NET, HZ[2].name, HZ[2].ip, [HZ[2].alias]);
    const healAt = Date.now();
    try {
      await until('one cluster of 3 again', 120_000, async () => ((await clusterSize(HZ[0].ip)) === 3 && (await clusterSize(HZ[2].ip)) === 3 ? true : undefined));
      await until('node3 serves again', 60_000, async () => ((await call(`${node3.url}${V1}/running-jobs`)).status === 200 ? true : undefined));
    } catch (error) {
      for (const m of HZ) t.diagnostic(`${m.name}:\n${await logsOf(m.name)}`);
      t.diagnostic(`${node3.name}:\n${await logsOf(node3.name)}`);
      throw error;
    }
    const mergedAfter = (Date.now() - healAt) / 1000;

    // Settled: every node shows every job once and all agree (stops in flight end meanwhile).
    const endStates = new Set<string>(JOB_STATUSES.filter(isEndState));
    let audit = ledger.audit([], endStates);
    const settleStart = Date.now();
    for (;;) {
      const views = (await Promise.all(nodes.map(listing))).filter((v): v is NodeView => v !== undefined);
      if (views.length === nodes.length) {
        audit = ledger.audit(views, endStates);
        if (audit.problems.length === 0) break;
      }
      if (Date.now() - settleStart > 30_000) break;
      await sleep(1000);
    }
    const settledAfter = (Date.now() - settleStart) / 1000;
    // Jobs the merge left in both maps, which a node then settled (JobRepository.settleMerges).
    let copiesSettled = 0;
    for (const node of nodes) copiesSettled += (await logsOf(node.name, 100_000)).split('kept the later copy').length - 1;
    const counts =
      `acknowledged ${audit.acknowledged} (minority ${audit.acknowledgedByMinority}), present ${audit.present}, ` +
      `duplicated ${audit.duplicated}, regressed ${audit.regressed}, disagreeing ${audit.disagreeing}, ` +
      `stops acknowledged ${audit.stopsAcknowledged} (minority ${audit.stopsByMinority}) honoured ${audit.stopsHonoured}; ` +
      `minority 503 after ${minorityCutOffAfter.toFixed(1)} s; merged ${mergedAfter.toFixed(1)} s after the heal, settled ${settledAfter.toFixed(1)} s later; ` +
      `copies in both maps settled by nodes: ${copiesSettled}`;
    console.log(`# partition: ${counts}`);
    t.diagnostic(counts);
    assert.deepEqual(audit.problems, []);
    assert.equal(audit.present, audit.acknowledged);
    assert.equal(audit.duplicated, 0);
    assert.equal(audit.regressed, 0);
    assert.equal(audit.stopsHonoured, audit.stopsAcknowledged);
    // Every node serves every acknowledged job again.
    for (const jobId of ledger.submitted.keys()) {
      const answer = await look(node3, jobId);
      assert.equal(answer.status, 200, `job-info ${jobId} on node3 after the heal`);
      assert.equal(answer.body.jobId, jobId);
    }
  });
});
