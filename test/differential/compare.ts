import { LosslessNumber, parseJson, stringifyJson, type JsonValue } from '@seatunnel-sim/engine';
import { header, type ExchangeAnswer } from './exchange.js';
import type { IdMap } from './id-map.js';

/** One way the simulator's answer differs from the real engine's. */
export interface Difference {
  /** Where: `status`, `header content-type`, `body`, or a JSON path such as `[0].metrics.SinkWriteCount`. */
  at: string;
  what: string;
  real: string;
  sim: string;
}

/**
 * How a JSON leaf is compared. `exact` after mapping job ids; `count` exact once the job has
 * ended, a decimal string before; the others check the format only, for values that depend on
 * time, load or the machine (rates, timestamps, memory figures).
 */
export type LeafRule = 'exact' | 'count' | 'time' | 'double' | 'long' | 'string' | 'uuid' | 'type' | 'trace';

/** Where a leaf sits: the request's endpoint, its path in the body, and the job it belongs to. */
export interface LeafPlace {
  endpoint: string;
  /** The request's query string ('' for none). */
  query: string;
  /** Path from the body's root, array indexes as `[*]`. */
  path: string;
  /** Path from the enclosing job object (one with jobId and jobStatus), or null outside jobs. */
  inJob: string | null;
  /** Status of the enclosing job. */
  jobStatus: string | null;
}

/** What decides how an answer is compared; see rules.ts. */
export interface CompareRules {
  leaf(place: LeafPlace): LeafRule;
  /** Arrays with one element per cluster member: each of ours is held against the real engine's first. */
  perMember(endpoint: string, path: string): boolean;
  /** Arrays whose length depends on the process (threads): elements are compared by shape only. */
  shapeOnly(endpoint: string, path: string): boolean;
  /** Arrays whose order is not the API's (e.g. a hash set of jar URLs): compared sorted. */
  unordered(endpoint: string, path: string): boolean;
  /** Flags a cluster has on exactly as many members as the real one (`isMaster`): counted per array, not compared per element. */
  memberFlags: readonly string[];
  /** Headers whose value must be the same (lower case); `date` is compared by presence. */
  headers: readonly string[];
  /** Adjusts an expected (real) leaf for the cluster's size, e.g. `workers`. */
  scale(place: LeafPlace, real: string): string;
  /** Rewrites what necessarily differs in a text of the simulator (addresses, homes) before comparing. */
  simText(text: string): string;
  /** Rewrites what necessarily differs in a text of the real engine. */
  realText(text: string): string;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const JAVA_DOUBLE = /^-?(?:\d+\.\d+(?:E-?\d+)?|NaN|Infinity)$/;
const LONG = /^-?\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const END_STATES = new Set(['FINISHED', 'CANCELED', 'FAILED', 'SAVEPOINT_DONE', 'UNKNOWABLE']);

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'bigint' || value instanceof LosslessNumber) return 'number';
  return typeof value;
}

/** Bodies are read without losing 64-bit ids (`[{"jobId":1179863409883021313}]` of stop-jobs). */
const parseBody = (text: string): unknown => parseJson(text);

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (stringifyJson(value as JsonValue) ?? String(value));
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/** The endpoint a request path names: `job-info` for `/hazelcast/rest/maps/job-info/1`, `cluster` for Hazelcast's own. */
export function endpointOf(path: string): string {
  const bare = path.split('?')[0]!;
  const v1 = /^\/hazelcast\/rest\/maps\/([^/]*)/.exec(bare);
  if (v1) return v1[1]!;
  const native = /^\/hazelcast\/(.*)$/.exec(bare);
  if (native) return `hazelcast/${native[1]}`;
  return bare.split('/').filter(Boolean)[0] ?? '';
}

class Walker {
  readonly differences: Difference[] = [];
  /** Leaves and key lists looked at: the suite reports how much it compared. */
  fields = 0;

  constructor(
    private readonly endpoint: string,
    private readonly query: string,
    private readonly rules: CompareRules,
    private readonly ids: IdMap,
  ) {}

  private add(at: string, what: string, real: unknown, sim: unknown): void {
    this.differences.push({ at: at || '(root)', what, real: show(real), sim: show(sim) });
  }

