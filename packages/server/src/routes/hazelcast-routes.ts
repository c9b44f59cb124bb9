import type { Context, Next } from 'koa';
import { apiProfile, clusterMembersView } from '@seatunnel-sim/engine';
import { json, type ApiResponse } from '../http/api-types.js';
import { sendApiResponse } from '../http/dispatch.js';
import { servletText } from '../http/servlet-text.js';
import type { Services } from '../services/services.js';
import type { TelemetryFormat } from '../services/telemetry-service.js';
import { setApi } from '../http/api-state.js';

/** GET /hazelcast/rest/cluster: the live nodes as Hazelcast members (every node is also one client connection). */
async function getCluster(services: Services): Promise<ApiResponse> {
  const members = await services.nodes.members();
  return json(clusterMembersView(members, members.length, apiProfile(services.config.api.profile).release.hazelcastVersion));
}

/** GET /hazelcast/rest/instance/(open)metrics: this node's telemetry as Prometheus or OpenMetrics text. */
async function getMetrics(services: Services, format: TelemetryFormat): Promise<ApiResponse> {
  const { contentType, text } = await services.telemetry.render(format);
  return { kind: 'text', text, contentType };
}

/** REST v2 `GET /metrics` and `/openmetrics` (MetricsServlet, 2.3.9): the same text, written with BaseServlet.write. */
export async function getV2Telemetry(services: Services, format: TelemetryFormat): Promise<ApiResponse> {
  const { text } = await services.telemetry.render(format);
  return servletText(apiProfile(services.config.api.profile), text);
}

const TELEMETRY: Record<string, TelemetryFormat> = {
  '/hazelcast/rest/instance/metrics': 'prometheus',
  '/hazelcast/rest/instance/openmetrics': 'openmetrics',
};

/**
 * Hazelcast's own REST paths outside /hazelcast/rest/maps: the member list, and SeaTunnel's
 * telemetry, which its v1 processor matches by exact URI (a query string makes it miss).
 */
export function hazelcastRoutes(services: Services, telemetry: boolean) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/hazelcast/rest/cluster') {
      setApi(ctx, 'v1');
      sendApiResponse(ctx, await getCluster(services));
      return;
    }
    const format = TELEMETRY[ctx.path];
    if (telemetry && format && ctx.querystring === '') {
      setApi(ctx, 'v1');
      sendApiResponse(ctx, await getMetrics(services, format));
      return;
    }
    return next();
  };
}
