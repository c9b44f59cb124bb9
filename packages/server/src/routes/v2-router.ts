import Router, { type RouterContext } from '@koa/router';
import type { Services } from '../services/services.js';
import { apiRequest, sendApiResponse } from '../http/dispatch.js';
import { sendJettyError, sendMethodNotSupported } from '../http/jetty-error-page.js';
import type { Endpoint, Handler } from './endpoints.js';
import { servletHolderName } from './servlets.js';
import { setApi } from '../http/api-state.js';
import { OPENAPI_PATH, openApiDocument } from '../openapi/openapi-document.js';

/**
 * REST v2 as SeaTunnel's Jetty serves it: every endpoint mapped as `<context-path>/<name>/*`, one
 * method per endpoint (the other → 405), unknown paths → 404, both as Jetty's HTML error pages.
 */
export function v2Router(endpoints: readonly Endpoint[], services: Services): Router {
  const contextPath = services.config.seatunnel.engine.http['context-path'];
  const router = new Router();
  router.use(async (ctx, next) => {
    setApi(ctx, 'v2');
    await next();
  });
  // Jetty picks the longest matching mapping (`/submit-job/upload/*` over `/submit-job/*`); the router
  // takes the first route registered, so deeper names go first.
  const byDepth = [...endpoints].sort((a, b) => b.name.split('/').length - a.name.split('/').length);
  for (const endpoint of byDepth) {
    const base = `${contextPath}/${endpoint.name}`;
    const handlers = new Map<string, Handler>([[endpoint.method, endpoint.handler], ...Object.entries(endpoint.more ?? {})]);
    const handle = (handler: Handler) => async (ctx: RouterContext): Promise<void> => {
      const rest = ctx.path.slice(base.length);
      const http = services.config.seatunnel.engine.http;
      const req = apiRequest(ctx, 'v2', rest, services.config.api['body-limit-bytes'], endpoint.multipart ? http.upload : undefined);
      sendApiResponse(ctx, await handler(req, services));
    };
    // Each servlet implements only some of doGet/doPost/doDelete (doGet also answers HEAD);
    // HttpServlet answers the rest with Jetty's 405 page.
    const served = new Set([...handlers.keys()].map((m) => m.toLowerCase()));
    if (served.has('get')) served.add('head');
    const others = ['get', 'head', 'post', 'put', 'delete', 'patch'].filter((m) => !served.has(m));
    for (const path of [base, `${base}/{*rest}`]) {
      for (const [method, handler] of handlers) router.register(path, [method.toLowerCase()], handle(handler));
      router.register(path, others, (ctx) => sendMethodNotSupported(ctx, servletHolderName(endpoint.name)));
    }
  }
  // Not SeaTunnel's: the simulator describes the release it plays, from the same endpoint registry
  // and profile it routes by (a real engine answers this path with its 404 page).
  router.get(`${contextPath}${OPENAPI_PATH}`, (ctx) => {
    ctx.body = openApiDocument(services.config.api.profile, contextPath);
  });
  // Anything else under the context path reaches Jetty's DefaultServlet: 404 page.
  const notFound = (ctx: RouterContext): void => sendJettyError(ctx, 404, 'Not Found', 'default');
  router.all(contextPath === '' ? '/' : contextPath, notFound);
  router.all(`${contextPath}/{*rest}`, notFound);
  return router;
}
