import { fail, V2_ONLY, type Check, type Expectation } from '../check.js';

/**
 * 2.3.13's checkpoint monitor (apache/seatunnel#10065), REST v2 only: per pipeline the counts, the
 * latest completed / failed / savepoint checkpoint (`{}` when none), what is in progress and the
 * last 32 finished ones, newest first. cs-checkpointed checkpoints every second; the setup moved
 * the clock 15 s, so it has taken at least 14 by the time the checks run.
 */
const CHECKPOINT_KEYS = ['checkpointId', 'checkpointType', 'status', 'triggerTimestamp', 'completedTimestamp', 'durationMillis', 'stateSize'];

const overview: Expectation = {
  status: 200,
  contentType: 'application/json;charset=utf-8',
  keyOrder: {
    '': ['jobId', 'updatedAt', 'pipelines'],
    'pipelines[*]': ['pipelineId', 'counts', 'latestCompleted', 'latestFailed', 'latestSavepoint', 'inProgress', 'history'],
    'pipelines[*].counts': ['triggered', 'completed', 'failed', 'inProgress', 'restored'],
    'pipelines[*].latestCompleted': CHECKPOINT_KEYS,
    'pipelines[*].history[*]': ['pipelineId', 'checkpoint'],
    'pipelines[*].history[*].checkpoint': CHECKPOINT_KEYS,
  },
  types: {
    jobId: 'jobId',
    updatedAt: 'number',
    'pipelines[*].pipelineId': 'number',
    'pipelines[*].counts.*': 'number',
    'pipelines[*].latestCompleted.checkpointId': 'number',
    'pipelines[*].latestCompleted.triggerTimestamp': 'number',
    'pipelines[*].latestCompleted.stateSize': 'number',
  },
  json: { jobId: '{checkpointedJobId}', pipelines: [{ pipelineId: 1, latestCompleted: { checkpointType: 'checkpoint', status: 'COMPLETED' }, latestFailed: {}, latestSavepoint: {} }] },
  predicate: (body) => {
    const [pipeline] = body.pipelines;
    if (pipeline.counts.completed < 14) return `expected at least 14 completed checkpoints, got ${pipeline.counts.completed}`;
    const ids = pipeline.history.map((h: { checkpoint: { checkpointId: number } }) => h.checkpoint.checkpointId);
    if (ids[0] !== pipeline.latestCompleted.checkpointId) return 'history should start with the latest completed checkpoint';
    for (let i = 1; i < ids.length; i++) if (ids[i] >= ids[i - 1]) return `history not newest first: ${ids.join(',')}`;
    const c = pipeline.latestCompleted;
    return c.durationMillis === c.completedTimestamp - c.triggerTimestamp ? null : 'durationMillis should be completedTimestamp - triggerTimestamp';
  },
};

