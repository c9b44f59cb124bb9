import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatSeaTunnelTime,
  gsonString,
  newJobRecord,
  pendingJobsJson,
  pendingJobsReport,
  startWaitingJob,
  type JobRecord,
  type PendingJobsQuery,
  type PendingQueueState,
  type PendingWorker,
} from '../src/index.js';
import { config } from './fixtures.js';

const STREAM = `{
  "env": {"job.mode": "STREAMING"},
  "source": [{"plugin_name": "FakeSource", "result_table_name": "fake", "row.num": 1000000,
              "schema": {"fields": {"name": "string"}}}],
  "sink": [{"plugin_name": "Console"}]
}`;
/** Two independent pipelines of parallelism 2: 2 × (2 + 1) slots. */
const TWO_PIPELINES = `{
  "env": {"job.mode": "STREAMING", "parallelism": 2},
  "source": [
    {"plugin_name": "FakeSource", "result_table_name": "a", "schema": {"fields": {"name": "string"}}},
    {"plugin_name": "FakeSource", "result_table_name": "b", "schema": {"fields": {"name": "string"}}}
  ],
  "sink": [
    {"plugin_name": "Console", "source_table_name": "a"},
    {"plugin_name": "Console", "source_table_name": "b"}
  ]
}`;

/** A job that took its slots on `owner` at `at`. */
const running = (jobId: string, owner: string, at: number, text = STREAM): JobRecord => {
  const record = newJobRecord({ jobId, jobNameParam: `run-${jobId}`, isStartWithSavePoint: false, config: config(text), owner, now: at });
  return { ...record, status: 'RUNNING' };
};
/** A job waiting for slots (WAIT) since `at`. */
const waiting = (jobId: string, at: number, text = STREAM): JobRecord =>
  newJobRecord({ jobId, jobNameParam: `wait-${jobId}`, isStartWithSavePoint: false, config: config(text), owner: 'n1', now: at, placement: 'wait' });

const worker = (nodeId: string, port: number, tags: Record<string, string>, total = 2, dynamic = false, host = '127.0.0.1'): PendingWorker => ({
  nodeId,
  host,
  port,
  tags,
  slots: { total, dynamic },
});

const WORKERS = [worker('n1', 5801, { zone: 'a' }), worker('n2', 5802, { zone: 'b' })];
const query = (over: Partial<PendingJobsQuery> = {}): PendingJobsQuery => ({ jobId: null, limit: 0, tags: {}, ...over });
const state = (over: Partial<PendingQueueState> = {}): PendingQueueState => ({
  now: 9_000,
  strategy: 'WAIT',
  workers: WORKERS,
  // Job 3 runs on n1 and job 16 on n2; 201 and 202 wait behind them.
  holding: [running('3', 'n1', 1_000), running('16', 'n2', 1_500)],
  waiting: [waiting('202', 2_500), waiting('201', 2_000)],
  ...over,
});

