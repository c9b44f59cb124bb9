import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { METRICS_2_3_12, METRICS_2_3_13 } from '@seatunnel-sim/engine';
import type { RecordedExchange } from './capture-file.js';
import type { LeafRule } from './compare.js';
import type { ExchangeAnswer } from './exchange.js';
import type { RecordingAdjustment } from './replay.js';

/**
 * What SeaTunnel 2.3.9 changed after the pre-release recording (apache/seatunnel `dev` at
 * 15431c94d9, 2024-10-23) was taken, per shared/spec/seatunnel-rest-versions.md: applied to the
 * recorded answers so that they speak for the 2.3.9 release.
 */
const replaceInBody = (answer: ExchangeAnswer, from: RegExp, to: string): ExchangeAnswer => ({ ...answer, body: answer.body.replace(from, to) });

export const SNAPSHOT_TO_2_3_9: RecordingAdjustment[] = [
  {
    // A release build reports its version without -SNAPSHOT, and so do its connector jars.
    files: /./,
    source: 'release 2.3.9 (pom <revision>2.3.9): projectVersion and connector jar names',
    adjust: (answer) => replaceInBody(answer, /2\.3\.9-SNAPSHOT/g, '2.3.9'),
  },
  {
    // The release build's commit is not known here; the profile reports SeaTunnel's placeholder
    // (README, Fidelity: deviations). The recording shows the pre-release's own commit.
    files: /overview/,
    source: 'zeta.version.properties of the 2.3.9 build (commit not known; see the deviation list)',
    adjust: (answer) => replaceInBody(answer, /"gitCommitAbbrev":"15431c9"/, '"gitCommitAbbrev":"DeadD0d0"'),
  },
  {
    // submit-job?format=hocon (#8000, merged after the recording) reads the body as HOCON: the
    // recorded body `env { job.mode = "batch" }` then has no source block, which the job parser
    // reads with Typesafe Config (JobInfoService.submitJob @2bfb97e50: ConfigFactory.parseString).
    files: /_submit-job_text_plain\.txt$/,
    source: 'apache/seatunnel#8000 (submit-job format=hocon, 2.3.9)',
    adjust: (answer) => ({
      ...answer,
      status: 500,
      reason: answer.headers.some(([k, v]) => k === 'server' && v.startsWith('Jetty')) ? 'Server Error' : 'Internal Server Error',
      body: '{"status":"fail","message":"No configuration setting found for key \'source\'"}',
    }),
  },
];

// ---- 2.3.9 → later releases ---------------------------------------------------------------------

/** The releases after 2.3.9 a 2.3.9 recording is replayed against, with what each changed. */
export const LATER_RELEASES = ['2.3.10', '2.3.11', '2.3.12', '2.3.13'] as const;
export type LaterRelease = (typeof LATER_RELEASES)[number];

const ORDER = ['2.3.9', ...LATER_RELEASES] as const;
const atLeast = (release: LaterRelease, since: (typeof ORDER)[number]): boolean => ORDER.indexOf(release) >= ORDER.indexOf(since);

/** A JSON body changed in place, numbers kept exact (64-bit ids in stop-jobs answers); other bodies untouched. */
function adjustJson(answer: ExchangeAnswer, change: (value: unknown) => unknown): ExchangeAnswer {
  const text = answer.body.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return answer;
  let parsed: unknown;
  try {
    parsed = parseLossless(text);
  } catch {
    return answer;
  }
  return { ...answer, body: stringifyLossless(change(parsed)) ?? answer.body };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
/** A job object of running-jobs, job-info or finished-jobs. */
const isJob = (value: unknown): value is Json => isObject(value) && 'jobId' in value && 'createTime' in value && 'metrics' in value;

/** Every job object of a body (the body itself, or the elements of a listing), changed by `fn`. */
const eachJob = (fn: (job: Json) => Json) => (value: unknown): unknown => (Array.isArray(value) ? value.map((v) => (isJob(v) ? fn(v) : v)) : isJob(value) ? fn(value) : value);

/** The object with `key: value` inserted after `after` (key order is what the comparison checks). */
function insertAfter(object: Json, after: string, key: string, value: unknown): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(object)) {
    if (k !== key) out[k] = v;
    if (k === after) out[key] = value;
  }
  return out;
}

/** Metric key orders of the releases (a Java HashMap's, see packages/engine/src/metrics.ts). */
const METRIC_ORDER: Partial<Record<LaterRelease, readonly string[]>> = { '2.3.12': METRICS_2_3_12.order, '2.3.13': METRICS_2_3_13.order };

/** A job's metrics with the release's additions (zeros, or what a finished job committed) in its key order. */
function releaseMetrics(job: Json, release: LaterRelease): Json {
  const metrics = job['metrics'] as Json;
  const added: Json = { IntermediateQueueSize: '0' };
  if (atLeast(release, '2.3.13')) {
    // What the sinks committed: all they wrote once a job finished; a recording has no figure to hold us to otherwise (format only, rules below).
    const finished = job['jobStatus'] === 'FINISHED';
    for (const figure of ['Count', 'Bytes', 'QPS', 'BytesPerSeconds']) {
      const zero = figure === 'QPS' || figure === 'BytesPerSeconds' ? '0.0' : '0';
      added[`SinkCommitted${figure}`] = finished ? metrics[`SinkWrite${figure}`] : zero;
      const written = metrics[`TableSinkWrite${figure}`] as Record<string, string>;
      added[`TableSinkCommitted${figure}`] = finished ? written : Object.fromEntries(Object.keys(written).map((table) => [table, zero]));
    }
  }
  const all: Json = { ...metrics, ...added };
  if (release === '2.3.12') {
    // #9550 moved the count/rate split: TableSourceReceivedQPS summed as whole numbers.
    const qps = all['TableSourceReceivedQPS'] as Record<string, string>;
    all['TableSourceReceivedQPS'] = Object.fromEntries(Object.entries(qps).map(([t, v]) => [t, String(Math.trunc(Number(v)))]));
  }
  if (atLeast(release, '2.3.13')) qualifyTables(all, job);
  return Object.fromEntries(METRIC_ORDER[release]!.map((name) => [name, all[name]]));
}

