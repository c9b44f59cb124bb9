import { request } from 'node:http';
import { atLeast, type Api, type Check, type EndpointId, type Expectation, type PredicateContext, type Release } from './check.js';
import { expectationFor } from './release-changes.js';
import { checkType, contentTypeProblem, equalsAt, keysAt, partialMatch } from './match.js';

export const V1_PREFIX = '/hazelcast/rest/maps';

/** A node under test. */
export interface Target {
  index: number;
  name: string;
  url: string;
  /** "host:port" as in the node's URL. */
  hostPort: string;
}

/** What the checks' placeholders resolve against. */
export interface RunContext {
  /** The release the cluster speaks. */
  release: Release;
  nodes: Target[];
  /** v2 context path, e.g. "/seatunnel". */
  contextPath: string;
  /** Cluster-wide fixtures (job ids, counts). */
  fixtures: Record<string, string | undefined>;
  /** Per-node fixtures (node name, a local log file…), by node index. */
  nodeFixtures: Array<Record<string, string | undefined>>;
}

/** One check on one node through one API: what node:test runs as one test. */
export interface ExpandedCheck {
  check: Check;
  nodeIndex: number;
  api: Api;
  title: string;
}

/** Every check the release has, on every node and API it lists. */
export function expand(checks: readonly Check[], nodeCount: number, release: Release): ExpandedCheck[] {
  const out: ExpandedCheck[] = [];
  for (const check of checks) {
    if (check.since && !atLeast(release, check.since)) continue;
    for (let nodeIndex = 0; nodeIndex < nodeCount; nodeIndex++) {
      if ((check.nodes === 'master' && nodeIndex !== 0) || (check.nodes === 'others' && nodeIndex === 0)) continue;
      for (const api of check.api) {
        out.push({ check, nodeIndex, api, title: `${check.endpoint} ${check.name} [node${nodeIndex + 1} ${api}]` });
      }
    }
  }
  return out;
}

/** Fresh 64-bit job ids above 2^53 for checks that submit with `?jobId=` (unique within a run). */
let idSequence = 0n;
const ID_BASE = 8_000_000_000_000_000_000n + BigInt(Date.now() % 1_000_000_000) * 1000n;
const nextUniqueId = (): string => String(ID_BASE + ++idSequence);

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function lookup(ctx: RunContext, nodeIndex: number, perRun: Record<string, string>): (name: string) => string {
  return (name) => {
    if (name in perRun) return perRun[name]!;
    if (name === 'uniqueId' || name === 'uniqueId2') return (perRun[name] = nextUniqueId());
    const nodeValue = ctx.nodeFixtures[nodeIndex]?.[name];
    if (nodeValue !== undefined) return nodeValue;
    const value = ctx.fixtures[name];
    if (value === undefined) throw new Error(`fixture {${name}} is not available (the setup could not provide it)`);
    return value;
  };
}

function fill(text: string, fx: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => fx(name));
}

/** Fills placeholders in every string of an expected JSON value. */
function fillDeep(value: unknown, fx: (name: string) => string): unknown {
  if (typeof value === 'string') return fill(value, fx);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, fx));
  if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, fx)]));
  }
  return value;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends a request with the path exactly as written (no client-side normalisation of `..` or `%2F`). */
