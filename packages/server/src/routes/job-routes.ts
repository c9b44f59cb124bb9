import {
  apiProfile,
  isJsonObject,
  javaToString,
  jobIdEmpty,
  jsonParseListException,
  nullPointer,
  numberFormat,
  parseJobId,
  parseJsonBody,
  parseSubmission,
  readStopRequest,
  stringifyJson,
  type JsonValue,
  type Submission,
} from '@seatunnel-sim/engine';
import { json, type ApiRequest, type ApiResponse } from '../http/api-types.js';
import type { Services } from '../services/services.js';
import { renderJob } from './job-views.js';
import { parseV1Query, submitParams } from './query.js';

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
  return json(job ? renderJob(job, req.api, apiProfile(services.config.api.profile)) : { jobId: raw });
}

export async function getRunningJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const profile = apiProfile(services.config.api.profile);
  const jobs = await services.jobs.listRunning();
  return json(jobs.map((job) => profile.runningJob(job.record, job.snapshot, req.api)));
}

export async function getFinishedJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const profile = apiProfile(services.config.api.profile);
  const state = req.rest.split('/').filter(Boolean)[0];
  const jobs = await services.jobs.listFinished(state);
  return json(jobs.map((job) => profile.finishedJob(job.record, job.snapshot, req.api)));
}

export async function postSubmitJob(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const submission = parseSubmission(submitParams(req), await req.body());
  return json(await services.jobs.submit(submission));
}

/**
 * submit-jobs: an array of job configs, each with its `params` (re-read with v1's query rules).
 * Every element is validated before any job is submitted, so bad input submits nothing
 * (SeaTunnel submits the ones before the bad element; see README deviations).
 */
export async function postSubmitJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const body = parseJsonBody(await req.body());
  if (!Array.isArray(body)) throw jsonParseListException();
  const submissions: Submission[] = [];
  for (const element of body) {
    if (!isJsonObject(element)) continue; // SeaTunnel skips non-object elements
    const { params, ...config } = element;
    // SeaTunnel reads `params` without a null check: a missing one is a NullPointerException (500, no message).
    if (!isJsonObject(params)) throw nullPointer();
    // Re-joined as a raw query string (no encoding) and parsed with v1's rules, as SeaTunnel does: values are
    // URL-decoded, and `&`/`=` inside a value break it.
    const query = Object.entries(params)
      .map(([k, v]) => `${k}=${v === null ? '' : javaToString(v)}`) // Java's toString (String() throws on a null-prototype object)
      .join('&');
    const p = parseV1Query(query);
    submissions.push(
      parseSubmission({ jobId: p['jobId'], jobName: p['jobName'], isStartWithSavePoint: p['isStartWithSavePoint'] }, stringifyJson(config)),
    );
  }
  const results = [];
  for (const submission of submissions) results.push(await services.jobs.submit(submission));
  return json(results);
}

export async function postStopJob(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const stop = readStopRequest(parseJsonBody(await req.body()));
  await services.jobs.stop(stop.jobId, stop.withSavepoint);
  return json({ jobId: stop.echo });
}

/**
 * stop-jobs: each job stopped in order; the answer echoes the ids as JSON numbers, as SeaTunnel
 * does (it would throw ClassCastException for small or string ids; we answer them all).
 */
export async function postStopJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const body: JsonValue = parseJsonBody(await req.body());
  if (!Array.isArray(body)) throw jsonParseListException();
  const stops = body.map(readStopRequest);
  for (const stop of stops) await services.jobs.stop(stop.jobId, stop.withSavepoint);
  return { kind: 'raw-json', text: `[${stops.map((s) => `{"jobId":${s.jobId}}`).join(',')}]` };
}
