import { isEndState, jobDiagnosticsJson, type ApiProfile } from '@seatunnel-sim/engine';
import type { ApiVersion } from '../http/api-types.js';
import type { JobAtNow } from '../services/job-queries.js';

/**
 * A job as job-info renders it: the running shape until its projection ends, then the history
 * shape. From 3.0 a job still running also carries `diagnostics` as its last field (#11982: only
 * job-info has it, never the running-jobs listing), generated at the clock's instant `now`.
 */
export function renderJobText(job: JobAtNow, api: ApiVersion, profile: ApiProfile, now: number): string {
  if (isEndState(job.snapshot.status)) return profile.finishedJobText(job.record, job.snapshot, api);
  const text = profile.runningJobText(job.record, job.snapshot, api);
  if (!profile.zeta.jobDiagnostics) return text;
  return `${text.slice(0, text.lastIndexOf('}'))},"diagnostics":${jobDiagnosticsJson(job.record, job.snapshot, now)}}`;
}
