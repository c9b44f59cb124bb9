import type { ApiResponse } from '../http/api-types.js';
import { servletHolderName } from './servlets.js';

/**
 * `resp.sendError(status, message)` from one of SeaTunnel's servlets: Jetty's HTML error page
 * naming that servlet, with Jetty's error-page headers (Cache-Control, no Date).
 */
export function servletError(status: number, message: string, endpoint: string): ApiResponse {
  return { kind: 'jetty-error', status, message, servlet: servletHolderName(endpoint) };
}
