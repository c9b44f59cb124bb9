import {
  BOTH, fail, FINISHED_KEYS, finishedJobTypes, jobKeys, METRIC_KEYS, RUNNING_KEYS_V1, RUNNING_KEYS_V2, runningJobTypes,
  V1_JSON, V1_ONLY, V2_ONLY, type Check, type Expectation,
} from '../check.js';

/** The docs' example job after completion (§4), as job-info renders it. */
export const FINISHED_JOB_JSON = {
  jobId: '{finishedJobId}',
  jobName: 'cs-finished',
  jobStatus: 'FINISHED',
  errorMsg: null,
  jobDag: {
    jobId: '{finishedJobId}',
    pipelineEdges: { '1': [{ inputVertexId: '1', targetVertexId: '2' }] },
    envOptions: { 'job.mode': 'batch', 'sim.rows-per-second': '10' },
    vertexInfoMap: [
      { vertexId: 1, type: 'source', vertexName: 'pipeline-1 [Source[0]-FakeSource]', tablePaths: ['fake'] },
      { vertexId: 2, type: 'sink', vertexName: 'pipeline-1 [Sink[0]-Console-MultiTableSink]', tablePaths: ['fake'] },
    ],
  },
  pluginJarsUrls: [],
  metrics: {
    SourceReceivedCount: '20',
    SinkWriteCount: '20',
    TableSourceReceivedCount: { fake: '20' },
    TableSinkWriteCount: { fake: '20' },
  },
};

/** Finished jobs keep their last non-zero rates and byte counts (MultiTableMetricsIT). */
const positiveFinishedMetrics: Expectation['predicate'] = (body) => {
  const m = body?.metrics ?? {};
  for (const key of ['SourceReceivedBytes', 'SinkWriteBytes', 'SourceReceivedQPS', 'SinkWriteQPS', 'SourceReceivedBytesPerSeconds', 'SinkWriteBytesPerSeconds']) {
    if (!(Number(m[key]) > 0)) return `metrics.${key} should be > 0 after FINISHED, got ${m[key]}`;
  }
  if (m.SourceReceivedBytes !== m.SinkWriteBytes) return 'sink bytes should equal source bytes for a Console sink';
  if (body.finishTime < body.createTime) return `finishTime ${body.finishTime} before createTime ${body.createTime}`;
  return null;
};

const finished = (json: unknown, predicate?: Expectation['predicate']): Expectation => ({
  status: 200,
  contentType: V1_JSON,
  json,
  types: finishedJobTypes(''),
  keys: jobKeys(''),
  keyOrder: { '': FINISHED_KEYS },
  ...(predicate ? { predicate } : {}),
});

const running = (json: unknown): Expectation => ({
  status: 200,
  contentType: V1_JSON,
  json,
  types: runningJobTypes(''),
  keys: jobKeys(''),
  keyOrder: { '': RUNNING_KEYS_V2 },
});
const runningByApi = { v1: { keyOrder: { '': RUNNING_KEYS_V1 } } };

/** A job not started yet has SeaTunnel's empty metrics: "0" counts, "0.0" rates, {} maps. */
const EMPTY_METRICS = Object.fromEntries(
  METRIC_KEYS.map((k) => [k, k.startsWith('Table') ? {} : k.endsWith('QPS') || k.endsWith('PerSeconds') ? '0.0' : '0']),
);

