import Koa from 'koa';
import { apiProfile, type ApiProfile } from '@seatunnel-sim/engine';
import type { Logger } from 'pino';
import { errorMiddleware } from './http/error-middleware.js';
import { methodGuard } from './http/method-guard.js';
import { wireFormat } from './http/wire-format.js';
import { authMiddleware, corsMiddleware } from './http/security.js';
import { seatunnelBasicAuth } from './http/basic-auth-filter.js';
import { webUi, webUiDirectory } from './http/web-ui.js';
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
 * Which of a node's servers an app answers for: `http`, its one HTTP port (Hazelcast's REST, the
 * admin API and, unless enable-http is false, REST v2); `https`, the TLS listener, where only
 * Jetty answers (REST v2), as SeaTunnel's HTTPS connector is Jetty's alone.
 */
export type AppListener = 'http' | 'https';

/**
 * The node's Koa app. Middleware order: error rendering → health → CORS and auth (if configured) →
 * SeaTunnel's basic-auth filter (if enabled) → /_sim admin (if enabled) → Hazelcast's
 * /hazelcast/rest/cluster and telemetry → REST v1 (prefix-matched under /hazelcast/rest/maps) →
 * REST v2 (router) → 404. The basic-auth filter comes before everything Jetty serves, so whatever
 * is mounted after it (REST v2, the Web UI's files, the 404) is behind it; it lets through only
 * the paths of the other servers sharing this port. The `https` listener has only the guards, the
 * filter and REST v2.
 */
export function createApp(
  services: Services,
  logger: Logger,
  health: { isReady: () => boolean; clusterSize: () => number },
  admin: AdminDeps | null,
  listener: AppListener = 'http',
): Koa {
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
  const hazelcastSide = listener === 'http';
  if (hazelcastSide) app.use(healthRoutes(health.isReady, health.clusterSize));
  for (const guard of [corsMiddleware(services.config.security), authMiddleware(services.config.security)]) if (guard) app.use(guard);
  const endpoints = ENDPOINTS.filter((e) => profile.endpoints.has(e.name));
  const http = services.config.seatunnel.engine.http;
  const v1 = hazelcastSide && v1Enabled(services.config, profile);
  const jetty = profile.v2 && (listener === 'https' || http['enable-http']);
  if (jetty && http['basic-auth']) {
    app.use(
      seatunnelBasicAuth(http['basic-auth'], {
        contextPath: http['context-path'],
        servlets: endpoints.map((e) => e.name),
        // Not Jetty's: /_sim is the simulator's, /hazelcast/ Hazelcast's port in SeaTunnel (while v1
        // is off its paths are just unknown Jetty paths, so they are refused like any other).
        exempt: hazelcastSide ? ['/_sim', ...(v1 ? ['/hazelcast'] : [])] : [],
      }),
    );
  }
  if (admin && hazelcastSide) {
    const router = adminRouter(admin, services);
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  // Hazelcast's REST (v1, the member list, telemetry where the release has it) unless switched off;
  // then its paths reach the v2 server on this one port, as any unknown path does.
  if (v1) {
    app.use(hazelcastRoutes(services, profile.v1Telemetry));
    app.use(v1Router(endpoints, services));
  }
  if (jetty) {
    const v2 = v2Router(endpoints, services);
    app.use(webUi(webUiDirectory(), http['context-path'], logger));
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