export const checkpointChecks: Check[] = [
  { name: 'jobs/checkpoints/{checkpointed}: the monitor of a running job', endpoint: 'E19', path: '/jobs/checkpoints/{checkpointedJobId}', api: V2_ONLY, since: '2.3.13', expect: overview },
  { name: 'jobs/checkpoints/{finished}: an ended job has no monitor → {"jobId"}', endpoint: 'E19', path: '/jobs/checkpoints/{finishedJobId}', api: V2_ONLY, since: '2.3.13', expect: { status: 200, equals: { '': { jobId: '{finishedJobId}' } } } },
  { name: 'jobs/checkpoints/123: unknown → {"jobId":"123"}', endpoint: 'E19', path: '/jobs/checkpoints/123', api: V2_ONLY, since: '2.3.13', expect: { status: 200, equals: { '': { jobId: '123' } } } },
  { name: 'jobs/checkpoints/: no id → 400', endpoint: 'E19', path: '/jobs/checkpoints/', api: V2_ONLY, since: '2.3.13', ...fail(400, 'The jobId must not be empty.') },
  { name: 'jobs/checkpoints/abc: not a long → 400', endpoint: 'E19', path: '/jobs/checkpoints/abc', api: V2_ONLY, since: '2.3.13', ...fail(400, 'For input string: "abc"') },
  {
    name: 'jobs/checkpoints/history/{checkpointed}: 20 by default, newest trigger first',
    endpoint: 'E20',
    path: '/jobs/checkpoints/history/{checkpointedJobId}',
    api: V2_ONLY,
    since: '2.3.13',
    expect: {
      status: 200,
      keyOrder: { '[*]': ['pipelineId', 'checkpoint'], '[*].checkpoint': CHECKPOINT_KEYS },
      predicate: (body) => {
        if (!Array.isArray(body) || body.length < 14 || body.length > 20) return `expected 14 to 20 entries, got ${body?.length}`;
        for (let i = 1; i < body.length; i++) if (body[i].checkpoint.triggerTimestamp > body[i - 1].checkpoint.triggerTimestamp) return 'not newest first';
        return null;
      },
    },
  },
  { name: 'jobs/checkpoints/history/{checkpointed}?limit=3&pipelineId=1&status=completed', endpoint: 'E20', path: '/jobs/checkpoints/history/{checkpointedJobId}?limit=3&pipelineId=1&status=completed', api: V2_ONLY, since: '2.3.13', expect: { status: 200, predicate: (body) => (body.length === 3 ? null : `expected 3, got ${body.length}`) } },
  { name: 'jobs/checkpoints/history/{checkpointed}?status=FAILED: none failed', endpoint: 'E20', path: '/jobs/checkpoints/history/{checkpointedJobId}?status=FAILED', api: V2_ONLY, since: '2.3.13', expect: { status: 200, equals: { '': [] } } },
  { name: 'jobs/checkpoints/history/{checkpointed}?pipelineId=2: no such pipeline', endpoint: 'E20', path: '/jobs/checkpoints/history/{checkpointedJobId}?pipelineId=2', api: V2_ONLY, since: '2.3.13', expect: { status: 200, equals: { '': [] } } },
  {
    name: 'jobs/checkpoints/history/{checkpointed}?status=nope → 400 (CheckpointStatus.valueOf)',
    endpoint: 'E20',
    path: '/jobs/checkpoints/history/{checkpointedJobId}?status=nope',
    api: V2_ONLY,
    since: '2.3.13',
    ...fail(400, 'No enum constant org.apache.seatunnel.engine.core.checkpoint.CheckpointStatus.NOPE'),
  },
  { name: 'jobs/checkpoints/history/{checkpointed}?limit=-1 → 400 (Stream.limit)', endpoint: 'E20', path: '/jobs/checkpoints/history/{checkpointedJobId}?limit=-1', api: V2_ONLY, since: '2.3.13', ...fail(400, '-1') },
  { name: 'jobs/checkpoints/history/123?limit=-1: unknown job → []', endpoint: 'E20', path: '/jobs/checkpoints/history/123?limit=-1', api: V2_ONLY, since: '2.3.13', expect: { status: 200, equals: { '': [] } } },
  { name: 'jobs/checkpoints/history/{checkpointed}?pipelineId=x → 400', endpoint: 'E20', path: '/jobs/checkpoints/history/{checkpointedJobId}?pipelineId=x', api: V2_ONLY, since: '2.3.13', ...fail(400, 'For input string: "x"') },
];

/** Before 2.3.13 these paths reach Jetty's DefaultServlet: its 404 page. */
export const checkpointAbsentChecks: Check[] = [
  {
    name: 'jobs/checkpoints/{checkpointed}: no such servlet before 2.3.13 → 404',
    endpoint: 'E19',
    path: '/jobs/checkpoints/{checkpointedJobId}',
    api: V2_ONLY,
    expect: { status: 404, contentType: 'text/html;charset=iso-8859-1', textIncludes: ['HTTP ERROR 404'] },
    changes: [{ since: '2.3.13', source: 'apache/seatunnel#10065', expect: { status: 200, contentType: 'application/json;charset=utf-8', textIncludes: [] } }],
  },
];