const jobInfoChecks = (endpoint: 'job-info' | 'running-job'): Check[] => [
  {
    name: `${endpoint}/{finished}: finished shape, docs example DAG, string metrics`,
    endpoint: 'E3',
    path: `/${endpoint}/{finishedJobId}`,
    api: BOTH,
    expect: finished(FINISHED_JOB_JSON, positiveFinishedMetrics),
  },
  {
    name: `${endpoint}/{finished}: compact JSON, keys in SeaTunnel's order`,
    endpoint: 'E3',
    path: `/${endpoint}/{finishedJobId}`,
    api: BOTH,
    expect: {
      status: 200,
      textMatches: [/^\{"jobId":"\d+","jobName":"cs-finished","jobStatus":"FINISHED","errorMsg":null,"createTime":"[^"]+","finishTime":"[^"]+","jobDag":\{"jobId":"\d+","pipelineEdges":\{"1":\[\{"inputVertexId":"1","targetVertexId":"2"\}\]\},/],
    },
    changes: [
      {
        since: '2.3.12',
        source: 'apache/seatunnel#9400: startTime between createTime and finishTime',
        expect: {
          status: 200,
          textMatches: [/^\{"jobId":"\d+","jobName":"cs-finished","jobStatus":"FINISHED","errorMsg":null,"createTime":"[^"]+","startTime":"[^"]+","finishTime":"[^"]+","jobDag":\{"jobId":"\d+","pipelineEdges":\{"1":\[\{"inputVertexId":"1","targetVertexId":"2"\}\]\},/],
        },
      },
    ],
  },
  {
    name: `${endpoint}/{running}: running shape, RUNNING, jar URLs, isStartWithSavePoint false`,
    endpoint: 'E3',
    path: `/${endpoint}/{runningJobId}`,
    api: BOTH,
    expect: {
      ...running({ jobId: '{runningJobId}', jobName: 'cs-running', jobStatus: 'RUNNING', isStartWithSavePoint: false, jobDag: { jobId: '{runningJobId}', envOptions: { 'job.mode': 'streaming', 'sim.rows-per-second': '10' } } }),
      predicate: (body) => (Array.isArray(body?.pluginJarsUrls) && body.pluginJarsUrls.length > 0 && body.pluginJarsUrls.every((j: { jarPath: unknown }) => typeof j.jarPath === 'string' && j.jarPath.startsWith('file:')) ? null : 'pluginJarsUrls should list {"jarPath":"file:…"} entries'),
    },
    byApi: { v1: runningByApi.v1, v2: { equals: { envOptions: { 'job.mode': 'streaming', 'sim.rows-per-second': '10' } } } },
  },
  {
    name: `${endpoint}/{pending}: PENDING with zero counts, "0.0" rates and empty maps`,
    endpoint: 'E3',
    path: `/${endpoint}/{pendingJobId}`,
    api: BOTH,
    expect: { ...running({ jobId: '{pendingJobId}', jobStatus: 'PENDING' }), equals: { metrics: EMPTY_METRICS } },
    byApi: runningByApi,
  },
  {
    name: `${endpoint}/{failed}: FAILED with a Java stack trace in errorMsg`,
    endpoint: 'E3',
    path: `/${endpoint}/{failedJobId}`,
    api: BOTH,
    expect: {
      ...finished({ jobId: '{failedJobId}', jobName: 'cs-failed', jobStatus: 'FAILED' }),
      types: { ...finishedJobTypes(''), errorMsg: 'string' },
      predicate: (body) => (typeof body?.errorMsg === 'string' && body.errorMsg.includes('cs simulated failure') && body.errorMsg.includes('\n\tat ') ? null : 'errorMsg should be a stack trace with the failure message'),
    },
  },
  { name: `${endpoint}/{canceled}: CANCELED, errorMsg null`, endpoint: 'E3', path: `/${endpoint}/{canceledJobId}`, api: BOTH, expect: finished({ jobId: '{canceledJobId}', jobStatus: 'CANCELED', errorMsg: null }) },
  { name: `${endpoint}/{savepoint}: SAVEPOINT_DONE`, endpoint: 'E3', path: `/${endpoint}/{savepointJobId}`, api: BOTH, expect: finished({ jobId: '{savepointJobId}', jobStatus: 'SAVEPOINT_DONE', errorMsg: null }) },
  { name: `${endpoint}/123: unknown id → 200 {"jobId":"123"}`, endpoint: 'E3', path: `/${endpoint}/123`, api: BOTH, expect: { status: 200, contentType: V1_JSON, equals: { '': { jobId: '123' } } } },
  { name: `${endpoint}/00123: unknown id echoed as given`, endpoint: 'E3', path: `/${endpoint}/00123`, api: BOTH, expect: { status: 200, equals: { '': { jobId: '00123' } } } },
  { name: `${endpoint}/{big unknown}: 64-bit unknown id echoed as a string`, endpoint: 'E3', path: `/${endpoint}/9223372036854775807`, api: BOTH, expect: { status: 200, equals: { '': { jobId: '9223372036854775807' } } } },
  { name: `${endpoint}/abc: 400 NumberFormatException text`, endpoint: 'E3', path: `/${endpoint}/abc`, api: BOTH, ...fail(400, 'For input string: "abc"') },
  { name: `${endpoint}/9223372036854775808: beyond Long → 400`, endpoint: 'E3', path: `/${endpoint}/9223372036854775808`, api: BOTH, ...fail(400, 'For input string: "9223372036854775808"') },
];

export const jobInfoChecksAll: Check[] = [
  ...jobInfoChecks('job-info'),
  ...jobInfoChecks('running-job'),
  { name: 'job-info (no id): v2 → 400 "The jobId must not be empty."', endpoint: 'E3', path: '/job-info', api: V2_ONLY, ...fail(400, 'The jobId must not be empty.') },
  { name: 'job-info/ (empty id): v2 → 400 "The jobId must not be empty."', endpoint: 'E3', path: '/job-info/', api: V2_ONLY, ...fail(400, 'The jobId must not be empty.') },
  { name: 'running-job/ (empty id): v2 → 400 "The jobId must not be empty."', endpoint: 'E3', path: '/running-job/', api: V2_ONLY, ...fail(400, 'The jobId must not be empty.') },
  { name: 'running-job/ (empty id): v1 parses the whole URI → 400', endpoint: 'E3', path: '/running-job/', api: V1_ONLY, ...fail(400, 'For input string: "/hazelcast/rest/maps/running-job"') },
  {
    name: 'job-info/ (empty id): v1 → 400 NumberFormatException on the URI',
    endpoint: 'E3',
    path: '/job-info/',
    api: V1_ONLY,
    expect: { status: 400, json: { status: 'fail' }, predicate: (body) => (typeof body?.message === 'string' && body.message.startsWith('For input string: "/hazelcast/rest/maps/job-info') ? null : 'message should be For input string: "<uri>"') },
  },
];
