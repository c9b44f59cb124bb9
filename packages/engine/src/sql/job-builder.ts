import { renderSqlJob, type SqlConnectorBlock, type SqlJobModel, type SqlTransformBlock } from './config-template.js';
import { SqlSyntaxError } from './lexer.js';
import { javaTrim, readSqlScript } from './script.js';
import type { SqlSelect } from './select.js';
import { parseStatement, type SqlStatement } from './statements.js';

/**
 * SeaTunnel's SqlConfigBuilder (seatunnel-config-sql): a SQL job → the HOCON text of the same job.
 *
 * `CREATE TABLE name (…) WITH ('connector' = '…', 'type' = 'source' | 'sink', …)` declares a
 * source or a sink (the columns are not read: FakeSource's schema is its `schema` option). Every
 * `INSERT INTO sink SELECT … FROM table` adds a Sql transform (`table__tempN`) and a copy of the
 * sink reading it; `INSERT INTO sink SELECT table` wires the sink to the table directly.
 * `CREATE TABLE t AS SELECT … FROM table` adds a Sql transform named t. Sinks no INSERT feeds are
 * dropped. Every refusal throws; the caller turns any of them into the one 500 SeaTunnel gives.
 */

type TableKind = 'source' | 'sink' | 'transform';

interface SqlTable {
  kind: TableKind;
  /** The sink's connector and options, for the copies each INSERT makes. */
  sink?: SqlConnectorBlock;
}

const TEMP_TABLE_SUFFIX = '__temp';

/** SqlConfigBuilder.clean: one leading and one trailing `'` off, then `''` → `'`. */
function clean(text: string): string {
  let value = text.startsWith("'") ? text.slice(1) : text;
  if (value.endsWith("'")) value = value.slice(0, -1);
  return value.replaceAll("''", "'");
}

/**
 * parseOptions: the second table parameter (the `( … )` after WITH), its parentheses cut off,
 * split at `,'` and each item at its first `=`. Text work: an unquoted key does not split.
 */
function readOptions(tableOptions: readonly string[]): Map<string, string> {
  const list = tableOptions[1];
  if (list === undefined || list.length < 2) throw new SqlSyntaxError('no option list after the table'); // Java's index/substring errors
  const options = new Map<string, string>();
  for (const item of list.slice(1, -1).split(",'")) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    options.set(clean(javaTrim(item.slice(0, at))), clean(javaTrim(item.slice(at + 1))));
  }
  return options;
}

