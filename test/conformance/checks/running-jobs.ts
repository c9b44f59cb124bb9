import {
  BOTH, jobKeys, RUNNING_KEYS_V1, RUNNING_KEYS_V2, runningJobTypes, V1_JSON, V1_ONLY, V2_ONLY,
  type Check, type Expectation,
} from '../check.js';

/** The jobs in engine_runningJobInfo while the read-only checks run: cs-running, cs-checkpointed, cs-pending and the four stop targets. */
export const RUNNING_FIXTURES = ['runningJobId', 'checkpointedJobId', 'pendingJobId', 'stopTargetId', 'stopSavepointTargetId', 'stopJobsTargetA', 'stopJobsTargetB'];
const ENDED_FIXTURES = ['finishedJobId', 'finishedLaterJobId', 'failedJobId', 'canceledJobId', 'savepointJobId'];

/** The list holds exactly the running fixtures (any order: IMap iteration), the pending one as PENDING with empty metrics. */
const listBody: Expectation['predicate'] = (body, ctx) => {
  if (!Array.isArray(body)) return 'expected an array';
  const ids = body.map((j: { jobId: string }) => j.jobId);
  for (const name of RUNNING_FIXTURES) if (!ids.includes(ctx.fx(name))) return `missing ${name} ${ctx.fx(name)}`;
  for (const name of ENDED_FIXTURES) if (ids.includes(ctx.fx(name))) return `${name} ${ctx.fx(name)} has ended and must not be listed`;
  if (body.length !== RUNNING_FIXTURES.length) return `expected ${RUNNING_FIXTURES.length} jobs, got ${body.length}`;
  const pending = body.find((j: { jobId: string }) => j.jobId === ctx.fx('pendingJobId'));
  if (pending.jobStatus !== 'PENDING') return `pending job shows ${pending.jobStatus}`;
  const running = body.find((j: { jobId: string }) => j.jobId === ctx.fx('runningJobId'));
  if (running.jobStatus !== 'RUNNING') return `running job shows ${running.jobStatus}`;
  return null;
};

const list: Expectation = {
  status: 200,
  contentType: V1_JSON,
  types: { '': 'array', ...runningJobTypes('[*]') },
  keys: jobKeys('[*]'),
  keyOrder: { '[*]': RUNNING_KEYS_V2 },
  predicate: listBody,
};
/** v1 at 2.3.9 has no top-level envOptions in the running shape. */
const byApi = { v1: { keyOrder: { '[*]': RUNNING_KEYS_V1 } } };

export const runningJobsChecks: Check[] = [
  { name: 'running-jobs: running and pending jobs, running shape, string ids and metrics', endpoint: 'E2', path: '/running-jobs', api: BOTH, expect: list, byApi },
  { name: 'running-jobs/: trailing slash is the same list', endpoint: 'E2', path: '/running-jobs/', api: BOTH, expect: list, byApi },
  { name: 'running-jobs/123: the id segment is ignored (prefix matching / <path>/*)', endpoint: 'E2', path: '/running-jobs/123', api: BOTH, expect: list, byApi },
  { name: 'running-jobsXYZ: v1 prefix matching', endpoint: 'E2', path: '/running-jobsXYZ', api: V1_ONLY, expect: list, byApi },
  {
    name: 'running-jobs: v2 elements carry envOptions with string values',
    endpoint: 'E2',
    path: '/running-jobs',
    api: V2_ONLY,
    expect: { status: 200, types: { '[*].envOptions': 'object', '[*].envOptions.*': 'string' } },
  },
  {
    name: 'running-jobs: v1 elements have no top-level envOptions (2.3.9), jobDag still has them',
    endpoint: 'E2',
    path: '/running-jobs',
    api: V1_ONLY,
    expect: { status: 200, types: { '[*].envOptions': 'absent', '[*].jobDag.envOptions': 'object' } },
  },
];