  walk(real: unknown, sim: unknown, at: string, shape: string, job: { path: string; status: string | null } | null): void {
    if (kind(real) !== kind(sim)) {
      this.add(at, `type ${kind(sim)} instead of ${kind(real)}`, real, sim);
      return;
    }
    if (Array.isArray(real)) return this.walkArray(real, sim as unknown[], at, shape, job);
    if (real !== null && typeof real === 'object') return this.walkObject(real as Record<string, unknown>, sim as Record<string, unknown>, at, shape, job);
    this.leaf(real, sim, at, shape, job);
  }

  private walkObject(real: Record<string, unknown>, sim: Record<string, unknown>, at: string, shape: string, job: { path: string; status: string | null } | null): void {
    const realKeys = Object.keys(real);
    const simKeys = Object.keys(sim);
    this.fields++;
    const missing = realKeys.filter((k) => !(k in sim));
    const extra = simKeys.filter((k) => !(k in real));
    if (missing.length) this.add(at, `missing keys ${missing.join(', ')}`, realKeys, simKeys);
    if (extra.length) this.add(at, `extra keys ${extra.join(', ')}`, realKeys, simKeys);
    const common = realKeys.filter((k) => k in sim);
    const simOrder = simKeys.filter((k) => k in real);
    if (common.join('\u0000') !== simOrder.join('\u0000')) this.add(at, 'key order', common, simOrder);
    // A job object: its fields are compared relative to it (listings and job-info alike).
    const isJob = typeof real['jobId'] === 'string' && typeof real['jobStatus'] === 'string';
    const inner = isJob ? { path: '', status: real['jobStatus'] as string } : job;
    for (const key of common) {
      const childAt = at === '' ? key : `${at}.${key}`;
      const childShape = shape === '' ? key : `${shape}.${key}`;
      const childJob = inner ? { path: inner.path === '' ? key : `${inner.path}.${key}`, status: inner.status } : null;
      this.walk(real[key], sim[key], childAt, childShape, childJob);
    }
  }

  private walkArray(real: unknown[], sim: unknown[], at: string, shape: string, job: { path: string; status: string | null } | null): void {
    const elementShape = `${shape}[*]`;
    const elementJob = job ? { path: `${job.path}[*]`, status: job.status } : null;
    if (this.rules.shapeOnly(this.endpoint, shape)) {
      const model = real[0];
      if (model === undefined) return;
      if (sim.length === 0) this.add(at, 'empty array', real.length, 0);
      sim.forEach((element, i) => this.walkShape(model, element, `${at}[${i}]`));
      return;
    }
    if (this.rules.perMember(this.endpoint, shape)) {
      if (real.length === 0 || sim.length === 0) {
        if (real.length !== sim.length) this.add(at, 'members', real.length, sim.length);
        return;
      }
      sim.forEach((element, i) => this.walk(real[Math.min(i, real.length - 1)], element, `${at}[${i}]`, elementShape, elementJob));
      for (const flag of this.rules.memberFlags) {
        const count = (list: unknown[]): number => list.filter((e) => [true, 'true'].includes((e as Record<string, unknown> | null)?.[flag] as never)).length;
        if (count(real) !== count(sim)) this.add(`${at}[*].${flag}`, 'members with the flag set', count(real), count(sim));
      }
      return;
    }
    if (this.rules.unordered(this.endpoint, shape)) {
      const byText = (a: unknown, b: unknown): number => (stringifyJson(a as JsonValue) ?? '').localeCompare(stringifyJson(b as JsonValue) ?? '');
      real = [...real].sort(byText);
      sim = [...sim].sort(byText);
    }
    const jobIdOf = (element: unknown): string | undefined =>
      element !== null && typeof element === 'object' && !Array.isArray(element) && typeof (element as Record<string, unknown>)['jobId'] === 'string'
        ? ((element as Record<string, unknown>)['jobId'] as string)
        : undefined;
    if (real.length > 0 && real.every((e) => jobIdOf(e) !== undefined)) {
      // Jobs are matched by id (mapped), then their order is compared.
      const simById = new Map(sim.map((e) => [this.ids.simTextToReal(jobIdOf(e) ?? ''), e]));
      const realIds = real.map((e) => jobIdOf(e)!);
      const simIds = sim.map((e) => this.ids.simTextToReal(jobIdOf(e) ?? ''));
      const missing = realIds.filter((id) => !simById.has(id));
      const extra = simIds.filter((id) => !realIds.includes(id));
      if (missing.length || extra.length) this.add(at, `jobs differ (missing ${missing.join(',') || '-'}; extra ${extra.join(',') || '-'})`, realIds, simIds);
      else if (!sameOrder(real, sim, realIds, simIds)) this.add(at, 'job order', realIds, simIds);
      real.forEach((element, i) => {
        const twin = simById.get(realIds[i]!);
        if (twin !== undefined) this.walk(element, twin, `${at}[${i}]`, elementShape, elementJob);
      });
      return;
    }
    if (real.length !== sim.length) {
      this.add(at, `length ${sim.length} instead of ${real.length}`, real, sim);
      return;
    }
    real.forEach((element, i) => this.walk(element, sim[i], `${at}[${i}]`, elementShape, elementJob));
  }

