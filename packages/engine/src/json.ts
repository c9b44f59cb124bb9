import { isSafeNumber, LosslessNumber, parse, stringify } from 'lossless-json';
import { javaDoubleToString } from './java-double.js';

/** A JSON value as parsed without precision loss: big integers stay exact. */
export type JsonValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | LosslessNumber
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export { LosslessNumber };

function parseNumber(text: string): number | bigint | LosslessNumber {
  if (isSafeNumber(text)) return Number(text);
  if (/^-?\d+$/.test(text)) return BigInt(text);
  return new LosslessNumber(text);
}

/**
 * The deepest nesting a request body may have. lossless-json parses (and everything downstream
 * renders) recursively, so a body of 100 000 `[` would exhaust the stack; real job configs nest a
 * handful of levels. Deeper bodies are refused as unparsable, before any recursion starts.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * Nesting depth of JSON text in one linear pass (brackets inside strings do not count). Not a
 * validator: it only has to be right for text that would parse.
 */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max && (max = depth) > stopAbove) return max;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return max;
}

/**
 * Parses JSON keeping every digit of 64-bit ids (`{"jobId":733584788375666689}`). Objects get a
 * null prototype, so `__proto__` keys are plain data and cannot pollute anything.
 * @throws SyntaxError on malformed input or nesting deeper than MAX_JSON_DEPTH.
 */
export function parseJson(text: string): JsonValue {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new SyntaxError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return parse(text, (key, value) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof LosslessNumber)) {
      return Object.assign(Object.create(null), value);
    }
    return value;
  }, parseNumber) as JsonValue;
}

/** Serialises values produced by parseJson (bigint and LosslessNumber stay exact). */
export function stringifyJson(value: unknown): string {
  return stringify(value) ?? 'null';
}

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof LosslessNumber);
}

/** Java's `Object.toString()` of a parsed JSON value, as SeaTunnel renders env option values. */
export function javaToString(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : javaDoubleToString(value);
  if (value instanceof LosslessNumber) return value.toString();
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
}