/** 2.3.13 (#10273): per-table keys `<vertex>.<table>`, the vertex found in the job's own DAG. */
function qualifyTables(metrics: Json, job: Json): void {
  const vertices = ((job['jobDag'] as Json | undefined)?.['vertexInfoMap'] ?? []) as Array<{ type: string; vertexName: string; tablePaths: string[] }>;
  const identifier = (type: string, table: string): string | null => {
    const vertex = vertices.find((v) => v.type === type && v.tablePaths.includes(table));
    return vertex ? (/(?:Sink|Source)\[\d+\]/.exec(vertex.vertexName)?.[0] ?? null) : null;
  };
  for (const [name, value] of Object.entries(metrics)) {
    if (!name.startsWith('Table') || !isObject(value)) continue;
    const type = name.startsWith('TableSource') ? 'source' : 'sink';
    metrics[name] = Object.fromEntries(Object.entries(value).map(([table, v]) => [identifier(type, table) ? `${identifier(type, table)}.${table}` : table, v]));
  }
}

/** A stable sort, newest first by a time text field (Java's List.sort with a reversed comparator keeps ties in place). */
const newestFirst = (field: string) => (value: unknown): unknown =>
  Array.isArray(value) && value.every(isJob) ? [...value].sort((a, b) => String(b[field]).localeCompare(String(a[field]))) : value;

const isV2 = (exchange: RecordedExchange): boolean => exchange.port === 8080;
const jobEndpoints = /_(running-jobs|finished-jobs|job-info|running-job)/;

/** What each release after 2.3.9 changed, applied to a 2.3.9 recording (after SNAPSHOT_TO_2_3_9). */
export function fromRelease239(release: LaterRelease): RecordingAdjustment[] {
  const commit = release === '2.3.10' ? '5c8a4c0' : 'DeadD0d0';
  const changes: RecordingAdjustment[] = [
    {
      files: /./,
      source: `release ${release}: projectVersion, connector jar names, zeta.version.properties commit`,
      adjust: (answer) => ({ ...answer, body: answer.body.replace(/2\.3\.9/g, release).replace(/"gitCommitAbbrev":"DeadD0d0"/, `"gitCommitAbbrev":"${commit}"`) }),
    },
  ];
  if (atLeast(release, '2.3.12')) {
    changes.push(
      {
        files: jobEndpoints,
        source: 'apache/seatunnel#9400 (startTime), #9550 (IntermediateQueueSize)',
        adjust: (answer) =>
          adjustJson(
            answer,
            eachJob((job) => {
              const waiting = job['jobStatus'] === 'PENDING' || job['jobStatus'] === 'CREATED';
              const withStart = insertAfter(job, 'createTime', 'startTime', waiting ? null : job['createTime']);
              return { ...withStart, metrics: releaseMetrics(job, release) };
            }),
          ),
      },
      {
        files: /./,
        source: 'apache/seatunnel#9594: servlet answers in UTF-8',
        adjust: (answer, exchange) => {
          if (!isV2(exchange)) return answer;
          const utf8 = (type: string): string =>
            type === 'application/json' ? 'application/json;charset=utf-8' : type === 'text/plain;charset=iso-8859-1' ? 'text/plain;charset=utf-8' : type;
          return { ...answer, headers: answer.headers.map(([k, v]) => [k, k === 'content-type' ? utf8(v) : v] as [string, string]) };
        },
      },
    );
  }
  if (atLeast(release, '2.3.13')) {
    changes.push(
      {
        files: /_overview/,
        source: 'apache/seatunnel#9902: pendingJobs after failedJobs (none of the recorded jobs waits for slots)',
        adjust: (answer) => adjustJson(answer, (body) => (isObject(body) && 'failedJobs' in body ? insertAfter(body, 'failedJobs', 'pendingJobs', '0') : body)),
      },
      { files: /_finished-jobs/, source: 'apache/seatunnel#9888: finished jobs newest first', adjust: (answer) => adjustJson(answer, newestFirst('finishTime')) },
      { files: /_running-jobs/, source: 'released 2.3.13 jar (JobInfoService): running jobs newest first', adjust: (answer) => adjustJson(answer, newestFirst('createTime')) },
    );
  }
  return changes;
}

/** What the replay of a later release holds by format only: figures no recording has. */
export function laterReleaseLeaf(release: LaterRelease) {
  return (inJob: string): LeafRule | null => {
    if (release === '2.3.12' && /^metrics\.TableSourceReceivedQPS\./.test(inJob)) return 'long';
    if (/^metrics\.(Table)?SinkCommitted/.test(inJob)) return /QPS|BytesPerSeconds/.test(inJob) ? 'double' : 'long';
    return null;
  };
}
