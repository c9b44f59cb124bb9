import { V2_ONLY, type Check, type Expectation, type Predicate } from '../check.js';

/**
 * Realtime metrics (3.0, apache/seatunnel#10572): RealtimeMetricsServlet under /metrics/realtime,
 * answering on the master only, from the buckets of jobs whose env turns on
 * `engine.observability` (docs: engines/zeta/busyness-and-backpressure.md, live-metrics-chart.md).
 * The fixture's checkpointed job has it on with a 10-minute retention; the running job has it off.
 */
const GSON_JSON = 'application/json;charset=utf-8';
const JETTY_HTML = 'text/html;charset=iso-8859-1';
const MINUTE = 60_000;

/** Jetty's error page the servlet sends with resp.sendError(status, message). */
const jettyPage = (status: number, message: string): Expectation => ({ status, contentType: JETTY_HTML, textIncludes: [`HTTP ERROR ${status} ${message}`, 'RealtimeMetricsServlet'] });

/**
 * A job's object in the jobs list, found in the raw text: ids are Java longs written as JSON
 * numbers (past 2^53), which JSON.parse would round.
 */
function jobEntry(text: string, jobId: string): Record<string, unknown> | null {
  const object = (text.match(/\{[^{}]*\}/g) ?? []).find((o) => new RegExp(`"jobId":${jobId}[,}]`).test(o));
  return object === undefined ? null : (JSON.parse(object.replace(/"jobId":\d+/, '"jobId":0')) as Record<string, unknown>);
}

const ratio = (value: unknown): boolean => typeof value === 'number' && value >= 0 && value <= 1;

/** The window the answer covers: toMs - fromMs, as the servlet clamps windowMs and the job's retention caps it. */
const spans = (millis: number): Predicate => (body) => (body.toMs - body.fromMs === millis ? null : `window ${body.toMs - body.fromMs} ms, expected ${millis}`);

/** Every series has points, each point's ratios between 0 and 1. */
function everyPoint(series: 'vertices' | 'edges', ratios: readonly string[]): Predicate {
  return (body) => {
    const entries = body[series] as Array<{ points: Array<Record<string, unknown>> }>;
    if (!Array.isArray(entries) || entries.length === 0) return `no ${series}`;
    for (const entry of entries) {
      if (entry.points.length === 0) return `${series} entry without points: ${JSON.stringify(entry)}`;
      for (const point of entry.points) for (const key of ratios) if (!ratio(point[key])) return `${key} ${JSON.stringify(point[key])} is not a ratio`;
    }
    return null;
  };
}

const both = (...predicates: Predicate[]): Predicate => (body, ctx) => predicates.reduce<string | null>((found, p) => found ?? p(body, ctx), null);

const base = { endpoint: 'E23', api: V2_ONLY, since: '3.0' } as const;

