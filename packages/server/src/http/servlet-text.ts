import type { ApiProfile } from '@seatunnel-sim/engine';
import type { ApiResponse } from './api-types.js';

/**
 * Text a v2 servlet writes with BaseServlet.write (telemetry, log file content): before 2.3.12 it
 * goes through Jetty's ISO-8859-1 writer, which prints '?' for what it cannot encode; from 2.3.12
 * (#9594) it is UTF-8. The Content-Type is the release's (wire-format.ts).
 */
export function servletText(profile: ApiProfile, text: string): ApiResponse {
  const latin1 = profile.wire.v2.contentType.text.includes('iso-8859-1');
  return { kind: 'text', text, contentType: 'text/plain', ...(latin1 ? { charset: 'latin1' as const } : {}) };
}
