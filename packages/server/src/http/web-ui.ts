import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Middleware, Next } from 'koa';
import send from 'koa-send';
import type { Logger } from 'pino';

/** Where scripts/seatunnel/fetch-ui.sh puts SeaTunnel's UI: `.cache/seatunnel-ui/ui` of the repository. */
const FETCHED_UI = fileURLToPath(new URL('../../../../../.cache/seatunnel-ui/ui', import.meta.url));

/** The folder the node serves the Web UI from: SEATUNNEL_SIM_UI_DIR, else the fetched one. */
export function webUiDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['SEATUNNEL_SIM_UI_DIR'];
  return configured ? resolve(configured) : FETCHED_UI;
}

/** Folders already reported missing: a node builds an app per listener, the line is said once. */
const reportedMissing = new Set<string>();

/**
 * SeaTunnel's Web UI as its Jetty serves it (JettyService, 2.3.9+): a DefaultServlet named
 * `default` mapped at `/` of the v2 context, resource base the `ui` folder of the classpath. So
 * `<context-path>/` answers the welcome file index.html, every other path the file it names
 * (`/assets/…`, `/favicon.ico`); there is no SPA fallback (the UI routes after `#`). Servlets
 * mapped at `<name>/*` win over it, so this runs after nothing but guards and only answers paths
 * that are files; everything else goes on to the v2 router and its Jetty 404 page.
 *
 * Without the folder the node serves the API alone and says so once, as SeaTunnel logs
 * `UI resources not found in classpath`; the middleware then only passes requests on.
 */
export function webUi(directory: string, contextPath: string, logger: Logger): Middleware {
  if (!existsSync(join(directory, 'index.html'))) {
    if (!reportedMissing.has(directory)) {
      reportedMissing.add(directory);
      logger.warn(`UI resources not found in classpath: no ${join(directory, 'index.html')}; the REST API is served without the Web UI (npm run seatunnel:fetch-ui)`);
    }
    return (_ctx, next) => next();
  }
  const root = contextPath === '' ? '/' : `${contextPath}/`;
  return async (ctx: Context, next: Next): Promise<void> => {
    // DefaultServlet serves GET and HEAD, and POST as a GET; other methods reach the router's answers.
    if (!['GET', 'HEAD', 'POST'].includes(ctx.method) || !ctx.path.startsWith(root)) return next();
    const relative = ctx.path === root ? '/index.html' : ctx.path.slice(root.length - 1);
    // A folder (`/assets/`) is no file: Jetty would list it, the router answers its 404 (README deviation).
    if (relative.endsWith('/')) return next();
    try {
      const served = await send(ctx, relative, { root: directory, hidden: false, format: false, gzip: false, brotli: false });
      if (served === undefined) return next();
    } catch (error) {
      // Not found, or a path that leaves the folder (resolve-path's 403): not a file of the UI.
      const status = (error as { status?: unknown }).status;
      if (typeof status === 'number' && status < 500) return next();
      throw error;
    }
    // Jetty's DefaultServlet sends Last-Modified but no Cache-Control of its own.
    ctx.remove('Cache-Control');
    // Jetty 9.4's mime table names scripts application/javascript (mime-types' is text/javascript).
    if (relative.endsWith('.js')) ctx.type = 'application/javascript';
  };
}
