import type { Server, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';

/** The limits of the node's HTTP server that the config can change (`api` block). */
export interface HttpLimits {
  /** Whole request (headers and body) must arrive within this time, else 408 (`api.request-timeout-millis`). */
  'request-timeout-millis': number;
  /** Request line and headers must arrive within this time, else 408 (`api.headers-timeout-millis`). */
  'headers-timeout-millis': number;
}

/** Request line plus headers larger than this get 431 (Node's own default, pinned so it cannot drift). */
export const MAX_HEADER_BYTES = 16 * 1024;
/** An idle keep-alive connection is closed after this long. */
export const KEEP_ALIVE_TIMEOUT_MILLIS = 5_000;
/** How often Node checks the two request timeouts (its default of 30 s would let a slow client hold a socket that long). */
const TIMEOUT_CHECK_MILLIS = 1_000;

/**
 * Options for the node's `http.createServer`: a slow client (slowloris headers, a trickled body)
 * gets 408 and loses its socket instead of holding it forever, and oversized request lines or
 * headers get 431 before any of our code runs.
 */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  const requestTimeout = limits['request-timeout-millis'];
  return {
    requestTimeout,
    // Node refuses a headers timeout longer than the request timeout.
    headersTimeout: Math.min(limits['headers-timeout-millis'], requestTimeout),
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MILLIS,
    connectionsCheckingInterval: TIMEOUT_CHECK_MILLIS,
    maxHeaderSize: MAX_HEADER_BYTES,
  };
}

/**
 * What Node leaves unanswered: a CONNECT request (proxy tunnelling) has no 'request' event and
 * would just be dropped; answer it 405 like any other method the API does not serve.
 */
export function hardenServer(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MILLIS;
  server.on('connect', (_req: unknown, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}
