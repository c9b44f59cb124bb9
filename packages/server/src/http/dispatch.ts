import { Readable } from 'node:stream';
import type { Context } from 'koa';
import { SeaTunnelError } from '@seatunnel-sim/engine';
import type { ApiRequest, ApiResponse, ApiVersion } from './api-types.js';
import { decodeTextBody, readRawBody } from './body.js';
import { sendJettyError } from './jetty-error-page.js';
import type { UploadLimits } from './http-settings.js';

/**
 * Builds the handler's view of a Koa request. With a multipart config (an upload servlet), a
 * maxRequestSize replaces the body limit: Jetty stops reading one byte past it, and the servlet
 * answers that itself (multipart.ts), not with our 413.
 */
export function apiRequest(ctx: Context, api: ApiVersion, rest: string, bodyLimit: number, multipartConfig?: UploadLimits): ApiRequest {
  if (multipartConfig && multipartConfig['max-request-size'] > 0) bodyLimit = multipartConfig['max-request-size'] + 1;
  let bytes: Promise<Buffer> | undefined;
  let text: Promise<string> | undefined;
  const bodyBytes = (): Promise<Buffer> => (bytes ??= readRawBody(ctx.req, bodyLimit));
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(ctx.querystring)) query[key] = value;
  return {
    api,
    method: ctx.method,
    path: ctx.path,
    rest,
    rawQuery: ctx.querystring,
    query,
    body: () => (text ??= bodyBytes().then(decodeTextBody)),
    bodyBytes,
    contentType: ctx.get('Content-Type') || undefined,
    ...(ctx.req.socket.remoteAddress ? { remoteAddress: ctx.req.socket.remoteAddress } : {}),
    ...(multipartConfig ? { multipartConfig } : {}),
  };
}

/** Writes a handler's answer to Koa. */
export function sendApiResponse(ctx: Context, response: ApiResponse): void {
  switch (response.kind) {
    case 'json':
      ctx.status = response.status ?? 200;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(response.value);
      return;
    case 'raw-json':
      ctx.status = response.status ?? 200;
      ctx.type = 'application/json';
      ctx.body = response.text;
      return;
    case 'json-stream':
      ctx.status = response.status ?? 200;
      ctx.type = 'application/json';
      ctx.body = Readable.from(response.chunks);
      return;
    case 'text':
      ctx.status = response.status ?? 200;
      ctx.type = response.contentType;
      // Jetty's ISO-8859-1 writer prints '?' for every UTF-16 unit beyond Latin-1.
      ctx.body = response.charset === 'latin1' ? Buffer.from(response.text.replace(/[^\x00-\xff]/g, '?'), 'latin1') : response.text;
      return;
    case 'empty':
      ctx.status = response.status;
      ctx.body = '';
      return;
    case 'jetty-error':
      sendJettyError(ctx, response.status, response.message, response.servlet);
      return;
  }
}

/** Thrown for SeaTunnel's "no body" answers (Hazelcast's native fall-through). */
export const emptyAnswer = (status: number): SeaTunnelError => new SeaTunnelError(status, null, true);
