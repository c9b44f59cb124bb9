import type { Cursor } from './cursor.js';
import { SqlSyntaxError } from './lexer.js';

/**
 * SQL expressions as far as a SeaTunnel SQL job writes them (select items, WHERE, GROUP BY,
 * ORDER BY, join conditions): enough of JSqlParser's grammar to accept what it accepts there and
 * refuse malformed text. Each parse returns the expression printed back roughly as JSqlParser's
 * deparser does (keywords upper case, one space around operators); the text only fills the
 * generated Sql transform's `query`, which nothing else reads.
 */

/** What a parsed expression is, for the builder's one question about it (is it a bare column?). */
export interface SqlExpression {
  text: string;
  /** The column name when the expression is a plain (possibly qualified) column reference. */
  column: string | null;
}

/** A nested SELECT (`IN (SELECT …)`, `EXISTS (…)`); select.ts provides it, breaking the import cycle. */
export type SubSelectParser = (cursor: Cursor) => string;

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '<=>']);
const ADDITIVE = new Set(['+', '-', '||', '&', '|', '^']);
const MULTIPLICATIVE = new Set(['*', '/', '%']);
const LIKE_WORDS = new Set(['LIKE', 'ILIKE', 'RLIKE', 'REGEXP', 'SIMILAR']);
/** Words that open a typed literal: `DATE '2020-01-01'`. */
const TYPED_LITERALS = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);
const INTERVAL_UNITS = new Set(['YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND']);

/** Normalises the whitespace inside a type written in CAST (`varchar (10)` → `varchar(10)`). */
function typeText(cursor: Cursor): string {
  const first = cursor.peek();
  if (first.kind !== 'word' && first.kind !== 'quoted') cursor.fail();
  const parts = [cursor.next().text];
  while (cursor.peek().kind === 'word') parts.push(cursor.next().text); // `double precision`, `character varying`
  let text = parts.join(' ');
  if (cursor.acceptSymbol('(')) {
    const args: string[] = [];
    do {
      const token = cursor.next();
      if (token.kind !== 'number' && token.kind !== 'word') cursor.fail();
      args.push(token.text);
    } while (cursor.acceptSymbol(','));
    cursor.expectSymbol(')');
    text += `(${args.join(', ')})`;
  }
  return text;
}

export class ExpressionParser {
  constructor(
    private readonly cursor: Cursor,
    private readonly subSelect: SubSelectParser,
  ) {}

  expression(): SqlExpression {
    return this.or();
  }

  /** `a, b, c` */
  list(): string[] {
    const items = [this.expression().text];
    while (this.cursor.acceptSymbol(',')) items.push(this.expression().text);
    return items;
  }

  private binary(operand: () => SqlExpression, isOperator: () => string | null): SqlExpression {
    let left = operand();
    for (let op = isOperator(); op !== null; op = isOperator()) {
      const right = operand();
      left = { text: `${left.text} ${op} ${right.text}`, column: null };
    }
    return left;
  }

  private or(): SqlExpression {
    return this.binary(() => this.and(), () => (this.cursor.acceptWord('OR') ? 'OR' : this.cursor.acceptWord('XOR') ? 'XOR' : null));
  }

  private and(): SqlExpression {
    return this.binary(() => this.not(), () => (this.cursor.acceptWord('AND') ? 'AND' : this.cursor.acceptSymbol('&&') ? '&&' : null));
  }

  private not(): SqlExpression {
    if (this.cursor.acceptWord('NOT')) return { text: `NOT ${this.not().text}`, column: null };
    if (this.cursor.acceptSymbol('!')) return { text: `!${this.not().text}`, column: null };
    return this.predicate();
  }

