import type { Context, Next } from 'koa';

/** Methods the v2 router knows; each endpoint serves one of GET/POST and answers 405 to the others. */
const KNOWN = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);

/**
 * Any other method (TRACE, PROPFIND, made-up ones) is a client error, 405 — not the 501 that
 * @koa/router's allowedMethods would answer: a 5xx means a bug in this simulator.
 */
export function methodGuard() {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (KNOWN.has(ctx.method)) return next();
    ctx.status = 405;
    ctx.set('Allow', 'GET, HEAD, POST');
    ctx.type = 'text/plain';
    ctx.body = 'Method Not Allowed';
  };
}
