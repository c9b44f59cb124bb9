import { numberFormat } from './errors.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const JAVA_LONG = /^[+-]?\d+$/;

/**
 * Parses a job id the way Java's `Long.parseLong` does and returns its canonical decimal text.
 * Job ids are 64-bit Flake ids (> 2^53), so they never pass through a JS number.
 * @throws SeaTunnelError 400 `For input string: "<raw>"` as SeaTunnel answers.
 */
export function parseJobId(raw: string): string {
  if (!JAVA_LONG.test(raw)) throw numberFormat(raw);
  const value = BigInt(raw);
  if (value < LONG_MIN || value > LONG_MAX) throw numberFormat(raw);
  return value.toString();
}
