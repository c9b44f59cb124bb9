import { JOB_STATUSES, type ApiProfile } from '@seatunnel-sim/engine';

/** A JSON Schema (2020-12, as OpenAPI 3.1 embeds it) or an OpenAPI object: plain JSON. */
export type JsonSchema = { [key: string]: unknown };

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * The shared schemas of a release's answers. SeaTunnel sends its numbers as strings (Jackson
 * writes the Long and Double values it keeps as text), times as `yyyy-MM-dd HH:mm:ss` in the
 * server's zone, and 64-bit job ids as strings; the schemas say so, so a client generated from
 * them keeps every digit.
 */
export function componentSchemas(profile: ApiProfile): Record<string, JsonSchema> {
  const legacy = !profile.v2;
  const overviewKeys = ['projectVersion', 'gitCommitAbbrev', 'totalSlot', 'unassignedSlot', 'runningJobs', 'finishedJobs', 'failedJobs', ...(profile.overviewPendingJobs ? ['pendingJobs'] : []), 'cancelledJobs', 'workers'];
  return {
    IntegerString: { type: 'string', pattern: '^-?\\d+$', description: 'A whole number written as a string (Java long).' },
    DecimalString: { type: 'string', pattern: '^(-?\\d+(\\.\\d+)?(E-?\\d+)?|NaN|-?Infinity)$', description: "A number as Java's Double.toString writes it." },
    JobId: { type: 'string', pattern: '^-?\\d+$', description: 'A 64-bit job id (Flake id), always a string.' },
    JavaTime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', description: 'yyyy-MM-dd HH:mm:ss' },
    JobStatus: { type: 'string', enum: [...JOB_STATUSES] },
    Error: {
      type: 'object',
      description: "SeaTunnel's error answer; the message is the Java exception's (null when it has none).",
      required: ['status', 'message'],
      properties: { status: { const: 'fail' }, message: { type: ['string', 'null'] } },
    },
    Overview: {
      type: 'object',
      required: overviewKeys,
      properties: Object.fromEntries(overviewKeys.map((key) => [key, { type: 'string' }])),
      additionalProperties: { type: 'string' },
    },
    Metrics: legacy
      ? { type: 'object' }
      : {
          type: 'object',
          description: 'Job totals as strings; Table* keys map each table (2.3.13: `Source[0].<table>`) to its figure.',
          additionalProperties: { oneOf: [ref('DecimalString'), { type: 'object', additionalProperties: ref('DecimalString') }] },
        },
    Job: {
      type: 'object',
      required: ['jobId', 'jobName', 'jobStatus', 'createTime', 'jobDag', 'metrics'],
      properties: {
        jobId: ref('JobId'),
        jobName: { type: 'string' },
        jobStatus: ref('JobStatus'),
        errorMsg: { type: ['string', 'null'], description: 'A Java stack trace when the job failed (finished jobs only).' },
        envOptions: { type: 'object' },
        createTime: ref('JavaTime'),
        startTime: { anyOf: [ref('JavaTime'), { type: 'null' }] },
        finishTime: ref('JavaTime'),
        // 2.3.8 sends a finished job's DAG as a JSON string.
        jobDag: legacy ? { type: ['object', 'string'] } : { type: 'object', required: ['jobId', 'pipelineEdges', 'vertexInfoMap'] },
        pluginJarsUrls: { type: 'array', items: { type: 'object', properties: { jarPath: { type: 'string' } } } },
        isStartWithSavePoint: { type: 'boolean' },
        metrics: ref('Metrics'),
        ...(profile.zeta.jobDiagnostics
          ? {
              diagnostics: {
                type: 'object',
                description: 'job-info of a running job only (3.0, apache/seatunnel#11982): state-entry timestamps (epoch ms) of the job and each pipeline, pipeline restores.',
                required: ['jobId', 'generatedAt', 'stateTimestamps', 'pipelines', 'totalPipelineRestoreCount'],
                properties: {
                  jobId: ref('JobId'),
                  generatedAt: { type: 'integer' },
                  stateTimestamps: { type: 'object', additionalProperties: { type: 'integer' } },
                  pipelines: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['pipelineId', 'pipelineStatus', 'restoreCount', 'maxRestoreCount', 'stateTimestamps'],
                      properties: {
                        pipelineId: { type: 'integer' },
                        pipelineStatus: { type: ['string', 'null'] },
                        restoreCount: { type: 'integer' },
                        maxRestoreCount: { type: 'integer' },
                        stateTimestamps: { type: 'object', additionalProperties: { type: 'integer' } },
                      },
                    },
                  },
                  totalPipelineRestoreCount: { type: 'integer' },
                },
              },
            }
          : {}),
      },
    },
    UnknownJob: {
      type: 'object',
      description: 'What job-info answers (200) for an id no job has.',
      required: ['jobId'],
      properties: { jobId: ref('JobId') },
      additionalProperties: false,
    },
    JobList: profile.listing.pagination
      ? { oneOf: [{ type: 'array', items: ref('Job') }, { type: 'object', required: ['data', 'total'], properties: { data: { type: 'array', items: ref('Job') }, total: { type: 'integer' } } }] }
      : { type: 'array', items: ref('Job') },
    SubmittedJob: { type: 'object', required: ['jobId', 'jobName'], properties: { jobId: ref('JobId'), jobName: { type: 'string' } } },
    StoppedJob: { type: 'object', required: ['jobId'], properties: { jobId: ref('JobId') } },
    StopRequest: {
      type: 'object',
      required: ['jobId'],
      properties: { jobId: { type: 'integer', format: 'int64', description: 'The id as a JSON number (Jackson reads it as a Long).' }, isStopWithSavePoint: { type: 'boolean', default: false } },
    },
    JobConfig: {
      type: 'object',
      description: 'A SeaTunnel job config in its JSON form: env, source, transform, sink.',
      required: ['source', 'sink'],
      properties: { env: { type: 'object' }, source: { type: 'array', items: { type: 'object' } }, transform: { type: 'array', items: { type: 'object' } }, sink: { type: 'array', items: { type: 'object' } } },
    },
  };
}
