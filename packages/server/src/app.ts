import Koa from 'koa';
import type { Logger } from 'pino';
import { errorMiddleware } from './http/error-middleware.js';
import { ENDPOINTS } from './routes/endpoints.js';
import { healthRoutes } from './routes/health-routes.js';
import { v1Router } from './routes/v1-router.js';
import { v2Router } from './routes/v2-router.js';
import type { Services } from './services/services.js';

/**
 * The node's Koa app. Middleware order: error rendering → health → REST v1 (prefix-matched under
 * /hazelcast/rest/maps) → REST v2 (router) → 404.
 */
export function createApp(services: Services, logger: Logger, isReady: () => boolean): Koa {
  const app = new Koa();
  app.proxy = false;
  app.silent = true;
  app.use(errorMiddleware(logger));
  app.use(healthRoutes(isReady));
  app.use(v1Router(ENDPOINTS, services));
  const v2 = v2Router(ENDPOINTS, services);
  app.use(v2.routes());
  app.use(v2.allowedMethods());
  return app;
}
