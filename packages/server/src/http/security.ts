import { createHash, timingSafeEqual } from 'node:crypto';
import cors from '@koa/cors';
import type { Context, Middleware, Next } from 'koa';
import { SeaTunnelError } from '@seatunnel-sim/engine';
import type { ApiVersion } from './api-types.js';
import { setApi } from './api-state.js';

/** The `security` block of the node config; every switch is off when empty. */
export interface SecurityConfig {
  'auth-token': string;
  'basic-auth': string;
  'cors-origins': string[];
}

const REALM = 'seatunnel-sim';

/** Equal strings in constant time (hashing first makes the lengths equal too). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The credential an Authorization header carries, by scheme (case-insensitive, as RFC 9110 says). */
function credential(header: string, scheme: 'bearer' | 'basic'): string | null {
  const space = header.indexOf(' ');
  if (space <= 0 || header.slice(0, space).toLowerCase() !== scheme) return null;
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return value;
  return Buffer.from(value, 'base64').toString('utf8');
}

/**
 * Optional access control for every endpoint (SeaTunnel itself has none): a bearer token, HTTP
 * basic auth, or both (either one passes). Mounted after the health endpoint, so container health
 * checks stay open. A refused request gets 401 in SeaTunnel's error shape with a challenge header.
 * Returns null when neither switch is set.
 */
export function authMiddleware(security: SecurityConfig): Middleware | null {
  const token = security['auth-token'];
  const basic = security['basic-auth'];
  if (!token && !basic) return null;
  const challenge = [basic ? `Basic realm="${REALM}", charset="UTF-8"` : null, token ? `Bearer realm="${REALM}"` : null]
    .filter(Boolean)
    .join(', ');
  return async (ctx: Context, next: Next): Promise<void> => {
    const header = ctx.get('Authorization');
    const bearer = token ? credential(header, 'bearer') : null;
    const userPass = basic ? credential(header, 'basic') : null;
    const ok = (bearer !== null && sameSecret(bearer, token)) || (userPass !== null && sameSecret(userPass, basic));
    if (!ok) {
      // Rendered by the error middleware; v1 paths get v1's content type.
      setApi(ctx, ctx.path.startsWith('/hazelcast/') ? 'v1' : 'v2');
      ctx.set('WWW-Authenticate', challenge);
      throw new SeaTunnelError(401, header ? 'Unauthorized: the credentials are not valid.' : 'Unauthorized: credentials are required.');
    }
    await next();
  };
}

/**
 * CORS for browser clients (dashboards) from an allow-list of origins; `*` allows any origin.
 * Preflights from allowed origins are answered here (204); other origins get no CORS headers, so
 * browsers refuse them. Returns null when the list is empty (no CORS headers at all, as SeaTunnel).
 */
export function corsMiddleware(security: SecurityConfig): Middleware | null {
  const allowed = security['cors-origins'];
  if (allowed.length === 0) return null;
  const any = allowed.includes('*');
  return cors({
    origin: (ctx: Context) => {
      const origin = ctx.get('Origin');
      if (!origin) return '';
      return any || allowed.includes(origin) ? origin : '';
    },
    allowMethods: 'GET,HEAD,POST,PUT',
    maxAge: 600,
  });
}