describe('pending-jobs report (the queue as SeaTunnel diagnoses it)', () => {
  it('lists the waiting jobs oldest first; the queue summary counts them all', () => {
    const report = pendingJobsReport(state(), query());
    assert.deepEqual(report.pendingJobs.map((j) => j.jobId), ['201', '202']);
    assert.deepEqual(report.queueSummary, { size: 2, scheduleStrategy: 'WAIT', oldestEnqueueTimestamp: 2_000, newestEnqueueTimestamp: 2_500, lackingTaskGroups: 4 });
  });

  it('gives each waiting job its slots as task groups, none allocated, none with a slot request', () => {
    const [job] = pendingJobsReport(state(), query()).pendingJobs;
    assert.ok(job);
    assert.deepEqual([job.totalTaskGroups, job.allocatedTaskGroups, job.lackingTaskGroups], [2, 0, 2]);
    assert.equal(job.failureReason, 'RESOURCE_NOT_ENOUGH');
    assert.equal(job.failureMessage, 'Slot request future not created');
    assert.equal(job.pipelines.length, 1);
    const [pipeline] = job.pipelines;
    assert.equal(pipeline!.pipelineName, 'Job wait-201 (201), Pipeline: [(1/1)]');
    assert.deepEqual(
      pipeline!.taskGroupDiagnostics.map((t) => t.taskFullName),
      [
        'Job (201), Pipeline: [(1/1)], task: [Source[0]-FakeSource-SplitEnumerator (1/1)], taskGroupLocation: [TaskGroupLocation{jobId=201, pipelineId=1, taskGroupId=1}]',
        'Job (201), Pipeline: [(1/1)], task: [Source[0]-FakeSource-SourceTask (1/1)], taskGroupLocation: [TaskGroupLocation{jobId=201, pipelineId=1, taskGroupId=2}]',
      ],
    );
    assert.deepEqual(job.lackingTaskGroupDiagnostics, pipeline!.taskGroupDiagnostics);
  });

  it('numbers task groups over the whole job, pipeline by pipeline (enumerator, then parallelism source tasks)', () => {
    const [job] = pendingJobsReport(state({ waiting: [waiting('300', 2_000, TWO_PIPELINES)] }), query()).pendingJobs;
    assert.deepEqual([job!.totalTaskGroups, job!.lackingTaskGroups], [6, 6]);
    assert.deepEqual(
      job!.pipelines.map((p) => [p.pipelineId, p.pipelineName, p.taskGroupDiagnostics.map((t) => t.taskGroupLocation.taskGroupId)]),
      [
        [1, 'Job wait-300 (300), Pipeline: [(1/2)]', [1, 2, 3]],
        [2, 'Job wait-300 (300), Pipeline: [(2/2)]', [4, 5, 6]],
      ],
    );
    assert.match(job!.pipelines[1]!.taskGroupDiagnostics[2]!.taskFullName, /^Job \(300\), Pipeline: \[\(2\/2\)\], task: \[Source\[1\]-FakeSource-SourceTask \(2\/2\)\]/);
  });

  it('answers the head with its last scheduler check (every 3 s, no tag filter) and the others as checked now', () => {
    const [head, second] = pendingJobsReport(state(), query({ tags: { zone: 'a' } })).pendingJobs;
    // Queued at 2 000, checked at 2 000, 5 000 and 8 000; asked at 9 000.
    assert.deepEqual([head!.checkTime, head!.checkCount, head!.waitDurationMs, head!.tagFilter], [8_000, 3, 6_000, {}]);
    assert.deepEqual([second!.checkTime, second!.checkCount, second!.waitDurationMs, second!.tagFilter], [9_000, 0, 6_500, { zone: 'a' }]);
  });

  it('counts the head\'s checks from when the job ahead of it left the queue, when that job still runs', () => {
    const ahead = startWaitingJob(waiting('150', 1_900), 6_500); // queued before 201, started at 6 500
    const [head] = pendingJobsReport(state({ holding: [...state().holding, { ...ahead, owner: 'n1', status: 'RUNNING' }] }), query()).pendingJobs;
    assert.deepEqual([head!.checkTime, head!.checkCount], [6_500, 1]);
  });

  it('blocks on every job holding slots in the filtered view, in Java HashSet order', () => {
    const [head, second] = pendingJobsReport(state(), query({ tags: { zone: 'b' } })).pendingJobs;
    // Inserted 3 then 16: Long hashes 3 and 16 fall in buckets 3 and 0 of 16.
    assert.deepEqual(head!.blockingJobIds, ['16', '3'], 'the head: its unfiltered check');
    assert.deepEqual(second!.blockingJobIds, ['16'], 'only n2 matches zone=b');
    const none = pendingJobsReport(state(), query({ tags: { zone: 'c' } })).pendingJobs[1]!;
    assert.deepEqual(none.blockingJobIds, []);
  });

  it('selects by jobId (limit then ignored) or cuts to limit; lackingTaskGroups counts only what is shown', () => {
    const one = pendingJobsReport(state(), query({ jobId: '202', limit: 5 }));
    assert.deepEqual(one.pendingJobs.map((j) => [j.jobId, j.checkCount]), [['202', 0]]);
    assert.deepEqual([one.queueSummary.size, one.queueSummary.lackingTaskGroups], [2, 2]);
    assert.deepEqual(pendingJobsReport(state(), query({ jobId: '999' })).pendingJobs, []);
    const first = pendingJobsReport(state(), query({ limit: 1 }));
    assert.deepEqual(first.pendingJobs.map((j) => j.jobId), ['201']);
    assert.equal(first.queueSummary.lackingTaskGroups, 2);
    assert.equal(pendingJobsReport(state(), query({ limit: -1 })).pendingJobs.length, 2, 'a negative limit is no limit');
  });

  it('filters the cluster snapshot\'s counts by tags, never its worker list', () => {
    const all = pendingJobsReport(state(), query()).clusterSnapshot;
    assert.deepEqual([all.totalSlots, all.freeSlots, all.assignedSlots, all.workerCount, all.workers.length], [4, 0, 4, 2, 2]);
    const a = pendingJobsReport(state({ holding: [running('3', 'n1', 1_000)] }), query({ tags: { zone: 'b' } })).clusterSnapshot;
    assert.deepEqual([a.totalSlots, a.freeSlots, a.assignedSlots, a.workerCount, a.workers.length], [2, 2, 0, 1, 2]);
    assert.deepEqual(
      a.workers.map((w) => [w.address, w.totalSlots, w.freeSlots, w.dynamicSlot, w.runningJobIds]),
      // Address-hash order of a HashMap copy (checked against Java 17): 5802 before 5801.
      [['[127.0.0.1]:5802', 2, 2, false, []], ['[127.0.0.1]:5801', 2, 0, false, ['3']]],
    );
  });

  it('orders workers as Java orders a HashMap of Hazelcast addresses', () => {
    const workers = [worker('x', 5801, {}, 2, false, '10.0.0.8'), worker('y', 5801, {}, 2, false, '10.0.0.9'), worker('z', 5802, {}, 2, false, '10.0.0.7')];
    const report = pendingJobsReport(state({ workers, holding: [], waiting: [] }), query());
    assert.deepEqual(report.clusterSnapshot.workers.map((w) => w.address), ['[10.0.0.7]:5802', '[10.0.0.8]:5801', '[10.0.0.9]:5801']);
  });

  it('reports dynamic slots as SeaTunnel\'s workers do: no free pool, only the slots in use', () => {
    const dynamic = [worker('n1', 5801, {}, 2, true)];
    const snapshot = pendingJobsReport(state({ workers: dynamic, holding: [running('3', 'n1', 1_000), running('4', 'n1', 1_200)], waiting: [] }), query()).clusterSnapshot;
    assert.deepEqual([snapshot.totalSlots, snapshot.freeSlots, snapshot.assignedSlots], [4, 0, 4]);
    assert.deepEqual(snapshot.workers.map((w) => [w.totalSlots, w.freeSlots, w.dynamicSlot, w.runningJobIds]), [[4, 0, true, ['3', '4']]]);
  });
});

