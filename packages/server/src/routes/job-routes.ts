import { jobIdEmpty, numberFormat, parseJobId, parseSubmission, runningJobView } from '@seatunnel-sim/engine';
import { json, type ApiRequest, type ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';
import { renderJob } from './job-views.js';
import { submitParams } from './query.js';

/** The job id in `/job-info/{id}`: the last path segment, checked as SeaTunnel checks it. */
function jobIdFromPath(req: ApiRequest, endpoint: string): string {
  const segment = req.rest.split('/').filter(Boolean).pop();
  if (!segment) {
    // v1 parses the whole URI when there is no id segment; v2 has an explicit check.
    if (req.api === 'v1') throw numberFormat(`/hazelcast/rest/maps/${endpoint}`);
    throw jobIdEmpty();
  }
  return segment;
}

export async function getJobInfo(req: ApiRequest, services: Services, endpoint: string): Promise<ApiResponse> {
  const raw = jobIdFromPath(req, endpoint);
  const job = await services.jobs.find(parseJobId(raw));
  return json(job ? renderJob(job, req.api) : { jobId: raw });
}

export async function getRunningJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const jobs = await services.jobs.listRunning();
  return json(jobs.map((job) => runningJobView(job.record, job.snapshot, req.api)));
}

export async function postSubmitJob(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const submission = parseSubmission(submitParams(req), await req.body());
  return json(await services.jobs.submit(submission));
}

export { notImplemented as getFinishedJobs, notImplemented as postStopJob, notImplemented as postStopJobs, notImplemented as postSubmitJobs } from './not-yet.js';
