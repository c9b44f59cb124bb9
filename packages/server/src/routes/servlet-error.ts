import type { ApiRequest, ApiResponse } from '../http/api-types.js';
import { jettyErrorHtml } from '../http/jetty-error-page.js';
import { servletHolderName } from './servlets.js';

/**
 * `resp.sendError(status, message)` from one of SeaTunnel's servlets: Jetty's HTML error page
 * naming that servlet, as a handler's answer (the same limits as pending-routes' 400: the usual
 * Date header, no Cache-Control).
 */
export function servletError(req: ApiRequest, status: number, message: string, endpoint: string): ApiResponse {
  return {
    kind: 'text',
    status,
    contentType: 'text/html;charset=iso-8859-1',
    charset: 'latin1',
    text: jettyErrorHtml(status, message, req.path, servletHolderName(endpoint)),
  };
}
