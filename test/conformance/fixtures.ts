import { setTimeout as sleep } from 'node:timers/promises';
import { atLeast, type Release } from './check.js';
import { send, V1_PREFIX, type RunContext, type Target } from './runner.js';

/**
 * The jobs the checks talk about, submitted before any check runs. Names start with "cs-" so they
 * are easy to spot in logs. Each reaches its state through the public API and the /_sim clock.
 */

const fake = (rows: number) => ({
  plugin_name: 'FakeSource',
  result_table_name: 'fake',
  'row.num': rows,
  schema: { fields: { name: 'string', age: 'int', card: 'int' } },
});
const consoleSink = { plugin_name: 'Console', source_table_name: ['fake'] };

/** The docs' example job (FakeSource → Console), batch: 20 rows at 10 rows/s = 2 s running. */
export const FINISHED_JOB = { env: { 'job.mode': 'batch', 'sim.rows-per-second': 10 }, source: [fake(20)], sink: [consoleSink] };
/** Same, 100 rows = 10 s: submitted first, finishes last (finished-jobs sorts by finishTime). */
export const FINISHED_LATER_JOB = { env: { 'job.mode': 'batch', 'sim.rows-per-second': 10 }, source: [fake(100)], sink: [consoleSink] };
export const FAILED_JOB = {
  env: { 'job.mode': 'batch', 'sim.rows-per-second': 10, 'sim.fail-at-row': 5, 'sim.fail-message': 'cs simulated failure' },
  source: [fake(100)],
  sink: [consoleSink],
};
export const STREAMING_JOB = { env: { 'job.mode': 'streaming', 'sim.rows-per-second': 10 }, source: [fake(1000)], sink: [consoleSink] };
/** Streaming with a checkpoint every second: after the setup's 15 s it has taken 15 (2.3.13's checkpoint monitor). */
export const CHECKPOINTED_JOB = { env: { 'job.mode': 'streaming', 'sim.rows-per-second': 10, 'checkpoint.interval': 1000 }, source: [fake(1_000_000)], sink: [consoleSink] };
/**
 * 3.0 and later: the checkpointed job also turns on realtime metrics (env.engine.observability,
 * apache/seatunnel#10572) with the longest retention (10 min), so the window checks can see the
 * 10-minute cap. Dotted keys keep every envOptions value a string.
 */
export const OBSERVED_CHECKPOINTED_JOB = {
  ...CHECKPOINTED_JOB,
  env: { ...CHECKPOINTED_JOB.env, 'engine.observability.enabled': true, 'engine.observability.retention_minutes': 10 },
};
/** Stays PENDING for the whole run (empty metrics). */
export const PENDING_JOB = { env: { 'job.mode': 'streaming', 'sim.slow-start-seconds': 100_000_000 }, source: [fake(10)], sink: [consoleSink] };
/** What the submit checks send: one row, done at once, so they do not pile up running jobs. */
export const QUICK_JOB = { env: { 'job.mode': 'batch', 'sim.rows-per-second': 1000 }, source: [fake(1)], sink: [consoleSink] };

async function post(node: Target, path: string, body: unknown): Promise<any> {
  const answer = await send(node.url, 'POST', path, typeof body === 'string' ? body : JSON.stringify(body));
  if (answer.status !== 200) throw new Error(`setup: POST ${path} on ${node.name} → ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text);
}

async function submit(node: Target, name: string, config: unknown): Promise<string> {
  const { jobId } = (await post(node, `${V1_PREFIX}/submit-job?jobName=${name}`, config)) as { jobId: string };
  return jobId;
}

async function status(node: Target, jobId: string): Promise<string | undefined> {
  const answer = await send(node.url, 'GET', `${V1_PREFIX}/job-info/${jobId}`);
  return answer.status === 200 ? (JSON.parse(answer.text) as { jobStatus?: string }).jobStatus : undefined;
}

async function waitForStatus(node: Target, jobId: string, wanted: string, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last: string | undefined;
  while (Date.now() < deadline) {
    last = await status(node, jobId);
    if (last === wanted) return;
    await sleep(200);
  }
  throw new Error(`setup: ${what} job ${jobId} did not reach ${wanted} (last seen ${last})`);
}

async function waitForCollected(master: Target, contextPath: string, jobId: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = await send(master.url, 'GET', `${contextPath}/metrics/realtime/jobs`);
    if (answer.status === 200 && new RegExp(`"jobId":${jobId}[,}]`).test(answer.text)) return;
    await sleep(200);
  }
  throw new Error(`setup: the master's realtime collector never listed job ${jobId}`);
}

