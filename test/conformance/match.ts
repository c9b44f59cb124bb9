import { isDeepStrictEqual } from 'node:util';
import type { LeafType, TypeSpec } from './check.js';

/** One step of a path: an object key, an array index, or `*` (every element / every value). */
type Step = { key: string } | { index: number } | { any: true };

/**
 * Parses `a.b[0].c`, `[*].jobId`, `metrics.TableSinkWriteCount.*`, `["heap.memory.used/total"]`.
 * '' is the root.
 */
export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i]!;
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`bad path ${path}`);
      const inner = path.slice(i + 1, end);
      if (inner === '*') steps.push({ any: true });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else steps.push({ key: JSON.parse(inner) as string });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    const word = path.slice(i, end);
    steps.push(word === '*' ? { any: true } : { key: word });
    i = end;
  }
  return steps;
}

const ABSENT = Symbol('absent');

/** Every value a path reaches, with its concrete path; a missing key yields ABSENT. */
export function select(root: unknown, path: string): Array<{ at: string; value: unknown }> {
  let current: Array<{ at: string; value: unknown }> = [{ at: '', value: root }];
  for (const step of parsePath(path)) {
    const next: Array<{ at: string; value: unknown }> = [];
    for (const { at, value } of current) {
      if ('any' in step) {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ at: `${at}[${i}]`, value: v }));
        else if (value !== null && typeof value === 'object') {
          for (const [k, v] of Object.entries(value)) next.push({ at: `${at}.${JSON.stringify(k)}`, value: v });
        }
      } else if ('index' in step) {
        next.push({ at: `${at}[${step.index}]`, value: Array.isArray(value) && step.index < value.length ? value[step.index] : ABSENT });
      } else {
        const has = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step.key);
        next.push({ at: `${at}.${step.key}`, value: has ? (value as Record<string, unknown>)[step.key] : ABSENT });
      }
    }
    current = next;
  }
  return current;
}

const JAVA_DOUBLE = /^-?(?:\d+\.\d+(?:E-?\d+)?|NaN|Infinity)$/;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function describe(value: unknown): string {
  if (value === ABSENT) return 'absent';
  return `${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value} ${JSON.stringify(value)?.slice(0, 80)}`;
}

function hasType(value: unknown, type: LeafType): boolean {
  switch (type) {
    case 'absent': return value === ABSENT;
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'jobId': return typeof value === 'string' && /^-?\d+$/.test(value);
    case 'long': return typeof value === 'string' && /^-?\d+$/.test(value);
    case 'double': return typeof value === 'string' && JAVA_DOUBLE.test(value);
    case 'time': return typeof value === 'string' && TIME.test(value);
  }
}

/** Checks one `types` entry; returns the problems found. */
export function checkType(root: unknown, path: string, spec: TypeSpec): string[] {
  const optional = spec.endsWith('?');
  const type = (optional ? spec.slice(0, -1) : spec) as LeafType;
  const hits = select(root, path);
  if (hits.length === 0) return optional ? [] : [`${path}: nothing there (expected ${type})`];
  return hits.filter(({ value }) => !hasType(value, type)).map(({ at, value }) => `${at || '<root>'}: expected ${type}, got ${describe(value)}`);
}

/** Partial deep match: every key of `expected` must match; arrays must have the same length. */
export function partialMatch(actual: unknown, expected: unknown, at = ''): string[] {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at || '<root>'}: expected an object, got ${describe(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) =>
      Object.prototype.hasOwnProperty.call(actual, k)
        ? partialMatch((actual as Record<string, unknown>)[k], v, `${at}.${k}`)
        : [`${at}.${k}: missing (expected ${JSON.stringify(v)?.slice(0, 80)})`],
    );
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at || '<root>'}: expected an array, got ${describe(actual)}`];
    if (actual.length !== expected.length) return [`${at || '<root>'}: expected ${expected.length} elements, got ${actual.length}`];
    return expected.flatMap((v, i) => partialMatch(actual[i], v, `${at}[${i}]`));
  }
  return isDeepStrictEqual(actual, expected) ? [] : [`${at || '<root>'}: expected ${JSON.stringify(expected)}, got ${describe(actual)}`];
}

/** Exact equality at a path (a missing value never equals). */
export function equalsAt(root: unknown, path: string, expected: unknown): string[] {
  const hits = select(root, path);
  if (hits.length === 0) return [`${path}: nothing there`];
  return hits
    .filter(({ value }) => !isDeepStrictEqual(value, expected))
    .map(({ at, value }) => `${at || '<root>'}: expected exactly ${JSON.stringify(expected)?.slice(0, 300)}, got ${describe(value)}`);
}

/** Key set or key order of every object a path reaches. */
export function keysAt(root: unknown, path: string, expected: readonly string[], ordered: boolean): string[] {
  const hits = select(root, path);
  if (hits.length === 0) return [`${path}: nothing there`];
  const problems: string[] = [];
  for (const { at, value } of hits) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${at || '<root>'}: expected an object, got ${describe(value)}`);
      continue;
    }
    const actual = Object.keys(value);
    const ok = ordered ? isDeepStrictEqual(actual, [...expected]) : isDeepStrictEqual([...actual].sort(), [...expected].sort());
    if (!ok) problems.push(`${at || '<root>'}: expected keys ${ordered ? 'in order ' : ''}${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return problems;
}

/** `application/json;charset=UTF-8` vs the header: media type always, charset only when expected names one. */
export function contentTypeProblem(header: string | undefined, expected: string): string | null {
  const parse = (value: string) => {
    const [media, ...params] = value.split(';').map((s) => s.trim().toLowerCase());
    const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    return { media: media ?? '', charset };
  };
  if (!header) return `Content-Type: expected ${expected}, got none`;
  const want = parse(expected);
  const got = parse(header);
  if (got.media !== want.media || (want.charset !== undefined && got.charset !== want.charset)) {
    return `Content-Type: expected ${expected}, got ${header}`;
  }
  return null;
}
