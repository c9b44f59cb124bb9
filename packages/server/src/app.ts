import Koa from 'koa';
import { apiProfile, type ApiProfile } from '@seatunnel-sim/engine';
import type { Logger } from 'pino';
import { errorMiddleware } from './http/error-middleware.js';
import { methodGuard } from './http/method-guard.js';
import { wireFormat } from './http/wire-format.js';
import { authMiddleware, corsMiddleware } from './http/security.js';
import { adminRouter, type AdminDeps } from './routes/admin-routes.js';
import { ENDPOINTS } from './routes/endpoints.js';
import { hazelcastRoutes } from './routes/hazelcast-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { v1Router } from './routes/v1-router.js';
import { v2Router } from './routes/v2-router.js';
import type { Services } from './services/services.js';
import type { NodeConfig } from './config.js';

/** Error codes of a client that closed its connection mid-answer. */
const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED']);

/**
 * The node's Koa app. Middleware order: error rendering → health → CORS and auth (if configured) → /_sim admin (if enabled) →
 * Hazelcast's /hazelcast/rest/cluster and telemetry → REST v1 (prefix-matched under
 * /hazelcast/rest/maps) → REST v2 (router) → 404.
 */
export function createApp(services: Services, logger: Logger, health: { isReady: () => boolean; clusterSize: () => number }, admin: AdminDeps | null): Koa {
  const app = new Koa();
  app.proxy = false;
  app.silent = true;
  // Koa hands here what no middleware can answer any more: a streamed listing that fails after its
  // first bytes is cut short, so say why. A client that went away is not worth a line.
  app.on('error', (error: unknown, ctx?: { path?: string }) => {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && CLIENT_GONE.has(code)) return;
    logger.error({ err: error, path: ctx?.path }, 'answer cut short');
  });
  // The profile picks which endpoints exist and how answers look on the wire (data, not separate routes).
  const profile = apiProfile(services.config.api.profile);
  app.use(wireFormat(profile));
  app.use(errorMiddleware(logger, profile));
  app.use(healthRoutes(health.isReady, health.clusterSize));
  for (const guard of [corsMiddleware(services.config.security), authMiddleware(services.config.security)]) if (guard) app.use(guard);
  if (admin) {
    const router = adminRouter(admin);
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  const endpoints = ENDPOINTS.filter((e) => profile.endpoints.has(e.name));
  // Hazelcast's REST (v1, the member list, telemetry where the release has it) unless switched off;
  // then its paths reach the v2 server on this one port, as any unknown path does.
  if (v1Enabled(services.config, profile)) {
    app.use(hazelcastRoutes(services, profile.v1Telemetry));
    app.use(v1Router(endpoints, services));
  }
  if (profile.v2) {
    const v2 = v2Router(endpoints, services);
    app.use(methodGuard());
    app.use(v2.routes());
    app.use(v2.allowedMethods());
  }
  return app;
}

/** Whether the node serves REST v1: as configured, else as the release ships (rest-api.enabled). */
export function v1Enabled(config: NodeConfig, profile: ApiProfile): boolean {
  return config.hazelcast.network['rest-api'].enabled ?? profile.v1EnabledByDefault;
}
