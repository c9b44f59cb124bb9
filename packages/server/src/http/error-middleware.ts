import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { clusterUnavailable, clusterWithoutQuorum, SeaTunnelError, type ApiProfile } from '@seatunnel-sim/engine';
import { isClusterUnavailable, isWithoutQuorum } from '@seatunnel-sim/cluster';
import type { ApiVersion } from './api-types.js';
import { errorBody } from './error-body.js';
import { apiOf } from './api-state.js';

/** The status of an http-errors style client error (`status` 400–499, `expose`), else null. */
function clientErrorStatus(caught: unknown): number | null {
  if (!(caught instanceof Error)) return null;
  const { status, expose } = caught as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : null;
}

/**
 * Renders every failure in SeaTunnel's shape, in one place. SeaTunnelError carries its own status;
 * a lost Hazelcast cluster is a 503 (the node keeps serving and recovers by itself); anything else
 * is a bug, answered as SeaTunnel answers unexpected exceptions (500) and logged.
 */
export function errorMiddleware(logger: Logger, profile: ApiProfile) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
    } catch (caught) {
      let error: SeaTunnelError;
      if (caught instanceof SeaTunnelError) error = caught;
      else if (isWithoutQuorum(caught)) error = clusterWithoutQuorum();
      else if (isClusterUnavailable(caught)) error = clusterUnavailable();
      else if (clientErrorStatus(caught) !== null) {
        // http-errors thrown by Koa or a middleware for a bad request (e.g. a malformed header):
        // the client's fault, kept as its 4xx rather than turned into a 500.
        error = new SeaTunnelError(clientErrorStatus(caught)!, (caught as Error).message);
      } else {
        logger.error({ err: caught, path: ctx.path }, 'unexpected error');
        error = new SeaTunnelError(500, caught instanceof Error ? caught.message : String(caught));
      }
      const api = apiOf(ctx);
      ctx.status = error.httpStatus;
      if (api === 'v1' && ctx.method === 'GET' && error.httpStatus === 400 && !error.emptyBody) ctx.status = profile.v1GetBadRequestStatus;
      if (error.emptyBody) {
        // '' rather than null: Koa turns a null body into 204, hiding SeaTunnel's empty 400.
        ctx.body = '';
        ctx.remove('Content-Type');
        return;
      }
      ctx.type = 'application/json'; // the exact header is the wire format's
      ctx.body = JSON.stringify(errorBody(api, error.detail));
    }
  };
}
