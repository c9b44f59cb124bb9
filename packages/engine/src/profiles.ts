import type { JobRecord } from './job-record.js';
import type { JobSnapshot } from './simulation.js';
import { finishedJobJson, runningJobJson } from './views/job-json.js';
import { finishedJobView, runningJobView, seedJobView, type ApiVersion } from './views/job-views.js';

export const PROFILE_NAMES = ['2.3.9', 'seed'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/**
 * A SeaTunnel release's response shapes, as data: which endpoints it has and how it renders a
 * job. Routes stay the same for every profile; only this selection differs.
 */
export interface ApiProfile {
  name: ProfileName;
  /** Endpoint names served (v1 and v2 alike); null = all. */
  endpoints: ReadonlySet<string> | null;
  /** Whether the REST v2 (root path) API exists in this release. */
  v2: boolean;
  runningJob(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): unknown;
  finishedJob(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): unknown;
  /** JSON.stringify(runningJob(...)), rendered faster where the profile can (listings). */
  runningJobText(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string;
  /** JSON.stringify(finishedJob(...)), likewise. */
  finishedJobText(record: JobRecord, snapshot: JobSnapshot, api: ApiVersion): string;
}

const PROFILES: Record<ProfileName, ApiProfile> = {
  '2.3.9': {
    name: '2.3.9',
    endpoints: null,
    v2: true,
    runningJob: runningJobView,
    finishedJob: (record, snapshot) => finishedJobView(record, snapshot),
    runningJobText: runningJobJson,
    finishedJobText: (record, snapshot) => finishedJobJson(record, snapshot),
  },
  // The seed document: SeaTunnel's first REST page (two GET endpoints, logical DAG, two counters).
  seed: {
    name: 'seed',
    endpoints: new Set(['running-jobs', 'running-job']),
    v2: false,
    runningJob: (record, snapshot) => seedJobView(record, snapshot),
    finishedJob: (record, snapshot) => seedJobView(record, snapshot),
    runningJobText: (record, snapshot) => JSON.stringify(seedJobView(record, snapshot)),
    finishedJobText: (record, snapshot) => JSON.stringify(seedJobView(record, snapshot)),
  },
};

export function apiProfile(name: ProfileName): ApiProfile {
  return PROFILES[name];
}
