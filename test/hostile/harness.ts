import assert from 'node:assert/strict';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { LocalCluster } from '@seatunnel-sim/cli';

export const V1 = '/hazelcast/rest/maps';

/** A small valid job: 40 rows at 400 rows/s, done in about 0.1 s. */
export const QUICK_JOB = {
  env: { 'job.mode': 'batch', 'sim.rows-per-second': 400 },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 40, schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

/** A job that runs until stopped. */
export const ENDLESS_JOB = {
  env: { 'job.mode': 'STREAMING' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', schema: { fields: { name: 'string', age: 'int' } } }],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
};

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  millis: number;
}

export interface SendOptions {
  method?: string;
  /** Sent exactly as given (no URL normalisation, unlike fetch). */
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  timeoutMillis?: number;
}

/**
 * One request on a fresh connection with node:http, the path untouched. Resolves with status 0
 * and the error text in `body` when the server closes without answering.
 */
export function send(base: string, options: SendOptions): Promise<Answer> {
  const url = new URL(base);
  const started = Date.now();
  return new Promise((resolve) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const req = request({
      host: url.hostname,
      port: url.port,
      method: options.method ?? 'GET',
      path: options.path,
      agent: false,
      headers: { ...(body ? { 'content-length': body.length } : {}), ...options.headers },
      timeout: options.timeoutMillis ?? 15_000,
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', (error) => resolve({ status: 0, headers: {}, body: String(error.message), millis: Date.now() - started }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => undefined);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), millis: Date.now() - started }),
      );
    });
    req.end(body);
  });
}

/** True once `text` holds a status line, headers and a body of the announced length. */
function responseComplete(text: string): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
  return !length || text.length - end - 4 >= Number(length[1]);
}

export interface RawAnswer {
  /** Everything the server sent. */
  text: string;
  /** Status of the first response line, 0 if none. */
  status: number;
  /** True when the server closed the connection (rather than the client giving up). */
  closedByServer: boolean;
  millis: number;
}

/**
 * Writes raw bytes (optionally in timed pieces, as a slow client) and collects the answer until
 * the server closes, `timeoutMillis` passes or (`untilResponse`) one whole response has arrived.
 * For requests node:http refuses to send.
 */
export function rawExchange(
  base: string,
  pieces: (string | Buffer)[],
  options: { gapMillis?: number; timeoutMillis?: number; untilResponse?: boolean } = {},
): Promise<RawAnswer> {
  const url = new URL(base);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: match ? Number(match[1]) : 0, closedByServer, millis: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMillis ?? 10_000);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      if (options.untilResponse && responseComplete(text)) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (done || socket.destroyed) return;
        socket.write(piece);
        if (options.gapMillis) await new Promise((r) => setTimeout(r, options.gapMillis));
      }
    });
  });
}

/** The job ids the cluster knows: running and finished, each sorted. */
export interface ClusterState {
  running: string[];
  finished: string[];
}

export async function clusterState(base: string): Promise<ClusterState> {
  const ids = async (path: string): Promise<string[]> => {
    const answer = await send(base, { path });
    assert.equal(answer.status, 200, `${path}: ${answer.body.slice(0, 200)}`);
    return (JSON.parse(answer.body) as { jobId: string }[]).map((j) => j.jobId).sort();
  };
  return { running: await ids('/running-jobs'), finished: await ids('/finished-jobs') };
}

/** Every node process is alive and answers its health check. */
export async function assertAllServing(cluster: LocalCluster, where: string): Promise<void> {
  for (const node of cluster.nodes) {
    assert.equal(node.child.exitCode, null, `${node.name} exited (${where})`);
    assert.equal(node.child.signalCode, null, `${node.name} was killed (${where})`);
    const health = await send(node.url, { path: '/hazelcast/health/ready', timeoutMillis: 5_000 });
    assert.equal(health.status, 200, `${node.name} health after ${where}: ${health.body}`);
  }
}

/** A Java class name as ClassCastException prints it. */
const CLASS = String.raw`[\w.$]+`;

/**
 * SeaTunnel's own 500 answers to bad input, each what a real SeaTunnel 2.3.8/2.3.9 answers (spec
 * §2 E8–E11 and the differential suite's captures):
 * - the REST layer's reading of a job config: absent source/sink lists (Java 17's helpful
 *   NullPointerException), a block of the wrong type (ClassCastException), no `env` (Typesafe's
 *   "No configuration setting found"), table names of the wrong type;
 * - the job parser (MultipleTableJobConfigParser): a missing plugin_name, an unknown plugin, a
 *   factory refusing its options (`ErrorCode:[API-…]`), the complex-graph table checks;
 * - JobMaster.init's JobException with its stack trace: an id already submitted, a non-integral
 *   checkpoint.interval / job.retry.times / …, a tag_filter that is not a map;
 * - stop-jobs: a non-array body ("Json parse list exception!") and an id Jackson reads as Integer
 *   or String (ClassCastException to Long); submit-jobs without `params` and a JSON `null` body
 *   (NullPointerException, no message); a repeated v1 overview tag (Collectors.toMap).
 * Anything else at 5xx is a bug of the simulator.
 */
