import { javaParseLong, REALTIME_DEFAULT_WINDOW_MS, REALTIME_MAX_WINDOW_MS, realtimeJobsJson, realtimeSeriesJson } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import { realtimeJobs } from '../services/realtime-metrics.js';
import type { Services } from '../services/services.js';
import { servletError } from './servlet-error.js';

/** The servlet's windowMs: the default when absent or not a long, then clamped to 0..10 minutes. */
function windowMs(raw: string | undefined): number {
  const parsed = raw === undefined ? null : javaParseLong(raw);
  const value = parsed === null ? BigInt(REALTIME_DEFAULT_WINDOW_MS) : parsed;
  return Number(value < 0n ? 0n : value > BigInt(REALTIME_MAX_WINDOW_MS) ? BigInt(REALTIME_MAX_WINDOW_MS) : value);
}

/**
 * GET /metrics/realtime[/jobs[/:jobId/(vertices|edges)]] (3.0, apache/seatunnel#10572), as
 * RealtimeMetricsServlet routes its pathInfo: only the master answers (else Jetty's 404 "Not a
 * master node"), a job id that is not a long is a 400 page, anything else under the prefix a 404
 * page "Unsupported endpoint". Java's split drops trailing empty parts, so `/jobs/1/edges/` works.
 */
export async function getRealtimeMetrics(req: ApiRequest, services: Services): Promise<ApiResponse> {
  if (!(await services.nodes.isMaster())) return servletError(404, 'Not a master node', 'metrics/realtime');
  const path = req.rest;
  if (path === '' || path === '/' || path === '/jobs') {
    const { records, now } = await realtimeJobs(services);
    return { kind: 'raw-json', text: realtimeJobsJson(records, now) };
  }
  const parts = path.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length >= 3 && parts[1] === 'jobs') {
    const jobId = javaParseLong(parts[2]!);
    if (jobId === null) return servletError(400, 'Invalid jobId', 'metrics/realtime');
    const series = parts[3];
    if (parts.length === 4 && (series === 'edges' || series === 'vertices')) {
      const found = await services.queries.find(jobId.toString());
      const text = realtimeSeriesJson(found?.record ?? null, series, windowMs(req.query['windowMs']), services.queries.now());
      return { kind: 'raw-json', text };
    }
  }
  return servletError(404, 'Unsupported endpoint', 'metrics/realtime');
}