export function send(url: string, method: string, path: string, body?: string, timeoutMillis = 15_000, contentType = 'application/json'): Promise<HttpAnswer> {
  const base = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (body !== undefined) {
      headers['content-type'] = contentType;
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = request({ host: base.hostname, port: base.port, method, path, headers, timeout: timeoutMillis }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMillis} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export function requestPath(check: Check, api: Api, ctx: RunContext, fx: (name: string) => string): string {
  const path = fill(check.path, fx);
  if (check.absolute) return path;
  return api === 'v1' ? `${V1_PREFIX}${path}` : `${ctx.contextPath}${path}`;
}

export interface CheckOutcome {
  request: string;
  status: number;
  problems: string[];
}

/** Runs one expanded check and lists every way the answer differs from the expectation. */
export async function runCheck(expanded: ExpandedCheck, ctx: RunContext): Promise<CheckOutcome> {
  const { check, api, nodeIndex } = expanded;
  const node = ctx.nodes[nodeIndex]!;
  const fx = lookup(ctx, nodeIndex, {});
  const expect: Expectation = expectationFor(check, api, ctx.release);
  const method = check.method ?? 'GET';
  const path = requestPath(check, api, ctx, fx);
  const body = check.body === undefined ? undefined : typeof check.body === 'string' ? fill(check.body, fx) : fill(JSON.stringify(check.body), fx);
  const describeRequest = `${method} ${node.url}${path}${body !== undefined ? ` body=${body.length > 200 ? `${body.slice(0, 200)}…` : body}` : ''}`;
  const started = performance.now();
  const answer = await send(node.url, method, path, body, undefined, check.requestContentType);
  const elapsed = performance.now() - started;
  const problems: string[] = [];
  if (expect.maxMillis !== undefined && elapsed > expect.maxMillis) problems.push(`answered in ${Math.round(elapsed)} ms, expected < ${expect.maxMillis} ms`);
  if (answer.status !== expect.status) problems.push(`status: expected ${expect.status}, got ${answer.status}`);
  if (expect.contentType) {
    const ct = answer.headers['content-type'];
    const problem = contentTypeProblem(Array.isArray(ct) ? ct[0] : ct, expect.contentType);
    if (problem) problems.push(problem);
  }
  if (expect.emptyBody && answer.text !== '') problems.push(`body: expected empty, got ${JSON.stringify(answer.text.slice(0, 200))}`);
  if (expect.text !== undefined) {
    const want = fill(expect.text, fx);
    if (answer.text !== want) problems.push(`body: expected exactly ${want}, got ${answer.text.slice(0, 300)}`);
  }
  for (const part of expect.textIncludes ?? []) {
    const want = fill(part, fx);
    if (!answer.text.includes(want)) problems.push(`body: should contain ${JSON.stringify(want)}`);
  }
  for (const part of expect.textExcludes ?? []) {
    const unwanted = fill(part, fx);
    if (answer.text.includes(unwanted)) problems.push(`body: should not contain ${JSON.stringify(unwanted)}`);
  }
  for (const re of expect.textMatches ?? []) if (!re.test(answer.text)) problems.push(`body: should match ${re}`);

  const needsJson = expect.json !== undefined || expect.equals || expect.types || expect.keys || expect.keyOrder;
  let parsed: unknown;
  let parsedOk = false;
  try {
    parsed = JSON.parse(answer.text);
    parsedOk = true;
  } catch {
    if (needsJson) problems.push(`body: not JSON: ${JSON.stringify(answer.text.slice(0, 200))}`);
  }
  if (parsedOk) {
    if (expect.json !== undefined) problems.push(...partialMatch(parsed, fillDeep(expect.json, fx)));
    for (const [path, value] of Object.entries(expect.equals ?? {})) problems.push(...equalsAt(parsed, path, fillDeep(value, fx)));
    for (const [path, type] of Object.entries(expect.types ?? {})) problems.push(...checkType(parsed, path, type));
    for (const [path, keys] of Object.entries(expect.keys ?? {})) problems.push(...keysAt(parsed, path, keys, false));
    for (const [path, keys] of Object.entries(expect.keyOrder ?? {})) problems.push(...keysAt(parsed, path, keys, true));
  }
  if (expect.predicate && (parsedOk || !needsJson)) {
    const pctx: PredicateContext = { api, release: ctx.release, node, fx, text: answer.text, headers: answer.headers };
    try {
      const problem = expect.predicate(parsedOk ? parsed : undefined, pctx);
      if (problem) problems.push(problem);
    } catch (error) {
      problems.push(`predicate threw: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) problems.push(`(answer: ${answer.status} ${answer.text.length > 400 ? `${answer.text.slice(0, 400)}…` : answer.text})`);
  return { request: describeRequest, status: answer.status, problems };
}

/** Per-endpoint tally for the summary table. */
export interface Tally {
  checks: number;
  expanded: number;
  passed: number;
  failed: number;
}

export function summaryTable(rows: Map<EndpointId, Tally>): string {
  const header = ['endpoint', 'checks', 'expanded', 'passed', 'failed'];
  const order = (id: string) => (id === 'T' ? 100 : Number(id.slice(1)));
  const lines = [...rows.entries()].sort(([a], [b]) => order(a) - order(b)).map(([id, t]) => [id, t.checks, t.expanded, t.passed, t.failed].map(String));
  const total = [...rows.values()].reduce(
    (acc, t) => ({ checks: acc.checks + t.checks, expanded: acc.expanded + t.expanded, passed: acc.passed + t.passed, failed: acc.failed + t.failed }),
    { checks: 0, expanded: 0, passed: 0, failed: 0 },
  );
  lines.push(['total', total.checks, total.expanded, total.passed, total.failed].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n');
}
