import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatSeaTunnelTime } from '@seatunnel-sim/engine';
import type { RunningNode } from '../src/index.js';
import { call, openTestStore, post, startTestNodes, startTestNode, type TestNodes, type TestStore } from './support.js';

/** A streaming FakeSource keeps running (and holding its 2 slots) until stopped. */
const STREAM = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 1_000_000, schema: { fields: { name: 'string' } } }],
  sink: [{ plugin_name: 'Console' }],
};
let idSeq = BigInt(Date.now()) * 100n;
const nextId = () => String(idSeq++);
const SLOTS = { SEATUNNEL_SIM_DYNAMIC_SLOT: 'false', SEATUNNEL_SIM_SLOT_NUM: '2' };
const sorted = (ids: number[]) => ids.map(String).sort();

async function fetchRaw(url: string, init?: RequestInit): Promise<{ status: number; text: string; type: string | null; headers: Headers }> {
  const res = await fetch(url, init);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type'), headers: res.headers };
}

/** PendingJobsServlet's resp.sendError(400, message): Jetty's HTML page, not SeaTunnel's JSON error. */
function assertJettyBadRequest(res: { status: number; text: string; type: string | null; headers: Headers }, message: string): void {
  assert.equal(res.status, 400);
  assert.equal(res.type, 'text/html;charset=iso-8859-1');
  // Jetty's error handler's headers, as on its 404/405 pages.
  assert.equal(res.headers.get('cache-control'), 'must-revalidate,no-cache,no-store');
  assert.equal(res.headers.get('date'), null);
  assert.ok(res.text.startsWith(`<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n<title>Error 400 ${message}</title>\n`), res.text);
  assert.ok(res.text.includes(`<tr><th>URI:</th><td>/pending-jobs</td></tr>\n<tr><th>STATUS:</th><td>400</td></tr>\n<tr><th>MESSAGE:</th><td>${message}</td></tr>\n`));
  assert.match(res.text, /<tr><th>SERVLET:<\/th><td>org\.apache\.seatunnel\.engine\.server\.rest\.servlet\.PendingJobsServlet-[0-9a-f]+<\/td><\/tr>/);
  assert.ok(res.text.endsWith('<hr/><a href="https://jetty.org/">Powered by Jetty:// 9.4.56.v20240826</a><hr/>\n\n</body>\n</html>\n'));
}

