import type { ApiProfile } from '@seatunnel-sim/engine';
import type { EndpointName } from '../routes/endpoints.js';
import { ref, type JsonSchema } from './schemas.js';

/** One path of an endpoint (SeaTunnel maps each as `<name>/*`, so some take a trailing id). */
export interface PathDoc {
  /** Appended to `/<name>`, e.g. `/{jobId}`. */
  suffix: string;
  parameters: JsonSchema[];
}

export interface EndpointDoc {
  summary: string;
  paths: PathDoc[];
  requestBody?: JsonSchema;
  /** Status → OpenAPI response object. */
  responses: Record<string, JsonSchema>;
}

const json = (schema: JsonSchema, description = 'OK'): JsonSchema => ({ description, content: { 'application/json': { schema } } });
const text = (mediaType: string, description = 'OK'): JsonSchema => ({ description, content: { [mediaType]: { schema: { type: 'string' } } } });
const query = (name: string, schema: JsonSchema, description?: string): JsonSchema => ({ name, in: 'query', required: false, schema, ...(description ? { description } : {}) });
const path = (name: string, schema: JsonSchema = ref('JobId')): JsonSchema => ({ name, in: 'path', required: true, schema });
const only = (...parameters: JsonSchema[]): PathDoc[] => [{ suffix: '', parameters }];

const BAD_REQUEST = json(ref('Error'), "Bad parameters (IllegalArgumentException's message, e.g. `For input string: \"abc\"`)");
const SERVER_ERROR = json(ref('Error'), "SeaTunnel refused the request (the Java exception's message)");
const TAG_FILTER = { name: 'tags', in: 'query', required: false, style: 'form', explode: true, schema: { type: 'object', additionalProperties: { type: 'string' } }, description: 'Worker attributes to filter by, each as its own parameter (`?zone=a`).' };

function pageParameters(profile: ApiProfile): JsonSchema[] {
  if (!profile.listing.pagination) return [];
  return [
    query('page', { type: 'integer', minimum: 1 }, 'With page, the answer is `{"data": [...], "total": N}` (2.3.13, #9951); a page out of range → 400.'),
    query('rows', { type: 'integer', minimum: 1, default: 10 }),
  ];
}

function submitParameters(profile: ApiProfile): JsonSchema[] {
  return [
    query('jobId', ref('JobId'), 'Run the job under this id (with isStartWithSavePoint: restore it).'),
    query('jobName', { type: 'string' }),
    query('isStartWithSavePoint', { type: 'boolean' }),
    ...(profile.formats.size > 0 ? [query('format', { type: 'string', enum: ['json', ...profile.formats] }, 'Syntax of the body (any case); anything else reads JSON.')] : []),
    ...(profile.zeta.restoreModes
      ? [
          query('restoreMode', { type: 'string' }, 'CHECKPOINT: a new job from the latest completed checkpoint of restoreSourceJobId (none → 400); SAVEPOINT: restoreSourceJobId runs again under its own id (3.0, #11421).'),
          query('restoreSourceJobId', ref('JobId'), 'The job whose state is restored; defaults to jobId.'),
        ]
      : []),
  ];
}

/**
 * What each endpoint takes and answers, by the name it has in the endpoint registry
 * (routes/endpoints.ts); the profile decides the release's variants (pages, formats, counters).
 * An endpoint registered without an entry here is still listed, with a free-form answer.
 */