  private predicate(): SqlExpression {
    const left = this.additive();
    const c = this.cursor;
    const symbol = c.peek();
    if (symbol.kind === 'symbol' && COMPARISONS.has(symbol.text.replace(/\s+/g, ''))) {
      c.next();
      return { text: `${left.text} ${symbol.text.replace(/\s+/g, '')} ${this.additive().text}`, column: null };
    }
    if (c.acceptWord('IS')) {
      const not = c.acceptWord('NOT') ? 'NOT ' : '';
      const what = c.acceptWord('NULL') ?? c.acceptWord('TRUE') ?? c.acceptWord('FALSE') ?? c.fail();
      return { text: `${left.text} IS ${not}${what.upper}`, column: null };
    }
    if (c.isWord('ISNULL') || c.isWord('NOTNULL')) return { text: `${left.text} ${c.next().upper}`, column: null };
    const not = c.isWord('NOT') && (c.isWord('IN', 1) || c.isWord('BETWEEN', 1) || (c.peek(1).kind === 'word' && LIKE_WORDS.has(c.peek(1).upper))) ? (c.next(), 'NOT ') : '';
    if (c.acceptWord('IN')) {
      c.expectSymbol('(');
      const inner = c.isWord('SELECT') ? this.subSelect(c) : this.list().join(', ');
      c.expectSymbol(')');
      return { text: `${left.text} ${not}IN (${inner})`, column: null };
    }
    if (c.acceptWord('BETWEEN')) {
      const low = this.additive();
      c.expectWord('AND');
      const high = this.additive();
      return { text: `${left.text} ${not}BETWEEN ${low.text} AND ${high.text}`, column: null };
    }
    if (c.peek().kind === 'word' && LIKE_WORDS.has(c.peek().upper)) {
      const word = c.next().upper;
      if (word === 'SIMILAR') c.expectWord('TO');
      let text = `${left.text} ${not}${word === 'SIMILAR' ? 'SIMILAR TO' : word} ${this.additive().text}`;
      if (c.acceptWord('ESCAPE')) {
        const escape = c.next();
        if (escape.kind !== 'string') c.fail();
        text += ` ESCAPE ${escape.text}`;
      }
      return { text, column: null };
    }
    if (not) c.fail();
    return left;
  }

  private additive(): SqlExpression {
    return this.binary(() => this.multiplicative(), () => this.operator(ADDITIVE));
  }

  private multiplicative(): SqlExpression {
    return this.binary(() => this.unary(), () => this.operator(MULTIPLICATIVE) ?? (this.cursor.acceptWord('DIV') ? 'DIV' : null));
  }

  private operator(set: ReadonlySet<string>): string | null {
    const token = this.cursor.peek();
    if (token.kind !== 'symbol' || !set.has(token.text.replace(/\s+/g, ''))) return null;
    this.cursor.next();
    return token.text.replace(/\s+/g, '');
  }

  private unary(): SqlExpression {
    const c = this.cursor;
    if (c.isSymbol('-') || c.isSymbol('+') || c.isSymbol('~')) {
      const sign = c.next().text;
      return { text: `${sign}${this.unary().text}`, column: null };
    }
    const primary = this.primary();
    if (c.acceptSymbol('::')) return { text: `${primary.text}::${typeText(c)}`, column: null };
    return primary;
  }

  private primary(): SqlExpression {
    const c = this.cursor;
    const token = c.peek();
    switch (token.kind) {
      case 'number':
      case 'string':
        c.next();
        return { text: token.text, column: null };
      case 'symbol':
        if (c.acceptSymbol('?')) return { text: '?', column: null };
        if (c.isSymbol(':') && c.peek(1).kind === 'word') {
          c.next();
          return { text: `:${c.next().text}`, column: null };
        }
        if (c.acceptSymbol('(')) {
          const inner = c.isWord('SELECT') ? this.subSelect(c) : this.list().join(', ');
          c.expectSymbol(')');
          return { text: `(${inner})`, column: null };
        }
        return c.fail();
      case 'end':
        return c.fail();
      default:
        return this.wordPrimary();
    }
  }

