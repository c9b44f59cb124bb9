import Router from '@koa/router';
import { parseJsonBody, isJsonObject, SeaTunnelError } from '@seatunnel-sim/engine';
import type { ClusterClock } from '@seatunnel-sim/cluster';
import { readTextBody } from '../http/body.js';
import { setApi } from '../http/api-state.js';
import type { Services } from '../services/services.js';
import { addSimConsole } from './sim-console-routes.js';

export interface AdminDeps {
  clock: ClusterClock;
  /** Runs one pass of this node's job driver at once. */
  tick(): Promise<void>;
  /** Writes this node's heartbeat, then keeps its main thread busy for `millis` (a long GC pause, a huge listing). */
  stall?(millis: number): Promise<void>;
}

/** Longest stall the admin API makes: past the registry's TTL the node is dead to its peers anyway. */
const MAX_STALL_MILLIS = 10_000;

/**
 * `/_sim`: simulation controls for tests — read and advance the cluster-wide simulation clock —
 * and, given the node's services, the console that shows and drives them (/_sim/console).
 * Unsafe for anything but tests; mounted only when `simulation.admin-api` is true.
 */
export function adminRouter(deps: AdminDeps, services?: Services): Router {
  const router = new Router({ prefix: '/_sim' });
  const clockView = () => ({ now: deps.clock.now(), iso: new Date(deps.clock.now()).toISOString(), speed: deps.clock.speed });
  router.use(async (ctx, next) => {
    setApi(ctx, 'v2');
    await next();
  });
  router.get('/clock', (ctx) => {
    ctx.body = clockView();
  });
  router.post('/clock/advance', async (ctx) => {
    const body = parseJsonBody(await readTextBody(ctx.req, 4096));
    const millis = isJsonObject(body) ? (typeof body['millis'] === 'number' ? body['millis'] : typeof body['seconds'] === 'number' ? body['seconds'] * 1000 : NaN) : NaN;
    if (!Number.isFinite(millis) || millis < 0 || millis > 10 * 365 * 86_400_000) {
      throw new SeaTunnelError(400, 'Body must be {"millis": <non-negative number>} or {"seconds": <non-negative number>}.');
    }
    await deps.clock.advance(millis);
    await deps.tick();
    ctx.body = clockView();
  });
  router.post('/driver/tick', async (ctx) => {
    await deps.tick();
    ctx.body = { status: 'success' };
  });
  router.post('/node/stall', async (ctx) => {
    const body = parseJsonBody(await readTextBody(ctx.req, 4096));
    const millis = isJsonObject(body) && typeof body['millis'] === 'number' ? body['millis'] : NaN;
    if (!deps.stall) throw new SeaTunnelError(404, 'This node cannot stall.');
    if (!Number.isFinite(millis) || millis < 0 || millis > MAX_STALL_MILLIS) {
      throw new SeaTunnelError(400, `Body must be {"millis": <0 to ${MAX_STALL_MILLIS}>}.`);
    }
    const started = Date.now();
    await deps.stall(millis);
    ctx.body = { stalledMillis: Date.now() - started };
  });
  if (services) addSimConsole(router, services, deps.clock);
  return router;
}
