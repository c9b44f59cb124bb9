import {
  apiProfile,
  bodyStreamed,
  isJsonObject,
  javaToString,
  jobIdEmpty,
  jsonParseListException,
  nullPointer,
  numberFormat,
  pageSlice,
  parseJobId,
  parseJsonBody,
  parseSubmission,
  parseUploadSubmission,
  readStopRequest,
  servletBody,
  stopJobsEchoId,
  stringifyJson,
  type JsonValue,
  type Submission,
} from '@seatunnel-sim/engine';
import { json, V1_PREFIX, type ApiRequest, type ApiResponse } from '../http/api-types.js';
import { multipartParams, partText, readMultipartForm } from '../http/multipart.js';
import type { JobAtNow } from '../services/job-queries.js';
import type { OrderedJobs } from '../services/ordered-jobs.js';
import type { Services } from '../services/services.js';
import { renderJobText } from './job-text.js';
import { parseV1Query, submitParams } from './query.js';

/** The job id in `/job-info/{id}`: the last path segment, checked as SeaTunnel checks it. */
function jobIdFromPath(req: ApiRequest, endpoint: string): string {
  const segment = req.rest.split('/').filter(Boolean).pop();
  if (!segment) {
    // v1 parses the whole URI when there is no id segment; v2 has an explicit check.
    if (req.api === 'v1') throw numberFormat(`${V1_PREFIX}${endpoint}`);
    throw jobIdEmpty();
  }
  return segment;
}

export async function getJobInfo(req: ApiRequest, services: Services, endpoint: string): Promise<ApiResponse> {
  const raw = jobIdFromPath(req, endpoint);
  const job = await services.queries.find(parseJobId(raw));
  if (!job) return json({ jobId: raw });
  return { kind: 'raw-json', text: renderJobText(job, req.api, apiProfile(services.config.api.profile), services.queries.now()) };
}

/** Listings up to this size (in characters) are answered as one string; longer ones are streamed. */
const LISTING_BUFFER_CHARS = 1024 * 1024;
const STREAM_CHUNK_CHARS = 64 * 1024;

/**
 * `open` + the jobs' texts joined by commas + `close`, rendered page by page: the same bytes as
 * JSON.stringify of the views. A short answer is one string (with its Content-Length, as Jetty
 * sends it); past LISTING_BUFFER_CHARS the rest is streamed (chunked) as the pages come, each page
 * rendered only when the response has room for it (the stream is read as the socket drains), so
 * neither 100 000 jobs nor their text are ever in memory at once, however slow the client.
 * A failure before the first byte is answered as usual (e.g. 503); one later cuts the answer short.
 */
async function jsonList(open: string, pages: AsyncGenerator<JobAtNow[]>, render: (job: JobAtNow) => string, close: () => string): Promise<ApiResponse> {
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const next = await pages.next();
    if (next.done) return { kind: 'raw-json', text: `${open}${parts.join(',')}${close()}` };
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
    let chunk = open;
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
    yield `${chunk}${close()}`;
  }
  return { kind: 'json-stream', chunks: rest() };
}

/**
 * A listing as the release answers it: the whole array, or with `page` (v2, releases with
 * pagination) one page of it as `{"data":[…],"total":N}`, cut after the release's ordering. A
 * listing in the store's order is rendered as the maps are read; a sorted one or a page holds only
 * each job's sort key and id until it answers (see OrderedJobs).
 */
async function listing(
  req: ApiRequest,
  services: Services,
  source: { ordered: () => Promise<OrderedJobs>; inStoreOrder?: () => AsyncGenerator<JobAtNow[]> },
  render: (job: JobAtNow) => string,
): Promise<ApiResponse> {
  const paged = apiProfile(services.config.api.profile).listing.pagination && req.api === 'v2' && req.query['page'] !== undefined;
  if (!paged) return jsonList('[', source.inStoreOrder ? source.inStoreOrder() : (await source.ordered()).pages(), render, () => ']');
  const jobs = await source.ordered();
  const { from, to } = pageSlice(req.query['page']!, req.query['rows'], jobs.total);
  return jsonList('{"data":[', jobs.pages(from, to), render, () => `],"total":${jobs.total}}`);
}