describe('GET /pending-jobs (2.3.13, WAIT, two nodes of 2 fixed slots)', () => {
  let store: TestStore;
  const nodes: RunningNode[] = [];
  let a: string;
  let b: string;
  const [r1, r2, w1, w2] = [nextId(), nextId(), nextId(), nextId()];
  const enqueued: Record<string, number> = {};
  const pending = async (url: string, query = '') => {
    const res = await fetchRaw(`${url}/pending-jobs${query}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.type, 'application/json;charset=utf-8');
    return { ...res, body: JSON.parse(res.text) };
  };

  before(async () => {
    store = await openTestStore('memory');
    for (const zone of ['a', 'b']) {
      const env = {
        ...SLOTS,
        SEATUNNEL_SIM_PORT: '29100',
        SEATUNNEL_SIM_PROFILE: '2.3.13',
        SEATUNNEL_SIM_SCHEDULE_STRATEGY: 'WAIT',
        SEATUNNEL_SIM_ADMIN_API: 'true',
        SEATUNNEL_SIM_V1_ENABLED: 'true',
        SEATUNNEL_SIM_NODE_TAGS: `zone=${zone}`,
      };
      nodes.push(await startTestNode(store, env, `pending-${zone}`));
      await sleep(20); // distinct start times: the first node is the master
    }
    [a, b] = nodes.map((n) => n.url) as [string, string];
    // r1 fills node a, r2 goes to node b (the only one with room); w1 and w2 find no room and wait.
    for (const [url, id] of [[a, r1], [a, r2], [a, w1], [b, w2]] as const) {
      const res = await post(`${url}/submit-job?jobId=${id}&jobName=job-${id}`, STREAM);
      assert.equal(res.status, 200, res.text);
      await sleep(5); // distinct enqueue times
    }
    for (const id of [w1, w2]) assert.equal((await call(`${a}/job-info/${id}`)).json().jobStatus, 'PENDING');
  });
  after(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await store.release();
  });

  it('answers the queue of two behind the running jobs, on every node, fields in SeaTunnel\'s order', async () => {
    for (const url of [a, b]) {
      const { body } = await pending(url);
      assert.deepEqual(Object.keys(body), ['queueSummary', 'clusterSnapshot', 'pendingJobs']);
      const jobs = body.pendingJobs as any[];
      assert.deepEqual(jobs.map((j) => String(j.jobId)), [w1, w2], 'oldest first');
      for (const job of jobs) enqueued[String(job.jobId)] = job.enqueueTimestamp;
      assert.ok(enqueued[w1]! < enqueued[w2]!);
      assert.deepEqual(body.queueSummary, { size: 2, scheduleStrategy: 'WAIT', oldestEnqueueTimestamp: enqueued[w1], newestEnqueueTimestamp: enqueued[w2], lackingTaskGroups: 4 });

      const snapshot = body.clusterSnapshot;
      assert.deepEqual([snapshot.totalSlots, snapshot.freeSlots, snapshot.assignedSlots, snapshot.workerCount], [4, 0, 4, 2]);
      const workers = [...snapshot.workers].sort((x: any, y: any) => x.address.localeCompare(y.address));
      assert.deepEqual(workers, [
        { address: `[127.0.0.1]:${nodes[0]!.port}`, tags: { zone: 'a' }, totalSlots: 2, freeSlots: 0, dynamicSlot: false, runningJobIds: [Number(r1)] },
        { address: `[127.0.0.1]:${nodes[1]!.port}`, tags: { zone: 'b' }, totalSlots: 2, freeSlots: 0, dynamicSlot: false, runningJobIds: [Number(r2)] },
      ]);

      const [head, next] = jobs;
      assert.deepEqual(Object.keys(head), [
        'jobId', 'jobName', 'pendingSourceState', 'jobStatus', 'enqueueTimestamp', 'checkTime', 'waitDurationMs', 'checkCount',
        'totalTaskGroups', 'allocatedTaskGroups', 'lackingTaskGroups', 'failureReason', 'failureMessage', 'tagFilter',
        'blockingJobIds', 'pipelines', 'lackingTaskGroupDiagnostics',
      ]);
      assert.deepEqual([head.jobName, head.pendingSourceState, head.jobStatus], [`job-${w1}`, 'SUBMIT', 'PENDING']);
      assert.deepEqual([head.totalTaskGroups, head.allocatedTaskGroups, head.lackingTaskGroups], [2, 0, 2]);
      assert.deepEqual([head.failureReason, head.failureMessage], ['RESOURCE_NOT_ENOUGH', 'Slot request future not created']);
      // The head: its last scheduler check, every 3 s since it was queued.
      assert.ok(head.checkCount >= 1);
      assert.equal(head.checkTime, head.enqueueTimestamp + 3_000 * (head.checkCount - 1));
      assert.equal(head.waitDurationMs, head.checkTime - head.enqueueTimestamp);
      assert.deepEqual(head.tagFilter, {});
      assert.deepEqual(sorted(head.blockingJobIds), sorted([Number(r1), Number(r2)]));
      // The others: checked as the request asks.
      assert.equal(next.checkCount, 0);
      assert.equal(next.waitDurationMs, next.checkTime - next.enqueueTimestamp);
      assert.deepEqual(sorted(next.blockingJobIds), sorted([Number(r1), Number(r2)]));
      assert.deepEqual(head.pipelines.map((p: any) => [p.pipelineId, p.pipelineName, p.totalTaskGroups, p.allocatedTaskGroups, p.lackingTaskGroups]), [[1, `Job job-${w1} (${w1}), Pipeline: [(1/1)]`, 2, 0, 2]]);
      assert.deepEqual(head.lackingTaskGroupDiagnostics, head.pipelines[0].taskGroupDiagnostics);
      assert.deepEqual(head.lackingTaskGroupDiagnostics[0], {
        taskGroupLocation: { jobId: Number(w1), pipelineId: 1, taskGroupId: 1 },
        taskFullName: `Job (${w1}), Pipeline: [(1/1)], task: [Source[0]-FakeSource-SplitEnumerator (1/1)], taskGroupLocation: [TaskGroupLocation{jobId=${w1}, pipelineId=1, taskGroupId=1}]`,
        allocated: false,
        failureReason: 'RESOURCE_NOT_ENOUGH',
        failureMessage: 'Slot request future not created',
      });
    }
  });

  it('writes Gson\'s bytes: compact, `=` escaped, 64-bit ids as bare numbers', async () => {
    const { text } = await pending(a);
    assert.ok(text.startsWith('{"queueSummary":{"size":2,"scheduleStrategy":"WAIT","oldestEnqueueTimestamp":'));
    assert.ok(text.includes(`"taskGroupLocation":{"jobId":${w1},"pipelineId":1,"taskGroupId":2},"taskFullName":"Job (${w1}), Pipeline: [(1/1)], task: [Source[0]-FakeSource-SourceTask (1/1)], taskGroupLocation: [TaskGroupLocation{jobId\\u003d${w1}, pipelineId\\u003d1, taskGroupId\\u003d2}]"`));
    assert.ok(!text.includes('cpuUsage') && !text.includes('null') && !text.includes('\n'));
  });

  it('jobId= picks one queued job (limit then ignored); limit= cuts the queue; the summary still counts the whole queue', async () => {
    for (const query of [`?jobId=${w2}`, `?jobId=${w2}&limit=1`, `?limit=1&jobId=%2B${w2}`]) {
      const { body } = await pending(a, query);
      assert.deepEqual(body.pendingJobs.map((j: any) => [String(j.jobId), j.checkCount]), [[w2, 0]], query);
      assert.deepEqual([body.queueSummary.size, body.queueSummary.lackingTaskGroups], [2, 2]);
    }
    const first = (await pending(a, '?limit=1')).body;
    assert.deepEqual(first.pendingJobs.map((j: any) => String(j.jobId)), [w1]);
    assert.deepEqual([first.queueSummary.size, first.queueSummary.lackingTaskGroups], [2, 2]);
    assert.equal((await pending(a, '?limit=0')).body.pendingJobs.length, 2, '0: no limit');
    assert.equal((await pending(a, '?limit=-3')).body.pendingJobs.length, 2, 'negative: no limit');
    const unknown = (await pending(a, `?jobId=${r1}`)).body;
    assert.deepEqual([unknown.pendingJobs, unknown.queueSummary.size, unknown.queueSummary.lackingTaskGroups], [[], 2, 0], 'a running job is not in the queue');
  });

  it('every other parameter is a tag filter: slot counts and fresh checks filtered, the worker list and the head\'s check not', async () => {
    const { body } = await pending(b, '?zone=a');
    const snapshot = body.clusterSnapshot;
    assert.deepEqual([snapshot.totalSlots, snapshot.freeSlots, snapshot.assignedSlots, snapshot.workerCount, snapshot.workers.length], [2, 0, 2, 1, 2]);
    const [head, next] = body.pendingJobs;
    assert.deepEqual([head.tagFilter, sorted(head.blockingJobIds)], [{}, sorted([Number(r1), Number(r2)])]);
    assert.deepEqual([next.tagFilter, next.blockingJobIds], [{ zone: 'a' }, [Number(r1)]]);
    const none = (await pending(b, '?zone=c&rack=1')).body;
    assert.deepEqual([none.clusterSnapshot.totalSlots, none.clusterSnapshot.workerCount, none.clusterSnapshot.workers.length], [0, 0, 2]);
    assert.deepEqual([none.pendingJobs[1].tagFilter, none.pendingJobs[1].blockingJobIds], [{ rack: '1', zone: 'c' }, []]);
    assert.equal(none.queueSummary.size, 2, 'the queue is never filtered');
  });

  it('an invalid jobId or limit is Jetty\'s 400 page (sendError), jobId checked first', async () => {
    for (const [query, message] of [
      ['?jobId=abc', 'Invalid jobId'],
      ['?jobId=', 'Invalid jobId'],
      ['?jobId=9223372036854775808', 'Invalid jobId'],
      ['?jobId=x&limit=y', 'Invalid jobId'],
      ['?limit=x', 'Invalid limit'],
      ['?limit=2147483648', 'Invalid limit'],
      ['?limit=1.5', 'Invalid limit'],
      [`?jobId=${w1}&limit=no`, 'Invalid limit'],
    ] as const) {
      assertJettyBadRequest(await fetchRaw(`${a}/pending-jobs${query}`), message);
    }
  });

  it('pretty=true: pretty-printed, the four timestamps as local yyyy-MM-dd HH:mm:ss', async () => {
    const res = await pending(a, '?pretty=TRUE');
    assert.ok(res.text.startsWith('{\n  "queueSummary": {\n    "size": 2,\n    "scheduleStrategy": "WAIT",\n'), res.text.slice(0, 200));
    assert.ok(!res.text.endsWith('\n'));
    const body = res.body;
    assert.equal(body.queueSummary.oldestEnqueueTimestamp, formatSeaTunnelTime(enqueued[w1]!));
    assert.equal(body.queueSummary.newestEnqueueTimestamp, formatSeaTunnelTime(enqueued[w2]!));
    assert.equal(body.pendingJobs[0].enqueueTimestamp, formatSeaTunnelTime(enqueued[w1]!));
    assert.match(body.pendingJobs[1].checkTime, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(typeof body.pendingJobs[1].waitDurationMs, 'number');
    assert.ok(res.text.includes('"taskGroupLocation": {\n'));
    for (const other of ['?pretty=yes', '?pretty=1', '?pretty=']) assert.ok((await pending(a, other)).text.startsWith('{"queueSummary":'), other);
  });

  it('the head is re-checked every 3 s; a job reaches the head when the one ahead of it starts', async () => {
    const before = (await pending(a)).body.pendingJobs[0];
    await post(`${a}/_sim/clock/advance`, { seconds: 7 });
    const later = (await pending(a)).body.pendingJobs[0];
    assert.equal(String(later.jobId), w1);
    assert.ok(later.checkCount >= before.checkCount + 2, `${before.checkCount} → ${later.checkCount}`);
    assert.equal(later.checkTime, later.enqueueTimestamp + 3_000 * (later.checkCount - 1));

    // r1 stops: its two slots go to one of the waiting jobs, the other stays queued.
    assert.equal((await post(`${a}/stop-job`, { jobId: r1 })).status, 200);
    let left: any;
    for (let i = 0; i < 20 && left?.queueSummary.size !== 1; i++) {
      await post(`${a}/_sim/clock/advance`, { seconds: 4 });
      await post(`${b}/_sim/driver/tick`, {});
      left = (await pending(b)).body;
    }
    assert.equal(left.queueSummary.size, 1);
    const [last] = left.pendingJobs;
    const started = String(last.jobId) === w1 ? w2 : w1;
    assert.ok(last.checkCount >= 1, 'now the head');
    assert.deepEqual(last.tagFilter, {});
    assert.deepEqual(sorted(last.blockingJobIds), sorted([Number(r2), Number(started)]));
    assert.equal(left.queueSummary.oldestEnqueueTimestamp, left.queueSummary.newestEnqueueTimestamp);
    assert.deepEqual([left.clusterSnapshot.freeSlots, left.clusterSnapshot.assignedSlots], [0, 4]);
  });

  it('is v2 only: POST is Jetty\'s 405, v1\'s path falls through to Hazelcast\'s map REST', async () => {
    const postRes = await fetchRaw(`${a}/pending-jobs`, { method: 'POST' });
    assert.equal(postRes.status, 405);
    assert.ok(postRes.text.includes('PendingJobsServlet-'));
    const v1 = await fetchRaw(`${a}/hazelcast/rest/maps/pending-jobs`);
    assert.deepEqual([v1.status, v1.text], [400, '']);
    const v1Key = await fetchRaw(`${a}/hazelcast/rest/maps/pending-jobs/${w1}`);
    assert.deepEqual([v1Key.status, v1Key.text], [204, '']);
  });
});

describe('GET /pending-jobs with nothing waiting', () => {
  let reject: TestNodes;
  let dynamic: TestNodes;
  before(async () => {
    reject = await startTestNodes(1, 29110, { ...SLOTS, SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_SCHEDULE_STRATEGY: 'REJECT' });
    dynamic = await startTestNodes(1, 29120, { SEATUNNEL_SIM_PROFILE: '2.3.13', SEATUNNEL_SIM_SCHEDULE_STRATEGY: 'WAIT', SEATUNNEL_SIM_DYNAMIC_SLOT: 'true' });
  });
  after(async () => {
    await reject.stop();
    await dynamic.stop();
  });

  it('REJECT: a job without room fails instead of queueing, so the queue stays empty', async () => {
    const url = reject.nodes[0]!.url;
    const [running, refused] = [nextId(), nextId()];
    await post(`${url}/submit-job?jobId=${running}`, STREAM);
    await post(`${url}/submit-job?jobId=${refused}`, STREAM);
    assert.equal((await call(`${url}/job-info/${refused}`)).json().jobStatus, 'FAILED');
    const res = await fetchRaw(`${url}/pending-jobs`);
    assert.equal(res.status, 200);
    assert.equal(
      res.text,
      '{"queueSummary":{"size":0,"scheduleStrategy":"REJECT","oldestEnqueueTimestamp":0,"newestEnqueueTimestamp":0,"lackingTaskGroups":0},' +
        `"clusterSnapshot":{"totalSlots":2,"freeSlots":0,"assignedSlots":2,"workerCount":1,"workers":[{"address":"[127.0.0.1]:${reject.nodes[0]!.port}","tags":{},` +
        `"totalSlots":2,"freeSlots":0,"dynamicSlot":false,"runningJobIds":[${running}]}]},"pendingJobs":[]}`,
    );
    await post(`${url}/stop-job`, { jobId: running });
  });

  it('dynamic slots: every job gets its slots; workers show only the slots in use, none free', async () => {
    const url = dynamic.nodes[0]!.url;
    const empty = JSON.parse((await fetchRaw(`${url}/pending-jobs`)).text);
    assert.deepEqual([empty.clusterSnapshot.totalSlots, empty.clusterSnapshot.freeSlots, empty.clusterSnapshot.workers[0].dynamicSlot], [0, 0, true]);
    const ids = [nextId(), nextId()];
    for (const id of ids) await post(`${url}/submit-job?jobId=${id}`, STREAM);
    const body = JSON.parse((await fetchRaw(`${url}/pending-jobs`)).text);
    assert.deepEqual([body.queueSummary.size, body.queueSummary.scheduleStrategy, body.pendingJobs], [0, 'WAIT', []]);
    assert.deepEqual([body.clusterSnapshot.totalSlots, body.clusterSnapshot.freeSlots, body.clusterSnapshot.assignedSlots], [4, 0, 4]);
    assert.deepEqual(body.clusterSnapshot.workers[0].runningJobIds.map(String), ids);
    for (const id of ids) await post(`${url}/stop-job`, { jobId: id });
  });
});

describe('GET /pending-jobs before 2.3.13', () => {
  it('2.3.12 has no such servlet: Jetty\'s 404 page from the DefaultServlet', async () => {
    const cluster = await startTestNodes(1, 29130, { SEATUNNEL_SIM_PROFILE: '2.3.12', SEATUNNEL_SIM_SCHEDULE_STRATEGY: 'WAIT' });
    try {
      const res = await fetchRaw(`${cluster.nodes[0]!.url}/pending-jobs?limit=1`);
      assert.equal(res.status, 404);
      assert.equal(res.type, 'text/html;charset=iso-8859-1');
      assert.ok(res.text.includes('<title>Error 404 Not Found</title>'));
      assert.ok(res.text.includes('<tr><th>SERVLET:</th><td>default</td></tr>'));
    } finally {
      await cluster.stop();
    }
  });
});
