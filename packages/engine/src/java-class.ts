import { isJsonObject, LosslessNumber, type JsonValue } from './json.js';

/** Jackson's class for an integral JSON number: Integer, then Long, then BigInteger, by range. */
function integralClass(value: bigint): string {
  if (value >= -(2n ** 31n) && value < 2n ** 31n) return 'java.lang.Integer';
  if (value >= -(2n ** 63n) && value < 2n ** 63n) return 'java.lang.Long';
  return 'java.math.BigInteger';
}

/** The Java class a parsed JSON value has after Jackson's `toMap`, as a ClassCastException names it. */
export function javaClass(value: JsonValue): string {
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (isJsonObject(value)) return 'java.util.LinkedHashMap';
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'bigint') return integralClass(value);
  if (value instanceof LosslessNumber) {
    const text = value.toString();
    return /^-?\d+$/.test(text) ? integralClass(BigInt(text)) : 'java.lang.Double';
  }
  if (typeof value === 'number') return Number.isInteger(value) ? integralClass(BigInt(value)) : 'java.lang.Double';
  return 'java.lang.Object';
}
