import { javaPresizedHashMapOrder } from '../java-hash-map.js';

/**
 * JSON as `new Gson().toJson(…)` writes it, which the REST servlets SeaTunnel added from 2.3.13 on
 * use (pending-jobs, resource/workers, option-rules, realtime metrics): fields in declaration
 * order, null fields left out, numbers bare, strings HTML-escaped. Answers are built as a small
 * tree first, so a caller can rewrite it (pending-jobs' pretty mode) before writing.
 */
export type GsonTree =
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'array'; items: GsonTree[] }
  | { kind: 'object'; members: [string, GsonTree][] };

export const num = (value: number | string): GsonTree => ({ kind: 'number', text: String(value) });
export const str = (value: string): GsonTree => ({ kind: 'string', value });
export const bool = (value: boolean): GsonTree => ({ kind: 'boolean', value });
export const arr = <T>(items: readonly T[], each: (item: T) => GsonTree): GsonTree => ({ kind: 'array', items: items.map(each) });

/** An object of the given members in order; a member whose value is undefined is left out (Gson skips nulls). */
export function obj(members: [string, GsonTree | undefined][]): GsonTree {
  return { kind: 'object', members: members.filter((m): m is [string, GsonTree] => m[1] !== undefined) };
}

export const optional = <T>(value: T | undefined | null, render: (v: T) => GsonTree): GsonTree | undefined =>
  value === undefined || value === null ? undefined : render(value);

/** A `Map<String,String>` SeaTunnel fills by copying another map (`new HashMap<>(tags)`): HashMap key order. */
export function stringMap(map: Record<string, string>): GsonTree {
  return obj(javaPresizedHashMapOrder(Object.keys(map)).map((key): [string, GsonTree] => [key, str(map[key]!)]));
}

const GSON_ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\t': '\\t', '\b': '\\b', '\n': '\\n', '\r': '\\r', '\f': '\\f',
  '\u2028': '\\u2028', '\u2029': '\\u2029',
  // Gson's HTML-safe default.
  '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '=': '\\u003d', "'": '\\u0027',
};

/** A string as Gson's JsonWriter writes it (HTML-safe): other control characters as \u00xx. */
export function gsonString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/["\\<>&='\u0000-\u001f\u2028\u2029]/g, (c) => GSON_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

/** Gson's compact writer, or its pretty printer (two-space indent, `"name": value`, empty containers as `[]`/`{}`). */
export function gsonWrite(tree: GsonTree, pretty: boolean, depth = 0): string {
  switch (tree.kind) {
    case 'number':
      return tree.text;
    case 'string':
      return gsonString(tree.value);
    case 'boolean':
      return String(tree.value);
    case 'array':
    case 'object': {
      const [open, close] = tree.kind === 'array' ? ['[', ']'] : ['{', '}'];
      const parts =
        tree.kind === 'array'
          ? tree.items.map((item) => gsonWrite(item, pretty, depth + 1))
          : tree.members.map(([key, value]) => `${gsonString(key)}:${pretty ? ' ' : ''}${gsonWrite(value, pretty, depth + 1)}`);
      if (parts.length === 0) return open + close;
      if (!pretty) return open + parts.join(',') + close;
      const inner = '\n' + '  '.repeat(depth + 1);
      return open + inner + parts.join(',' + inner) + '\n' + '  '.repeat(depth) + close;
    }
  }
}

