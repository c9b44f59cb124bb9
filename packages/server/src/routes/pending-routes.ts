import { javaParseInt, javaParseLong, pendingJobsJson, type PendingJobsQuery } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import { servletError } from './servlet-error.js';
import { pendingJobs } from '../services/pending-jobs.js';
import type { Services } from '../services/services.js';

/** `resp.sendError(400, message)` from PendingJobsServlet: Jetty's HTML error page. */
const sendError = (message: string): ApiResponse => servletError(400, message, 'pending-jobs');

/**
 * GET /pending-jobs[?jobId&limit&pretty&<tag>=<value>…] (2.3.13, apache/seatunnel#10078): the
 * pending queue with its diagnostics. As PendingJobsServlet reads its parameters: jobId, then
 * limit, each refused with a 400 page when not a number; pretty is true only for "true" (any
 * case); every other parameter is a tag filter (for a repeated one, the last value).
 */
export async function getPendingJobs(req: ApiRequest, services: Services): Promise<ApiResponse> {
  const params = new Map(Object.entries(req.query));
  const query: PendingJobsQuery = { jobId: null, limit: 0, tags: {} };
  const rawJobId = params.get('jobId');
  if (rawJobId !== undefined) {
    params.delete('jobId');
    query.jobId = javaParseLong(rawJobId)?.toString() ?? null;
    if (query.jobId === null) return sendError('Invalid jobId');
  }
  const rawLimit = params.get('limit');
  if (rawLimit !== undefined) {
    params.delete('limit');
    const limit = javaParseInt(rawLimit);
    if (limit === null) return sendError('Invalid limit');
    query.limit = limit;
  }
  const rawPretty = params.get('pretty');
  params.delete('pretty');
  query.tags = Object.fromEntries(params);
  const report = await pendingJobs(services, query);
  return { kind: 'raw-json', text: pendingJobsJson(report, { pretty: rawPretty?.toLowerCase() === 'true' }) };
}
