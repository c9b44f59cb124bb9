import { BOTH, fail, V2_ONLY, type Check, type Expectation, type PredicateContext } from '../check.js';
import { RUNNING_FIXTURES } from './running-jobs.js';

/**
 * What later releases added to the job listings: startTime (2.3.12, apache/seatunnel#9400),
 * running jobs newest first and pages of `{"data":[…],"total":N}` (2.3.13, #9951, v2 only).
 */

const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

/** A scheduled job has a startTime no earlier than its createTime; one still waiting for slots has null. */
const startTimes = (body: any, ctx: PredicateContext): string | null => {
  if (!Array.isArray(body)) return 'expected an array';
  for (const job of body as Array<{ jobId: string; jobStatus: string; createTime: string; startTime: unknown }>) {
    if (job.jobStatus === 'PENDING') {
      if (job.jobId === ctx.fx('pendingJobId') && job.startTime !== null) return `pending job ${job.jobId}: startTime should be null, got ${JSON.stringify(job.startTime)}`;
      continue;
    }
    if (typeof job.startTime !== 'string' || !TIME.test(job.startTime)) return `job ${job.jobId}: startTime should be yyyy-MM-dd HH:mm:ss, got ${JSON.stringify(job.startTime)}`;
    if (job.startTime < job.createTime) return `job ${job.jobId}: startTime ${job.startTime} before createTime ${job.createTime}`;
  }
  return null;
};

/** 2.3.13 lists running jobs newest submission first (by createTime, to the second). */
const newestFirst = (body: any): string | null => {
  const jobs = (Array.isArray(body) ? body : body?.data) as Array<{ createTime: string }> | undefined;
  if (!Array.isArray(jobs)) return 'expected jobs';
  for (let i = 1; i < jobs.length; i++) if (jobs[i - 1]!.createTime < jobs[i]!.createTime) return `not newest first: [${i - 1}] ${jobs[i - 1]!.createTime} < [${i}] ${jobs[i]!.createTime}`;
  return null;
};

const page = (size: number, total: string, predicate?: Expectation['predicate']): Expectation => ({
  status: 200,
  contentType: 'application/json',
  keyOrder: { '': ['data', 'total'] },
  types: { data: 'array', total: 'number' },
  predicate: (body, ctx) => {
    if (body?.data?.length !== size) return `expected ${size} jobs on the page, got ${body?.data?.length}`;
    if (body.total !== Number(ctx.fx(total))) return `total should be ${ctx.fx(total)}, got ${body.total}`;
    return predicate ? predicate(body, ctx) : null;
  },
});

const RUNNING = String(RUNNING_FIXTURES.length);

export const listingChecks: Check[] = [
  { name: 'running-jobs: startTime of every scheduled job, null while waiting', endpoint: 'E2', path: '/running-jobs', api: BOTH, since: '2.3.12', expect: { status: 200, predicate: startTimes } },
  { name: 'finished-jobs: startTime of every ended job that ran', endpoint: 'E4', path: '/finished-jobs/FINISHED', api: BOTH, since: '2.3.12', expect: { status: 200, predicate: startTimes } },
  { name: 'running-jobs: newest submission first (2.3.13)', endpoint: 'E2', path: '/running-jobs', api: BOTH, since: '2.3.13', expect: { status: 200, predicate: newestFirst } },
  { name: 'running-jobs?page=1&rows=2: the first two, total of all', endpoint: 'E2', path: '/running-jobs?page=1&rows=2', api: V2_ONLY, since: '2.3.13', expect: page(2, 'runningFixtures', newestFirst) },
  { name: 'running-jobs?page=2: rows default to 10, so page 2 starts past the end (7 jobs) → 400', endpoint: 'E2', path: '/running-jobs?page=2', api: V2_ONLY, since: '2.3.13', ...fail(400, 'Page number exceeds total pages') },
  { name: 'running-jobs?page=1: up to 10 rows', endpoint: 'E2', path: '/running-jobs?page=1', api: V2_ONLY, since: '2.3.13', expect: page(RUNNING_FIXTURES.length, 'runningFixtures') },
  { name: 'running-jobs?page=4&rows=2: the last, partial page', endpoint: 'E2', path: '/running-jobs?page=4&rows=2', api: V2_ONLY, since: '2.3.13', expect: page(1, 'runningFixtures') },
  { name: 'running-jobs?page=0 → 400', endpoint: 'E2', path: '/running-jobs?page=0', api: V2_ONLY, since: '2.3.13', ...fail(400, 'Page number must be greater than 0') },
  { name: 'running-jobs?page=x → 400 NumberFormatException', endpoint: 'E2', path: '/running-jobs?page=x', api: V2_ONLY, since: '2.3.13', ...fail(400, 'For input string: "x"') },
  { name: 'running-jobs?rows=2 without page: the whole array', endpoint: 'E2', path: '/running-jobs?rows=2', api: V2_ONLY, since: '2.3.13', expect: { status: 200, types: { '': 'array' }, predicate: (body) => (body.length === RUNNING_FIXTURES.length ? null : `expected all ${RUNNING} jobs`) } },
  { name: 'running-jobs?page=1: v1 has no pages (its handler is unchanged)', endpoint: 'E2', path: '/running-jobs?page=1&rows=2', api: ['v1'], since: '2.3.13', expect: { status: 200, types: { '': 'array' } } },
  { name: 'finished-jobs/FINISHED?page=1&rows=1: the newest finished job', endpoint: 'E4', path: '/finished-jobs/FINISHED?page=1&rows=1', api: V2_ONLY, since: '2.3.13', expect: { ...page(1, 'finishedCount'), json: { data: [{ jobId: '{finishedLaterJobId}' }] } } },
  { name: 'finished-jobs?page=3&rows=2: 5 ended jobs, the third page holds one', endpoint: 'E4', path: '/finished-jobs?page=3&rows=2', api: V2_ONLY, since: '2.3.13', expect: page(1, 'endedCount') },
  {
    name: 'running-jobs?page=2: before 2.3.13 the parameter means nothing',
    endpoint: 'E2',
    path: '/running-jobs?page=2',
    api: V2_ONLY,
    expect: { status: 200, types: { '': 'array' } },
    changes: [{ since: '2.3.13', source: 'apache/seatunnel#9951', expect: { ...fail(400, 'Page number exceeds total pages').expect, types: {} }, byApi: fail(400, 'Page number exceeds total pages').byApi }],
  },
];
