import type { Context, Next } from 'koa';
import type { ApiProfile, MediaKind } from '@seatunnel-sim/engine';
import type { ApiVersion } from './api-types.js';
import type { AppState } from './api-state.js';

/**
 * Which server of a SeaTunnel node would have answered: Hazelcast's REST (v1, health, cluster) or
 * Jetty (v2). The router or filter that claimed the request says (a /hazelcast/ path Jetty refuses
 * or does not know is Jetty's answer); else the path does.
 */
function apiOf(ctx: Context): ApiVersion | null {
  if (ctx.path.startsWith('/_sim')) return null;
  return (ctx.state as AppState).api ?? (ctx.path.startsWith('/hazelcast/') ? 'v1' : 'v2');
}

/** The kind of body a Content-Type set by a handler stands for; null leaves it as it is (Jetty's ISO-8859-1 error pages). */
function mediaOf(contentType: string | undefined, status: number): MediaKind | null {
  if (!contentType) return null;
  const type = contentType.toLowerCase();
  if (type.startsWith('application/json')) return status >= 400 ? 'error' : 'json';
  if (type.startsWith('application/openmetrics-text') || (type.startsWith('text/plain') && type.includes('version='))) return 'telemetry';
  if (type.startsWith('text/html')) return type.includes('iso-8859-1') ? null : 'html';
  if (type.startsWith('text/plain')) return 'text';
  return null;
}

/**
 * Puts every answer on the wire as the release's servers do: the Content-Type of each kind of body,
 * Jetty's Date and Server headers (Hazelcast's REST sends neither) and its reason phrases. Handlers
 * say what kind of body they answer; this is the one place that knows the header bytes.
 */
export function wireFormat(profile: ApiProfile) {
  return async (ctx: Context, next: Next): Promise<void> => {
    await next();
    const api = apiOf(ctx);
    if (api === null) return;
    const wire = profile.wire[api];
    if (!wire.date) ctx.res.sendDate = false;
    if (wire.server) ctx.set('Server', wire.server);
    const media = mediaOf(ctx.response.get('Content-Type') as string | undefined, ctx.status);
    if (media) ctx.set('Content-Type', wire.contentType[media]);
    const reason = wire.reasons[ctx.status];
    if (reason) ctx.message = reason;
  };
}
