import type { Cursor } from './cursor.js';
import { ExpressionParser } from './expression.js';

/**
 * A query as SeaTunnel's SQL builder looks at it (JSqlParser's Select): whether it is a plain
 * SELECT (no UNION, no VALUES, no parentheses around it), its first FROM item when that is a
 * table, its select items, and its text for the generated Sql transform.
 */
export interface SqlSelect {
  /** false for set operations (UNION …) and anything else that is no PlainSelect. */
  plain: boolean;
  /** The first FROM item: a table's name (its last dotted part, as written), `other` for a subquery, null without FROM. */
  from: { table: string } | 'other' | null;
  /** Each select item's column name when it is a bare column, else null. */
  itemColumns: (string | null)[];
  /** The query printed back as JSqlParser's Select.toString() would, near enough. */
  text: string;
}

const SET_OPERATIONS = new Set(['UNION', 'INTERSECT', 'EXCEPT', 'MINUS']);
const JOIN_WORDS = new Set(['JOIN', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'OUTER', 'CROSS', 'NATURAL', 'STRAIGHT_JOIN']);

/** `[AS] alias` after a select item or a FROM item (reserved words such as WHERE or JOIN end the item instead). */
function alias(cursor: Cursor): string {
  if (cursor.acceptWord('AS')) {
    if (!cursor.isAlias()) cursor.fail();
    return ` AS ${cursor.next().text}`;
  }
  return cursor.isAlias() && !JOIN_WORDS.has(cursor.peek().upper) ? ` ${cursor.next().text}` : '';
}

class SelectParser {
  private readonly expressions: ExpressionParser;

  constructor(private readonly cursor: Cursor) {
    this.expressions = new ExpressionParser(cursor, (inner) => parseQuery(inner).text);
  }

  /** A query: a plain SELECT, possibly followed by set operations (which make it non-plain). */
  query(): SqlSelect {
    const c = this.cursor;
    if (c.isSymbol('(')) {
      c.next();
      const inner = this.query();
      c.expectSymbol(')');
      return { ...inner, plain: false, text: `(${inner.text})` };
    }
    if (c.isWord('VALUES')) return this.values();
    const first = this.plainSelect();
    let text = first.text;
    let plain = true;
    while (c.peek().kind === 'word' && SET_OPERATIONS.has(c.peek().upper)) {
      const op = c.next().upper;
      const all = c.acceptWord('ALL') ? ' ALL' : c.acceptWord('DISTINCT') ? ' DISTINCT' : '';
      const next = c.isSymbol('(') ? this.query() : this.plainSelect();
      text += ` ${op}${all} ${next.text}`;
      plain = false;
    }
    return { ...first, plain, text };
  }

  private values(): SqlSelect {
    const c = this.cursor;
    c.expectWord('VALUES');
    const rows: string[] = [];
    do {
      c.expectSymbol('(');
      rows.push(`(${this.expressions.list().join(', ')})`);
      c.expectSymbol(')');
    } while (c.acceptSymbol(','));
    return { plain: false, from: null, itemColumns: [], text: `VALUES ${rows.join(', ')}` };
  }

  private plainSelect(): SqlSelect {
    const c = this.cursor;
    c.expectWord('SELECT');
    const parts = ['SELECT'];
    if (c.acceptWord('DISTINCT')) parts.push('DISTINCT');
    else if (c.acceptWord('ALL')) parts.push('ALL');
    const items: string[] = [];
    const itemColumns: (string | null)[] = [];
    do {
      const item = this.selectItem();
      items.push(item.text);
      itemColumns.push(item.column);
    } while (c.acceptSymbol(','));
    parts.push(items.join(', '));
    let from: SqlSelect['from'] = null;
    if (c.acceptWord('FROM')) {
      const first = this.fromItem();
      from = first.table === null ? 'other' : { table: first.table };
      let fromText = first.text;
      for (;;) {
        if (c.acceptSymbol(',')) fromText += `, ${this.fromItem().text}`;
        else if (c.peek().kind === 'word' && JOIN_WORDS.has(c.peek().upper)) fromText += ` ${this.join()}`;
        else break;
      }
      parts.push('FROM', fromText);
    }
    if (c.acceptWord('WHERE')) parts.push('WHERE', this.expressions.expression().text);
    if (c.acceptWord('GROUP')) {
      c.expectWord('BY');
      parts.push('GROUP BY', this.expressions.list().join(', '));
    }
    if (c.acceptWord('HAVING')) parts.push('HAVING', this.expressions.expression().text);
    if (c.acceptWord('ORDER')) {
      c.expectWord('BY');
      parts.push('ORDER BY', this.expressions.orderList().join(', '));
    }
    if (c.acceptWord('LIMIT')) {
      parts.push('LIMIT', this.expressions.expression().text);
      if (c.acceptSymbol(',')) parts[parts.length - 1] += `, ${this.expressions.expression().text}`;
    }
    if (c.acceptWord('OFFSET')) parts.push('OFFSET', this.expressions.expression().text);
    return { plain: true, from, itemColumns, text: parts.join(' ') };
  }

  private selectItem(): { text: string; column: string | null } {
    const c = this.cursor;
    if (c.acceptSymbol('*')) return { text: '*', column: null };
    if (c.isName() && c.isSymbol('.', 1) && c.isSymbol('*', 2)) {
      const table = c.next().text;
      c.next();
      c.next();
      return { text: `${table}.*`, column: null };
    }
    const expression = this.expressions.expression();
    const named = alias(c);
    // An alias keeps the item a column to the builder (SelectItem.getExpression()).
    return { text: expression.text + named, column: expression.column };
  }

  /** A table (its last name part) or a parenthesised subquery, with an optional alias. */
  private fromItem(): { table: string | null; text: string } {
    const c = this.cursor;
    if (c.acceptSymbol('(')) {
      const inner = this.query();
      c.expectSymbol(')');
      return { table: null, text: `(${inner.text})${alias(c)}` };
    }
    const parts = c.dottedName();
    if (c.isSymbol('(')) c.fail(); // table functions are no Table to the builder, and rare enough to refuse
    return { table: parts[parts.length - 1]!, text: parts.join('.') + alias(c) };
  }

  private join(): string {
    const c = this.cursor;
    const words: string[] = [];
    while (!c.isWord('JOIN') && !c.isWord('STRAIGHT_JOIN')) {
      const word = c.next();
      if (word.kind !== 'word' || !JOIN_WORDS.has(word.upper)) c.fail();
      words.push(word.upper);
    }
    words.push(c.next().upper);
    let text = `${words.join(' ')} ${this.fromItem().text}`;
    if (c.acceptWord('ON')) text += ` ON ${this.expressions.expression().text}`;
    else if (c.acceptWord('USING')) {
      c.expectSymbol('(');
      const names = [c.name()];
      while (c.acceptSymbol(',')) names.push(c.name());
      c.expectSymbol(')');
      text += ` USING (${names.join(', ')})`;
    }
    return text;
  }
}

/** Reads a query at the cursor (the rest of the statement is the caller's to check). */
export function parseQuery(cursor: Cursor): SqlSelect {
  return new SelectParser(cursor).query();
}
