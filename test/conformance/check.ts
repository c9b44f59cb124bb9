/**
 * A conformance check is data: one request and what SeaTunnel answers to it, per
 * `/work/shared/spec/seatunnel-rest.md`. The runner sends it to every node, on every API listed.
 */

/** REST flavour: v1 under /hazelcast/rest/maps, v2 under the context path. */
export type Api = 'v1' | 'v2';

/**
 * E1–E17 as numbered in the spec; later releases' endpoints after them (E18 pending-jobs, E19
 * jobs/checkpoints, E20 jobs/checkpoints/history, all 2.3.13; E21 resource/workers, E22
 * option-rules, E23 metrics/realtime, E24 loggers, all 3.0); T = transport rules (prefix
 * matching, methods, native fall-through).
 */
export type EndpointId =
  | 'E1' | 'E2' | 'E3' | 'E4' | 'E5' | 'E6' | 'E7' | 'E8' | 'E9'
  | 'E10' | 'E11' | 'E12' | 'E13' | 'E14' | 'E15' | 'E16' | 'E17' | 'E18' | 'E19' | 'E20' | 'E21' | 'E22' | 'E23' | 'E24' | 'T';

/**
 * Value types a JSON leaf can be checked against. The SeaTunnel-specific ones:
 * `jobId` = decimal string (64-bit ids travel as strings), `long` = decimal string,
 * `double` = Java `Double.toString` text ("0.0", "20.408163265306122", "1.0E-4"),
 * `time` = "yyyy-MM-dd HH:mm:ss", `absent` = the key must not exist.
 * A trailing `?` lets a wildcard path match nothing (e.g. the per-table map of a pending job).
 */
export type LeafType =
  | 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'absent'
  | 'jobId' | 'long' | 'double' | 'time';
export type TypeSpec = LeafType | `${LeafType}?`;

/** The releases the conformance suite runs against, oldest first (profiles of the same names). */
export const RELEASES = ['2.3.9', '2.3.10', '2.3.11', '2.3.12', '2.3.13', '3.0', '3.1'] as const;
export type Release = (typeof RELEASES)[number];

/** Whether `release` is `since` or later. */
export const atLeast = (release: Release, since: Release): boolean => RELEASES.indexOf(release) >= RELEASES.indexOf(since);

