import { invalidJsonBody, jobIdRequiredForSavePoint, requestBodyEmpty } from './errors.js';
import { parseJobId } from './job-id.js';
import { readJobConfig, type JobConfig } from './job-config.js';
import { parseJson, type JsonValue } from './json.js';

/** The submit-job query parameters as strings (absent = undefined). */
export interface SubmitParams {
  jobId?: string | undefined;
  jobName?: string | undefined;
  isStartWithSavePoint?: string | undefined;
}

export interface Submission {
  /** null: the cluster assigns one. */
  jobId: string | null;
  jobName: string | undefined;
  isStartWithSavePoint: boolean;
  config: JobConfig;
}

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
export function parseSubmission(params: SubmitParams, body: string): Submission {
  const isStartWithSavePoint = params.isStartWithSavePoint === 'true';
  if (isStartWithSavePoint && !params.jobId) throw jobIdRequiredForSavePoint();
  const jobId = params.jobId ? parseJobId(params.jobId) : null;
  const config = readJobConfig(parseJsonBody(body));
  return { jobId, jobName: params.jobName || undefined, isStartWithSavePoint, config };
}
