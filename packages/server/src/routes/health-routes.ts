import type { Context, Next } from 'koa';

/**
 * Hazelcast's health endpoints, which container health checks and orchestrators probe:
 * ready once the node is registered in the cluster, 503 while it is not.
 */
export function healthRoutes(isReady: () => boolean, clusterSize: () => number) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.path !== '/hazelcast/health/ready' && ctx.path !== '/hazelcast/health') return next();
    const ready = isReady();
    ctx.status = ready ? 200 : 503;
    ctx.type = 'application/json';
    // Hazelcast's HealthCheckResult, field for field.
    ctx.body = JSON.stringify({
      nodeState: ready ? 'ACTIVE' : 'PASSIVE',
      clusterState: ready ? 'ACTIVE' : 'UNKNOWN',
      clusterSafe: ready,
      migrationQueueSize: 0,
      clusterSize: clusterSize(),
    });
  };
}