export interface PredicateContext {
  api: Api;
  /** The release (profile) the cluster under test speaks. */
  release: Release;
  /** The answering node: index from 0, name (node1…), base URL, "host:port". */
  node: { index: number; name: string; url: string; hostPort: string };
  /** Fixture values (job ids, counts…) by name; throws when the fixture is unavailable. */
  fx(name: string): string;
  /** The raw response body. */
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Returns null when the body is right, else what is wrong. */
export type Predicate = (body: any, ctx: PredicateContext) => string | null;

export interface Expectation {
  status: number;
  /**
   * Media type, compared case-insensitively; when it names a charset, the charset is compared too
   * (`application/json;charset=UTF-8`). Omitted: not checked.
   */
  contentType?: string;
  /** Partial deep match: objects may have more keys than listed; arrays must have the same length. */
  json?: unknown;
  /** Exact deep equality at a path ('' = the whole body). */
  equals?: Record<string, unknown>;
  /** Types of leaves by path: `metrics.SourceReceivedCount`, `[*].jobId`, `jobDag.pipelineEdges.*[*].inputVertexId`, `["heap.memory.used"]`. */
  types?: Record<string, TypeSpec>;
  /** Exact set of keys of the object(s) at a path (order not significant). */
  keys?: Record<string, readonly string[]>;
  /** Exact keys in exact order of the object(s) at a path. */
  keyOrder?: Record<string, readonly string[]>;
  /** The body must be empty (Hazelcast's native 400/204, missing log files). */
  emptyBody?: true;
  /** The raw body must be exactly this text (for JSON numbers beyond 2^53). */
  text?: string;
  textIncludes?: readonly string[];
  textExcludes?: readonly string[];
  textMatches?: readonly RegExp[];
  predicate?: Predicate;
  /** The answer must come within this many milliseconds (e.g. system-monitoring: < 5 s). */
  maxMillis?: number;
}

export interface Check {
  name: string;
  endpoint: EndpointId;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * Path after the API prefix (v1 `/hazelcast/rest/maps`, v2 the context path), with query;
   * `{fixture}` placeholders are filled in. With `absolute`, the path is used as is (v1-only native paths).
   */
  path: string;
  absolute?: boolean;
  /** Request body: a string is sent as is (placeholders filled), anything else as JSON. */
  body?: unknown;
  /** The request's Content-Type when it is not JSON (multipart uploads). */
  requestContentType?: string;
  api: readonly Api[];
  expect: Expectation;
  /** Per-API changes to `expect` (merged over it). */
  byApi?: Partial<Record<Api, Partial<Expectation>>>;
  /** The first release that has what the check asks for (default: every release). */
  since?: Release;
  /**
   * The nodes that are asked (default: every node). For servlets that answer by the node's role,
   * such as 3.0's RealtimeMetricsServlet; the master is node1, the oldest member (fixtures).
   */
  nodes?: 'master' | 'others';
  /** What later releases answer differently, each with the change that made it (applied in order from its release on). */
  changes?: readonly CheckChange[];
}

/** A release's change to one check's expectation. */
export interface CheckChange {
  since: Release;
  /** The apache/seatunnel PR (or spec section) behind it. */
  source: string;
  expect?: Partial<Expectation>;
  byApi?: Partial<Record<Api, Partial<Expectation>>>;
}

// ---- helpers that keep the check files short ------------------------------------------------

export const V1_JSON = 'application/json';
/** v2 errors come from Jackson in ExceptionHandlingFilter. */
export const V2_ERROR_JSON = 'application/json;charset=UTF-8';

/**
 * SeaTunnel's error answer `{"status":"fail","message":…}`. A null message: v1 (Hazelcast's JSON
 * writer) leaves the key out, v2 (Jackson) writes `"message":null`.
 */
export function fail(status: number, message: string | null): Pick<Check, 'expect' | 'byApi'> {
  return {
    expect: { status, contentType: V1_JSON },
    byApi: {
      v1: { equals: { '': message === null ? { status: 'fail' } : { status: 'fail', message } } },
      v2: { contentType: V2_ERROR_JSON, equals: { '': { status: 'fail', message } } },
    },
  };
}

/** An error whose message is only partly fixed (stack traces, parser texts). */
export function failWith(status: number, messagePart: string): Pick<Check, 'expect' | 'byApi'> {
  return {
    expect: {
      status,
      contentType: V1_JSON,
      keyOrder: { '': ['status', 'message'] },
      json: { status: 'fail' },
      predicate: (body, ctx) => {
        const part = messagePart.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_, name: string) => ctx.fx(name));
        return typeof body?.message === 'string' && body.message.includes(part) ? null : `message should contain ${JSON.stringify(part)}`;
      },
    },
    byApi: { v2: { contentType: V2_ERROR_JSON } },
  };
}

export const BOTH: readonly Api[] = ['v1', 'v2'];
export const V1_ONLY: readonly Api[] = ['v1'];
export const V2_ONLY: readonly Api[] = ['v2'];

/** The 16 keys of SeaTunnel's REST metrics object (§5). */
export const METRIC_SCALARS = [
  'SourceReceivedCount', 'SinkWriteCount', 'SourceReceivedBytes', 'SinkWriteBytes',
  'SourceReceivedQPS', 'SinkWriteQPS', 'SourceReceivedBytesPerSeconds', 'SinkWriteBytesPerSeconds',
] as const;
export const METRIC_MAPS = [
  'TableSourceReceivedCount', 'TableSinkWriteCount', 'TableSourceReceivedBytes', 'TableSinkWriteBytes',
  'TableSourceReceivedQPS', 'TableSinkWriteQPS', 'TableSourceReceivedBytesPerSeconds', 'TableSinkWriteBytesPerSeconds',
] as const;
export const METRIC_KEYS: readonly string[] = [...METRIC_SCALARS, ...METRIC_MAPS];