export const realtimeMetricsChecks: Check[] = [
  {
    ...base,
    name: 'metrics/realtime/jobs: every running job with its observability settings and the collector (#10572)',
    path: '/metrics/realtime/jobs',
    nodes: 'master',
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keys: { '': ['jobs', 'collector'] },
      types: { jobs: 'array', 'collector.pollIntervalMs': 'number', 'collector.collectFailureCount': 'number' },
      json: { collector: { pollIntervalMs: 5000 } },
      predicate: (_body, ctx) => {
        const on = jobEntry(ctx.text, ctx.fx('observedJobId'));
        if (!on || on['enabled'] !== true || on['bucketMs'] !== 5000 || on['retentionMinutes'] !== 10) return `observed job: ${JSON.stringify(on)}`;
        if ((on['latestBucketStartMs'] as number) % 5000 !== 0) return `latestBucketStartMs ${String(on['latestBucketStartMs'])} is not on a bucket`;
        const off = jobEntry(ctx.text, ctx.fx('runningJobId'));
        if (!off || off['enabled'] !== false || off['latestBucketStartMs'] !== -1) return `job without observability: ${JSON.stringify(off)}`;
        return jobEntry(ctx.text, ctx.fx('finishedJobId')) === null ? null : 'a finished job is listed';
      },
    },
  },
  { ...base, name: 'metrics/realtime: the bare prefix is the jobs list', path: '/metrics/realtime', nodes: 'master', expect: { status: 200, contentType: GSON_JSON, keys: { '': ['jobs', 'collector'] } } },
  { ...base, name: 'metrics/realtime/jobs on a member that is not the master → Jetty 404 "Not a master node"', path: '/metrics/realtime/jobs', nodes: 'others', expect: jettyPage(404, 'Not a master node') },
  {
    ...base,
    name: 'metrics/realtime/jobs/{observed}/vertices: the default window is 3 minutes; busy/idle ratios per vertex',
    path: '/metrics/realtime/jobs/{observedJobId}/vertices',
    nodes: 'master',
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keys: { '': ['bucketMs', 'fromMs', 'toMs', 'vertices'], 'vertices[*]': ['vertexId', 'points'] },
      types: { 'vertices[*].vertexId': 'number', 'vertices[*].points[*].ts': 'number', 'vertices[*].points[*].sinkWriteNsPerRecord': 'number' },
      json: { bucketMs: 5000 },
      predicate: both(spans(3 * MINUTE), everyPoint('vertices', ['sourceReadRatio', 'sourceIdleRatio', 'transformBusyRatio', 'sinkBusyRatio'])),
    },
  },
  { ...base, name: 'metrics/realtime/jobs/{observed}/vertices?windowMs=60000: one minute', path: '/metrics/realtime/jobs/{observedJobId}/vertices?windowMs=60000', nodes: 'master', expect: { status: 200, predicate: spans(MINUTE) } },
  { ...base, name: 'metrics/realtime/jobs/{observed}/vertices?windowMs=3600000: capped at 10 minutes', path: '/metrics/realtime/jobs/{observedJobId}/vertices?windowMs=3600000', nodes: 'master', expect: { status: 200, predicate: spans(10 * MINUTE) } },
  { ...base, name: 'metrics/realtime/jobs/{observed}/vertices?windowMs=abc: not a long → the default', path: '/metrics/realtime/jobs/{observedJobId}/vertices?windowMs=abc', nodes: 'master', expect: { status: 200, predicate: spans(3 * MINUTE) } },
  {
    ...base,
    name: 'metrics/realtime/jobs/{observed}/edges: queue fill and backpressure per queue',
    path: '/metrics/realtime/jobs/{observedJobId}/edges',
    nodes: 'master',
    expect: {
      status: 200,
      contentType: GSON_JSON,
      keys: { '': ['bucketMs', 'fromMs', 'toMs', 'edges'], 'edges[*]': ['queueId', 'targetVertexId', 'points'] },
      types: { 'edges[*].queueId': 'number', 'edges[*].points[*].queueCapacity': 'number', 'edges[*].points[*].queueSize': 'number' },
      predicate: both(spans(3 * MINUTE), everyPoint('edges', ['bpRatio', 'queueFillRatio'])),
    },
  },
  {
    ...base,
    name: 'metrics/realtime/jobs/{running}/vertices: a job without observability → enabled false, no series',
    path: '/metrics/realtime/jobs/{runningJobId}/vertices',
    nodes: 'master',
    expect: { status: 200, contentType: GSON_JSON, keys: { '': ['enabled', 'bucketMs', 'fromMs', 'toMs', 'vertices'] }, json: { enabled: false, bucketMs: 5000, vertices: [] }, predicate: spans(3 * MINUTE) },
  },
  { ...base, name: 'metrics/realtime/jobs/{unknown}/edges: a job the collector does not have → {}', path: '/metrics/realtime/jobs/123/edges', nodes: 'master', expect: { status: 200, contentType: GSON_JSON, equals: { '': {} } } },
  { ...base, name: 'metrics/realtime/jobs/{finished}/vertices: an ended job is no longer collected → {}', path: '/metrics/realtime/jobs/{finishedJobId}/vertices', nodes: 'master', expect: { status: 200, contentType: GSON_JSON, equals: { '': {} } } },
  { ...base, name: 'metrics/realtime/jobs/abc/vertices → Jetty 400 "Invalid jobId"', path: '/metrics/realtime/jobs/abc/vertices', nodes: 'master', expect: jettyPage(400, 'Invalid jobId') },
  { ...base, name: 'metrics/realtime/jobs/{observed}/tasks → Jetty 404 "Unsupported endpoint"', path: '/metrics/realtime/jobs/{observedJobId}/tasks', nodes: 'master', expect: jettyPage(404, 'Unsupported endpoint') },
];