const DOCUMENTED_500: readonly RegExp[] = [
  /^No configuration setting found for key '[^']+'$/,
  /^Config (of )?'?[\w[\]]+'? must be an object$/,
  / must be a string or a list of strings$/,
  /^Source And Sink can not be null$/,
  /^Cannot invoke "java\.util\.List\.isEmpty\(\)" because "(sources|sinks)" is null$/,
  new RegExp(`^class ${CLASS} cannot be cast to class ${CLASS} \\(${CLASS} and ${CLASS} are in module java\\.base of loader 'bootstrap'\\)$`),
  /^Json parse list exception!$/,
  /^Duplicate key /,
  /^The 'plugin_name' option is not configured, please configure it\.$/,
  /^Plugin PluginIdentifier\{engineType='seatunnel', pluginType='(source|sink)', pluginName='[\s\S]*'\} not found\.$/,
  /^ErrorCode:\[API-\d+\], ErrorDescription:\[[^\]]+\] - /, // a factory's option validation
  // ConfigParserUtil's graph checks (jobs with more than one source, sink or transform).
  /^The source\/transform\([\s\S]*\) is not configured with '(result_table_name|plugin_output)' option$/,
  /^The transform\/sink\([\s\S]*\) is not configured with '(source_table_name|plugin_input)' option$/,
  /^The value of the '(result_table_name|plugin_output)' option of the \([\s\S]*\) plugins is both '[\s\S]*', and they must be different\.$/,
  /^The '(source_table_name|plugin_input)' option configured in \[[\s\S]*\] is incorrect, and the source\/transform\[[\s\S]*\] is not found\.$/,
  /^The '(source_table_name|plugin_input)' option configured is incorrect, this table\([\s\S]*\) belonging to source\/transform\([\s\S]*\) is not used\.$/,
  // JobException and its stack trace (CoordinatorService / JobMaster.init).
  new RegExp(
    '^org\\.apache\\.seatunnel\\.engine\\.common\\.exception\\.JobException: (?:' +
      [
        String.raw`org\.apache\.seatunnel\.engine\.common\.exception\.JobException: The job id -?\d+ has already been submitted and is not starting with a savepoint\.`,
        String.raw`java\.lang\.NumberFormatException: For input string: "[\s\S]*"`,
        String.raw`java\.lang\.IllegalArgumentException: Json parsing exception, value '[\s\S]*', and expected type '[\w.]+'`,
        `java\\.lang\\.ClassCastException: class ${CLASS} cannot be cast to class java\\.util\\.Map \\(${CLASS} and java\\.util\\.Map are in module java\\.base of loader 'bootstrap'\\)`,
      ].join('|') +
      String.raw`)(?:\n\tat [^\n]+)+\n$`,
  ),
];

/** True for a 500 carrying one of SeaTunnel's own messages above (or its message-less NullPointerException). */
export function isDocumented500(answer: { status: number; body: string }): boolean {
  if (answer.status !== 500) return false;
  let message: unknown;
  try {
    message = (JSON.parse(answer.body) as { message?: unknown }).message;
  } catch {
    return false;
  }
  if (message === undefined || message === null) return true; // SeaTunnel's NPE shape
  if (typeof message !== 'string') return false;
  return DOCUMENTED_500.some((pattern) => pattern.test(message as string));
}

/** Counts outcomes by status for the final report. */
export class Tally {
  private readonly counts = new Map<string, number>();
  total = 0;

  add(status: number, documented500 = false): void {
    this.total++;
    const key = status === 0 ? 'closed' : documented500 ? '500 (SeaTunnel\'s own)' : String(status);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  summary(): string {
    const parts = [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`);
    return `${this.total} cases — ${parts.join(', ')}`;
  }
}

/**
 * After a group of hostile cases: every node serves, no job appeared or vanished but the ones
 * submitted on purpose (`accepted`), history kept every entry, and the list views still render.
 */
export async function assertJobsIntact(cluster: LocalCluster, before: ClusterState, accepted: Set<string>, where: string): Promise<void> {
  await assertAllServing(cluster, where);
  for (const node of cluster.nodes) {
    const now = await clusterState(node.url);
    const all = new Set([...now.running, ...now.finished]);
    const expected = new Set([...before.running, ...before.finished, ...accepted]);
    assert.deepEqual([...all].sort(), [...expected].sort(), `jobs after ${where}`);
    for (const id of before.finished) assert.ok(now.finished.includes(id), `history lost ${id} after ${where}`);
    for (const path of ['/overview', '/running-jobs', '/finished-jobs', `${V1}/running-jobs`, `${V1}/finished-jobs`]) {
      assert.equal((await send(node.url, { path })).status, 200, `${path} after ${where}`);
    }
  }
}
