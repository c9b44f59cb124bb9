import { atLeast, BOTH, FINISHED_KEYS, finishedJobTypes, jobKeys, V1_JSON, type Check, type Expectation, type PredicateContext } from '../check.js';
import { FINISHED_JOB_JSON } from './job-info.js';

const ENDED = ['finishedJobId', 'finishedLaterJobId', 'failedJobId', 'canceledJobId', 'savepointJobId'];
const RUNNING = ['runningJobId', 'checkpointedJobId', 'pendingJobId', 'stopTargetId', 'stopSavepointTargetId', 'stopJobsTargetA', 'stopJobsTargetB'];

/** By finishTime: ascending up to 2.3.12, descending from 2.3.13 (apache/seatunnel#9888). */
function sortedByFinishTime(body: Array<{ finishTime: string; jobId: string }>, newestFirst: boolean): string | null {
  for (let i = 1; i < body.length; i++) {
    const [earlier, later] = newestFirst ? [body[i]!, body[i - 1]!] : [body[i - 1]!, body[i]!];
    if (earlier.finishTime > later.finishTime) return `not sorted by finishTime (${newestFirst ? 'newest' : 'oldest'} first): [${i - 1}] ${body[i - 1]!.finishTime}, [${i}] ${body[i]!.finishTime}`;
  }
  return null;
}

/** Every ended fixture (FINISHED, FAILED, CANCELED, SAVEPOINT_DONE) and no running one; cs-finished ended before cs-finished-later. */
const wholeHistory = (body: any, ctx: PredicateContext): string | null => {
  if (!Array.isArray(body)) return 'expected an array';
  const ids = body.map((j: { jobId: string }) => j.jobId);
  for (const name of ENDED) if (!ids.includes(ctx.fx(name))) return `missing ${name} ${ctx.fx(name)}`;
  for (const name of RUNNING) if (ids.includes(ctx.fx(name))) return `${name} is still running and must not be listed`;
  const newestFirst = atLeast(ctx.release, '2.3.13');
  const first = ids.indexOf(ctx.fx('finishedJobId'));
  const later = ids.indexOf(ctx.fx('finishedLaterJobId'));
  if (newestFirst ? first < later : first > later) {
    return `cs-finished ended before cs-finished-later (submitted later, shorter) and must come ${newestFirst ? 'after it' : 'first'}`;
  }
  return sortedByFinishTime(body, newestFirst);
};

const list = (json?: unknown, predicate?: Expectation['predicate']): Expectation => ({
  status: 200,
  contentType: V1_JSON,
  types: { '': 'array', ...finishedJobTypes('[*]') },
  keys: jobKeys('[*]'),
  keyOrder: { '[*]': FINISHED_KEYS },
  ...(json !== undefined ? { json } : {}),
  ...(predicate ? { predicate } : {}),
});

const { jobId: _ignored, ...finishedWithoutId } = FINISHED_JOB_JSON;
const FINISHED_FIRST = { jobId: '{finishedJobId}', ...finishedWithoutId };
const FINISHED_LATER = { jobId: '{finishedLaterJobId}', jobName: 'cs-finished-later', jobStatus: 'FINISHED', metrics: { SourceReceivedCount: '100', SinkWriteCount: '100' } };

export const finishedJobsChecks: Check[] = [
  { name: 'finished-jobs: every history entry, finished shape, sorted by finishTime', endpoint: 'E4', path: '/finished-jobs', api: BOTH, expect: list(undefined, wholeHistory) },
  { name: 'finished-jobs/: trailing slash = all', endpoint: 'E4', path: '/finished-jobs/', api: BOTH, expect: list(undefined, wholeHistory) },
  {
    name: 'finished-jobs/FINISHED: the two finished jobs in completion order, docs example shape',
    endpoint: 'E4',
    path: '/finished-jobs/FINISHED',
    api: BOTH,
    expect: list([FINISHED_FIRST, FINISHED_LATER]),
    changes: [{ since: '2.3.13', source: 'apache/seatunnel#9888: newest first', expect: list([FINISHED_LATER, FINISHED_FIRST]) }],
  },
  {
    name: 'finished-jobs/finished: state is case-insensitive',
    endpoint: 'E4',
    path: '/finished-jobs/finished',
    api: BOTH,
    expect: list([{ jobId: '{finishedJobId}' }, { jobId: '{finishedLaterJobId}' }]),
    changes: [{ since: '2.3.13', source: 'apache/seatunnel#9888: newest first', expect: list([{ jobId: '{finishedLaterJobId}' }, { jobId: '{finishedJobId}' }]) }],
  },
  {
    name: 'finished-jobs/FAILED: the failed job with its stack trace',
    endpoint: 'E4',
    path: '/finished-jobs/FAILED',
    api: BOTH,
    expect: { ...list([{ jobId: '{failedJobId}', jobStatus: 'FAILED' }]), types: { ...finishedJobTypes('[*]'), '[*].errorMsg': 'string' } },
  },
  { name: 'finished-jobs/CANCELED: the canceled job', endpoint: 'E4', path: '/finished-jobs/CANCELED', api: BOTH, expect: list([{ jobId: '{canceledJobId}', jobStatus: 'CANCELED', errorMsg: null }]) },
  { name: 'finished-jobs/SAVEPOINT_DONE: listed although overview counts it nowhere', endpoint: 'E4', path: '/finished-jobs/SAVEPOINT_DONE', api: BOTH, expect: list([{ jobId: '{savepointJobId}', jobStatus: 'SAVEPOINT_DONE' }]) },
  { name: 'finished-jobs/savepoint_done: lower case', endpoint: 'E4', path: '/finished-jobs/savepoint_done', api: BOTH, expect: list([{ jobId: '{savepointJobId}' }]) },
  { name: 'finished-jobs/NOPE: unknown state → 200 []', endpoint: 'E4', path: '/finished-jobs/NOPE', api: BOTH, expect: { status: 200, contentType: V1_JSON, equals: { '': [] } } },
  { name: 'finished-jobs/UNKNOWABLE: never stored → []', endpoint: 'E4', path: '/finished-jobs/UNKNOWABLE', api: BOTH, expect: { status: 200, equals: { '': [] } } },
  { name: 'finished-jobs/RUNNING: running jobs are not history → []', endpoint: 'E4', path: '/finished-jobs/RUNNING', api: BOTH, expect: { status: 200, equals: { '': [] } } },
];