export async function getRunningJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const profile = apiProfile(services.config.api.profile);
  const newestFirst = profile.listing.runningNewestFirst;
  const source = {
    ordered: () => services.queries.running(newestFirst),
    ...(newestFirst ? {} : { inStoreOrder: () => services.queries.runningPages() }),
  };
  return listing(req, services, source, (job) => profile.runningJobText(job.record, job.snapshot, req.api));
}

export async function getFinishedJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const profile = apiProfile(services.config.api.profile);
  const state = req.rest.split('/').filter(Boolean)[0];
  const source = { ordered: () => services.queries.finished(state, { newestFirst: profile.listing.finishedNewestFirst }) };
  return listing(req, services, source, (job) => profile.finishedJobText(job.record, job.snapshot, req.api));
}

export async function postSubmitJob(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const params = submitParams(req);
  const formats = apiProfile(services.config.api.profile).formats;
  const text = await req.body();
  // v2's servlet asks for its parameters first: Jetty then reads a form-encoded body (what `curl -d`
  // sends without -H) as form fields, and the servlet's getReader() fails with "STREAMED" (500).
  if (req.api === 'v2' && text !== '' && /^application\/x-www-form-urlencoded/i.test(req.contentType ?? '')) throw bodyStreamed();
  // v2's servlet reads the body line by line (HOCON and SQL lines re-joined with \n); v1 takes it as sent.
  const body = req.api === 'v2' ? servletBody(params, text, formats) : text;
  const submission = parseSubmission(params, body, formats);
  return json(await services.commands.submit(submission));
}

/**
 * submit-job/upload (v2 only): the job config is the multipart part `config_file`, its syntax from
 * the file name (`.sql` where the release reads SQL); jobId/jobName/isStartWithSavePoint from the query or form fields (`format` is not read).
 */
export async function postSubmitJobUpload(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const parts = await readMultipartForm(req);
  const file = parts.find((part) => part.name === 'config_file');
  const params = multipartParams(req.query, parts);
  const submission = parseUploadSubmission(
    { jobId: params['jobId'], jobName: params['jobName'], isStartWithSavePoint: params['isStartWithSavePoint'], restoreMode: params['restoreMode'], restoreSourceJobId: params['restoreSourceJobId'] },
    file ? { fileName: file.fileName, content: partText(file) } : null,
    apiProfile(services.config.api.profile).formats,
  );
  return json(await services.commands.submit(submission));
}

/**
 * submit-jobs: an array of job configs, each with its `params` (re-read with v1's query rules).
 * As SeaTunnel does it: every element is read first (a malformed one submits nothing), then each
 * is submitted and checked in turn (an unknown plugin in the second fails after the first ran).
 */
export async function postSubmitJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const body = parseJsonBody(await req.body());
  // Jackson's JsonNode iteration: an array's elements, an object's values, nothing for a scalar.
  const elements = Array.isArray(body) ? body : isJsonObject(body) ? Object.values(body) : [];
  const submissions: Submission[] = [];
  for (const element of elements) {
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
  for (const submission of submissions) results.push(await services.commands.submit(submission));
  return json(results);
}

export async function postStopJob(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const stop = readStopRequest(parseJsonBody(await req.body()));
  await services.commands.stop(stop.jobId, stop.withSavepoint);
  return json({ jobId: stop.echo });
}

/**
 * stop-jobs: each element stopped in turn and echoed as a JSON number, as SeaTunnel does it — and
 * like SeaTunnel, an element it cannot echo (an id Jackson reads as Integer or String) fails the
 * request with its ClassCastException after that job was stopped; later elements are not stopped.
 */
export async function postStopJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const body: JsonValue = parseJsonBody(await req.body());
  if (!Array.isArray(body)) throw jsonParseListException();
  const echoed: string[] = [];
  for (const element of body) {
    const stop = readStopRequest(element);
    await services.commands.stop(stop.jobId, stop.withSavepoint);
    echoed.push(`{"jobId":${stopJobsEchoId(element)}}`);
  }
  return { kind: 'raw-json', text: `[${echoed.join(',')}]` };
}
