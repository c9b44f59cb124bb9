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
import type { JobAtNow } from '../services/job-service.js';
import type { Services } from '../services/services.js';
import { renderJobText } from './job-views.js';
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
  if (!job) return json({ jobId: raw });
  return { kind: 'raw-json', text: renderJobText(job, req.api, apiProfile(services.config.api.profile)) };
}

/** Listings up to this size (in characters) are answered as one string; longer ones are streamed. */
const LISTING_BUFFER_CHARS = 1024 * 1024;
const STREAM_CHUNK_CHARS = 64 * 1024;

/**
 * A listing's JSON array, rendered page by page: the same bytes as JSON.stringify of the array of
 * views. A short one is one string (with its Content-Length, as before); past LISTING_BUFFER_CHARS
 * the rest is streamed (chunked) as the pages come, so 100 000 jobs are never in memory at once.
 * A failure before the first byte is answered as usual (e.g. 503); one later cuts the answer short.
 */
async function jsonArray(pages: AsyncGenerator<JobAtNow[]>, render: (job: JobAtNow) => string): Promise<ApiResponse> {
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const next = await pages.next();
    if (next.done) return { kind: 'raw-json', text: `[${parts.join(',')}]` };
    for (const job of next.value) {
      const text = render(job);
      parts.push(text);
      size += text.length;
    }
    if (size > LISTING_BUFFER_CHARS) break;
  }
  // Pieces of at most ~64 KB: larger strings would be born in V8's large-object space, which only
  // a full GC empties, and a 100 000-job answer would leave the node's RSS high long after.
  async function* rest(): AsyncGenerator<string> {
    let chunk = '[';
    for (const [i, text] of parts.entries()) {
      chunk += i === 0 ? text : `,${text}`;
      if (chunk.length >= STREAM_CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    parts.length = 0;
    for await (const jobs of pages) {
      for (const job of jobs) {
        chunk += `,${render(job)}`;
        if (chunk.length >= STREAM_CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
    }
    yield `${chunk}]`;
  }
  return { kind: 'json-stream', chunks: rest() };
}

export async function getRunningJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const profile = apiProfile(services.config.api.profile);
  return jsonArray(services.jobs.runningPages(), (job) => profile.runningJobText(job.record, job.snapshot, req.api));
}

export async function getFinishedJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const profile = apiProfile(services.config.api.profile);
  const state = req.rest.split('/').filter(Boolean)[0];
  return jsonArray(services.jobs.finishedPages(state), (job) => profile.finishedJobText(job.record, job.snapshot, req.api));
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