/** convertOptions: everything but connector, type and plugin_output, quoted unless it looks like an object or a list. */
function connectorBlock(connector: string, options: ReadonlyMap<string, string>): SqlConnectorBlock {
  const block: SqlConnectorBlock = { connector, options: new Map() };
  for (const [key, value] of options) {
    if (['connector', 'type', 'plugin_output'].includes(key.toLowerCase())) continue;
    const trimmed = javaTrim(value);
    const nested = (trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'));
    addOption(block, key, nested ? value : `"${value}"`);
  }
  return block;
}

/** SeaTunnel's options are a set of Options equal by key: a second value for a key is dropped. */
function addOption(block: SqlConnectorBlock, key: string, value: string): void {
  if (!block.options.has(key)) block.options.set(key, value);
}

class SqlJobBuilder {
  private readonly tables = new Map<string, SqlTable>();
  private readonly job: SqlJobModel;
  private tempTables = 1;

  constructor(configBlocks: string[]) {
    this.job = { configBlocks, sources: [], transforms: [], sinks: [] };
  }

  /** parseCreateTableSql: a source or a sink; a table of another type is skipped without a word. */
  declareTable(name: string, tableOptions: readonly string[]): void {
    const options = readOptions(tableOptions);
    if (this.tables.has(name)) throw new SqlSyntaxError(`Table name duplicate: ${name}`);
    const type = options.get('type')?.toLowerCase();
    if (type !== 'source' && type !== 'sink') return;
    const connector = options.get('connector');
    if (!connector) throw new SqlSyntaxError('The connector of option is none');
    if (type === 'source') {
      const source = connectorBlock(connector, options);
      addOption(source, 'plugin_output', `"${name}"`);
      this.tables.set(name, { kind: 'source' });
      this.job.sources.push(source);
    } else {
      options.delete('plugin_input');
      const sink = connectorBlock(connector, options);
      this.tables.set(name, { kind: 'sink', sink });
      this.job.sinks.push(sink); // dropped at the end unless an INSERT gave it an input
    }
  }

  /** parseCreateAsSql: `CREATE TABLE t AS SELECT … FROM table` → a Sql transform with output t. */
  createAs(name: string, select: SqlSelect | null): void {
    if (select === null || !select.plain) throw new SqlSyntaxError('Unsupported syntax');
    if (select.from === null || select.from === 'other') throw new SqlSyntaxError('the query reads no table');
    const input = select.from.table;
    if (!this.tables.has(input)) throw new SqlSyntaxError(`The source table[${input}] is not found`);
    if (this.tables.has(name)) throw new SqlSyntaxError(`Table name duplicate: ${name}`);
    this.tables.set(name, { kind: 'transform' });
    this.job.transforms.push({ input, output: name, query: select.text });
  }

  /** parseInsertSql: a copy of the target sink reading the query's result (or the named table). */
  insert(target: string, columns: readonly string[], select: SqlSelect): void {
    if (columns.length > 0) throw new SqlSyntaxError('Insert sql must not have columns');
    if (!select.plain) throw new SqlSyntaxError('Insert sql must have select statement');
    let input: string;
    let output: string;
    if (select.from === null) {
      if (select.itemColumns.length !== 1) throw new SqlSyntaxError('Source table must be specified in SQL');
      const column = select.itemColumns[0];
      if (column === null || column === undefined) throw new SqlSyntaxError('the select item is no column'); // Java's ClassCastException
      input = column;
      output = column;
    } else {
      if (select.from === 'other') throw new SqlSyntaxError('Unsupported syntax');
      input = select.from.table;
      output = `${input}${TEMP_TABLE_SUFFIX}${this.tempTables++}`;
      const transform: SqlTransformBlock = { input, output, query: select.text };
      this.job.transforms.push(transform);
    }
    const kind = this.tables.get(input)?.kind;
    if (kind !== 'source' && kind !== 'transform') throw new SqlSyntaxError(`The source table[${input}] is not found`);
    const sink = this.tables.get(target);
    if (sink?.kind !== 'sink' || !sink.sink) throw new SqlSyntaxError(`The sink table[${input}] is not found`);
    const copy: SqlConnectorBlock = { connector: sink.sink.connector, options: new Map(sink.sink.options) };
    addOption(copy, 'plugin_input', `"${output}"`);
    this.job.sinks.push(copy);
  }

  finish(): SqlJobModel {
    // Only the INSERT copies carry plugin_input: the declared sinks themselves go.
    this.job.sinks = this.job.sinks.filter((sink) => sink.options.has('plugin_input'));
    if (this.job.sources.length === 0) throw new SqlSyntaxError('The SQL config must contain at least one source table');
    if (this.job.sinks.length === 0) throw new SqlSyntaxError('The SQL config must contain `INSERT INTO ... SELECT ...` syntax');
    return this.job;
  }
}

/**
 * The builder's two passes: first every statement is parsed and the CREATE TABLEs with options
 * declare their tables; then the rest, in order (CREATE TABLE … AS SELECT, INSERT).
 */
export function buildSqlJob(text: string): string {
  const script = readSqlScript(text);
  const builder = new SqlJobBuilder(script.configBlocks);
  const rest: SqlStatement[] = [];
  for (const sql of script.statements) {
    const statement = parseStatement(sql);
    if (statement.kind === 'create-table' && statement.tableOptions !== null) builder.declareTable(statement.name, statement.tableOptions);
    else rest.push(statement);
  }
  for (const statement of rest) {
    if (statement.kind === 'create-table') builder.createAs(statement.name, statement.select);
    else builder.insert(statement.table, statement.columns, statement.select);
  }
  return renderSqlJob(builder.finish());
}
