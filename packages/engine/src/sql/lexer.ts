/**
 * Splits one SQL statement into tokens the way JSqlParser 4.9's token manager does, for the part of
 * its lexicon a SeaTunnel SQL job uses. Token texts are kept as written: JSqlParser prints
 * identifiers, literals and most operators back as the user wrote them.
 */

/** A statement JSqlParser would not parse (or SeaTunnel's builder would not take); the builder turns it into its one error. */
export class SqlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlSyntaxError';
  }
}

export type SqlTokenKind =
  /** A bare word: identifier or keyword (see `upper`). */
  | 'word'
  /** `"…"` or `` `…` ``, quotes included. */
  | 'quoted'
  /** `'…'`, with its optional prefix (`N'…'`), quotes included. */
  | 'string'
  | 'number'
  /** Operators and punctuation. */
  | 'symbol'
  | 'end';

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  /** The text in upper case, for keyword checks (JSqlParser ignores case). */
  upper: string;
}

// JSqlParser's LETTER/PART_LETTER classes, tested one UTF-16 unit at a time as its Java lexer reads them.
const START = /^[\p{L}\p{Nl}\p{Nd}$#_\u00B7]$/u;
const PART = /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Cf}$#_@\u00B7]$/u;
const DIGIT = /^[0-9]$/;
const isStart = (c: string | undefined): boolean => c !== undefined && START.test(c);
const isPart = (c: string | undefined): boolean => c !== undefined && PART.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT.test(c);

/** Prefixes a string literal may carry (`N'…'`, `E'…'`). */
const STRING_PREFIXES = new Set(['U', 'E', 'N', 'R', 'B', 'RB', '_UTF8']);

/** `CURRENT_DATE` and friends are one token, which swallows a directly following `()`. */
const TIME_KEY = /^CURRENT_(TIMESTAMP|TIME|DATE|TIMEZONE)$/;

/** Operators whose two characters JSqlParser lets whitespace separate (`> =` is `>=`). */
const SPACED_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['>', '='],
  ['<', '='],
  ['<', '>'],
  ['!', '='],
  ['|', '|'],
];

const TIGHT_OPERATORS = ['&&', '::'];

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Length of the longest number (S_LONG or S_DOUBLE) at `at`, 0 if none. */
function numberLength(sql: string, at: number): number {
  const digits = (from: number): number => {
    let i = from;
    while (isDigit(sql[i])) i++;
    return i - from;
  };
  const exponent = (from: number): number => {
    if (sql[from] !== 'e' && sql[from] !== 'E') return 0;
    const sign = sql[from + 1] === '+' || sql[from + 1] === '-' ? 1 : 0;
    const n = digits(from + 1 + sign);
    return n > 0 ? 1 + sign + n : 0;
  };
  const whole = digits(at);
  let end = at + whole;
  if (sql[end] === '.' && (whole > 0 || isDigit(sql[end + 1]))) {
    end += 1 + digits(end + 1);
    end += exponent(end);
    return end - at;
  }
  if (whole === 0) return 0;
  return whole + exponent(end);
}

/**
 * The end of a string literal whose opening quote is at `open`, or -1. JSqlParser takes the longer
 * of two readings: `''` doubling, or backslash escapes; a `\'` in the result is then cut off after
 * the backslash (backslash escapes are off by default), so `'a\'b'` lexes as `'a\'` and goes on at `b`.
 */
function stringEnd(sql: string, open: number): number {
  let doubled = -1;
  for (let i = open + 1; i < sql.length; i++) {
    if (sql[i] !== "'") continue;
    doubled = i + 1;
    if (sql[i + 1] === "'") i++;
    else break;
  }
  let escaped = -1;
  for (let i = open + 1; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") {
      escaped = i + 1;
      break;
    }
    if (c === '\\') {
      if (!/^[ntbrf\\"']$/.test(sql[i + 1] ?? '')) break;
      i++;
    }
  }
  const end = Math.max(doubled, escaped);
  if (end < 0) return -1;
  const cut = sql.slice(open, end).indexOf("\\'");
  return cut < 0 ? end : open + cut + 2;
}

/** The end of a quoted identifier opened at `open` (`"` with `""` doubling, or `` ` ``), or -1. */
function quotedEnd(sql: string, open: number): number {
  const quote = sql[open];
  let end = -1;
  for (let i = open + 1; i < sql.length; i++) {
    const c = sql[i];
    if (c === '\n' || c === '\r') break;
    if (c !== quote) continue;
    if (quote === '`' && i === open + 1) break; // `` is no identifier
    end = i + 1;
    if (quote === '"' && sql[i + 1] === '"') i++;
    else break;
  }
  return end;
}

export function tokenize(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  const push = (kind: SqlTokenKind, text: string): void => {
    tokens.push({ kind, text, upper: text.toUpperCase() });
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (isBlank(c)) {
      i++;
      continue;
    }
    if ((c === '-' && next === '-') || (c === '/' && next === '/')) {
      while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw new SqlSyntaxError('unterminated comment');
      i = close + 2;
      continue;
    }
    if (c === "'") {
      const end = stringEnd(sql, i);
      if (end < 0) throw new SqlSyntaxError('unterminated string');
      push('string', sql.slice(i, end));
      i = end;
      continue;
    }
    if (c === '"' || c === '`') {
      const end = quotedEnd(sql, i);
      if (end < 0) throw new SqlSyntaxError('unterminated quoted identifier');
      push('quoted', sql.slice(i, end));
      i = end;
      continue;
    }
    if (isStart(c) || (c === '.' && isDigit(next))) {
      let wordEnd = i;
      if (isStart(c)) {
        wordEnd = i + 1;
        while (isPart(sql[wordEnd])) wordEnd++;
      }
      const numberEnd = i + numberLength(sql, i);
      if (numberEnd > i && numberEnd >= wordEnd) {
        push('number', sql.slice(i, numberEnd));
        i = numberEnd;
        continue;
      }
      const word = sql.slice(i, wordEnd);
      const upper = word.toUpperCase();
      if (STRING_PREFIXES.has(upper) && sql[wordEnd] === "'") {
        const end = stringEnd(sql, wordEnd);
        if (end < 0) throw new SqlSyntaxError('unterminated string');
        push('string', sql.slice(i, end));
        i = end;
        continue;
      }
      const call = TIME_KEY.test(upper) && sql.startsWith('()', wordEnd) ? 2 : 0;
      push('word', sql.slice(i, wordEnd + call));
      i = wordEnd + call;
      continue;
    }
    const spaced = SPACED_OPERATORS.find(([first]) => first === c);
    if (spaced) {
      let j = i + 1;
      while (isBlank(sql[j])) j++;
      const matched = SPACED_OPERATORS.find(([first, second]) => first === c && sql[j] === second);
      if (matched) {
        push('symbol', sql.slice(i, j + 1));
        i = j + 1;
        continue;
      }
    }
    const tight = TIGHT_OPERATORS.find((op) => sql.startsWith(op, i));
    if (tight) {
      push('symbol', tight);
      i += tight.length;
      continue;
    }
    if ('()[]{},.;=<>+-*/%&|^!?:~@'.includes(c)) {
      push('symbol', c);
      i++;
      continue;
    }
    throw new SqlSyntaxError(`unexpected character ${JSON.stringify(c)}`);
  }
  tokens.push({ kind: 'end', text: '', upper: '' });
  return tokens;
}
