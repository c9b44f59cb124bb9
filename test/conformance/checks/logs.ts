import { BOTH, V1_JSON, V1_ONLY, V2_ONLY, type Check, type PredicateContext } from '../check.js';

const HTML = 'text/html; charset=UTF-8';
const JOB_LOG = 'job-{finishedJobId}.log';

/** `[{"node":"host:port","logLink":"http://host:port<prefix>/logs/<file>","logName":"<file>"}]` */
function jsonLogList(body: any, ctx: PredicateContext): string | null {
  if (!Array.isArray(body) || body.length === 0) return 'expected a non-empty array';
  for (const entry of body as Array<{ node: string; logLink: string; logName: string }>) {
    if (!/^[^/:]+:\d+$/.test(entry.node)) return `node ${JSON.stringify(entry.node)} is not host:port`;
    // v1 links each member's own address. SeaTunnel's v2 uses the answering node's port for every
    // member, which only works when members share a port on different hosts; seatunnel-sim links each
    // node's own host:port plus the context path (README deviations).
    const expected = ctx.api === 'v1'
      ? `http://${entry.node}/hazelcast/rest/maps/logs/${entry.logName}`
      : `http://${entry.node}${ctx.fx('contextPath')}/logs/${entry.logName}`;
    if (entry.logLink !== expected) return `logLink ${entry.logLink}, expected ${expected}`;
  }
  return null;
}

const traversal = (path: string): Check => ({
  name: `logs${path.slice('/logs'.length)}: path traversal → 400 empty`,
  endpoint: 'E14',
  path,
  api: BOTH,
  expect: { status: 400, emptyBody: true },
});

export const logChecks: Check[] = [
  {
    name: 'logs?format=json: every member\'s log files with links',
    endpoint: 'E14',
    path: '/logs?format=json',
    api: BOTH,
    expect: {
      status: 200,
      contentType: V1_JSON,
      types: { '[*].node': 'string', '[*].logLink': 'string', '[*].logName': 'string' },
      keyOrder: { '[*]': ['node', 'logLink', 'logName'] },
      predicate: (body, ctx) => jsonLogList(body, ctx) ?? (body.some((e: { logName: string }) => e.logName === `job-${ctx.fx('finishedJobId')}.log`) ? null : `no entry for job-${ctx.fx('finishedJobId')}.log`),
    },
  },
  {
    name: 'logs: default format is an HTML list',
    endpoint: 'E14',
    path: '/logs',
    api: BOTH,
    expect: { status: 200, contentType: HTML, textIncludes: ['<title>Seatunnel log</title>', '<ul>', '<li><a href="http://', JOB_LOG] },
  },
  {
    name: 'logs?format=html: HTML list',
    endpoint: 'E14',
    path: '/logs?format=html',
    api: BOTH,
    expect: { status: 200, contentType: HTML, textIncludes: ['<title>Seatunnel log</title>', JOB_LOG] },
  },
  {
    name: 'logs/{jobId}: HTML list filtered to the job',
    endpoint: 'E14',
    path: '/logs/{finishedJobId}',
    api: BOTH,
    expect: { status: 200, contentType: HTML, textIncludes: [JOB_LOG], textExcludes: ['job-{runningJobId}.log'] },
  },
  {
    name: 'logs/{jobId}?format=json: v2 keeps only files naming the job',
    endpoint: 'E14',
    path: '/logs/{finishedJobId}?format=json',
    api: V2_ONLY,
    expect: {
      status: 200,
      contentType: V1_JSON,
      predicate: (body, ctx) =>
        jsonLogList(body, ctx) ?? (body.every((e: { logName: string }) => e.logName.includes(ctx.fx('finishedJobId'))) ? null : 'every logName should contain the job id'),
    },
  },
  {
    name: 'logs/{jobId}?format=json: v1 filters by "{jobId}?format=json" and finds nothing',
    endpoint: 'E14',
    path: '/logs/{finishedJobId}?format=json',
    api: V1_ONLY,
    expect: { status: 200, textExcludes: [JOB_LOG] },
  },
  {
    // v2 writes it through Jetty's ISO-8859-1 writer, as SeaTunnel's does.
    name: 'logs/<local file>.log: the file\'s content as text/plain',
    endpoint: 'E14',
    path: '/logs/{localLogFile}',
    api: BOTH,
    expect: { status: 200, contentType: 'text/plain', predicate: (_body, ctx) => (ctx.text.length > 0 ? null : 'expected the log content') },
    // Hazelcast's prepareResponse(String) is text/plain; Jetty's writer names its ISO-8859-1 default.
    byApi: { v1: { contentType: 'text/plain' }, v2: { contentType: 'text/plain;charset=iso-8859-1' } },
  },
  { name: 'logs/missing.log: absent file → 400 empty', endpoint: 'E14', path: '/logs/cs-no-such-file.log', api: BOTH, expect: { status: 400, emptyBody: true } },
  traversal('/logs/../../../../etc/passwd.log'),
  traversal('/logs/..%2F..%2F..%2F..%2Fetc%2Fpasswd.log'),
  traversal('/logs/%2e%2e%2f%2e%2e%2fnode1.log'),
  {
    name: 'log: this member\'s files as HTML with relative links log/<file>',
    endpoint: 'E15',
    path: '/log',
    api: BOTH,
    expect: { status: 200, contentType: HTML, textIncludes: ['href="log/{localLogFile}"'] },
  },
  {
    name: 'log/<local file>.log: content',
    endpoint: 'E15',
    path: '/log/{localLogFile}',
    api: BOTH,
    expect: { status: 200, contentType: 'text/plain', predicate: (_body, ctx) => (ctx.text.length > 0 ? null : 'expected the log content') },
  },
  { name: 'log/missing.log: absent file → 400 empty', endpoint: 'E15', path: '/log/cs-no-such-file.log', api: BOTH, expect: { status: 400, emptyBody: true } },
  { name: 'log/../../etc/passwd.log: traversal → 400 empty', endpoint: 'E15', path: '/log/..%2F..%2F..%2Fetc%2Fpasswd.log', api: BOTH, expect: { status: 400, emptyBody: true } },
  {
    name: 'get-all-log-name: JSON array of this member\'s file names (v1 sends it as text/plain)',
    endpoint: 'E16',
    path: '/get-all-log-name',
    api: BOTH,
    expect: {
      status: 200,
      contentType: 'application/json',
      types: { '': 'array', '[*]': 'string' },
      predicate: (body, ctx) => (body.includes(ctx.fx('localLogFile')) ? null : `should list ${ctx.fx('localLogFile')}`),
    },
    byApi: { v1: { contentType: 'text/plain' } },
  },
];
