import { BOTH, fail, failWith, V1_JSON, V1_ONLY, V2_ONLY, type Check, type Expectation } from '../check.js';
import { QUICK_JOB } from '../fixtures.js';

/** `{"jobId":"<string>","jobName":"…"}` — the id a string (the docs' number is wrong). */
const submitted = (json: Record<string, string>): Expectation => ({
  status: 200,
  contentType: V1_JSON,
  keyOrder: { '': ['jobId', 'jobName'] },
  types: { jobId: 'jobId', jobName: 'string' },
  json,
});

/** QUICK_JOB in SeaTunnel's HOCON form. */
const HOCON_QUICK_JOB = `env {
  job.mode = "batch"
  sim.rows-per-second = 1000
}
source {
  FakeSource {
    result_table_name = "fake"
    row.num = 1
    schema = { fields { name = "string", age = "int", card = "int" } }
  }
}
sink {
  Console { source_table_name = ["fake"] }
}
`;

const withEnv = (env: Record<string, unknown>) => ({ ...QUICK_JOB, env: { ...QUICK_JOB.env, ...env } });
const { env: _env, ...WITHOUT_ENV } = QUICK_JOB;

export const submitJobChecks: Check[] = [
  { name: 'submit-job?jobName=: 200 {jobId string, jobName}', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName=cs-submit', body: QUICK_JOB, api: BOTH, expect: submitted({ jobName: 'cs-submit' }) },
  { name: 'submit-job: v1 accepts PUT as POST', endpoint: 'E8', method: 'PUT', path: '/submit-job?jobName=cs-put', body: QUICK_JOB, api: V1_ONLY, expect: submitted({ jobName: 'cs-put' }) },
  { name: 'submit-job?jobId=: the given 64-bit id, exact', endpoint: 'E8', method: 'POST', path: '/submit-job?jobId={uniqueId}&jobName=cs-with-id', body: QUICK_JOB, api: BOTH, expect: submitted({ jobId: '{uniqueId}', jobName: 'cs-with-id' }) },
  { name: 'submit-job: UTF-8 job name round-trips', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName=%E4%B8%AD%E6%96%87%E4%BD%9C%E4%B8%9A', body: QUICK_JOB, api: BOTH, expect: submitted({ jobName: '中文作业' }) },
  { name: 'submit-job: no jobName → env job.name', endpoint: 'E8', method: 'POST', path: '/submit-job', body: withEnv({ 'job.name': 'cs-env-name' }), api: BOTH, expect: submitted({ jobName: 'cs-env-name' }) },
  { name: 'submit-job: jobName param beats env job.name', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName=cs-param', body: withEnv({ 'job.name': 'cs-env-name' }), api: BOTH, expect: submitted({ jobName: 'cs-param' }) },
  { name: 'submit-job: neither → "SeaTunnel_Job"', endpoint: 'E8', method: 'POST', path: '/submit-job', body: QUICK_JOB, api: BOTH, expect: submitted({ jobName: 'SeaTunnel_Job' }) },
  { name: 'submit-job?jobName= (no value): v2 takes it as absent → default name', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName=', body: QUICK_JOB, api: V2_ONLY, expect: submitted({ jobName: 'SeaTunnel_Job' }) },
  { name: 'submit-job?jobName= (no value): v1 → 400 "Invalid Params format in Params."', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName=', body: QUICK_JOB, api: V1_ONLY, ...fail(400, 'Invalid Params format in Params.') },
  { name: 'submit-job?jobName (no =): v1 → 400 "Invalid Params format in Params."', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName', body: QUICK_JOB, api: V1_ONLY, ...fail(400, 'Invalid Params format in Params.') },
  { name: 'submit-job?isStartWithSavePoint=true without jobId → 400 (before the body is read)', endpoint: 'E8', method: 'POST', path: '/submit-job?isStartWithSavePoint=true', body: '', api: BOTH, ...fail(400, 'Please provide jobId when start with save point.') },
  { name: 'submit-job?jobId=abc → 400 NumberFormatException', endpoint: 'E8', method: 'POST', path: '/submit-job?jobId=abc', body: QUICK_JOB, api: BOTH, ...fail(400, 'For input string: "abc"') },
  { name: 'submit-job: empty body → 400 "Request body is empty."', endpoint: 'E8', method: 'POST', path: '/submit-job', body: '', api: BOTH, ...fail(400, 'Request body is empty.') },
  { name: 'submit-job: invalid JSON → 400 "Invalid JSON format in request body."', endpoint: 'E8', method: 'POST', path: '/submit-job', body: '{"env":', api: BOTH, ...fail(400, 'Invalid JSON format in request body.') },
  { name: 'submit-job: no env block → 500 config error', endpoint: 'E8', method: 'POST', path: '/submit-job?jobName=cs-no-env', body: WITHOUT_ENV, api: BOTH, ...failWith(500, "No configuration setting found for key 'env'") },
  { name: 'submit-job?jobId=<finished>: → 500 "has already been submitted"', endpoint: 'E8', method: 'POST', path: '/submit-job?jobId={finishedJobId}', body: QUICK_JOB, api: BOTH, ...failWith(500, 'The job id {finishedJobId} has already been submitted and is not starting with a savepoint.') },
  { name: 'submit-job?jobId=<running>: 200 with that id, nothing new started', endpoint: 'E8', method: 'POST', path: '/submit-job?jobId={runningJobId}', body: QUICK_JOB, api: BOTH, expect: submitted({ jobId: '{runningJobId}' }) },
  {
    name: 'submit-job?jobId=<savepoint>&isStartWithSavePoint=true: restore → 200',
    endpoint: 'E8',
    method: 'POST',
    path: '/submit-job?jobId={savepointJobId}&isStartWithSavePoint=true&jobName=cs-restored',
    body: { env: { 'job.mode': 'streaming', 'sim.rows-per-second': 10 }, source: QUICK_JOB.source, sink: QUICK_JOB.sink },
    api: BOTH,
    expect: submitted({ jobId: '{savepointJobId}' }),
  },
  {
    name: 'job-info of the restored job: running again, isStartWithSavePoint true',
    endpoint: 'E8',
    path: '/job-info/{savepointJobId}',
    api: BOTH,
    expect: { status: 200, json: { jobId: '{savepointJobId}', jobStatus: 'RUNNING', isStartWithSavePoint: true } },
  },
  {
    name: 'submit-job?format=hocon: a HOCON body (plugins keyed by name) → 200',
    endpoint: 'E8',
    method: 'POST',
    path: '/submit-job?format=hocon&jobName=cs-hocon',
    body: HOCON_QUICK_JOB,
    api: BOTH,
    expect: submitted({ jobName: 'cs-hocon' }),
  },
  {
    name: 'submit-job?format=HOCON: the format is case-insensitive',
    endpoint: 'E8',
    method: 'POST',
    path: '/submit-job?format=HOCON',
    body: HOCON_QUICK_JOB,
    api: BOTH,
    expect: submitted({ jobName: 'SeaTunnel_Job' }),
  },
  // v1 parses the body as sent (`env {` ends on line 1); v2 re-joins its lines with \n first (line 2).
  { name: 'submit-job?format=hocon: unparsable → 500 with Typesafe Config\'s message', endpoint: 'E8', method: 'POST', path: '/submit-job?format=hocon', body: 'env {', api: BOTH, ...failWith(500, "expecting a close parentheses ')' here, not: end of file") },
  { name: 'submit-job?format=hocon: empty body → 500 (no env), not "Request body is empty."', endpoint: 'E8', method: 'POST', path: '/submit-job?format=hocon', body: '', api: BOTH, ...fail(500, "No configuration setting found for key 'env'") },
  { name: 'submit-job?format=hocon: unresolved ${?X} in env → 400 "Json parsing exception."', endpoint: 'E8', method: 'POST', path: '/submit-job?format=hocon', body: 'env { job.mode = ${?CS_UNSET} }\nsource { FakeSource { schema = { fields { name = "string" } } } }\nsink { Console {} }', api: BOTH, ...fail(400, 'Json parsing exception.') },
  { name: 'submit-job/upload: not multipart → 500 (Jetty\'s ServletException)', endpoint: 'E8', method: 'POST', path: '/submit-job/upload', body: QUICK_JOB, api: V2_ONLY, ...fail(500, 'Unsupported Content-Type [application/json], expected [multipart/form-data]') },
];

const params = (p: Record<string, string>) => ({ ...QUICK_JOB, params: p });

export const submitJobsChecks: Check[] = [
  {
    name: 'submit-jobs: one answer per job, in order, ids as strings',
    endpoint: 'E9',
    method: 'POST',
    path: '/submit-jobs',
    body: [params({ jobId: '{uniqueId}', jobName: 'cs-batch-1' }), params({ jobName: 'cs-batch-2' })],
    api: BOTH,
    expect: { status: 200, contentType: V1_JSON, types: { '[*].jobId': 'jobId' }, keyOrder: { '[*]': ['jobId', 'jobName'] }, json: [{ jobId: '{uniqueId}', jobName: 'cs-batch-1' }, { jobName: 'cs-batch-2' }] },
  },
  {
    name: 'submit-jobs: params are re-read with v1 query rules (URL-decoded)',
    endpoint: 'E9',
    method: 'POST',
    path: '/submit-jobs',
    body: [params({ jobName: 'cs%20decoded' })],
    api: BOTH,
    expect: { status: 200, json: [{ jobName: 'cs decoded' }] },
  },
  {
    name: 'submit-jobs: non-object elements are skipped',
    endpoint: 'E9',
    method: 'POST',
    path: '/submit-jobs',
    body: [1, 'x', params({ jobName: 'cs-only-one' })],
    api: BOTH,
    expect: { status: 200, json: [{ jobName: 'cs-only-one' }] },
  },
  { name: 'submit-jobs: element without params → 500 NullPointerException (no message)', endpoint: 'E9', method: 'POST', path: '/submit-jobs', body: [QUICK_JOB], api: BOTH, ...fail(500, null) },
  { name: 'submit-jobs: empty body → 400', endpoint: 'E9', method: 'POST', path: '/submit-jobs', body: '', api: BOTH, ...fail(400, 'Request body is empty.') },
  { name: 'submit-jobs: invalid JSON → 400', endpoint: 'E9', method: 'POST', path: '/submit-jobs', body: '[{', api: BOTH, ...fail(400, 'Invalid JSON format in request body.') },
  // Deviation (README): SeaTunnel submits the jobs before a bad one and then answers 500;
  // seatunnel-sim validates every element first, so bad input submits nothing.
  {
    name: 'submit-jobs: a bad job N → 500 and nothing is submitted (SeaTunnel: jobs before N are)',
    endpoint: 'E9',
    method: 'POST',
    path: '/submit-jobs',
    body: [params({ jobId: '{partialBatchId}', jobName: 'cs-partial' }), { ...WITHOUT_ENV, params: { jobName: 'cs-bad' } }],
    api: BOTH,
    expect: { status: 500, json: { status: 'fail' } },
  },
  {
    name: 'job-info of the job before the bad one: unknown, nothing was submitted',
    endpoint: 'E9',
    path: '/job-info/{partialBatchId}',
    api: BOTH,
    expect: { status: 200, text: '{"jobId":"{partialBatchId}"}' },
  },
  { name: 'submit-jobs: v1 accepts PUT', endpoint: 'E9', method: 'PUT', path: '/submit-jobs', body: [params({ jobName: 'cs-put-batch' })], api: V1_ONLY, expect: { status: 200, json: [{ jobName: 'cs-put-batch' }] } },
];
