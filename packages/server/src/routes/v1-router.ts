import type { Context, Next } from 'koa';
import { SeaTunnelError } from '@seatunnel-sim/engine';
import type { Services } from '../services/services.js';
import { V1_PREFIX } from '../http/api-types.js';
import { apiRequest, emptyAnswer, sendApiResponse } from '../http/dispatch.js';
import type { Endpoint } from './endpoints.js';
import { setApi } from '../http/api-state.js';


/**
 * REST v1 as SeaTunnel serves it inside Hazelcast: paths under /hazelcast/rest/maps/ matched by
 * prefix in the processor's order, PUT handled as POST, and unmatched paths falling through to
 * Hazelcast's own map REST (400 without a key, 204 for a map/key read), never a SeaTunnel error.
 */
export function v1Router(all: readonly Endpoint[], services: Services) {
  const endpoints = all.filter((e) => e.v1 !== false);
  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.path.startsWith(V1_PREFIX)) return next();
    setApi(ctx, 'v1');
    // Hazelcast's HEAD handler answers every map path with an empty 200 (captures 2.3.8/extra/015).
    if (ctx.method === 'HEAD') throw emptyAnswer(200);
    const method = ctx.method === 'PUT' ? 'POST' : ctx.method;
    const tail = ctx.path.slice(V1_PREFIX.length);
    const endpoint = endpoints.find((e) => e.method === method && tail.startsWith(e.name));
    if (endpoint) {
      const req = apiRequest(ctx, 'v1', tail.slice(endpoint.name.length), services.config.api['body-limit-bytes']);
      sendApiResponse(ctx, await endpoint.handler(req, services));
      return;
    }
    if (method !== 'GET' && method !== 'POST' && method !== 'DELETE') throw emptyAnswer(400);
    // A DELETE clears the map (or removes the key) and answers an empty 200; no map here holds anything.
    if (method === 'DELETE') throw emptyAnswer(200);
    // Hazelcast's map REST wants `<map>/<key>`: without the key a GET is an empty 400, a POST its
    // HttpBadRequestException "Missing map name" (shared/oracle/captures/*/0xx_v1_POST_to_overview).
    if (!tail.includes('/')) {
      if (method === 'POST') throw new SeaTunnelError(400, 'Missing map name');
      throw emptyAnswer(400);
    }
    const segments = tail.split('/').filter(Boolean);
    throw emptyAnswer(segments.length < 2 ? 400 : 204);
  };
}
