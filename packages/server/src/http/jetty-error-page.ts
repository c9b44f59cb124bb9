import type { Context } from 'koa';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Jetty 9.4's ErrorHandler page, which SeaTunnel's REST v2 answers for an unknown path (404 from
 * the DefaultServlet, servlet `default`), for a method its servlet does not implement (405 from
 * HttpServlet), for a request the basic-auth filter refuses (401) and for a servlet's own
 * `sendError` (e.g. PendingJobsServlet's 400): HTML in ISO-8859-1, never the `{"status":"fail"}`
 * JSON of the servlets' other failures.
 */
/** The page's HTML: Jetty's ErrorHandler layout for one status, message, request path and servlet. */
export function jettyErrorHtml(status: number, message: string, path: string, servlet: string): string {
  const text = escapeHtml(message);
  return (
    '<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html;charset=ISO-8859-1"/>\n' +
    `<title>Error ${status} ${text}</title>\n</head>\n<body><h2>HTTP ERROR ${status} ${text}</h2>\n<table>\n` +
    `<tr><th>URI:</th><td>${escapeHtml(path)}</td></tr>\n<tr><th>STATUS:</th><td>${status}</td></tr>\n` +
    `<tr><th>MESSAGE:</th><td>${text}</td></tr>\n<tr><th>SERVLET:</th><td>${escapeHtml(servlet)}</td></tr>\n</table>\n` +
    '<hr/><a href="https://jetty.org/">Powered by Jetty:// 9.4.56.v20240826</a><hr/>\n\n</body>\n</html>\n'
  );
}

export function sendJettyError(ctx: Context, status: number, message: string, servlet: string): void {
  ctx.status = status;
  // Jetty's error handler writes no Date header (shared/oracle/captures/snapshot/076-078).
  ctx.res.sendDate = false;
  ctx.set('Cache-Control', 'must-revalidate,no-cache,no-store');
  ctx.type = 'text/html;charset=iso-8859-1';
  ctx.body = jettyErrorHtml(status, message, ctx.path, servlet);
}

/** HttpServlet's default do<Method>: 405 "HTTP method X is not supported by this URL". */
export function sendMethodNotSupported(ctx: Context, servlet: string): void {
  sendJettyError(ctx, 405, `HTTP method ${ctx.method} is not supported by this URL`, servlet);
}
