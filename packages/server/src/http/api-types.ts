import type { ApiVersion } from '@seatunnel-sim/engine';
import type { UploadLimits } from './http-settings.js';

/** Which REST flavour a request came in on (v1: Hazelcast's REST under /hazelcast/rest/maps; v2: Jetty). */
export type { ApiVersion };

/** Where REST v1 lives: SeaTunnel's handlers inside Hazelcast's map REST. */
export const V1_PREFIX = '/hazelcast/rest/maps/';

/** What a route handler sees: the parsed parts of the request, independent of Koa. */
export interface ApiRequest {
  api: ApiVersion;
  method: string;
  /** Full request path. */
  path: string;
  /** Path after the endpoint name, e.g. "/123" for ".../job-info/123". */
  rest: string;
  /** Query string without "?", undecoded (v1 parses it itself). */
  rawQuery: string;
  /** Decoded query parameters (last value wins, as servlet parameters). */
  query: Record<string, string>;
  /** The body as UTF-8 text ("" when empty); read lazily, within the configured limit. */
  body(): Promise<string>;
  /** The same body as bytes (multipart uploads); shares the one read with body(). */
  bodyBytes(): Promise<Buffer>;
  /** The Content-Type header as sent (undefined when absent). */
  contentType: string | undefined;
  /** The client's address (ServletRequest.getRemoteAddr), where the socket has one. */
  remoteAddress?: string;
  /** The servlet's MultipartConfigElement, for the endpoints Jetty registered with one (submit-job/upload). */
  multipartConfig?: UploadLimits;
}

/** What a route handler returns; rendered in one place. */
export type ApiResponse =
  | { kind: 'json'; status?: number; value: unknown }
  /** Pre-serialised JSON, for answers that must keep 64-bit numbers exact. */
  | { kind: 'raw-json'; status?: number; text: string }
  /** `latin1`: encoded as ISO-8859-1 (characters beyond it as `?`, as Jetty's writer does); default UTF-8. */
  | { kind: 'text'; status?: number; text: string; contentType: string; charset?: 'latin1' }
  /** JSON written piece by piece as it is produced (listings too large to hold as one string). */
  | { kind: 'json-stream'; status?: number; chunks: AsyncIterable<string> }
  | { kind: 'empty'; status: number }
  /** `resp.sendError(status, message)` in one of SeaTunnel's servlets: Jetty's HTML error page, with its headers. */
  | { kind: 'jetty-error'; status: number; message: string; servlet: string };

export const json = (value: unknown, status?: number): ApiResponse => ({ kind: 'json', value, ...(status ? { status } : {}) });
