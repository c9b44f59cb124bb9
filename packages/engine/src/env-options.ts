import { SeaTunnelError } from './errors.js';
import { javaToString, LosslessNumber, type JsonValue } from './json.js';

/**
 * Typed options as SeaTunnel's ReadonlyConfig converts them (ConfigUtil.convertValue): a direct
 * conversion first (enums by upper-cased name, integers by parseInt), then Jackson on the raw value
 * as JSON text, else an IllegalArgumentException that the REST layer answers with 400.
 */

/** `Json parsing exception, value '<raw>', and expected type '<type>'` (400). */
export const jsonParsing = (raw: JsonValue, type: string): SeaTunnelError =>
  new SeaTunnelError(400, `Json parsing exception, value '${javaToString(raw)}', and expected type '${type}'`);

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** A JSON number's text (Jackson's view of a number, or of a string that reads as one). */
function numberText(raw: JsonValue): string | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : null;
  if (typeof raw === 'bigint' || raw instanceof LosslessNumber) return raw.toString();
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    return JSON_NUMBER.test(trimmed) ? trimmed : null;
  }
  return null;
}

/** An Integer option: parseInt, or Jackson's number coercion (`" 5"` → 5, `1.5` → 1); overflow and the rest fail. */
export function readIntOption(raw: JsonValue): number {
  if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw)) {
    const value = BigInt(raw);
    if (value >= INT_MIN && value <= INT_MAX) return Number(value);
  }
  const text = numberText(raw);
  if (text !== null) {
    // A double past Double.MAX_VALUE (1e400) is out of int's range like any other large one.
    const asDouble = Number(text);
    const truncated = /^-?\d+$/.test(text) ? BigInt(text) : Number.isFinite(asDouble) ? BigInt(Math.trunc(asDouble)) : null;
    if (truncated !== null && truncated >= INT_MIN && truncated <= INT_MAX) return Number(truncated);
  }
  throw jsonParsing(raw, 'java.lang.Integer');
}

/** `job.mode`: BATCH or STREAMING by name in any case, or by ordinal (Jackson reads `1` as STREAMING). */
export function readJobMode(raw: JsonValue | undefined): 'BATCH' | 'STREAMING' {
  if (raw === undefined || raw === null) return 'BATCH';
  const name = javaToString(raw).toUpperCase();
  if (name === 'BATCH' || name === 'STREAMING') return name;
  const text = numberText(raw);
  if (text === '0') return 'BATCH';
  if (text === '1') return 'STREAMING';
  throw jsonParsing(raw, 'org.apache.seatunnel.common.constants.JobMode');
}

/** What `Integer.parseInt(value.toString())` / `Long.parseLong(...)` make of an option at job init; null = it throws. */
export function javaParseIntegral(raw: JsonValue, bits: 32 | 64): bigint | null {
  const text = javaToString(raw);
  if (!/^[+-]?\d+$/.test(text)) return null;
  const value = BigInt(text);
  const limit = 2n ** BigInt(bits - 1);
  return value >= -limit && value < limit ? value : null;
}

/** SaveModeExecuteLocation by name, any case. */
export function isSaveModeLocation(raw: JsonValue): boolean {
  const name = javaToString(raw).toUpperCase();
  return name === 'CLIENT' || name === 'CLUSTER';
}