/** Submits the fixture jobs, brings each to its state, and returns what the checks' placeholders need. */
export async function prepareFixtures(nodes: Target[], contextPath: string, clusterName: string, release: Release): Promise<RunContext> {
  const [node1, node2, node3] = nodes as [Target, Target, Target];

  // Jobs that end: submitted on node 1, stopped from node 2, the clock moved from node 3.
  const finishedLaterJobId = await submit(node1, 'cs-finished-later', FINISHED_LATER_JOB);
  const finishedJobId = await submit(node1, 'cs-finished', FINISHED_JOB);
  const failedJobId = await submit(node1, 'cs-failed', FAILED_JOB);
  const canceledJobId = await submit(node1, 'cs-canceled', STREAMING_JOB);
  const savepointJobId = await submit(node1, 'cs-savepoint', STREAMING_JOB);
  const checkpointedJobId = await submit(node2, 'cs-checkpointed', atLeast(release, '3.0') ? OBSERVED_CHECKPOINTED_JOB : CHECKPOINTED_JOB);
  await post(node2, `${contextPath}/stop-job`, `{"jobId":${canceledJobId}}`);
  await post(node2, `${contextPath}/stop-job`, `{"jobId":${savepointJobId},"isStopWithSavePoint":true}`);
  await post(node3, '/_sim/clock/advance', { seconds: 15 });
  await waitForStatus(node2, finishedJobId, 'FINISHED', 'the finished');
  await waitForStatus(node2, finishedLaterJobId, 'FINISHED', 'the second finished');
  await waitForStatus(node2, failedJobId, 'FAILED', 'the failed');
  await waitForStatus(node2, canceledJobId, 'CANCELED', 'the canceled');
  await waitForStatus(node2, savepointJobId, 'SAVEPOINT_DONE', 'the savepoint');

  // Jobs that stay: one running, one pending, and four for the stop checks to stop.
  const runningJobId = await submit(node1, 'cs-running', STREAMING_JOB);
  const pendingJobId = await submit(node2, 'cs-pending', PENDING_JOB);
  const stopTargetId = await submit(node3, 'cs-stop-target', STREAMING_JOB);
  const stopSavepointTargetId = await submit(node3, 'cs-stop-savepoint-target', STREAMING_JOB);
  const stopJobsTargetA = await submit(node3, 'cs-stop-jobs-a', STREAMING_JOB);
  const stopJobsTargetB = await submit(node3, 'cs-stop-jobs-b', STREAMING_JOB);
  for (const id of [runningJobId, checkpointedJobId, stopTargetId, stopSavepointTargetId, stopJobsTargetA, stopJobsTargetB]) await waitForStatus(node1, id, 'RUNNING', 'a streaming');
  await waitForStatus(node1, pendingJobId, 'PENDING', 'the pending');
  // 3.0's realtime collector lists a job from its first 5-second tick after the submit: wait
  // (clock time, at most a tick) until the master has collected the last running fixture.
  if (atLeast(release, '3.0')) await waitForCollected(node1, contextPath, stopJobsTargetB);

  // A log file each node has locally, for the log-content checks (none yet → those checks say so).
  const nodeFixtures: Array<Record<string, string | undefined>> = [];
  for (const node of nodes) {
    let localLogFile: string | undefined;
    try {
      const answer = await send(node.url, 'GET', `${contextPath}/get-all-log-name`);
      const names = answer.status === 200 ? (JSON.parse(answer.text) as unknown) : [];
      if (Array.isArray(names)) localLogFile = (names.find((n) => typeof n === 'string' && n.startsWith('job-')) ?? names[0]) as string | undefined;
    } catch {
      localLogFile = undefined;
    }
    nodeFixtures.push({ nodeName: node.name, localLogFile });
  }

  return {
    release,
    nodes,
    contextPath,
    nodeFixtures,
    fixtures: {
      clusterName,
      contextPath,
      nodeCount: String(nodes.length),
      finishedJobId,
      finishedLaterJobId,
      failedJobId,
      canceledJobId,
      savepointJobId,
      runningJobId,
      checkpointedJobId,
      /** The job with realtime metrics on (3.0+): the checkpointed one. */
      observedJobId: atLeast(release, '3.0') ? checkpointedJobId : undefined,
      pendingJobId,
      stopTargetId,
      stopSavepointTargetId,
      stopJobsTargetA,
      stopJobsTargetB,
      /** An id no job has yet, for the submit-jobs check whose second job is bad. */
      partialBatchId: String(8_100_000_000_000_000_000n + BigInt(Date.now() % 1_000_000_000)),
      /** The oldest live node is the master (design.md); node1 starts first. */
      masterNode: nodes[0]!.name,
      // Overview counters while the read-only checks run (SAVEPOINT_DONE is counted nowhere).
      runningCount: '7',
      /** Jobs running-jobs lists (the running count). */
      runningFixtures: '7',
      /** Jobs finished-jobs lists: FINISHED ×2, FAILED, CANCELED, SAVEPOINT_DONE. */
      endedCount: '5',
      finishedCount: '2',
      failedCount: '1',
      canceledCount: '1',
      /** Jobs holding slots (RUNNING): cs-running, cs-checkpointed and the four stop targets. */
      slotHoldingJobs: '6',
    },
  };
}
