import { BOTH, fail, failWith, V1_JSON, V1_ONLY, type Check } from '../check.js';

const stopped = (jobId: string): Check['expect'] => ({ status: 200, contentType: V1_JSON, equals: { '': { jobId } }, types: { jobId: 'jobId' } });

/** A stop is asynchronous: right after it the job is stopping or already stopped. */
const stateAfter = (fixture: string, states: string[]): Check => ({
  name: `job-info after the stop: ${fixture} is ${states.join(' or ')}`,
  endpoint: 'E10',
  path: `/job-info/{${fixture}}`,
  api: BOTH,
  expect: { status: 200, json: { jobId: `{${fixture}}` }, predicate: (body) => (states.includes(body.jobStatus) ? null : `jobStatus ${body.jobStatus}`) },
});

export const stopJobChecks: Check[] = [
  { name: 'stop-job {"jobId":<64-bit number>}: cancel, id echoed as a string, exact', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"jobId":{stopTargetId}}', api: BOTH, expect: stopped('{stopTargetId}') },
  stateAfter('stopTargetId', ['CANCELING', 'CANCELED']),
  { name: 'stop-job {"jobId":"<string>","isStopWithSavePoint":"true"}: savepoint', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"jobId":"{stopSavepointTargetId}","isStopWithSavePoint":"true"}', api: BOTH, expect: stopped('{stopSavepointTargetId}') },
  stateAfter('stopSavepointTargetId', ['DOING_SAVEPOINT', 'SAVEPOINT_DONE']),
  { name: 'stop-job: v1 accepts PUT', endpoint: 'E10', method: 'PUT', path: '/stop-job', body: '{"jobId":{stopTargetId}}', api: V1_ONLY, expect: stopped('{stopTargetId}') },
  { name: 'stop-job: unknown id → 200, no-op', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"jobId":123}', api: BOTH, expect: stopped('123') },
  { name: 'stop-job: finished job → 200, no-op', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"jobId":{finishedJobId},"isStopWithSavePoint":false}', api: BOTH, expect: stopped('{finishedJobId}') },
  stateAfter('finishedJobId', ['FINISHED']),
  { name: 'stop-job without jobId → 400 "jobId cannot be empty."', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"isStopWithSavePoint":false}', api: BOTH, ...fail(400, 'jobId cannot be empty.') },
  { name: 'stop-job {"jobId":"abc"} → 400 NumberFormatException', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"jobId":"abc"}', api: BOTH, ...fail(400, 'For input string: "abc"') },
  { name: 'stop-job: empty body → 400', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '', api: BOTH, ...fail(400, 'Request body is empty.') },
  { name: 'stop-job: invalid JSON → 400', endpoint: 'E10', method: 'POST', path: '/stop-job', body: '{"jobId":', api: BOTH, ...fail(400, 'Invalid JSON format in request body.') },
];

export const stopJobsChecks: Check[] = [
  {
    name: 'stop-jobs: ids echoed as JSON numbers, exact beyond 2^53',
    endpoint: 'E11',
    method: 'POST',
    path: '/stop-jobs',
    body: '[{"jobId":{stopJobsTargetA}},{"jobId":{stopJobsTargetB},"isStopWithSavePoint":true}]',
    api: BOTH,
    expect: { status: 200, contentType: V1_JSON, text: '[{"jobId":{stopJobsTargetA}},{"jobId":{stopJobsTargetB}}]' },
  },
  {
    name: 'job-info after stop-jobs: A canceling/canceled',
    endpoint: 'E11',
    path: '/job-info/{stopJobsTargetA}',
    api: BOTH,
    expect: { status: 200, predicate: (body) => (['CANCELING', 'CANCELED'].includes(body.jobStatus) ? null : `jobStatus ${body.jobStatus}`) },
  },
  {
    name: 'job-info after stop-jobs: B doing/done savepoint',
    endpoint: 'E11',
    path: '/job-info/{stopJobsTargetB}',
    api: BOTH,
    expect: { status: 200, predicate: (body) => (['DOING_SAVEPOINT', 'SAVEPOINT_DONE'].includes(body.jobStatus) ? null : `jobStatus ${body.jobStatus}`) },
  },
  { name: 'stop-jobs: a JSON object, not a list → 500 "Json parse list exception!"', endpoint: 'E11', method: 'POST', path: '/stop-jobs', body: '{"jobId":{stopJobsTargetA}}', api: BOTH, ...fail(500, 'Json parse list exception!') },
  { name: 'stop-jobs: empty body → 400', endpoint: 'E11', method: 'POST', path: '/stop-jobs', body: '', api: BOTH, ...fail(400, 'Request body is empty.') },
  { name: 'stop-jobs: invalid JSON → 400', endpoint: 'E11', method: 'POST', path: '/stop-jobs', body: '[{', api: BOTH, ...fail(400, 'Invalid JSON format in request body.') },
  { name: 'stop-jobs: element without jobId → 400 "jobId cannot be empty."', endpoint: 'E11', method: 'POST', path: '/stop-jobs', body: '[{}]', api: BOTH, ...fail(400, 'jobId cannot be empty.') },
  { name: 'stop-jobs: v1 accepts PUT', endpoint: 'E11', method: 'PUT', path: '/stop-jobs', body: '[{"jobId":{stopJobsTargetA}}]', api: V1_ONLY, expect: { status: 200, text: '[{"jobId":{stopJobsTargetA}}]' } },
  // Deviation (README): SeaTunnel throws ClassCastException → 500 for ids that fit in 32 bits or are
  // strings, after stopping the job; seatunnel-sim answers them like any other id.
  {
    // SeaTunnel casts Jackson's Integer to Long after stopping the job (captures/2.3.8/extra/010).
    name: 'stop-jobs: an id that fits in 32 bits → 500 ClassCastException',
    endpoint: 'E11',
    method: 'POST',
    path: '/stop-jobs',
    body: '[{"jobId":123}]',
    api: BOTH,
    expect: {
      status: 500,
      json: { status: 'fail', message: "class java.lang.Integer cannot be cast to class java.lang.Long (java.lang.Integer and java.lang.Long are in module java.base of loader 'bootstrap')" },
    },
  },
  {
    name: 'stop-jobs: an id given as a string → 500 ClassCastException (after stopping it)',
    endpoint: 'E11',
    method: 'POST',
    path: '/stop-jobs',
    body: '[{"jobId":"{stopJobsTargetA}"}]',
    api: BOTH,
    expect: {
      status: 500,
      json: { status: 'fail', message: "class java.lang.String cannot be cast to class java.lang.Long (java.lang.String and java.lang.Long are in module java.base of loader 'bootstrap')" },
    },
  },
];
