/** Java's integer parsing (Long.parseLong, Integer.parseInt) over ASCII digits, with an optional sign. */
const JAVA_INTEGER = /^[+-]?\d+$/;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Long.parseLong: the value, or null where Java throws NumberFormatException. */
export function javaParseLong(raw: string): bigint | null {
  if (!JAVA_INTEGER.test(raw)) return null;
  const value = BigInt(raw);
  return value < LONG_MIN || value > LONG_MAX ? null : value;
}

/** Integer.parseInt: the value, or null where Java throws NumberFormatException. */
export function javaParseInt(raw: string): number | null {
  if (!JAVA_INTEGER.test(raw)) return null;
  const value = Number(raw);
  return value < INT_MIN || value > INT_MAX ? null : value;
}
