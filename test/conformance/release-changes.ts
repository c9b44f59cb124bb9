import { atLeast, type Api, type Check, type Expectation, type Release, type TypeSpec } from './check.js';

/**
 * What later releases changed in answers that many checks look at, each with the PR that made it
 * (shared/spec/seatunnel-rest-versions.md; /tmp notes from the released 2.3.13 jar). The checks are
 * written for 2.3.9; a run against a later profile applies the changes of every release up to it.
 */
export interface ExpectationChange {
  since: Release;
  /** The last release with the change, when a later one took it back. */
  until?: Release;
  source: string;
  apply(expect: Expectation, api: Api, check: Check): Expectation;
}

const mapEntries = <T>(record: Record<string, T> | undefined, fn: (path: string, value: T) => Array<[string, T]>): Record<string, T> | undefined =>
  record && Object.fromEntries(Object.entries(record).flatMap(([path, value]) => fn(path, value)));

/** `keys` after `after` in a key list that holds it. */
function insertAfter(keys: readonly string[], after: string, added: string): readonly string[] {
  const at = keys.indexOf(after);
  return at < 0 || keys.includes(added) ? keys : [...keys.slice(0, at + 1), added, ...keys.slice(at + 1)];
}

const isJobKeyList = (keys: readonly string[]): boolean => keys.includes('createTime') && keys.includes('jobDag');
const isMetricKeyList = (keys: readonly string[]): boolean => keys.includes('SourceReceivedCount') && keys.includes('TableSinkWriteCount');
const isRate = (name: string): boolean => name.endsWith('QPS') || name.endsWith('PerSeconds');

/** New metrics: keys of every metrics object, leaf types where the metrics' types are checked, zeros in exact metrics. */
function addMetrics(names: readonly string[]): ExpectationChange['apply'] {
  const zero = (name: string): unknown => (name.startsWith('Table') ? {} : isRate(name) ? '0.0' : '0');
  const withZeros = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withZeros);
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    const mapped = Object.fromEntries(Object.entries(object).map(([k, v]) => [k, withZeros(v)]));
    if (!('SourceReceivedCount' in object && 'TableSinkWriteCount' in object)) return mapped;
    return { ...mapped, ...Object.fromEntries(names.map((name) => [name, zero(name)])) };
  };
  return (expect) => ({
    ...expect,
    keys: mapEntries(expect.keys, (path, keys) => [[path, isMetricKeyList(keys) ? [...keys, ...names] : keys]]),
    types: mapEntries<TypeSpec>(expect.types, (path, type) => {
      if (!path.endsWith('.SourceReceivedCount')) return [[path, type]];
      const at = path.slice(0, -'.SourceReceivedCount'.length);
      const added = names.flatMap((name): Array<[string, TypeSpec]> =>
        name.startsWith('Table') ? [[`${at}.${name}`, 'object'], [`${at}.${name}.*`, isRate(name) ? 'double?' : 'long?']] : [[`${at}.${name}`, isRate(name) ? 'double' : 'long']],
      );
      return [[path, type], ...added];
    }),
    ...(expect.equals ? { equals: Object.fromEntries(Object.entries(expect.equals).map(([p, v]) => [p, withZeros(v)])) } : {}),
  });
}

/** Per-table keys name their vertex: a fixture job has one source and one sink. */
function qualifyTables(value: unknown, parent?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => qualifyTables(v));
  if (value === null || typeof value !== 'object') return value;
  const vertex = parent?.startsWith('TableSource') ? 'Source[0].' : parent?.startsWith('TableSink') ? 'Sink[0].' : null;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [vertex && !k.includes('[') ? `${vertex}${k}` : k, qualifyTables(v, k)]));
}

