import { Cursor } from './cursor.js';
import { isAliasWord, isPlainIdentifier } from './keywords.js';
import { SqlSyntaxError, tokenize, type SqlToken } from './lexer.js';
import { parseQuery, type SqlSelect } from './select.js';

/**
 * One statement of a SQL job, parsed as far as SeaTunnel's builder reads JSqlParser's result: a
 * CREATE TABLE (its name, its trailing parameters — `WITH ( … )` — and an AS SELECT) or an
 * INSERT INTO … SELECT. Any other statement is refused here: the builder refuses it too
 * ("Unsupported SQL syntax"), with the same answer to the client.
 */
export type SqlStatement =
  | {
      kind: 'create-table';
      /** The table's name as JSqlParser's Table.getName() gives it: the last dotted part, quotes kept. */
      name: string;
      /** CreateTable.getTableOptionsStrings(): the words after the columns, a `( … )` list as one string; null when there are none. */
      tableOptions: string[] | null;
      select: SqlSelect | null;
    }
  | { kind: 'insert'; table: string; columns: string[]; select: SqlSelect };

/** Keywords JSqlParser takes as the first word of a column's type (the rest must be plain identifiers). */
const TYPE_KEYWORDS = new Set([
  'BINARY', 'CHAR', 'CHARACTER', 'DATA', 'DOUBLE', 'INTERVAL', 'JSON', 'PUBLIC', 'SET', 'SIGNED', 'STRING', 'UNSIGNED', 'XML',
  'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ', 'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND',
]);

/** Words that open a table constraint instead of a column in CREATE TABLE's list. */
const CONSTRAINT_WORDS = new Set(['PRIMARY', 'UNIQUE', 'CONSTRAINT', 'FOREIGN', 'KEY', 'INDEX', 'CHECK', 'FULLTEXT']);

/** Symbols a column's specs may hold (`DEFAULT -1`, `INT[]`); `<` and `>` are not among them: `MAP<STRING, INT>` is no JSqlParser type. */
const SPEC_SYMBOLS = new Set(['-', '+', '.', '=', '[', ']']);

/** The last part of a dotted name, as Table.getName() returns it. */
const lastPart = (parts: string[]): string => parts[parts.length - 1]!;

/** Skips a balanced `( … )` group at the cursor. */
function skipGroup(cursor: Cursor): void {
  cursor.expectSymbol('(');
  let depth = 1;
  while (depth > 0) {
    const token = cursor.next();
    if (token.kind === 'end') cursor.fail();
    if (token.kind === 'symbol' && token.text === '(') depth++;
    if (token.kind === 'symbol' && token.text === ')') depth--;
  }
}

/** One entry of the column list: `name TYPE[(n, m)] [specs]`, or a table constraint. */
function columnDefinition(cursor: Cursor): void {
  if (cursor.peek().kind === 'word' && CONSTRAINT_WORDS.has(cursor.peek().upper)) {
    while (!cursor.isSymbol(',') && !cursor.isSymbol(')')) {
      if (cursor.isSymbol('(')) skipGroup(cursor);
      else if (cursor.next().kind === 'end') cursor.fail();
    }
    return;
  }
  cursor.name();
  const type = cursor.peek();
  // ARRAY<type>, one level: JSqlParser lexes `>>` as one token, so ARRAY<ARRAY<INT>> fails there too.
  if (cursor.isWord('ARRAY') && cursor.isSymbol('<', 1)) {
    cursor.next();
    cursor.next();
    if (cursor.peek().kind !== 'word' || cursor.isWord('ARRAY')) cursor.fail();
    cursor.next();
    if (cursor.isSymbol('(')) skipGroup(cursor);
    cursor.expectSymbol('>');
  } else {
    const typeWord = type.kind === 'quoted' || (type.kind === 'word' && (isPlainIdentifier(type.upper) || TYPE_KEYWORDS.has(type.upper)));
    if (!typeWord) cursor.fail();
    cursor.next();
  }
  while (!cursor.isSymbol(',') && !cursor.isSymbol(')')) {
    const token = cursor.peek();
    if (token.kind === 'symbol' && token.text === '(') skipGroup(cursor);
    else if (token.kind === 'end' || (token.kind === 'symbol' && !SPEC_SYMBOLS.has(token.text))) cursor.fail();
    else cursor.next();
  }
}