  private wordPrimary(): SqlExpression {
    const c = this.cursor;
    const token = c.peek();
    if (token.kind === 'word') {
      switch (token.upper) {
        case 'NULL':
          c.next();
          return { text: 'NULL', column: null };
        case 'TRUE':
        case 'FALSE':
          c.next();
          return { text: token.text, column: null };
        case 'CASE':
          return this.caseExpression();
        case 'CAST':
        case 'TRY_CAST':
        case 'SAFE_CAST':
          return this.cast();
        case 'EXISTS': {
          c.next();
          c.expectSymbol('(');
          const inner = this.subSelect(c);
          c.expectSymbol(')');
          return { text: `EXISTS (${inner})`, column: null };
        }
        case 'INTERVAL': {
          c.next();
          const value = c.next();
          if (value.kind !== 'string' && value.kind !== 'number') c.fail();
          const unit = c.peek().kind === 'word' && INTERVAL_UNITS.has(c.peek().upper) ? ` ${c.next().text}` : '';
          return { text: `INTERVAL ${value.text}${unit}`, column: null };
        }
      }
      if (TYPED_LITERALS.has(token.upper) && c.peek(1).kind === 'string') {
        c.next();
        return { text: `${token.upper} ${c.next().text}`, column: null };
      }
      if (/^CURRENT_(TIMESTAMP|TIME|DATE)/.test(token.upper)) {
        c.next();
        return { text: token.text, column: null };
      }
    }
    const parts = c.dottedName();
    if (c.isSymbol('(')) return this.call(parts.join('.'));
    if (c.isSymbol('.') && c.isSymbol('*', 1)) throw new SqlSyntaxError('a qualified * is a select item, not an expression');
    return { text: parts.join('.'), column: parts[parts.length - 1]! };
  }

  /** `name(…)`: an aggregate may start with DISTINCT or be `count(*)`; window functions take OVER (…). */
  private call(name: string): SqlExpression {
    const c = this.cursor;
    c.expectSymbol('(');
    let args = '';
    if (c.acceptSymbol('*')) args = '*';
    else if (!c.isSymbol(')')) {
      const distinct = c.acceptWord('DISTINCT') ? 'DISTINCT ' : c.acceptWord('ALL') ? 'ALL ' : '';
      args = distinct + this.list().join(', ');
    }
    c.expectSymbol(')');
    let text = `${name}(${args})`;
    if (c.acceptWord('OVER')) {
      c.expectSymbol('(');
      const window: string[] = [];
      if (c.acceptWord('PARTITION')) {
        c.expectWord('BY');
        window.push(`PARTITION BY ${this.list().join(', ')}`);
      }
      if (c.acceptWord('ORDER')) {
        c.expectWord('BY');
        window.push(`ORDER BY ${this.orderList().join(', ')}`);
      }
      c.expectSymbol(')');
      text += ` OVER (${window.join(' ')})`;
    }
    return { text, column: null };
  }

  private cast(): SqlExpression {
    const c = this.cursor;
    const keyword = c.next().text;
    c.expectSymbol('(');
    const value = this.expression();
    c.expectWord('AS');
    const type = typeText(c);
    c.expectSymbol(')');
    return { text: `${keyword}(${value.text} AS ${type})`, column: null };
  }

  private caseExpression(): SqlExpression {
    const c = this.cursor;
    c.expectWord('CASE');
    const parts = ['CASE'];
    if (!c.isWord('WHEN')) parts.push(this.expression().text);
    if (!c.isWord('WHEN')) c.fail();
    while (c.acceptWord('WHEN')) {
      parts.push('WHEN', this.expression().text);
      c.expectWord('THEN');
      parts.push('THEN', this.expression().text);
    }
    if (c.acceptWord('ELSE')) parts.push('ELSE', this.expression().text);
    c.expectWord('END');
    parts.push('END');
    return { text: parts.join(' '), column: null };
  }

  /** `a [ASC|DESC] [NULLS FIRST|LAST], …` */
  orderList(): string[] {
    const c = this.cursor;
    const items: string[] = [];
    do {
      let text = this.expression().text;
      const direction = c.acceptWord('ASC') ?? c.acceptWord('DESC');
      if (direction) text += ` ${direction.upper}`;
      if (c.acceptWord('NULLS')) text += ` NULLS ${(c.acceptWord('FIRST') ?? c.expectWord('LAST')).upper}`;
      items.push(text);
    } while (c.acceptSymbol(','));
    return items;
  }
}