const isRate = (name: string): boolean => name.endsWith('QPS') || name.endsWith('PerSeconds');

/** Types of a metrics object at `at` (e.g. `metrics`, `[*].metrics`): counts/bytes longs, rates Java doubles. */
export function metricTypes(at: string): Record<string, TypeSpec> {
  const types: Record<string, TypeSpec> = {};
  for (const name of METRIC_SCALARS) types[`${at}.${name}`] = isRate(name) ? 'double' : 'long';
  for (const name of METRIC_MAPS) {
    types[`${at}.${name}`] = 'object';
    types[`${at}.${name}.*`] = isRate(name) ? 'double?' : 'long?';
  }
  return types;
}

/** Key orders (§2 E2/E3, §4) — SeaTunnel's JSON keeps insertion order. */
export const RUNNING_KEYS_V2 = ['jobId', 'jobName', 'jobStatus', 'envOptions', 'createTime', 'jobDag', 'pluginJarsUrls', 'isStartWithSavePoint', 'metrics'] as const;
export const RUNNING_KEYS_V1 = RUNNING_KEYS_V2.filter((k) => k !== 'envOptions');
export const FINISHED_KEYS = ['jobId', 'jobName', 'jobStatus', 'errorMsg', 'createTime', 'finishTime', 'jobDag', 'pluginJarsUrls', 'metrics'] as const;
export const JOB_DAG_KEYS = ['jobId', 'pipelineEdges', 'envOptions', 'vertexInfoMap'] as const;
export const VERTEX_KEYS = ['vertexId', 'type', 'vertexName', 'tablePaths'] as const;

/** Types every job object has, running or finished, at `at` ('' or '[*]'). */
export function jobTypes(at: string): Record<string, TypeSpec> {
  const p = (path: string) => (at === '' ? path : `${at}.${path}`);
  return {
    [p('jobId')]: 'jobId',
    [p('jobName')]: 'string',
    [p('jobStatus')]: 'string',
    [p('createTime')]: 'time',
    [p('jobDag.jobId')]: 'jobId',
    [p('jobDag.pipelineEdges')]: 'object',
    [p('jobDag.pipelineEdges.*[*].inputVertexId')]: 'string',
    [p('jobDag.pipelineEdges.*[*].targetVertexId')]: 'string',
    [p('jobDag.envOptions')]: 'object',
    [p('jobDag.envOptions.*')]: 'string?',
    [p('jobDag.vertexInfoMap')]: 'array',
    [p('jobDag.vertexInfoMap[*].vertexId')]: 'number',
    [p('jobDag.vertexInfoMap[*].type')]: 'string',
    [p('jobDag.vertexInfoMap[*].vertexName')]: 'string',
    [p('jobDag.vertexInfoMap[*].tablePaths[*]')]: 'string?',
    [p('pluginJarsUrls')]: 'array',
    [p('metrics')]: 'object',
    ...metricTypes(p('metrics')),
  };
}

/** Keys every job object has, at `at`. */
export function jobKeys(at: string): Record<string, readonly string[]> {
  const p = (path: string) => (at === '' ? path : `${at}.${path}`);
  return { [p('metrics')]: METRIC_KEYS, [p('jobDag')]: JOB_DAG_KEYS, [p('jobDag.vertexInfoMap[*]')]: VERTEX_KEYS };
}

/** Types of a running-shape job (adds the running-only fields). */
export function runningJobTypes(at: string): Record<string, TypeSpec> {
  const p = (path: string) => (at === '' ? path : `${at}.${path}`);
  return { ...jobTypes(at), [p('isStartWithSavePoint')]: 'boolean', [p('pluginJarsUrls[*].jarPath')]: 'string?', [p('errorMsg')]: 'absent', [p('finishTime')]: 'absent' };
}

/** Types of a finished-shape job. */
export function finishedJobTypes(at: string): Record<string, TypeSpec> {
  const p = (path: string) => (at === '' ? path : `${at}.${path}`);
  return { ...jobTypes(at), [p('finishTime')]: 'time', [p('envOptions')]: 'absent', [p('isStartWithSavePoint')]: 'absent' };
}