/** An option item of JSqlParser's AList: a literal, or a word it does not reserve. */
function isListItem(token: SqlToken): boolean {
  switch (token.kind) {
    case 'string':
    case 'number':
    case 'quoted':
      return true;
    case 'word':
      return !/^[0-9]/.test(token.text) && isAliasWord(token.upper);
    default:
      return false;
  }
}

/** JSqlParser's AList: `( item [, | =] … )`, printed with nothing between the parts: `('connector'='FakeSource','type'='source')`. */
function optionList(cursor: Cursor): string {
  cursor.expectSymbol('(');
  let text = '(';
  while (!cursor.acceptSymbol(')')) {
    const item = cursor.next();
    if (!isListItem(item)) cursor.fail();
    text += item.text;
    if (cursor.acceptSymbol(',')) text += ',';
    else if (cursor.acceptSymbol('=')) text += '=';
  }
  return `${text})`;
}

/** CreateTable's trailing parameters (`WITH ( … )`, `COMMENT 'x'`, `ENGINE = InnoDB`), up to AS or the end. */
function tableParameters(cursor: Cursor): string[] | null {
  const parameters: string[] = [];
  while (!cursor.atEnd() && !cursor.isWord('AS')) {
    if (cursor.isSymbol('(')) parameters.push(optionList(cursor));
    else {
      const token = cursor.next();
      if (token.kind === 'symbol' && token.text !== '=' && token.text !== ',') cursor.fail();
      parameters.push(token.text);
    }
  }
  return parameters.length > 0 ? parameters : null;
}

function createTable(cursor: Cursor): SqlStatement {
  cursor.expectWord('CREATE');
  if (cursor.acceptWord('OR')) cursor.expectWord('REPLACE');
  for (const modifier of ['UNLOGGED', 'GLOBAL', 'LOCAL', 'TEMPORARY', 'TEMP']) cursor.acceptWord(modifier);
  cursor.expectWord('TABLE');
  if (cursor.acceptWord('IF')) {
    cursor.expectWord('NOT');
    cursor.expectWord('EXISTS');
  }
  const name = lastPart(cursor.dottedName());
  // `( … )` right after the name is the column list, unless it is empty: then it is a parameter list.
  if (cursor.isSymbol('(') && !cursor.isSymbol(')', 1)) {
    cursor.expectSymbol('(');
    do columnDefinition(cursor);
    while (cursor.acceptSymbol(','));
    cursor.expectSymbol(')');
  }
  const tableOptions = tableParameters(cursor);
  let select: SqlSelect | null = null;
  if (cursor.acceptWord('AS')) select = parseQuery(cursor);
  return { kind: 'create-table', name, tableOptions, select };
}

function insert(cursor: Cursor): SqlStatement {
  cursor.expectWord('INSERT');
  cursor.acceptWord('INTO');
  const table = lastPart(cursor.dottedName());
  const columns: string[] = [];
  if (cursor.isSymbol('(') && !cursor.isWord('SELECT', 1)) {
    cursor.expectSymbol('(');
    do columns.push(lastPart(cursor.dottedName()));
    while (cursor.acceptSymbol(','));
    cursor.expectSymbol(')');
  }
  return { kind: 'insert', table, columns, select: parseQuery(cursor) };
}

/** CCJSqlParserUtil.parse of one statement, narrowed to what the builder can use; anything else throws SqlSyntaxError. */
export function parseStatement(sql: string): SqlStatement {
  const cursor = new Cursor(tokenize(sql));
  let statement: SqlStatement;
  if (cursor.isWord('CREATE')) statement = createTable(cursor);
  else if (cursor.isWord('INSERT')) statement = insert(cursor);
  else throw new SqlSyntaxError(`unsupported statement: ${cursor.peek().text}`);
  cursor.acceptSymbol(';'); // JSqlParser takes one closing `;`: a line ending in `;;` keeps one after the builder's cut
  if (!cursor.atEnd()) cursor.fail();
  return statement;
}