  /** Same keys, key order and leaf types; values free. */
  private walkShape(model: unknown, sim: unknown, at: string): void {
    if (kind(model) !== kind(sim)) {
      this.add(at, `type ${kind(sim)} instead of ${kind(model)}`, model, sim);
      return;
    }
    if (model !== null && typeof model === 'object' && !Array.isArray(model)) {
      const realKeys = Object.keys(model);
      const simKeys = Object.keys(sim as object);
      if (realKeys.join() !== simKeys.join()) this.add(at, 'keys', realKeys, simKeys);
    }
  }

  private leaf(real: unknown, sim: unknown, at: string, shape: string, job: { path: string; status: string | null } | null): void {
    this.fields++;
    const place: LeafPlace = { endpoint: this.endpoint, query: this.query, path: shape, inJob: job?.path ?? null, jobStatus: job?.status ?? null };
    const rule = this.rules.leaf(place);
    if (typeof real !== 'string' || typeof sim !== 'string') {
      // Numbers compared by their text, so 64-bit ids stay exact and map between the sides.
      const same = kind(real) === 'number' ? String(real) === this.ids.simTextToReal(String(sim)) : real === sim;
      if (rule !== 'type' && rule !== 'long' && !same) this.add(at, 'value', real, sim);
      return;
    }
    const format = (pattern: RegExp, name: string): void => {
      if (!pattern.test(sim)) this.add(at, `not ${name}`, real, sim);
    };
    switch (rule) {
      case 'time': return format(TIME, 'a yyyy-MM-dd HH:mm:ss time');
      case 'double': return format(JAVA_DOUBLE, "a Java double's text");
      case 'long': return format(LONG, 'a decimal integer');
      case 'uuid': return format(UUID, 'a UUID');
      case 'string':
      case 'type':
        return;
      case 'count':
        if (!END_STATES.has(job?.status ?? '')) return format(LONG, 'a decimal integer');
        break;
      case 'trace': {
        // A Java stack trace: the exception line is compared, the frames below it are the JVM's.
        const head = (text: string): string => text.split('\n\tat ')[0]!;
        const expected = head(this.rules.realText(real));
        const actual = head(this.rules.simText(this.ids.simTextToReal(sim)));
        if (expected !== actual) this.add(at, 'exception', expected, actual);
        return;
      }
      case 'exact':
        break;
    }
    const expected = this.rules.scale(place, this.rules.realText(real));
    const actual = this.rules.simText(this.ids.simTextToReal(sim));
    if (expected !== actual) this.add(at, 'value', expected, actual);
  }
}

/**
 * Whether the simulator lists jobs in the real engine's order. Both sort ended jobs by finish time,
 * and how long a job runs is the machine's, not the API's (finish times are compared by format
 * only). So two jobs may come in the other order when that is their order by finish time on one
 * side: equal `finishTime` text on either side (which of two jobs stopped within one second ends
 * first is a race on the real engine too), or the simulator's own finish times in the order it
 * listed them (its job simply ended sooner). An inversion the simulator's own finish times do not
 * explain is a difference.
 */
