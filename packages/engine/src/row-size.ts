import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/** Bytes SeaTunnel counts for one field of a SeaTunnelRow (SeaTunnelRow.getBytesSize). */
function fieldSize(type: string, stringLength: number): number {
  const t = type.trim().toLowerCase();
  if (t === 'string' || t === 'bytes') return stringLength;
  if (t === 'tinyint' || t === 'boolean') return 1;
  if (t === 'smallint') return 2;
  if (t === 'int' || t === 'float' || t === 'date') return 4;
  if (t === 'bigint' || t === 'double' || t === 'time' || t === 'timestamp') return 8;
  if (t.startsWith('decimal')) return 36;
  if (t === 'null') return 0;
  // arrays, maps, rows: SeaTunnel sums their elements; the simulator assumes a small fixed size.
  return 16;
}

/** The row of the docs' FakeSource example: a 5-character string and two ints. */
export const DEFAULT_ROW_BYTES = 13;

/** Size of one generated row from a FakeSource-style `schema { fields { name = type } }` block. */
export function rowBytes(schema: JsonValue | undefined, options: JsonObject): number {
  if (!isJsonObject(schema) || !isJsonObject(schema['fields'])) return DEFAULT_ROW_BYTES;
  const stringLength = typeof options['string.length'] === 'number' ? options['string.length'] : 5;
  let total = 0;
  for (const type of Object.values(schema['fields'])) {
    total += typeof type === 'string' ? fieldSize(type, stringLength) : 16;
  }
  return total;
}
