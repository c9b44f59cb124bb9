import { numberFormat } from './errors.js';
import { javaParseLong } from './java-numbers.js';

/**
 * Parses a job id the way Java's `Long.parseLong` does and returns its canonical decimal text.
 * Job ids are 64-bit Flake ids (> 2^53), so they never pass through a JS number.
 * @throws SeaTunnelError 400 `For input string: "<raw>"` as SeaTunnel answers.
 */
export function parseJobId(raw: string): string {
  const value = javaParseLong(raw);
  if (value === null) throw numberFormat(raw);
  return value.toString();
}
