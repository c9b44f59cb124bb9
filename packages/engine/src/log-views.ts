/** The only log file names served: a plain name in the log directory, no separators, no escapes. */
const LOG_FILE_NAME = /^[A-Za-z0-9._-]+\.log$/;

export function isServableLogName(name: string): boolean {
  return LOG_FILE_NAME.test(name) && name !== '.log';
}

/** SeaTunnel's routing appender writes one file per job. */
export const jobLogFileName = (jobId: string): string => `job-${jobId}.log`;

/**
 * The parameter after `/logs/` or `/log/`, found as SeaTunnel finds it: drop one trailing slash,
 * then take what follows the first `/` after the endpoint name. v1 (Hazelcast) works on the URI
 * with its query string, so `/logs/123?format=json` yields "123?format=json"; v2 (Jetty) on the
 * path only — pass `rawQuery` for v1 and null for v2.
 * @param rest the path after the endpoint name, e.g. "/job-1.log" or "".
 */
export function logParam(rest: string, rawQuery: string | null): string {
  let uri = rawQuery ? `${rest}?${rawQuery}` : rest;
  if (uri.endsWith('/')) uri = uri.slice(0, -1);
  const slash = uri.indexOf('/');
  return slash === -1 ? '' : uri.slice(slash + 1);
}

/** One log file of one node, as `/logs` lists it. */
export interface NodeLogFile {
  /** "host:port" of the node. */
  node: string;
  /** Absolute link to the file's content. */
  logLink: string;
  logName: string;
}

/** The files of every node whose name contains `jobId` (all when blank), each linked under `logsUrl` of its node. */
export function nodeLogFiles(nodes: readonly { node: string; logsUrl: string; files: readonly string[] }[], jobId: string): NodeLogFile[] {
  const filter = jobId.trim();
  return nodes.flatMap(({ node, logsUrl, files }) =>
    files.filter((name) => filter === '' || name.includes(filter)).map((name) => ({ node, logLink: `${logsUrl}/${name}`, logName: name })),
  );
}

/** SeaTunnel's log page: a bare HTML list of links. */
export function logPageHtml(links: readonly { href: string; text: string }[]): string {
  return (
    '<html><head><title>Seatunnel log</title></head>\n' +
    '<body>\n' +
    ' <h2>Seatunnel log</h2>\n' +
    ' <ul>\n' +
    links.map(({ href, text }) => `<li><a href="${href}">${text}</a></li>\n`).join('') +
    ' </ul>\n' +
    '</body></html>'
  );
}

/** `/logs` as HTML: each link labelled "host:port-<file>". */
export const allNodeLogsHtml = (files: readonly NodeLogFile[]): string =>
  logPageHtml(files.map((f) => ({ href: f.logLink, text: `${f.node}-${f.logName}` })));

/** `/log` as HTML: links relative to the page ("log/<file>"), labelled with the file name. */
export const localLogsHtml = (names: readonly string[]): string => logPageHtml(names.map((name) => ({ href: `log/${name}`, text: name })));

/** `format=json` (any case) selects JSON; anything else, or nothing, is HTML. */
export const wantsJson = (format: string | undefined): boolean => format?.toUpperCase() === 'JSON';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * One line in the layout of SeaTunnel's log4j2 config
 * (`%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%-30.30c{1.}] [%t] - %m%n`; the caller gives the logger already
 * abbreviated, e.g. "o.a.s.e.s.m.JobMaster"),
 * in the process time zone.
 */
export function log4jLine(epochMillis: number, level: string, logger: string, thread: string, message: string): string {
  const d = new Date(epochMillis);
  const time =
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`;
  // %-30.30c: padded to 30 on the right, and cut from the left when longer.
  const category = logger.length > 30 ? logger.slice(-30) : logger.padEnd(30);
  return `${time} ${level.padEnd(5)} [${category}] [${thread}] - ${message}\n`;
}