export const RELEASE_CHANGES: readonly ExpectationChange[] = [
  {
    since: '2.3.12',
    source: 'apache/seatunnel#9400: startTime after createTime in running and finished jobs',
    apply: (expect) => ({ ...expect, keyOrder: mapEntries(expect.keyOrder, (path, keys) => [[path, isJobKeyList(keys) ? insertAfter(keys, 'createTime', 'startTime') : keys]]) }),
  },
  { since: '2.3.12', source: 'apache/seatunnel#9550: IntermediateQueueSize', apply: addMetrics(['IntermediateQueueSize']) },
  {
    since: '2.3.12',
    until: '2.3.12',
    source: 'apache/seatunnel#9550 moved the count/rate split: TableSourceReceivedQPS summed as longs (#10100 fixed it in 2.3.13)',
    apply: (expect) => ({ ...expect, types: mapEntries<TypeSpec>(expect.types, (path, type) => [[path, path.endsWith('.TableSourceReceivedQPS.*') ? 'long?' : type]]) }),
  },
  {
    since: '2.3.12',
    source: 'apache/seatunnel#9594: servlet answers in UTF-8 (Jetty writes ;charset=utf-8)',
    apply: (expect, api) => {
      if (api !== 'v2' || !expect.contentType) return expect;
      const type = expect.contentType.toLowerCase().replace(/\s/g, '');
      const utf8 = type === 'application/json' ? 'application/json;charset=utf-8' : type === 'text/plain;charset=iso-8859-1' ? 'text/plain;charset=utf-8' : null;
      return utf8 ? { ...expect, contentType: utf8 } : expect;
    },
  },
  {
    since: '2.3.13',
    source: 'apache/seatunnel#10100: SinkCommitted* metrics',
    apply: addMetrics([
      'SinkCommittedCount', 'SinkCommittedBytes', 'SinkCommittedQPS', 'SinkCommittedBytesPerSeconds',
      'TableSinkCommittedCount', 'TableSinkCommittedBytes', 'TableSinkCommittedQPS', 'TableSinkCommittedBytesPerSeconds',
    ]),
  },
  {
    since: '2.3.13',
    source: 'apache/seatunnel#10273: per-table metric keys are <vertex>.<table>',
    apply: (expect) => ({
      ...expect,
      ...(expect.json !== undefined ? { json: qualifyTables(expect.json) } : {}),
      ...(expect.equals ? { equals: qualifyTables(expect.equals) as Record<string, unknown> } : {}),
    }),
  },
  {
    since: '2.3.13',
    source: 'apache/seatunnel#9902: overview pendingJobs after failedJobs',
    apply: (expect) => ({
      ...expect,
      keyOrder: mapEntries(expect.keyOrder, (path, keys) => [[path, keys.includes('failedJobs') && keys.includes('workers') ? insertAfter(keys, 'failedJobs', 'pendingJobs') : keys]]),
      types: keysOfOverview(expect) ? { ...expect.types, pendingJobs: 'string' } : expect.types,
    }),
  },
  {
    since: '3.0',
    source: 'apache/seatunnel#11982: job-info (and running-job) of a running job ends with diagnostics; listings never carry it',
    apply: (expect, _api, check) => {
      const runningAtRoot = check.endpoint === 'E3' && (expect.keyOrder?.['']?.includes('isStartWithSavePoint') ?? false);
      if (!runningAtRoot) return expect;
      return {
        ...expect,
        keyOrder: { ...expect.keyOrder, '': [...expect.keyOrder!['']!, 'diagnostics'], diagnostics: ['jobId', 'generatedAt', 'stateTimestamps', 'pipelines', 'totalPipelineRestoreCount'] },
        types: { ...expect.types, 'diagnostics.jobId': 'jobId', 'diagnostics.generatedAt': 'number', 'diagnostics.stateTimestamps.CREATED': 'number', 'diagnostics.pipelines[*].restoreCount': 'number', 'diagnostics.totalPipelineRestoreCount': 'number' },
      };
    },
  },
];

const keysOfOverview = (expect: Expectation): boolean => Object.values(expect.keyOrder ?? {}).some((keys) => keys.includes('failedJobs') && keys.includes('workers'));

/** The expectation of a check on one API for a release: its own, its own later changes, then the releases' changes. */
export function expectationFor(check: Check, api: Api, release: Release): Expectation {
  let expect: Expectation = { ...check.expect, ...check.byApi?.[api] };
  for (const change of check.changes ?? []) if (atLeast(release, change.since)) expect = { ...expect, ...change.expect, ...change.byApi?.[api] };
  for (const change of RELEASE_CHANGES) {
    if (atLeast(release, change.since) && (!change.until || atLeast(change.until, release))) expect = change.apply(expect, api, check);
  }
  return expect;
}
