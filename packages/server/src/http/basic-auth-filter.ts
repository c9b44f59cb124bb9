import type { Context, Middleware, Next } from 'koa';
import { setApi } from './api-state.js';
import type { BasicAuthSettings } from './http-settings.js';
import { sendJettyError } from './jetty-error-page.js';
import { servletHolderName } from '../routes/servlets.js';

const BASIC_PREFIX = 'Basic ';
const CHALLENGE = 'Basic realm="SeaTunnel Web UI"';

/** Values of the base64 alphabets commons-codec's decoder accepts: standard and URL-safe. */
const SEXTETS = new Map<number, number>(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'].map((c, i) => [c.charCodeAt(0), i]),
);
SEXTETS.set('+'.charCodeAt(0), 62).set('/'.charCodeAt(0), 63).set('-'.charCodeAt(0), 62).set('_'.charCodeAt(0), 63);
const PAD = '='.charCodeAt(0);

/**
 * commons-codec's `Base64.decodeBase64(String)`, which SeaTunnel's filter uses: bytes outside the
 * alphabet are skipped, the first `=` ends the input, and leftover bits that make no whole byte
 * are dropped. It never fails, so a garbled header is simply a wrong password.
 */
export function decodeBase64Leniently(text: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let count = 0;
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === PAD) break;
    const sextet = SEXTETS.get(byte);
    if (sextet === undefined) continue;
    bits = ((bits << 6) | sextet) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push((bits >> count) & 0xff);
    }
  }
  return Buffer.from(out);
}

/**
 * BasicAuthFilter.doFilter's test, to the letter: the header must start with `Basic ` (that case,
 * one space), the rest decodes to UTF-8 text split at its first `:`, and both halves must equal
 * the configured ones exactly.
 */
export function basicCredentialsMatch(header: string | undefined, expected: BasicAuthSettings): boolean {
  if (header === undefined || !header.startsWith(BASIC_PREFIX)) return false;
  const credentials = decodeBase64Leniently(header.slice(BASIC_PREFIX.length)).toString('utf8');
  const colon = credentials.indexOf(':');
  if (colon < 0) return false;
  return credentials.slice(0, colon) === expected.username && credentials.slice(colon + 1) === expected.password;
}

export interface JettyContext {
  /** The v2 context path ('' for the root). */
  contextPath: string;
  /** The v2 endpoint names this node serves: each is a servlet mapped at `<name>/*`. */
  servlets: readonly string[];
  /** Top segments of the paths of other servers sharing this port (`/hazelcast`, `/_sim`): the filter lets them by. */
  exempt: readonly string[];
}

/** Which servlet Jetty maps a path of the context to: the longest `<name>/*` that matches, else the DefaultServlet. */
function servletOf(relative: string, servlets: readonly string[]): string {
  let best: string | null = null;
  for (const name of servlets) {
    const base = `/${name}`;
    if ((relative === base || relative.startsWith(`${base}/`)) && (best === null || name.length > best.length)) best = name;
  }
  return best === null ? 'default' : servletHolderName(best);
}

/**
 * SeaTunnel's BasicAuthFilter (2.3.11+, `enable-basic-auth`), mapped at `/*` of the Jetty context:
 * every REST v2 servlet, the Web UI's files and paths no servlet has (so an unauthenticated
 * unknown path is 401, not 404). A refused request gets the realm challenge and Jetty's HTML
 * error page for 401 `Unauthorized`, naming the servlet the path maps to. Hazelcast's REST (v1,
 * health) and /_sim are other servers and stay open.
 */
export function seatunnelBasicAuth(settings: BasicAuthSettings, jetty: JettyContext): Middleware {
  const { contextPath, servlets, exempt } = jetty;
  return async (ctx: Context, next: Next): Promise<void> => {
    const path = ctx.path;
    const inContext = contextPath === '' || path === contextPath || path.startsWith(`${contextPath}/`);
    if (!inContext || exempt.some((top) => path === top || path.startsWith(`${top}/`))) return next();
    // Jetty's getHeader: the first Authorization header, whatever case its name.
    const header = ctx.req.headers.authorization;
    if (basicCredentialsMatch(header, settings)) return next();
    setApi(ctx, 'v2');
    ctx.set('WWW-Authenticate', CHALLENGE);
    sendJettyError(ctx, 401, 'Unauthorized', servletOf(path.slice(contextPath.length), servlets));
  };
}
