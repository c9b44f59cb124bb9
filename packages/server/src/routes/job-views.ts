import { finishedJobView, isEndState, runningJobView } from '@seatunnel-sim/engine';
import type { ApiVersion } from '../http/api-types.js';
import type { JobAtNow } from '../services/job-service.js';

/** A job as job-info renders it: the running shape until its projection ends, then the history shape. */
export function renderJob(job: JobAtNow, api: ApiVersion): unknown {
  return isEndState(job.snapshot.status)
    ? finishedJobView(job.record, job.snapshot)
    : runningJobView(job.record, job.snapshot, api);
}
