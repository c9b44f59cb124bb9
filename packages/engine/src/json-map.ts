import { notAJsonObject, nullPointer } from './errors.js';
import { isJsonObject, LosslessNumber, type JsonObject, type JsonValue } from './json.js';

/**
 * A parsed request body as SeaTunnel's `JsonUtils.toMap` (Jackson) takes it: an object passes,
 * JSON `null` becomes a Java null that the caller then trips over (NPE → 500), and any other value
 * is Jackson's conversion error (400), worded as Jackson words it.
 */
export function requireJsonObject(value: JsonValue): JsonObject {
  if (isJsonObject(value)) return value;
  if (value === null) throw nullPointer();
  if (Array.isArray(value)) throw notAJsonObject({ token: 'Array value (token `JsonToken.START_ARRAY`)' });
  if (typeof value === 'string') throw notAJsonObject({ string: value });
  if (typeof value === 'boolean') {
    throw notAJsonObject({ token: `Boolean value (token \`JsonToken.VALUE_${value ? 'TRUE' : 'FALSE'}\`)` });
  }
  const text = value instanceof LosslessNumber ? value.toString() : String(value);
  const integral = /^-?\d+$/.test(text);
  throw notAJsonObject({
    token: integral ? 'Integer value (token `JsonToken.VALUE_NUMBER_INT`)' : 'Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)',
  });
}
