import { invalidJsonBody, jobIdRequiredForSavePoint, nullPointer, requestBodyEmpty } from './errors.js';
import { parseJobId } from './job-id.js';
import { readJobConfig, type JobConfig } from './job-config.js';
import { parseJson, type JsonValue } from './json.js';
import type { SubmitFormat } from './profiles.js';
import { parseConfigText, readConfigText, readParsedJobConfig } from './seatunnel-config.js';
import { parseSqlConfig, readSqlJobConfig } from './sql-config.js';

/** The submit-job query parameters as strings (absent = undefined). */
export interface SubmitParams {
  jobId?: string | undefined;
  jobName?: string | undefined;
  isStartWithSavePoint?: string | undefined;
  /** `format`: `hocon` or `sql` (any case, ConfigFormat.fromString) where the release reads them; anything else is JSON. */
  format?: string | undefined;
  /** 3.0 (#11421): `CHECKPOINT` or `SAVEPOINT`, with `restoreSourceJobId`; read by the service where the release has them (restore-request.ts). */
  restoreMode?: string | undefined;
  restoreSourceJobId?: string | undefined;
}

export interface Submission {
  /** null: the cluster assigns one. */
  jobId: string | null;
  jobName: string | undefined;
  isStartWithSavePoint: boolean;
  config: JobConfig;
  /** The restore parameters as sent (3.0, #11421); releases before 3.0 ignore them. */
  restoreMode?: string | undefined;
  restoreSourceJobId?: string | undefined;
}

/** The raw restore parameters a submission carries on. */
const restoreParams = (params: SubmitParams): Pick<Submission, 'restoreMode' | 'restoreSourceJobId'> => ({
  ...(params.restoreMode !== undefined ? { restoreMode: params.restoreMode } : {}),
  ...(params.restoreSourceJobId !== undefined ? { restoreSourceJobId: params.restoreSourceJobId } : {}),
});

/** Parses a JSON request body, mapping SeaTunnel's two body errors (empty, unparsable). */
export function parseJsonBody(body: string): JsonValue {
  if (body.trim() === '') throw requestBodyEmpty();
  try {
    return parseJson(body);
  } catch {
    throw invalidJsonBody();
  }
}

/**
 * Validates a submit-job request in SeaTunnel's order: savepoint without id, then the id, then
 * the body (empty, then JSON), then the job config. Nothing is stored unless all of it passes.
 */
export function parseSubmission(params: SubmitParams, body: string, formats: ReadonlySet<SubmitFormat> = NO_FORMATS): Submission {
  const { jobId, isStartWithSavePoint } = readSavePointParams(params);
  const config = readBody(bodyFormat(params.format, formats), body);
  return { jobId, jobName: params.jobName || undefined, isStartWithSavePoint, config, ...restoreParams(params) };
}

const NO_FORMATS: ReadonlySet<SubmitFormat> = new Set();

/** The syntax a submit-job body is read in: `format` where the release knows it, else JSON. */
export function bodyFormat(format: string | undefined, formats: ReadonlySet<SubmitFormat>): SubmitFormat | 'json' {
  const named = format?.toLowerCase();
  return named === 'hocon' || named === 'sql' ? (formats.has(named) ? named : 'json') : 'json';
}

function readBody(format: SubmitFormat | 'json', body: string): JobConfig {
  switch (format) {
    // HOCON bodies skip the JSON checks: an empty one is an empty config (then "No configuration setting found for key 'env'").
    case 'hocon':
      return readConfigText(body, 'conf');
    case 'sql':
      return readSqlJobConfig(body);
    case 'json':
      return readJobConfig(parseJsonBody(body));
  }
}

function readSavePointParams(params: SubmitParams): { jobId: string | null; isStartWithSavePoint: boolean } {
  const isStartWithSavePoint = params.isStartWithSavePoint === 'true';
  if (isStartWithSavePoint && !params.jobId) throw jobIdRequiredForSavePoint();
  return { jobId: params.jobId ? parseJobId(params.jobId) : null, isStartWithSavePoint };
}

/**
 * The v2 servlet's HOCON body (`BaseServlet.requestHoconBody`): read line by line (`\n`, `\r\n` or
 * `\r` end a line) and each line re-joined with `\n`. v1 passes the body bytes as they came.
 */
export function servletHoconBody(body: string): string {
  if (body === '') return '';
  const lines = body.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop(); // a final line break ends the last line, it starts none
  return lines.map((line) => `${line}\n`).join('');
}

/** The body the v2 submit-job servlet hands over: HOCON and SQL re-joined line by line, JSON as it came (SeaTunnel also drops its line breaks, which only matters to malformed JSON). */
export function servletBody(params: SubmitParams, body: string, formats: ReadonlySet<SubmitFormat> = NO_FORMATS): string {
  return bodyFormat(params.format, formats) === 'json' ? body : servletHoconBody(body);
}

/** The `config_file` part of a `submit-job/upload` request: its file name (null: none given) and UTF-8 text. */
export interface UploadedConfigFile {
  fileName: string | null;
  content: string;
}

/** The syntax of an uploaded config, from its file name (SubmitJobByUploadFileServlet.detectConfigFormat, case-sensitive). */
export function uploadFormat(fileName: string, formats: ReadonlySet<SubmitFormat>): SubmitFormat | 'json' {
  if (fileName.endsWith('.json')) return 'json';
  return fileName.endsWith('.sql') && formats.has('sql') ? 'sql' : 'hocon';
}

/**
 * `POST /submit-job/upload` (SubmitJobByUploadFileServlet): the file's syntax from its name (`.json`
 * → Typesafe's JSON syntax, `.sql` → SeaTunnel's SQL where the release reads it, anything else →
 * HOCON), parsed before the query parameters are checked. No part, or a part without a file name,
 * is SeaTunnel's NullPointerException (500, no message).
 */
export function parseUploadSubmission(params: SubmitParams, file: UploadedConfigFile | null, formats: ReadonlySet<SubmitFormat> = NO_FORMATS): Submission {
  if (file === null || file.fileName === null) throw nullPointer();
  const format = uploadFormat(file.fileName, formats);
  const root = format === 'sql' ? parseSqlConfig(file.content) : parseConfigText(file.content, format === 'json' ? 'json' : 'conf');
  const { jobId, isStartWithSavePoint } = readSavePointParams(params);
  const config = readParsedJobConfig(root);
  return { jobId, jobName: params.jobName || undefined, isStartWithSavePoint, config, ...restoreParams(params) };
}
