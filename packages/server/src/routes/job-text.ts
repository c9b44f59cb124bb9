import { isEndState, type ApiProfile } from '@seatunnel-sim/engine';
import type { ApiVersion } from '../http/api-types.js';
import type { JobAtNow } from '../services/job-queries.js';

/** A job as job-info renders it: the running shape until its projection ends, then the history shape. */
export function renderJobText(job: JobAtNow, api: ApiVersion, profile: ApiProfile): string {
  return isEndState(job.snapshot.status)
    ? profile.finishedJobText(job.record, job.snapshot, api)
    : profile.runningJobText(job.record, job.snapshot, api);
}
