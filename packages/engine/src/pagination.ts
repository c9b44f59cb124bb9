import { numberFormat, SeaTunnelError } from './errors.js';
import { javaParseIntegral } from './env-options.js';

/** The rows of a page when `rows` is not given (PageBaseServlet). */
export const DEFAULT_PAGE_ROWS = 10;

/** Which slice of a listing a page is: `[from, to)`. */
export interface PageSlice {
  from: number;
  to: number;
}

/** `Integer.parseInt`, with its NumberFormatException as SeaTunnel passes it on (400). */
function parseJavaInt(text: string): number {
  const value = javaParseIntegral(text, 32);
  if (value === null) throw numberFormat(text);
  return Number(value);
}

/** Java's int arithmetic: wraps at 32 bits. */
const int = (value: number): number => value | 0;

/**
 * The page of a listing of `total` jobs that `page` and `rows` ask for, checked as SeaTunnel
 * 2.3.13's PageBaseServlet checks it (apache/seatunnel#9951): numbers read by Integer.parseInt,
 * a page before the first or starting past the end is refused (400), and List.subList's own range
 * checks apply to what gets through (a negative `rows` on the first page: 400; on a later page the
 * start is negative: IndexOutOfBoundsException, a 500).
 */
export function pageSlice(page: string, rows: string | undefined, total: number): PageSlice {
  const number = parseJavaInt(page);
  const size = rows === undefined ? DEFAULT_PAGE_ROWS : parseJavaInt(rows);
  const from = Math.imul(int(number - 1), size);
  if (from > total || number < 1) {
    throw new SeaTunnelError(400, number < 1 ? 'Page number must be greater than 0' : 'Page number exceeds total pages');
  }
  const to = Math.min(int(from + size), total);
  if (from < 0) throw new SeaTunnelError(500, `fromIndex = ${from}`);
  if (from > to) throw new SeaTunnelError(400, `fromIndex(${from}) > toIndex(${to})`);
  return { from, to };
}