function sameOrder(real: unknown[], sim: unknown[], realIds: string[], simIds: string[]): boolean {
  const finishOf = (e: unknown): unknown => (e as Record<string, unknown>)['finishTime'];
  const realFinish = real.map(finishOf);
  const simIndex = new Map(simIds.map((id, i) => [id, i]));
  const simFinish = new Map(simIds.map((id, i) => [id, finishOf(sim[i])]));
  for (let i = 0; i < realIds.length; i++) {
    for (let j = i + 1; j < realIds.length; j++) {
      if (realFinish[i] !== undefined && realFinish[i] === realFinish[j]) continue;
      if (simIndex.get(realIds[i]!)! < simIndex.get(realIds[j]!)!) continue;
      // The simulator put j first: fine only if its own finish times say j ended first (or together).
      const [fi, fj] = [simFinish.get(realIds[i]!), simFinish.get(realIds[j]!)];
      if (typeof fi === 'string' && typeof fj === 'string' && fj <= fi) continue;
      return false;
    }
  }
  return true;
}

const isJsonType = (contentType: string | undefined): boolean => contentType !== undefined && /json/i.test(contentType);

export interface Comparison {
  differences: Difference[];
  /** Status line, headers, keys and leaves compared. */
  fields: number;
}

/** Compares one answer of the simulator with the real engine's answer to the same request. */
export function compareAnswers(
  endpoint: string,
  query: string,
  real: ExchangeAnswer,
  sim: ExchangeAnswer,
  rules: CompareRules,
  ids: IdMap,
  options: { bodyComplete?: boolean; head?: boolean } = {},
): Comparison {
  const differences: Difference[] = [];
  const base = 2 + rules.headers.length;
  if (real.status !== sim.status) differences.push({ at: 'status', what: 'status code', real: String(real.status), sim: String(sim.status) });
  else if (real.reason !== sim.reason) differences.push({ at: 'status', what: 'reason phrase', real: real.reason, sim: sim.reason });
  for (const name of rules.headers) {
    const r = header(real, name);
    const s = header(sim, name);
    if (r !== s) differences.push({ at: `header ${name}`, what: r === undefined ? 'extra header' : s === undefined ? 'missing header' : 'value', real: r ?? '(none)', sim: s ?? '(none)' });
  }
  if ((header(real, 'date') === undefined) !== (header(sim, 'date') === undefined)) {
    differences.push({ at: 'header date', what: 'presence', real: header(real, 'date') ?? '(none)', sim: header(sim, 'date') ?? '(none)' });
  }
  // A HEAD answer has no body (a recorder waiting for the announced bytes may have kept something else).
  if (options.head) return { differences, fields: base };
  if (options.bodyComplete === false) {
    // Only the first bytes were recorded: compare the first element's shape at most.
    const partial = comparePartial(endpoint, query, real.body, sim.body, rules, ids);
    return { differences: differences.concat(partial.differences), fields: base + partial.fields };
  }
  let realJson: unknown;
  let simJson: unknown;
  let parsed = false;
  if (isJsonType(header(real, 'content-type')) && real.body !== '') {
    try {
      realJson = parseBody(real.body);
      simJson = parseBody(sim.body);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (parsed) {
    const walker = new Walker(endpoint, query, rules, ids);
    walker.walk(realJson, simJson, '', '', null);
    return { differences: differences.concat(walker.differences), fields: base + walker.fields };
  }
  const expected = rules.realText(real.body);
  const actual = rules.simText(ids.simTextToReal(sim.body));
  if (expected !== actual) differences.push({ at: 'body', what: 'text', real: show(expected), sim: show(actual) });
  return { differences, fields: base + 1 };
}

/** A recording that kept only a body's first bytes (thread lists): both must be arrays of objects with the same keys. */
function comparePartial(endpoint: string, query: string, realBody: string, simBody: string, rules: CompareRules, ids: IdMap): { differences: Difference[]; fields: number } {
  const firstObject = (text: string): string | undefined => /^\[(\{[^{}]*\})/.exec(text)?.[1];
  const r = firstObject(realBody);
  let simJson: unknown;
  try {
    simJson = parseBody(simBody);
  } catch {
    return { differences: [{ at: 'body', what: 'not JSON', real: show(realBody), sim: show(simBody) }], fields: 1 };
  }
  if (!r) return { differences: [], fields: 0 };
  const walker = new Walker(endpoint, query, rules, ids);
  walker.walk([parseBody(r)], Array.isArray(simJson) ? simJson.slice(0, 1) : simJson, '', '', null);
  return { differences: walker.differences, fields: walker.fields };
}