describe('pending-jobs view (Gson)', () => {
  it('writes an empty queue compactly, timestamps 0, REJECT as the strategy', () => {
    const report = pendingJobsReport(state({ strategy: 'REJECT', waiting: [], holding: [], workers: [worker('n1', 5801, {})] }), query());
    assert.equal(
      pendingJobsJson(report),
      '{"queueSummary":{"size":0,"scheduleStrategy":"REJECT","oldestEnqueueTimestamp":0,"newestEnqueueTimestamp":0,"lackingTaskGroups":0},' +
        '"clusterSnapshot":{"totalSlots":2,"freeSlots":2,"assignedSlots":0,"workerCount":1,' +
        '"workers":[{"address":"[127.0.0.1]:5801","tags":{},"totalSlots":2,"freeSlots":2,"dynamicSlot":false,"runningJobIds":[]}]},"pendingJobs":[]}',
    );
  });

  it('writes fields in the Java classes\' declaration order', () => {
    const body = JSON.parse(pendingJobsJson(pendingJobsReport(state(), query())));
    assert.deepEqual(Object.keys(body), ['queueSummary', 'clusterSnapshot', 'pendingJobs']);
    assert.deepEqual(Object.keys(body.queueSummary), ['size', 'scheduleStrategy', 'oldestEnqueueTimestamp', 'newestEnqueueTimestamp', 'lackingTaskGroups']);
    assert.deepEqual(Object.keys(body.clusterSnapshot), ['totalSlots', 'freeSlots', 'assignedSlots', 'workerCount', 'workers']);
    assert.deepEqual(Object.keys(body.clusterSnapshot.workers[0]), ['address', 'tags', 'totalSlots', 'freeSlots', 'dynamicSlot', 'runningJobIds']);
    assert.deepEqual(Object.keys(body.pendingJobs[0]), [
      'jobId', 'jobName', 'pendingSourceState', 'jobStatus', 'enqueueTimestamp', 'checkTime', 'waitDurationMs', 'checkCount',
      'totalTaskGroups', 'allocatedTaskGroups', 'lackingTaskGroups', 'failureReason', 'failureMessage', 'tagFilter',
      'blockingJobIds', 'pipelines', 'lackingTaskGroupDiagnostics',
    ]);
    assert.deepEqual(Object.keys(body.pendingJobs[0].pipelines[0]), ['pipelineId', 'pipelineName', 'totalTaskGroups', 'allocatedTaskGroups', 'lackingTaskGroups', 'taskGroupDiagnostics']);
    assert.deepEqual(Object.keys(body.pendingJobs[0].lackingTaskGroupDiagnostics[0]), ['taskGroupLocation', 'taskFullName', 'allocated', 'failureReason', 'failureMessage']);
    assert.deepEqual(body.pendingJobs[0].lackingTaskGroupDiagnostics[0].taskGroupLocation, { jobId: 201, pipelineId: 1, taskGroupId: 1 });
  });

  it('leaves out null fields (cpuUsage, memUsage; runningJobIds and failure fields when absent)', () => {
    const report = pendingJobsReport(state(), query());
    const text = pendingJobsJson(report);
    assert.ok(!text.includes('cpuUsage') && !text.includes('memUsage') && !text.includes('null'));
    report.clusterSnapshot.workers[0]!.runningJobIds = undefined;
    report.clusterSnapshot.workers[1]!.cpuUsage = 0.5;
    report.pendingJobs[0]!.pipelines[0]!.taskGroupDiagnostics[0] = { ...report.pendingJobs[0]!.pipelines[0]!.taskGroupDiagnostics[0]!, allocated: true, failureReason: undefined, failureMessage: undefined };
    const body = JSON.parse(pendingJobsJson(report));
    assert.deepEqual(Object.keys(body.clusterSnapshot.workers[0]), ['address', 'tags', 'totalSlots', 'freeSlots', 'dynamicSlot']);
    assert.deepEqual(Object.keys(body.clusterSnapshot.workers[1]), ['address', 'tags', 'totalSlots', 'freeSlots', 'dynamicSlot', 'cpuUsage', 'runningJobIds']);
    assert.deepEqual(Object.keys(body.pendingJobs[0].pipelines[0].taskGroupDiagnostics[0]), ['taskGroupLocation', 'taskFullName', 'allocated']);
  });

  it('keeps 64-bit job ids exact, as bare numbers', () => {
    const id = '733584788375666689';
    const text = pendingJobsJson(pendingJobsReport(state({ waiting: [waiting(id, 2_000)] }), query()));
    assert.ok(text.includes(`"jobId":${id},"jobName":"wait-${id}"`));
    assert.ok(text.includes(`"taskGroupLocation":{"jobId":${id},"pipelineId":1,"taskGroupId":1}`));
  });

  it('escapes strings as Gson does by default (HTML-safe: = < > & \' as \\u00xx)', () => {
    assert.equal(gsonString('a=b <c> & \'d\' "e" \\ \n\t\u0001\u2028'), '"a\\u003db \\u003cc\\u003e \\u0026 \\u0027d\\u0027 \\"e\\" \\\\ \\n\\t\\u0001\\u2028"');
    const text = pendingJobsJson(pendingJobsReport(state(), query()));
    assert.ok(text.includes('taskGroupLocation: [TaskGroupLocation{jobId\\u003d201, pipelineId\\u003d1, taskGroupId\\u003d1}]'));
  });

  it('writes tag maps in Java HashMap order', () => {
    const tags = { zone: 'a', node: 'n1', rack: 'r1' };
    const report = pendingJobsReport(state({ workers: [worker('n1', 5801, tags)] }), query({ tags }));
    const text = pendingJobsJson(report);
    // Checked against Java 17: new HashMap<>(a map of zone, node, rack) iterates node, rack, zone.
    assert.ok(text.includes('"tags":{"node":"n1","rack":"r1","zone":"a"}'));
    assert.ok(text.includes('"tagFilter":{"node":"n1","rack":"r1","zone":"a"}'));
  });

  it('pretty=true: two-space indent, "name": value, the four timestamps as local date-times, no trailing newline', () => {
    const report = pendingJobsReport(state(), query());
    const text = pendingJobsJson(report, { pretty: true });
    assert.ok(text.startsWith('{\n  "queueSummary": {\n    "size": 2,\n    "scheduleStrategy": "WAIT",\n'));
    assert.ok(text.includes(`\n    "oldestEnqueueTimestamp": "${formatSeaTunnelTime(2_000)}",\n    "newestEnqueueTimestamp": "${formatSeaTunnelTime(2_500)}",\n`));
    assert.ok(text.includes(`\n      "enqueueTimestamp": "${formatSeaTunnelTime(2_000)}",\n      "checkTime": "${formatSeaTunnelTime(8_000)}",\n      "waitDurationMs": 6000,\n`));
    assert.ok(text.includes('"tagFilter": {},\n      "blockingJobIds": [\n        16,\n        3\n      ],'));
    assert.ok(text.includes('"runningJobIds": [\n          3\n        ]'));
    assert.ok(text.endsWith('\n  ]\n}'));
    // The same tree as the compact answer, but for the timestamps.
    const compact = JSON.parse(pendingJobsJson(report));
    const pretty = JSON.parse(text);
    compact.queueSummary.oldestEnqueueTimestamp = formatSeaTunnelTime(2_000);
    compact.queueSummary.newestEnqueueTimestamp = formatSeaTunnelTime(2_500);
    for (const job of compact.pendingJobs) {
      job.enqueueTimestamp = formatSeaTunnelTime(job.enqueueTimestamp);
      job.checkTime = formatSeaTunnelTime(job.checkTime);
    }
    assert.deepEqual(pretty, compact);
  });

  it('pretty=true on an empty queue: empty containers as [] and {}, timestamp 0 as the epoch in local time', () => {
    const report = pendingJobsReport(state({ waiting: [], holding: [], workers: [] }), query());
    assert.equal(
      pendingJobsJson(report, { pretty: true, formatTime: (ms) => `t${ms}` }),
      '{\n  "queueSummary": {\n    "size": 0,\n    "scheduleStrategy": "WAIT",\n    "oldestEnqueueTimestamp": "t0",\n' +
        '    "newestEnqueueTimestamp": "t0",\n    "lackingTaskGroups": 0\n  },\n  "clusterSnapshot": {\n    "totalSlots": 0,\n' +
        '    "freeSlots": 0,\n    "assignedSlots": 0,\n    "workerCount": 0,\n    "workers": []\n  },\n  "pendingJobs": []\n}',
    );
    assert.match(pendingJobsJson(report, { pretty: true }), /"oldestEnqueueTimestamp": "19(69|70)-\d\d-\d\d \d\d:\d\d:\d\d"/);
  });
});
