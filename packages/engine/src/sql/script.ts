/**
 * The line handling of SeaTunnel's SqlConfigBuilder, before any SQL is parsed: comment lines and
 * `/* config … *\/` blocks are taken out line by line, then the remaining lines are cut into
 * statements at lines ending in `;`. It is plain text work, quirks included: a `/* …` comment
 * swallows lines until one that is exactly `*\/`, ` --` cuts a line even inside a string, and a
 * last statement without `;` is dropped.
 */

/** Java's String.trim(): every char up to U+0020 goes, other Unicode spaces stay. */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

export interface SqlScript {
  /** The text of each `/* config` block (lines joined with `\n`), HOCON that becomes the job's top level. */
  configBlocks: string[];
  /** Each statement's lines, trimmed and joined with a space, without its `;`. */
  statements: string[];
}

const CONFIG_OPEN = '/* config';
const COMMENT_OPEN = '/*';
const COMMENT_CLOSE = '*/';
const LINE_COMMENT = '--';

/** parseAnnoConfigAndSqlLine: the config blocks, and the non-blank lines outside any comment. */
function separateConfig(lines: readonly string[]): { configBlocks: string[]; sqlLines: string[] } {
  const configBlocks: string[] = [];
  const sqlLines: string[] = [];
  let inConfig = false;
  let inComment = false;
  let block: string[] = [];
  for (const line of lines) {
    const trimmed = javaTrim(line);
    // Checked before the block states: a `--` line is dropped even inside a config block.
    if (trimmed.startsWith(LINE_COMMENT)) continue;
    if (trimmed === CONFIG_OPEN) {
      inConfig = true;
      continue;
    }
    if (trimmed.startsWith(COMMENT_OPEN)) {
      inComment = true;
      continue;
    }
    if (inComment) {
      if (trimmed === COMMENT_CLOSE) inComment = false;
    } else if (inConfig) {
      if (trimmed === COMMENT_CLOSE) {
        inConfig = false;
        configBlocks.push(block.join('\n'));
        block = [];
      } else {
        block.push(line);
      }
    } else if (trimmed !== '') {
      sqlLines.push(line);
    }
  }
  return { configBlocks, sqlLines };
}

/** split4SqlList: a statement ends with a line ending in `;`; ` --` starts a comment anywhere on a line. */
function splitStatements(sqlLines: readonly string[]): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const raw of sqlLines) {
    let line = javaTrim(raw);
    const comment = line.indexOf(` ${LINE_COMMENT}`);
    if (comment > -1) line = line.slice(0, comment);
    if (line.endsWith(';')) {
      current.push(line.slice(0, -1));
      statements.push(current.join(' '));
      current = [];
    } else {
      current.push(line);
    }
  }
  return statements;
}

/** `SqlConfigBuilder.of(String)`: the text split at `\r?\n`, then both passes above. */
export function readSqlScript(text: string): SqlScript {
  const { configBlocks, sqlLines } = separateConfig(text.split(/\r?\n/));
  return { configBlocks, statements: splitStatements(sqlLines) };
}
