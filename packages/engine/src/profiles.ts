import type { JobChecks } from './job-checks.js';
import type { JobRecord } from './job-record.js';
import { PLUGIN_MAPPINGS } from './plugin-mapping.js';
import type { JobSnapshot } from './simulation.js';
import { finishedJobJson, pluginJarsJson, runningJobJson } from './views/job-json.js';
import { seedJobView, type ApiVersion } from './views/job-views.js';
import { legacyFinishedJobJson, legacyRunningJobJson } from './views/legacy-job-json.js';

export const PROFILE_NAMES = ['2.3.8', '2.3.9', 'seed'] as const;
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

/**
 * A SeaTunnel release's response shapes, as data: which endpoints it has and how it renders a
 * job. Routes stay the same for every profile; only this selection differs.
 */
export interface ApiProfile {
  name: ProfileName;
  /** Endpoint names served (v1 and v2 alike); null = all. */
  endpoints: ReadonlySet<string> | null;
  /** Whether the REST v2 (Jetty) API exists in this release. */
  v2: boolean;
  release: ReleaseFacts;
  /** What a submitted job is checked against (plugin names, message wording). */
  checks: JobChecks;
  /** Whether submit-job reads `format=hocon` (2.3.9, #8000); before, every body is JSON. */
  hocon: boolean;
  /** Whether Hazelcast's /hazelcast/rest/instance/(open)metrics serve SeaTunnel's telemetry (2.3.8+). */
  v1Telemetry: boolean;
  wire: Record<ApiVersion, WireFormat>;
  /**
   * Status of a bad-request error (IllegalArgumentException) raised by a v1 GET: 2.3.8's GET
   * processor turns every Throwable into a 500; 2.3.9 answers 400.
   */
  v1GetBadRequestStatus: 400 | 500;
  /** A running job as JSON text (job-info, running-jobs). */
  runningJobText(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string;
  /** A job in history as JSON text (job-info, finished-jobs). */
  finishedJobText(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string;
}

/** Hazelcast 5.1's REST text protocol, as SeaTunnel 2.3.8 / 2.3.9 serve v1 on the member port. */
const HAZELCAST_REST: WireFormat = {
  contentType: { json: 'application/json', error: 'application/json', html: 'text/html; charset=UTF-8', text: 'text/plain', telemetry: 'text/plain' },
  date: false,
  server: null,
  reasons: {},
};

/** Jetty 9.4.56 as SeaTunnel 2.3.9 embeds it for REST v2. */
const JETTY_2_3_9: WireFormat = {
  // Servlet text goes through Jetty's writer, which names its ISO-8859-1 default in the header.
  contentType: { json: 'application/json', error: 'application/json;charset=utf-8', html: 'text/html;charset=utf-8', text: 'text/plain;charset=iso-8859-1', telemetry: 'text/plain;charset=iso-8859-1' },
  date: true,
  server: 'Jetty(9.4.56.v20240826)',
  reasons: { 500: 'Server Error' },
};

const RELEASE_2_3_8: ReleaseFacts = {
  projectVersion: '2.3.8',
  gitCommitAbbrev: '8604631',
  connectorVersion: '2.3.8',
  hazelcastVersion: '5.1.0',
  submitFrame: 'lambda$submitJob$4(CoordinatorService.java:503)',
};
/** The 2.3.9 release build's commit is not known here (see README, Fidelity): SeaTunnel's placeholder. */
const RELEASE_2_3_9: ReleaseFacts = {
  projectVersion: '2.3.9',
  gitCommitAbbrev: 'DeadD0d0',
  connectorVersion: '2.3.9',
  hazelcastVersion: '5.1.0',
  // As the 2.3.9 pre-release recorded it (shared/oracle/captures/snapshot/extra/028).
  submitFrame: 'lambda$submitJob$6(CoordinatorService.java:637)',
};

const CHECKS_2_3_8: JobChecks = { plugins: PLUGIN_MAPPINGS['2.3.8'], outputKey: 'result_table_name', inputKey: 'source_table_name', transformsInLib: false };
/** 2.3.9 renamed the table options (the old names still read) and prints the new ones. */
const CHECKS_2_3_9: JobChecks = { plugins: PLUGIN_MAPPINGS['2.3.9'], outputKey: 'plugin_output', inputKey: 'plugin_input', transformsInLib: false };

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
    release: RELEASE_2_3_8,
    checks: CHECKS_2_3_8,
    hocon: false,
    v1Telemetry: true,
    wire: { v1: HAZELCAST_REST, v2: HAZELCAST_REST },
    v1GetBadRequestStatus: 500,
    runningJobText: (record, snapshot) => legacyRunningJobJson(record, snapshot, pluginJarsJson(record.plan, RELEASE_2_3_8.connectorVersion)),
    finishedJobText: (record, snapshot) => legacyFinishedJobJson(record, snapshot),
  },
  '2.3.9': {
    name: '2.3.9',
    endpoints: null,
    v2: true,
    release: RELEASE_2_3_9,
    checks: CHECKS_2_3_9,
    hocon: true,
    v1Telemetry: true,
    wire: { v1: HAZELCAST_REST, v2: JETTY_2_3_9 },
    v1GetBadRequestStatus: 400,
    runningJobText: (record, snapshot, api) => runningJobJson(record, snapshot, api, RELEASE_2_3_9.connectorVersion),
    finishedJobText: (record, snapshot) => finishedJobJson(record, snapshot, RELEASE_2_3_9.connectorVersion),
  },
  // The seed document: SeaTunnel's first REST page (two GET endpoints, logical DAG, two counters).
  seed: {
    name: 'seed',
    endpoints: new Set(['running-jobs', 'running-job']),
    v2: false,
    release: RELEASE_2_3_9,
    checks: CHECKS_2_3_9,
    hocon: false,
    v1Telemetry: false,
    wire: { v1: HAZELCAST_REST, v2: HAZELCAST_REST },
    v1GetBadRequestStatus: 400,
    runningJobText: (record, snapshot) => JSON.stringify(seedJobView(record, snapshot)),
    finishedJobText: (record, snapshot) => JSON.stringify(seedJobView(record, snapshot)),
  },
};

export function apiProfile(name: ProfileName): ApiProfile {
  return PROFILES[name];
}
