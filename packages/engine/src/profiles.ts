import type { JobChecks } from './job-checks.js';
import type { PluginKind } from './job-config.js';
import type { JobRecord } from './job-record.js';
import { METRICS_2_3_12, METRICS_2_3_13, METRICS_2_3_8, type MetricShape } from './metrics.js';
import { PLUGIN_MAPPINGS } from './plugin-mapping.js';
import type { JobSnapshot } from './simulation.js';
import { finishedJobJson, pluginJarsJson, runningJobJson, type JobShape } from './views/job-json.js';
import { seedJobView, type ApiVersion } from './views/job-views.js';
import { legacyFinishedJobJson, legacyRunningJobJson } from './views/legacy-job-json.js';

/**
 * The SeaTunnel releases the simulator speaks, each one the changes of its release on top of the
 * one before (shared/spec/seatunnel-rest-versions.md, with the PR of each change), plus `seed`,
 * the shape of SeaTunnel's first REST page.
 */
export const PROFILE_NAMES = ['2.3.8', '2.3.9', '2.3.10', '2.3.11', '2.3.12', '2.3.13', '3.0', '3.1', 'seed'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** What a release reports about itself. */
export interface ReleaseFacts {
  /** overview.projectVersion. */
  projectVersion: string;
  /** overview.gitCommitAbbrev: the release build's commit (zeta.version.properties). */
  gitCommitAbbrev: string;
  /** Version in the connector jar names of pluginJarsUrls. */
  connectorVersion: string;
  /** The Hazelcast SeaTunnel embeds: `memberVersion` of /hazelcast/rest/cluster. */
  hazelcastVersion: string;
  /** First frame of CoordinatorService's stack trace when it refuses a known job id. */
  submitFrame: string;
}

/** Kinds of answer body, each sent with its release's own Content-Type. */
export type MediaKind = 'json' | 'error' | 'html' | 'text' | 'telemetry';

/**
 * How one API of a release puts answers on the wire: Hazelcast's REST (v1) and Jetty (v2) differ in
 * content types, headers and reason phrases, and releases changed them (2.3.12 added charsets).
 */
export interface WireFormat {
  contentType: Record<MediaKind, string>;
  /** Whether a Date header is sent (Jetty does, Hazelcast's REST does not). */
  date: boolean;
  /** The Server header, or null for none. */
  server: string | null;
  /** Status lines that differ from Node's reason phrases. */
  reasons: Readonly<Record<number, string>>;
}

/** Body syntaxes submit-job reads besides JSON (`format=`). */
export type SubmitFormat = 'hocon' | 'sql';

/** How job listings are ordered and cut. */
export interface ListingRules {
  /** running-jobs newest submission first (2.3.13 sorts them); before, in the store's order. */
  runningNewestFirst: boolean;
  /** finished-jobs by finish time newest first (2.3.13, #9888); before, oldest first. */
  finishedNewestFirst: boolean;
  /** v2 running-jobs / finished-jobs with `page` (and `rows`, default 10) answer `{"data":[…],"total":N}` (2.3.13, #9951). */
  pagination: boolean;
}

/** How a release's HTTPS connector finds its port. */
export type HttpsSupport =
  | 'none'
  /** 2.3.11 (#9010): its parser read https-port under the key `port` (which the HTTP port wins), so it is always 8443. */
  | 'default-port'
  /** 2.3.12 (#9705): `https-port`. */
  | 'configured-port';

/** What the release's REST v2 server (Jetty) can be configured to do, under seatunnel.engine.http. */
export interface HttpFeatures {
  /** The keys its config parser reads; any other is logged as unrecognised and ignored. */
  keys: readonly string[];
  /** SeaTunnel's basic-auth filter on every Jetty path (2.3.11, #9171). */
  basicAuth: boolean;
  https: HttpsSupport;
  /** The /logs fan-out sends the basic-auth credentials to the other nodes (2.3.13, #9968); before, their 401 breaks the listing. */
  logFanOutWithAuth: boolean;
}

/** The REST v2 additions of the 3.x releases, each with its PR (shared/spec §1.1, §2.3, §2.8, §2.18). */
export interface ZetaFeatures {
  /** The plugin types GET /option-rules answers for (3.0: source and sink, #10585; 3.1 adds transform, per its docs). */
  optionRuleTypes: readonly PluginKind[];
  /** job-info of a running job carries `diagnostics`: state timestamps and pipeline restores (#11982). */
  jobDiagnostics: boolean;
  /** submit-job reads `restoreMode` and `restoreSourceJobId` (#11421). */
  restoreModes: boolean;
}

/** A release before 3.0. */
const NO_ZETA_FEATURES: ZetaFeatures = { optionRuleTypes: [], jobDiagnostics: false, restoreModes: false };

/**
 * A SeaTunnel release's REST API, as data: which endpoints it has, how it renders a job, how it
 * orders listings, what its HTTP server supports. Routes stay the same for every profile; only
 * this selection differs.
 */
export interface ApiProfile {
  name: ProfileName;
  /** Endpoint names served (v1 and v2 alike, where each API has them). */
  endpoints: ReadonlySet<string>;
  /** Whether the REST v2 (Jetty) API exists in this release. */
  v2: boolean;
  /** Whether Hazelcast's REST (v1) is on unless configured (2.3.10 turned `rest-api.enabled` off, #8766). */
  v1EnabledByDefault: boolean;
  release: ReleaseFacts;
  /** What a submitted job is checked against (plugin names, message wording). */
  checks: JobChecks;
  /** Body syntaxes submit-job reads with `format=` (hocon 2.3.9, #8000; sql 2.3.12, #9802); any other format is JSON. */
  formats: ReadonlySet<SubmitFormat>;
  /** Whether Hazelcast's /hazelcast/rest/instance/(open)metrics serve SeaTunnel's telemetry (2.3.8+). */
  v1Telemetry: boolean;
  wire: Record<ApiVersion, WireFormat>;
  /**
   * Status of a bad-request error (IllegalArgumentException) raised by a v1 GET: 2.3.8's GET
   * processor turns every Throwable into a 500; 2.3.9 answers 400.
   */
  v1GetBadRequestStatus: 400 | 500;
  listing: ListingRules;
  /** overview's `pendingJobs` counter, after failedJobs (2.3.13, #9902). */
  overviewPendingJobs: boolean;
  http: HttpFeatures;
  /** What 3.x added to the REST v2 server's answers (none of it before 3.0). */
  zeta: ZetaFeatures;
  /** A running job as JSON text (job-info, running-jobs). */
  runningJobText(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string;
  /** A job in history as JSON text (job-info, finished-jobs). */
  finishedJobText(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string;
}

/** Hazelcast 5.1's REST text protocol, as SeaTunnel serves v1 on the member port. */
const HAZELCAST_REST: WireFormat = {
  contentType: { json: 'application/json', error: 'application/json', html: 'text/html; charset=UTF-8', text: 'text/plain', telemetry: 'text/plain' },
  date: false,
  server: null,
  reasons: {},
};

/** Jetty 9.4.56 as SeaTunnel 2.3.9 to 2.3.11 embed it for REST v2. */
const JETTY_2_3_9: WireFormat = {
  // Servlet text goes through Jetty's writer, which names its ISO-8859-1 default in the header.
  contentType: { json: 'application/json', error: 'application/json;charset=utf-8', html: 'text/html;charset=utf-8', text: 'text/plain;charset=iso-8859-1', telemetry: 'text/plain;charset=iso-8859-1' },
  date: true,
  server: 'Jetty(9.4.56.v20240826)',
  reasons: { 500: 'Server Error' },
};

/** 2.3.12 (#9594): every servlet writer sets UTF-8, which Jetty normalises to `;charset=utf-8`. */
const JETTY_2_3_12: WireFormat = {
  ...JETTY_2_3_9,
  contentType: { json: 'application/json;charset=utf-8', error: 'application/json;charset=utf-8', html: 'text/html;charset=utf-8', text: 'text/plain;charset=utf-8', telemetry: 'text/plain;charset=utf-8' },
};

/** The same Jetty error pages, reason phrases and headers; the release facts differ. */
function release(projectVersion: string, gitCommitAbbrev: string, submitLine: number): ReleaseFacts {
  return { projectVersion, gitCommitAbbrev, connectorVersion: projectVersion, hazelcastVersion: '5.1.0', submitFrame: `lambda$submitJob$6(CoordinatorService.java:${submitLine})` };
}

const RELEASE_2_3_8: ReleaseFacts = {
  projectVersion: '2.3.8',
  gitCommitAbbrev: '8604631',
  connectorVersion: '2.3.8',
  hazelcastVersion: '5.1.0',
  submitFrame: 'lambda$submitJob$4(CoordinatorService.java:503)',
};
// The build commits of 2.3.9 and 2.3.11 to 2.3.13 are not known here (README, Fidelity): SeaTunnel's
// placeholder. 2.3.10's is in its seatunnel-engine-common jar (zeta.version.properties).
// Frame lines: 2.3.9 as its pre-release recorded it (shared/oracle/captures/snapshot/extra/028);
// 2.3.13 from the released jar's line table; between, the same statement in each release's source.
const RELEASE_2_3_9 = release('2.3.9', 'DeadD0d0', 637);
const RELEASE_2_3_10 = release('2.3.10', '5c8a4c0', 644);
const RELEASE_2_3_11 = release('2.3.11', 'DeadD0d0', 644);
const RELEASE_2_3_12 = release('2.3.12', 'DeadD0d0', 651);
const RELEASE_2_3_13 = release('2.3.13', 'DeadD0d0', 656);
// 3.0.0 and 3.1.0: no source or jar of either was available here, so their build commits and the
// line of CoordinatorService's frame are not known: SeaTunnel's placeholder and 2.3.13's line.
const RELEASE_3_0 = release('3.0.0', 'DeadD0d0', 656);
const RELEASE_3_1 = release('3.1.0', 'DeadD0d0', 656);

const CHECKS_2_3_8: JobChecks = { plugins: PLUGIN_MAPPINGS['2.3.8'], outputKey: 'result_table_name', inputKey: 'source_table_name', transformsInLib: false };
/** 2.3.9 renamed the table options (the old names still read) and prints the new ones. */
const checks = (version: keyof typeof PLUGIN_MAPPINGS): JobChecks => ({ plugins: PLUGIN_MAPPINGS[version], outputKey: 'plugin_output', inputKey: 'plugin_input', transformsInLib: false });

/** The endpoints of 2.3.9 (v1 and v2; metrics, openmetrics and the upload are v2 only). */
const ENDPOINTS_2_3_9 = [
  'running-jobs', 'finished-jobs', 'running-job', 'job-info', 'system-monitoring-information', 'running-threads', 'overview',
  'thread-dump', 'get-all-log-name', 'logs', 'log', 'submit-jobs', 'submit-job', 'stop-jobs', 'stop-job', 'encrypt-config',
  'update-tags', 'metrics', 'openmetrics', 'submit-job/upload',
];
/** 2.3.13: the pending queue (#10078) and checkpoint monitoring (#10065), v2 only. */
const ENDPOINTS_2_3_13 = [...ENDPOINTS_2_3_9, 'pending-jobs', 'jobs/checkpoints', 'jobs/checkpoints/history'];
/**
 * 3.0.0: worker resources (#11909), connector option rules (#10585), realtime metrics (#10572) and
 * runtime log levels (#11984); each merged before the 3.0.0 cut and in its docs.
 */
const ENDPOINTS_3_0 = [...ENDPOINTS_2_3_13, 'resource/workers', 'option-rules', 'metrics/realtime', 'loggers'];

const UNSORTED: ListingRules = { runningNewestFirst: false, finishedNewestFirst: false, pagination: false };

/** seatunnel.engine.http keys of 2.3.9 and 2.3.10. */
const HTTP_KEYS_2_3_9 = ['enable-http', 'port', 'context-path', 'enable-dynamic-port', 'port-range'];
/** 2.3.11 adds HTTPS (#9010) and basic auth (#9171); `https-port` only from 2.3.12 (#9705). */
const HTTP_KEYS_2_3_11 = [
  ...HTTP_KEYS_2_3_9, 'enable-https', 'key-store-path', 'key-store-password', 'key-manager-password', 'trust-store-path',
  'trust-store-password', 'enable-basic-auth', 'basic-auth-username', 'basic-auth-password',
];
const HTTP_KEYS_2_3_12 = [...HTTP_KEYS_2_3_11, 'https-port'];
/**
 * 3.0: upload size limits (#12072, 10 MB each, <= 0 unlimited). The PR merged before the 3.0.0 cut
 * by its number, but only the 3.1.0 docs were seen listing the keys: UNVERIFIED for 3.0. Enforced
 * as Jetty's multipart parser does it (server http/multipart.ts).
 */
const HTTP_KEYS_3_0 = [...HTTP_KEYS_2_3_12, 'upload-max-file-size-mb', 'upload-max-request-size-mb'];
/** 3.1: `log-response-max-size-mb` (64), listed in the 3.1.0 docs and absent from the Aug-2026 ones; PR not identified. */
const HTTP_KEYS_3_1 = [...HTTP_KEYS_3_0, 'log-response-max-size-mb'];
const PLAIN_HTTP: HttpFeatures = { keys: HTTP_KEYS_2_3_9, basicAuth: false, https: 'none', logFanOutWithAuth: false };

/** A 2.3.9-style release: the job shape of JobShape, v2 beside v1. */
function modern(
  name: ProfileName,
  facts: ReleaseFacts,
  more: Pick<ApiProfile, 'v1EnabledByDefault' | 'formats' | 'wire' | 'listing' | 'overviewPendingJobs' | 'http' | 'zeta'> & {
    endpoints: readonly string[];
    startTime: boolean;
    metrics: MetricShape;
  },
): ApiProfile {
  const shape: JobShape = { connectorVersion: facts.connectorVersion, startTime: more.startTime, metrics: more.metrics };
  return {
    name,
    endpoints: new Set(more.endpoints),
    v2: true,
    v1EnabledByDefault: more.v1EnabledByDefault,
    release: facts,
    checks: checks(name as keyof typeof PLUGIN_MAPPINGS),
    formats: more.formats,
    v1Telemetry: true,
    wire: more.wire,
    v1GetBadRequestStatus: 400,
    listing: more.listing,
    overviewPendingJobs: more.overviewPendingJobs,
    http: more.http,
    zeta: more.zeta,
    runningJobText: (record, snapshot, api) => runningJobJson(record, snapshot, api, shape),
    finishedJobText: (record, snapshot) => finishedJobJson(record, snapshot, shape),
  };
}

type ReleaseOptions = Parameters<typeof modern>[2];

const OPTIONS_2_3_9: ReleaseOptions = {
  endpoints: ENDPOINTS_2_3_9,
  v1EnabledByDefault: true,
  formats: new Set(['hocon']),
  wire: { v1: HAZELCAST_REST, v2: JETTY_2_3_9 },
  listing: UNSORTED,
  overviewPendingJobs: false,
  http: PLAIN_HTTP,
  zeta: NO_ZETA_FEATURES,
  startTime: false,
  metrics: METRICS_2_3_8,
};
// 2.3.10: Hazelcast's REST (v1) off unless `rest-api.enabled` (#8766).
const OPTIONS_2_3_10: ReleaseOptions = { ...OPTIONS_2_3_9, v1EnabledByDefault: false };
// 2.3.11: HTTPS (#9010) and basic auth (#9171).
const OPTIONS_2_3_11: ReleaseOptions = { ...OPTIONS_2_3_10, http: { keys: HTTP_KEYS_2_3_11, basicAuth: true, https: 'default-port', logFanOutWithAuth: false } };
// 2.3.12: startTime (#9400), IntermediateQueueSize (#9550), UTF-8 answers (#9594), https-port (#9705), format=sql (#9802).
const OPTIONS_2_3_12: ReleaseOptions = {
  ...OPTIONS_2_3_11,
  formats: new Set(['hocon', 'sql']),
  wire: { v1: HAZELCAST_REST, v2: JETTY_2_3_12 },
  http: { keys: HTTP_KEYS_2_3_12, basicAuth: true, https: 'configured-port', logFanOutWithAuth: false },
  startTime: true,
  metrics: METRICS_2_3_12,
};
// 2.3.13: pending jobs (#9902, #10078), checkpoints (#10065), SinkCommitted metrics (#10100, #10273),
// newest-first listings and pages (#9888, #9951), log fan-out with credentials (#9968).
const OPTIONS_2_3_13: ReleaseOptions = {
  ...OPTIONS_2_3_12,
  endpoints: ENDPOINTS_2_3_13,
  listing: { runningNewestFirst: true, finishedNewestFirst: true, pagination: true },
  overviewPendingJobs: true,
  http: { keys: HTTP_KEYS_2_3_12, basicAuth: true, https: 'configured-port', logFanOutWithAuth: true },
  metrics: METRICS_2_3_13,
};
// 3.0.0: the endpoints above, job-info diagnostics (#11982), checkpoint restore on submit (#11421).
const OPTIONS_3_0: ReleaseOptions = {
  ...OPTIONS_2_3_13,
  endpoints: ENDPOINTS_3_0,
  http: { ...OPTIONS_2_3_13.http, keys: HTTP_KEYS_3_0 },
  zeta: { optionRuleTypes: ['source', 'sink'], jobDiagnostics: true, restoreModes: true },
};
// 3.1.0: option rules of transforms too (its rest-api-v1 page: "supports source, sink and transform").
const OPTIONS_3_1: ReleaseOptions = { ...OPTIONS_3_0, http: { ...OPTIONS_3_0.http, keys: HTTP_KEYS_3_1 }, zeta: { ...OPTIONS_3_0.zeta, optionRuleTypes: ['source', 'sink', 'transform'] } };

const PROFILES: Record<ProfileName, ApiProfile> = {
  // SeaTunnel 2.3.8: v1 only; running jobs carry the logical DAG, history the DAG as a JSON string.
  '2.3.8': {
    name: '2.3.8',
    // No log endpoints before 2.3.9 (#7818): /logs, /log and /get-all-log-name fall through to Hazelcast's 400.
    endpoints: new Set([
      'running-jobs', 'finished-jobs', 'running-job', 'job-info', 'system-monitoring-information', 'running-threads', 'overview',
      'thread-dump', 'submit-jobs', 'submit-job', 'stop-jobs', 'stop-job', 'encrypt-config', 'update-tags',
    ]),
    v2: false,
    v1EnabledByDefault: true,
    release: RELEASE_2_3_8,
    checks: CHECKS_2_3_8,
    formats: new Set(),
    v1Telemetry: true,
    wire: { v1: HAZELCAST_REST, v2: HAZELCAST_REST },
    v1GetBadRequestStatus: 500,
    listing: UNSORTED,
    overviewPendingJobs: false,
    http: PLAIN_HTTP,
    zeta: NO_ZETA_FEATURES,
    runningJobText: (record, snapshot) => legacyRunningJobJson(record, snapshot, pluginJarsJson(record.plan, RELEASE_2_3_8.connectorVersion)),
    finishedJobText: (record, snapshot) => legacyFinishedJobJson(record, snapshot),
  },
  '2.3.9': modern('2.3.9', RELEASE_2_3_9, OPTIONS_2_3_9),
  '2.3.10': modern('2.3.10', RELEASE_2_3_10, OPTIONS_2_3_10),
  '2.3.11': modern('2.3.11', RELEASE_2_3_11, OPTIONS_2_3_11),
  '2.3.12': modern('2.3.12', RELEASE_2_3_12, OPTIONS_2_3_12),
  '2.3.13': modern('2.3.13', RELEASE_2_3_13, OPTIONS_2_3_13),
  '3.0': modern('3.0', RELEASE_3_0, OPTIONS_3_0),
  '3.1': modern('3.1', RELEASE_3_1, OPTIONS_3_1),
  // The seed document: SeaTunnel's first REST page (two GET endpoints, logical DAG, two counters).
  seed: {
    name: 'seed',
    endpoints: new Set(['running-jobs', 'running-job']),
    v2: false,
    v1EnabledByDefault: true,
    release: RELEASE_2_3_9,
    checks: checks('2.3.9'),
    formats: new Set(),
    v1Telemetry: false,
    wire: { v1: HAZELCAST_REST, v2: HAZELCAST_REST },
    v1GetBadRequestStatus: 400,
    listing: UNSORTED,
    overviewPendingJobs: false,
    http: PLAIN_HTTP,
    zeta: NO_ZETA_FEATURES,
    runningJobText: (record, snapshot) => JSON.stringify(seedJobView(record, snapshot)),
    finishedJobText: (record, snapshot) => JSON.stringify(seedJobView(record, snapshot)),
  },
};

export function apiProfile(name: ProfileName): ApiProfile {
  return PROFILES[name];
}

/** Whether `name` is a profile (a release or seed). */
export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}
