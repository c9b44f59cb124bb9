import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningNode } from '../src/index.js';
import { call, DOCS_EXAMPLE, openTestStore, post, startTestNode, type TestStore } from './support.js';

const V1 = '/hazelcast/rest/maps';
const V2 = '/seatunnel';

/**
 * Overview, system monitoring, threads, tags, encrypt-config, logs, /hazelcast/rest/cluster and
 * telemetry on two nodes with fixed slots, tags and a log directory each.
 */
describe('cluster, config, log and telemetry endpoints', () => {
  let store: TestStore;
  let logRoot: string;
  const nodes: RunningNode[] = [];
  let a: string;
  let b: string;

  before(async () => {
    store = await openTestStore('memory'); // a store of its own: exact cluster-wide counts
    logRoot = mkdtempSync(join(tmpdir(), 'seatunnel-sim-logs-'));
    for (const [i, tags] of [{ node: 'node1', zone: 'a b' }, { node: 'node2' }].entries()) {
      const env = {
        SEATUNNEL_SIM_PORT: '28180',
        SEATUNNEL_SIM_CONTEXT_PATH: V2,
        SEATUNNEL_SIM_LOG_DIR: join(logRoot, `node${i + 1}`),
        // Job logs split per job (log4j2 routing) and telemetry on: both off by default, as in SeaTunnel.
        SEATUNNEL_SIM_SPLIT_JOB_LOGS: 'true',
        SEATUNNEL_SIM_TELEMETRY: 'true',
      };
      nodes.push(
        await startTestNode(store, env, `test-node-${i}`, [
          [['node', 'tags'], tags],
          [['seatunnel', 'engine', 'slot-service'], { 'dynamic-slot': false, 'slot-num': 20 }],
        ]),
      );
      await sleep(20); // distinct start times: the first node is the master
    }
    [a, b] = nodes.map((n) => n.url) as [string, string];
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await store.release();
    rmSync(logRoot, { recursive: true, force: true });
  });

  describe('overview', () => {
    it('answers on both nodes and APIs with string values in SeaTunnel key order', async () => {
      for (const url of [`${a}${V1}/overview`, `${b}${V2}/overview`]) {
        const res = await call(url);
        assert.equal(res.status, 200);
        const view = res.json();
        assert.deepEqual(Object.keys(view), ['projectVersion', 'gitCommitAbbrev', 'totalSlot', 'unassignedSlot', 'runningJobs', 'finishedJobs', 'failedJobs', 'cancelledJobs', 'workers']);
        assert.ok(Object.values(view).every((v) => typeof v === 'string'));
        assert.equal(view.projectVersion, '2.3.9');
        assert.equal(view.gitCommitAbbrev, 'DeadD0d0');
        assert.equal(view.workers, '2');
        assert.equal(view.totalSlot, '40');
      }
    });

    it('filters by tags: v1 reads the raw query, v2 decodes it', async () => {
      const one = (await call(`${a}${V1}/overview?node=node1`)).json();
      assert.deepEqual([one.workers, one.totalSlot], ['1', '20']);
      assert.equal((await call(`${b}${V2}/overview?node=node3`)).json().workers, '0');
      assert.equal((await call(`${a}${V2}/overview?zone=a%20b`)).json().workers, '1');
      assert.equal((await call(`${a}${V1}/overview?zone=a%20b`)).json().workers, '0');
      const dup = await call(`${a}${V1}/overview?node=node1&node=node2`);
      assert.equal(dup.status, 500);
      assert.equal(dup.json().message, 'Duplicate key node (attempted merging values node1 and node2)');
    });
  });

  describe('system-monitoring-information', () => {
    it('lists every node, master first, with its own port and every value a string', async () => {
      for (const url of [`${a}${V1}/system-monitoring-information`, `${b}${V2}/system-monitoring-information`]) {
        const list = (await call(url)).json() as Record<string, string>[];
        assert.equal(list.length, 2);
        assert.deepEqual(list.map((m) => [m['isMaster'], m['port']]), [['true', '28180'], ['false', '28181']]);
        for (const m of list) {
          assert.deepEqual(Object.keys(m).slice(0, 5), ['isMaster', 'host', 'port', 'processors', 'physical.memory.total']);
          assert.equal(Object.keys(m).at(-1), 'connection.count');
          assert.ok(Object.values(m).every((v) => typeof v === 'string'));
          assert.match(m['physical.memory.total']!, /^\d+\.\dG$/);
          assert.match(m['heap.memory.used/max']!, /^\d+\.\d\d%$/);
          assert.match(m['minor.gc.time']!, /^\d+ms$/);
          assert.ok(Number(m['processors']) >= 1);
          assert.ok(Number(m['thread.count']) >= 1);
        }
      }
    });
  });

  describe('threads', () => {
    it('dumps the event loop and the native pools', async () => {
      const dump = (await call(`${b}${V2}/thread-dump`)).json() as any[];
      const main = dump.find((t) => t.threadName === 'main');
      assert.deepEqual(Object.keys(main), ['threadName', 'threadId', 'threadState', 'stackTrace']);
      assert.equal(main.threadId, 1);
      assert.equal(main.threadState, 'RUNNABLE');
      assert.match(main.stackTrace, /threads\(node-service\.js:\d+\)/);
      assert.ok(dump.some((t) => t.threadName.startsWith('libuv-worker-') && t.threadState === 'WAITING'));
      const threads = (await call(`${a}${V1}/running-threads`)).json() as any[];
      const names = threads.map((t) => t.threadName);
      assert.deepEqual(names, [...names].sort());
      assert.ok(threads.every((t) => Object.keys(t).join() === 'threadName,classLoader' && typeof t.classLoader === 'string'));
    });
  });

  describe('update-tags', () => {
    it('replaces the answering node tags (v1 PUT with a message, v2 without)', async () => {
      const v1 = await call(`${b}${V1}/update-tags`, { method: 'PUT', body: '{"node":"node2","rack":null,"n":5}' });
      assert.equal(v1.status, 200);
      assert.deepEqual(v1.json(), { status: 'success', message: 'update node tags done.' });
      assert.equal((await call(`${a}${V2}/overview?rack=`)).json().workers, '1');
      assert.equal((await call(`${a}${V2}/overview?n=5`)).json().workers, '1');
      const v2 = await post(`${b}${V2}/update-tags`, { node: 'node2' });
      assert.equal(v2.text, '{"status":"success"}');
      assert.equal((await call(`${a}${V2}/overview?rack=`)).json().workers, '0');
    });

    it('refuses bodies as SeaTunnel does', async () => {
      const cases: [string, string, number, string | null][] = [
        [V1, '', 400, 'Request body is empty.'],
        [V2, '{nope', 400, 'Invalid JSON format in request body.'],
        [V2, '["a"]', 400, 'Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.Object>` from Array value (token `JsonToken.START_ARRAY`)\n at [Source: UNKNOWN; byte offset: #UNKNOWN]'],
      ];
      for (const [api, body, status, message] of cases) {
        const res = await post(`${b}${api}/update-tags`, body);
        assert.equal(res.status, status, body);
        assert.equal(res.json().message, message);
      }
      assert.equal((await call(`${a}${V2}/update-tags`)).status, 405);
    });
  });

  describe('encrypt-config', () => {
    const body =
      '{"env":{"parallelism":1,"shade.identifier":"base64"},"source":[{"plugin_name":"MySQL-CDC","id":733584788375666689,"username":"seatunnel","password":"seatunnel_password"}],' +
      '"transform":[],"sink":[{"plugin_name":"Clickhouse","username":"seatunnel","password":"seatunnel_password"}]}';

    it('shades sensitive options on v1 and v2, keeping order and exact numbers', async () => {
      for (const url of [`${a}${V1}/encrypt-config`, `${b}${V2}/encrypt-config`]) {
        const res = await post(url, body);
        assert.equal(res.status, 200);
        assert.equal(
          res.text,
          '{"env":{"parallelism":1,"shade.identifier":"base64"},"source":[{"plugin_name":"MySQL-CDC","id":733584788375666689,"username":"c2VhdHVubmVs","password":"c2VhdHVubmVsX3Bhc3N3b3Jk"}],' +
            '"transform":[],"sink":[{"plugin_name":"Clickhouse","username":"c2VhdHVubmVs","password":"c2VhdHVubmVsX3Bhc3N3b3Jk"}]}',
        );
      }
    });

    it('fails as SeaTunnel fails', async () => {
      const empty = await post(`${a}${V1}/encrypt-config`, '{"env":{},"source":[],"sink":[{}]}');
      assert.equal(empty.status, 400);
      assert.equal(empty.json().message, 'Miss <Source> config! Please check the config file.');
      // Java 17's helpful NullPointerException text, as a real 2.3.8 engine answers (captures/2.3.8/035).
      const missing = '{"status":"fail","message":"Cannot invoke \\"java.util.List.isEmpty()\\" because \\"sinks\\" is null"}';
      const missingV1 = await post(`${a}${V1}/encrypt-config`, '{"env":{},"source":[{}]}');
      assert.equal(missingV1.status, 500);
      assert.equal(missingV1.text, missing);
      const missingV2 = await post(`${a}${V2}/encrypt-config`, '{"env":{},"source":[{}]}');
      assert.equal(missingV2.text, missing);
      assert.equal((await post(`${a}${V2}/encrypt-config`, '')).json().message, 'Request body is empty.');
    });
  });

  describe('jobs seen by overview, logs and telemetry', () => {
    let jobId: string;

    before(async () => {
      const res = await post(`${a}${V1}/submit-job?jobName=log_test`, { ...DOCS_EXAMPLE, env: { 'job.mode': 'STREAMING' } });
      assert.equal(res.status, 200);
      jobId = res.json().jobId;
      await sleep(300);
    });

    it('counts the running job and its slots in the overview', async () => {
      const view = (await call(`${b}${V1}/overview`)).json();
      assert.equal(view.runningJobs, '1');
      assert.equal(view.totalSlot, '40');
      assert.ok(Number(view.unassignedSlot) < 40);
    });

    it("writes the job's log on the node that runs it, in log4j layout", async () => {
      const text = readFileSync(join(logRoot, 'node1', `job-${jobId}.log`), 'utf8');
      assert.match(text, new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[o\\.a\\.s\\.e\\.s\\.m\\.JobMaster +\\] \\[hz\\.main\\.seaTunnel\\.task\\.thread-\\d\\] - Init JobMaster for Job log_test \\(${jobId}\\)$`, 'm'));
    });

    it('lists log names: v1 as text/plain, v2 as application/json', async () => {
      const v1 = await fetch(`${a}${V1}/get-all-log-name`);
      assert.match(v1.headers.get('content-type') ?? '', /^text\/plain/);
      // The job's own file on the node that runs it, next to every node's server log and console copy.
      assert.deepEqual(JSON.parse(await v1.text()), [`job-${jobId}.log`, 'seatunnel-engine-server.log', 'seatunnel-server.out']);
      const v2 = await fetch(`${b}${V2}/get-all-log-name`);
      assert.match(v2.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(await v2.json(), ['seatunnel-engine-server.log', 'seatunnel-server.out']);
    });

    it('lists every node files with links to the node that has them', async () => {
      const host = new URL(a).hostname;
      const v1 = (await call(`${b}${V1}/logs?format=json`)).json();
      const file = (url: string, name: string) => ({ node: new URL(url).host, logLink: `${url}${V1}/logs/${name}`, logName: name });
      assert.deepEqual(v1, [
        file(a, `job-${jobId}.log`),
        file(a, 'seatunnel-engine-server.log'),
        file(a, 'seatunnel-server.out'),
        file(b, 'seatunnel-engine-server.log'),
        file(b, 'seatunnel-server.out'),
      ]);
      const v2 = (await call(`${b}${V2}/logs/${jobId}?format=JSON`)).json();
      assert.deepEqual(v2, [{ node: `${host}:28180`, logLink: `${a}${V2}/logs/job-${jobId}.log`, logName: `job-${jobId}.log` }]);
      // Names are matched by substring, so the other id has the job id's length: `999` would match an id containing it.
      assert.deepEqual((await call(`${b}${V2}/logs/${BigInt(jobId) + 1n}?format=json`)).json(), []);
      // v1 quirk: the query string is part of the filter.
      assert.deepEqual((await call(`${b}${V1}/logs/${jobId}?format=json`)).json(), []);
      const html = await fetch(`${b}${V1}/logs/${jobId}`);
      assert.equal(html.headers.get('content-type'), 'text/html; charset=UTF-8');
      assert.equal(
        await html.text(),
        '<html><head><title>Seatunnel log</title></head>\n<body>\n <h2>Seatunnel log</h2>\n <ul>\n' +
          `<li><a href="${a}${V1}/logs/job-${jobId}.log">${host}:28180-job-${jobId}.log</a></li>\n </ul>\n</body></html>`,
      );
    });

    it('serves file content from the node that has it, 400 with no body otherwise', async () => {
      for (const url of [`${a}${V1}/logs/job-${jobId}.log`, `${a}${V2}/log/job-${jobId}.log`]) {
        const res = await fetch(url);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
        assert.match(await res.text(), /Init JobMaster for Job log_test/);
      }
      const page = await call(`${a}${V1}/log`);
      assert.match(page.text, new RegExp(`<li><a href="log/job-${jobId}.log">job-${jobId}.log</a></li>`));
      for (const url of [
        `${b}${V1}/logs/job-${jobId}.log`,
        `${a}${V1}/log/nope.log`,
        `${a}${V2}/log/..%2F..%2F..%2Fetc%2Fpasswd`,
        `${a}${V2}/logs/..%2Fnode2%2Fjob-1.log`,
        `${a}${V1}/log/%2e%2e%2fx.log`,
        `${a}${V2}/log/job-${jobId}.txt`,
      ]) {
        const res = await call(url);
        assert.equal(res.status, 400, url);
        assert.equal(res.text, '', url);
      }
    });

    it('exports Prometheus text, job counts on the master only', async () => {
      const res = await fetch(`${a}/hazelcast/rest/instance/metrics`);
      assert.equal(res.status, 200);
      // Hazelcast's REST sends SeaTunnel's telemetry as plain text/plain (captures/2.3.8/045).
      assert.equal(res.headers.get('content-type'), 'text/plain');
      const text = await res.text();
      assert.match(text, /# HELP[\s\S]*# TYPE/);
      assert.ok(text.includes(`cluster_info{cluster="${store.clusterName}",hazelcastVersion="5.6",master="`));
      assert.ok(text.includes(`job_count{cluster="${store.clusterName}",type="running",} 1.0`), text);
      assert.ok(text.includes(`job_count{cluster="${store.clusterName}",type="savepoint_done",} 0.0`));
      assert.ok(text.includes(`node_count{cluster="${store.clusterName}",} 2.0`));
      assert.match(text, /node_state\{cluster="[^"]+",address="[^"]+:28180",\} 1\.0/);
      assert.match(text, /job_thread_pool_activeCount\{cluster="[^"]+",address=".*",type="activeCount",\} 1\.0/);
      assert.match(text, /job_thread_pool_completedTask_total\{cluster=/);
      assert.match(text, /process_start_time_seconds/);
      const other = await (await fetch(`${b}/hazelcast/rest/instance/metrics`)).text();
      assert.ok(!other.includes('job_count{'));
      const open = await fetch(`${b}/hazelcast/rest/instance/openmetrics`);
      assert.equal(open.headers.get('content-type'), 'text/plain');
      assert.match(await open.text(), /# TYPE job_thread_pool_task counter[\s\S]*# EOF\n$/);
      assert.equal((await fetch(`${a}/hazelcast/rest/instance/metrics?x=1`)).status, 404);
    });
  });

  describe('/hazelcast/rest/cluster', () => {
    it('lists the live nodes as members, the answering one local', async () => {
      const view = (await call(`${b}/hazelcast/rest/cluster`)).json();
      assert.equal(view.members.length, 2);
      assert.deepEqual(view.members.map((m: any) => m.localMember), [false, true]);
      assert.deepEqual(Object.keys(view.members[0]), ['address', 'liteMember', 'localMember', 'uuid', 'memberVersion']);
      assert.match(view.members[1].address, /^\[.+\]:28181$/);
      // The Hazelcast SeaTunnel 2.3.8 / 2.3.9 embed (captures/2.3.8/047).
      assert.equal(view.members[0].memberVersion, '5.1.0');
      assert.equal(typeof view.connectionCount, 'number');
      assert.equal(typeof view.allConnectionCount, 'number');
    });
  });

  describe('with credentials required', () => {
    const token = 'sekret';
    const authNodes: RunningNode[] = [];

    before(async () => {
      for (let i = 0; i < 2; i++) {
        const env = { SEATUNNEL_SIM_PORT: '28182', SEATUNNEL_SIM_LOG_DIR: join(logRoot, `auth${i + 1}`), SEATUNNEL_SIM_AUTH_TOKEN: token };
        authNodes.push(await startTestNode(store, env, `auth-node-${i}`));
      }
      writeFileSync(join(logRoot, 'auth2', 'seatunnel-engine-server.log'), 'hello\n');
    });
    after(async () => Promise.all(authNodes.map((n) => n.stop())));

    it('asks the other nodes for their files with the shared credentials', async () => {
      const headers = { authorization: `Bearer ${token}` };
      const list = (await call(`${authNodes[0]!.url}${V1}/logs?format=json`, { headers })).json() as any[];
      assert.ok(list.some((f) => f.logLink === `${authNodes[1]!.url}${V1}/logs/seatunnel-engine-server.log`), JSON.stringify(list));
      assert.equal((await call(`${authNodes[0]!.url}${V1}/logs`)).status, 401);
    });
  });
});

