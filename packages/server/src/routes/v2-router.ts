import Router, { type RouterContext } from '@koa/router';
import type { Services } from '../services/services.js';
import { apiRequest, sendApiResponse } from '../http/dispatch.js';
import type { Endpoint } from './endpoints.js';

/**
 * REST v2 as SeaTunnel's Jetty serves it: every endpoint mapped as `<context-path>/<name>/*`, one
 * method per endpoint (the other → 405), unknown paths → 404.
 */
export function v2Router(endpoints: readonly Endpoint[], services: Services): Router {
  const contextPath = services.config.seatunnel.engine.http['context-path'].replace(/\/+$/, '');
  const router = new Router();
  router.use(async (ctx, next) => {
    (ctx.state as { api: string }).api = 'v2';
    await next();
  });
  for (const endpoint of endpoints) {
    const base = `${contextPath}/${endpoint.name}`;
    const handle = async (ctx: RouterContext): Promise<void> => {
      const rest = ctx.path.slice(base.length);
      const req = apiRequest(ctx, 'v2', rest, services.config.api['body-limit-bytes']);
      sendApiResponse(ctx, await endpoint.handler(req, services));
    };
    for (const path of [base, `${base}/{*rest}`]) {
      if (endpoint.method === 'GET') router.get(path, handle);
      else router.post(path, handle);
    }
  }
  return router;
}