export function endpointDoc(name: EndpointName, profile: ApiProfile): EndpointDoc | undefined {
  switch (name) {
    case 'overview':
      return { summary: 'Cluster overview: version, slots, job counters, workers', paths: only(TAG_FILTER), responses: { 200: json(ref('Overview')) } };
    case 'running-jobs':
      return { summary: 'Jobs not yet ended', paths: only(...pageParameters(profile)), responses: { 200: json(ref('JobList')), 400: BAD_REQUEST } };
    case 'finished-jobs':
      return {
        summary: 'Ended jobs from the history, optionally of one state (case-insensitive; an unknown state answers [])',
        paths: [{ suffix: '', parameters: pageParameters(profile) }, { suffix: '/{state}', parameters: [path('state', { type: 'string' }), ...pageParameters(profile)] }],
        responses: { 200: json(ref('JobList')), 400: BAD_REQUEST },
      };
    case 'job-info':
    case 'running-job':
      return {
        summary: 'One job, running or ended; an unknown id answers just {"jobId": ...}',
        paths: [{ suffix: '/{jobId}', parameters: [path('jobId')] }],
        responses: { 200: json({ anyOf: [ref('Job'), ref('UnknownJob')] }), 400: BAD_REQUEST, ...(profile.v1GetBadRequestStatus === 500 ? { 500: SERVER_ERROR } : {}) },
      };
    case 'submit-job':
      return {
        summary: 'Submit a job config',
        paths: only(...submitParameters(profile)),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('JobConfig') }, ...(profile.formats.size > 0 ? { 'text/plain': { schema: { type: 'string' }, example: 'HOCON or SQL, with format=' } } : {}) },
        },
        responses: { 200: json(ref('SubmittedJob')), 400: BAD_REQUEST, 500: SERVER_ERROR },
      };
    case 'submit-job/upload':
      return {
        summary: 'Submit a job config as a file (multipart part `config_file`; *.json is JSON, any other name HOCON)',
        paths: only(...submitParameters(profile)),
        requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['config_file'], properties: { config_file: { type: 'string', contentMediaType: 'application/octet-stream' } } } } } },
        responses: { 200: json(ref('SubmittedJob')), 400: BAD_REQUEST, 500: SERVER_ERROR },
      };
    case 'submit-jobs':
      return {
        summary: 'Submit several job configs, each with its `params` (jobId, jobName, isStartWithSavePoint)',
        paths: only(),
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: { allOf: [ref('JobConfig'), { type: 'object', properties: { params: { type: 'object' } } }] } } } } },
        responses: { 200: json({ type: 'array', items: ref('SubmittedJob') }), 400: BAD_REQUEST, 500: SERVER_ERROR },
      };
    case 'stop-job':
      return { summary: 'Cancel a job, or stop it with a savepoint', paths: only(), requestBody: { required: true, content: { 'application/json': { schema: ref('StopRequest') } } }, responses: { 200: json(ref('StoppedJob')), 400: BAD_REQUEST, 500: SERVER_ERROR } };
    case 'stop-jobs':
      return {
        summary: 'Stop several jobs in turn',
        paths: only(),
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: ref('StopRequest') } } } },
        responses: { 200: json({ type: 'array', items: { type: 'object', required: ['jobId'], properties: { jobId: { type: 'integer', format: 'int64' } } } }), 400: BAD_REQUEST, 500: SERVER_ERROR },
      };
    case 'encrypt-config':
      return { summary: 'The job config with sensitive options shaded (base64)', paths: only(), requestBody: { required: true, content: { 'application/json': { schema: ref('JobConfig') } } }, responses: { 200: json(ref('JobConfig')), 400: BAD_REQUEST, 500: SERVER_ERROR } };
    case 'update-tags':
      return { summary: "Replace the answering node's tags", paths: only(), requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'string' } } } } }, responses: { 200: json({ type: 'object', required: ['status'], properties: { status: { type: 'string' }, message: { type: 'string' } } }), 400: BAD_REQUEST } };
    case 'system-monitoring-information':
      return { summary: 'One object per live node (figures as strings)', paths: only(), responses: { 200: json({ type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } }) } };
    case 'thread-dump':
      return { summary: "The answering node's threads with their stacks", paths: only(), responses: { 200: json({ type: 'array', items: { type: 'object' } }) } };
    case 'running-threads':
      return { summary: "The answering node's threads, by name", paths: only(), responses: { 200: json({ type: 'array', items: { type: 'object' } }) } };
    case 'get-all-log-name':
      return { summary: "The answering node's log file names", paths: only(), responses: { 200: json({ type: 'array', items: { type: 'string' } }) } };
    case 'logs':
      return {
        summary: "Every node's job logs: an HTML list, or JSON with format=json",
        paths: [{ suffix: '', parameters: [query('format', { type: 'string', enum: ['json'] })] }, { suffix: '/{jobId}', parameters: [path('jobId'), query('format', { type: 'string', enum: ['json'] })] }],
        responses: { 200: { description: 'OK', content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } } },
      };
    case 'log':
      return { summary: "The answering node's log files (an HTML list, or one file as text)", paths: [{ suffix: '', parameters: [] }, { suffix: '/{file}', parameters: [path('file', { type: 'string', pattern: '\\.log$' })] }], responses: { 200: text('text/html') } };
    case 'metrics':
    case 'openmetrics':
      return { summary: `Telemetry in ${name === 'metrics' ? 'Prometheus' : 'OpenMetrics'} text format (an empty registry unless telemetry is enabled)`, paths: only(), responses: { 200: text('text/plain') } };
    case 'pending-jobs':
      return {
        summary: "The WAIT queue with each job's slot diagnostics (Gson's shape: numbers as numbers)",
        paths: only(query('jobId', ref('JobId')), query('limit', { type: 'integer' }), query('pretty', { type: 'boolean' }), TAG_FILTER),
        responses: { 200: json({ type: 'object', required: ['queueSummary', 'clusterSnapshot'] }), 400: text('text/html', "Jetty's error page for a bad number") },
      };
    case 'jobs/checkpoints':
      return { summary: 'The checkpoint monitor of a running job, per pipeline', paths: [{ suffix: '/{jobId}', parameters: [path('jobId')] }], responses: { 200: json({ type: 'object', required: ['jobId'] }), 400: BAD_REQUEST } };
    case 'jobs/checkpoints/history':
      return {
        summary: 'Finished checkpoints, newest first',
        paths: [{ suffix: '/{jobId}', parameters: [path('jobId'), query('pipelineId', { type: 'integer' }), query('limit', { type: 'integer', default: 20 }), query('status', { type: 'string' })] }],
        responses: { 200: json({ type: 'object' }), 400: BAD_REQUEST },
      };
    default:
      return undefined;
  }
}
