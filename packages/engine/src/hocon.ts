/**
 * HOCON as SeaTunnel 2.3.9 reads a job config: `ConfigFactory.parseString` of its shaded Typesafe
 * Config 1.3.3, which SeaTunnel patches in two ways (seatunnel-config-shade):
 *
 * - the path separator is `->`, not `.`: `row.num = 16` is one flat key, `a->b = 1` nests;
 * - an object under a key whose first path element is `source`, `transform` or `sink` becomes a
 *   list, one element per field, each field's value with `plugin_name` = its key as a fallback
 *   (`source { FakeSource {…} FakeSource {…} }` → two elements, in order; `plugin_name` last).
 *
 * Three phases, as Typesafe's: tokenizer → document parser (syntax, its error messages) → value
 * builder (merging duplicate keys, concatenations, the SeaTunnel patch). Nothing is resolved, as in
 * SeaTunnel's REST path: `${…}` and `+=` stay unresolved values. Includes read nothing (a missing
 * optional include is an empty object, a required one an error). Pure: no I/O.
 */

import { javaDoubleToString } from './java-double.js';

export type ConfigSyntax = 'conf' | 'json';

export interface ConfigObject {
  type: 'object';
  entries: Map<string, ConfigValue>;
  /** Typesafe's flag: an object merged over a non-object takes no further fallbacks. */
  ignoresFallbacks: boolean;
  line: number;
}

/** A value as Typesafe Config holds it before any resolve(). */
export type ConfigValue =
  | ConfigObject
  | { type: 'list'; items: ConfigValue[]; line: number }
  | { type: 'string'; value: string; quoted: boolean; line: number }
  /** `text` as written (Typesafe renders numbers from their original text). */
  | { type: 'number'; text: string; kind: 'int' | 'long' | 'double'; line: number }
  | { type: 'boolean'; value: boolean; line: number }
  | { type: 'null'; line: number }
  /** A substitution, or a concatenation / merge that contains one: Typesafe's unresolved values. */
  | { type: 'unresolved'; className: string; text: string; line: number };

/** Typesafe's ConfigException: `message` is already prefixed with its origin (`String: 3: …`). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const origin = (line: number): string => (line < 0 ? 'String' : `String: ${line}`);
const configError = (line: number, message: string): ConfigError => new ConfigError(`${origin(line)}: ${message}`);

// ---- tokens ------------------------------------------------------------------------------------

type StaticKind = 'START' | 'END' | 'COMMA' | 'EQUALS' | 'COLON' | 'OPEN_CURLY' | 'CLOSE_CURLY' | 'OPEN_SQUARE' | 'CLOSE_SQUARE' | 'PLUS_EQUALS';

type Token =
  | { k: StaticKind; line: -1 }
  | { k: 'NEWLINE'; line: number }
  | { k: 'VALUE'; line: number; value: ConfigValue }
  | { k: 'UNQUOTED'; line: number; text: string }
  | { k: 'WS'; line: number; text: string }
  | { k: 'COMMENT'; line: number; text: string }
  | { k: 'SUBST'; line: number; optional: boolean; expr: Token[] }
  | { k: 'PROBLEM'; line: number; what: string; message: string };

const STATIC: Record<StaticKind, Token> = {
  START: { k: 'START', line: -1 },
  END: { k: 'END', line: -1 },
  COMMA: { k: 'COMMA', line: -1 },
  EQUALS: { k: 'EQUALS', line: -1 },
  COLON: { k: 'COLON', line: -1 },
  OPEN_CURLY: { k: 'OPEN_CURLY', line: -1 },
  CLOSE_CURLY: { k: 'CLOSE_CURLY', line: -1 },
  OPEN_SQUARE: { k: 'OPEN_SQUARE', line: -1 },
  CLOSE_SQUARE: { k: 'CLOSE_SQUARE', line: -1 },
  PLUS_EQUALS: { k: 'PLUS_EQUALS', line: -1 },
};

const STATIC_TEXT: Record<StaticKind, string> = {
  START: 'start of file',
  END: 'end of file',
  COMMA: "','",
  EQUALS: "'='",
  COLON: "':'",
  OPEN_CURLY: "'{'",
  CLOSE_CURLY: "'}'",
  OPEN_SQUARE: "'['",
  CLOSE_SQUARE: "']'",
  PLUS_EQUALS: "'+='",
};

/** What Typesafe's `unwrapped().toString()` prints for a scalar. */
function unwrappedText(value: ConfigValue): string {
  switch (value.type) {
    case 'string':
      return value.value;
    case 'number':
      return value.kind === 'double' ? javaDoubleToString(Number(value.text)) : BigInt(value.text).toString();
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    default:
      return '';
  }
}

/** Token.toString() of Typesafe 1.3.3, which its error messages quote. */
function tokenText(t: Token): string {
  switch (t.k) {
    case 'NEWLINE':
      return `'\\n'@${t.line}`;
    case 'VALUE':
      return `'${unwrappedText(t.value)}' (${t.value.type.toUpperCase()})`;
    case 'UNQUOTED':
      return `'${t.text}'`;
    case 'WS':
      return `'${t.text}' (WHITESPACE)`;
    case 'COMMENT':
      return `'#${t.text}' (COMMENT)`;
    case 'SUBST':
      return `'\${${t.expr.map(tokenText).join('')}}'`;
    case 'PROBLEM':
      return `'${t.what}' (${t.message})`;
    default:
      return STATIC_TEXT[t.k];
  }
}

// ---- tokenizer ---------------------------------------------------------------------------------

/** ConfigImplUtil.isWhitespace: Java's Character.isWhitespace plus the no-break spaces and the BOM. */
export function isConfigWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isC0Control = (c: number): boolean => c >= 0 && c <= 0x1f;

function charName(c: number): string {
  if (c === 0x0a) return 'newline';
  if (c === 0x09) return 'tab';
  if (c === -1) return 'end of file';
  if (isC0Control(c)) return `control character 0x${c.toString(16)}`;
  return String.fromCharCode(c);
}

const FIRST_NUMBER_CHARS = '0123456789-';
const NUMBER_CHARS = '0123456789eE+-.';
const NOT_IN_UNQUOTED_TEXT = '$"{}[]:=,+#`^?!@*&\\';
const inSet = (set: string, c: number): boolean => c >= 0 && set.includes(String.fromCharCode(c));

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
/** Java's Double.parseDouble, for the characters a number token can hold. */
const JAVA_DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

class Problem {
  constructor(readonly line: number, readonly what: string, readonly message: string) {}
}

class WhitespaceSaver {
  private whitespace = '';
  private lastTokenWasSimpleValue = false;

  add(c: number): void {
    this.whitespace += String.fromCharCode(c);
  }

  check(t: Token, line: number): Token | null {
    if (isSimpleValue(t)) {
      const ws = this.flush(line);
      this.lastTokenWasSimpleValue = true;
      return ws;
    }
    this.lastTokenWasSimpleValue = false;
    return this.flush(line);
  }

  private flush(line: number): Token | null {
    if (this.whitespace.length === 0) return null;
    const text = this.whitespace;
    this.whitespace = '';
    // Whitespace between two simple values is part of a concatenation, so it is kept as text.
    return this.lastTokenWasSimpleValue ? { k: 'UNQUOTED', line, text } : { k: 'WS', line, text };
  }
}

function isSimpleValue(t: Token): boolean {
  return t.k === 'SUBST' || t.k === 'UNQUOTED' || t.k === 'VALUE';
}

class Tokenizer {
  private pos = 0;
  private readonly buffer: number[] = [];
  private line = 1;

  constructor(private readonly input: string, private readonly allowComments: boolean) {}

  tokenize(): Token[] {
    const tokens: Token[] = [STATIC.START];
    const saver = new WhitespaceSaver();
    for (;;) {
      let t: Token;
      try {
        t = this.pullNextToken(saver);
        const ws = saver.check(t, this.line);
        if (ws) tokens.push(ws);
      } catch (caught) {
        if (!(caught instanceof Problem)) throw caught;
        tokens.push({ k: 'PROBLEM', line: caught.line, what: caught.what, message: caught.message });
        continue;
      }
      tokens.push(t);
      if (t.k === 'END') return tokens;
    }
  }

  private nextCharRaw(): number {
    if (this.buffer.length > 0) return this.buffer.pop()!;
    if (this.pos >= this.input.length) return -1;
    return this.input.charCodeAt(this.pos++);
  }

  private putBack(c: number): void {
    this.buffer.push(c);
  }

  private problem(what: string, message: string, line = this.line): Problem {
    return new Problem(line, what, message);
  }

  private startOfComment(c: number): boolean {
    if (c === -1 || !this.allowComments) return false;
    if (c === 0x23 /* # */) return true;
    if (c === 0x2f /* / */) {
      const second = this.nextCharRaw();
      this.putBack(second);
      return second === 0x2f;
    }
    return false;
  }

  private nextCharAfterWhitespace(saver: WhitespaceSaver): number {
    for (;;) {
      const c = this.nextCharRaw();
      if (c === -1) return -1;
      if (c !== 0x0a && isConfigWhitespace(c)) {
        saver.add(c);
        continue;
      }
      return c;
    }
  }

  private pullComment(first: number): Token {
    if (first === 0x2f) this.nextCharRaw(); // the second '/'
    let text = '';
    for (;;) {
      const c = this.nextCharRaw();
      if (c === -1 || c === 0x0a) {
        this.putBack(c);
        return { k: 'COMMENT', line: this.line, text };
      }
      text += String.fromCharCode(c);
    }
  }

  private pullUnquotedText(): Token {
    const line = this.line;
    let text = '';
    let c = this.nextCharRaw();
    for (;;) {
      if (c === -1 || inSet(NOT_IN_UNQUOTED_TEXT, c) || isConfigWhitespace(c) || this.startOfComment(c)) break;
      text += String.fromCharCode(c);
      // true/false/null are taken as such at the start of an unquoted token, whatever follows.
      if (text.length === 4) {
        if (text === 'true') return { k: 'VALUE', line, value: { type: 'boolean', value: true, line } };
        if (text === 'null') return { k: 'VALUE', line, value: { type: 'null', line } };
      } else if (text.length === 5 && text === 'false') {
        return { k: 'VALUE', line, value: { type: 'boolean', value: false, line } };
      }
      c = this.nextCharRaw();
    }
    this.putBack(c);
    return { k: 'UNQUOTED', line, text };
  }

  private pullNumber(first: number): Token {
    let text = String.fromCharCode(first);
    let decimalOrE = false;
    let c = this.nextCharRaw();
    while (c !== -1 && inSet(NUMBER_CHARS, c)) {
      if (c === 0x2e || c === 0x65 || c === 0x45) decimalOrE = true;
      text += String.fromCharCode(c);
      c = this.nextCharRaw();
    }
    this.putBack(c);
    const line = this.line;
    if (decimalOrE) {
      if (JAVA_DOUBLE.test(text)) return { k: 'VALUE', line, value: { type: 'number', text, kind: 'double', line } };
    } else if (/^-?\d+$/.test(text)) {
      const n = BigInt(text);
      if (n >= LONG_MIN && n <= LONG_MAX) {
        const kind = n >= INT_MIN && n <= INT_MAX ? 'int' : 'long';
        return { k: 'VALUE', line, value: { type: 'number', text, kind, line } };
      }
    }
    // Not a number after all: an unquoted string, unless it holds a reserved character.
    for (const ch of text) {
      if (NOT_IN_UNQUOTED_TEXT.includes(ch)) throw this.problem(ch, `Reserved character '${ch}' is not allowed outside quotes`);
    }
    return { k: 'UNQUOTED', line, text };
  }

  private pullEscapeSequence(): string {
    const escaped = this.nextCharRaw();
    if (escaped === -1) throw this.problem('', 'End of input but backslash in string had nothing after it');
    switch (escaped) {
      case 0x22: return '"';
      case 0x5c: return '\\';
      case 0x2f: return '/';
      case 0x62: return '\b';
      case 0x66: return '\f';
      case 0x6e: return '\n';
      case 0x72: return '\r';
      case 0x74: return '\t';
      case 0x75: {
        let digits = '';
        for (let i = 0; i < 4; i++) {
          const c = this.nextCharRaw();
          if (c === -1) throw this.problem('', 'End of input but expecting 4 hex digits for \\uXXXX escape');
          digits += String.fromCharCode(c);
        }
        // Java's Integer.parseInt(digits, 16): an optional sign, then hex digits.
        if (!/^[+-]?[0-9a-fA-F]+$/.test(digits)) {
          throw this.problem(digits, `Malformed hex digits after \\u escape in string: '${digits}'`);
        }
        const code = parseInt(digits, 16);
        if (code < 0) throw this.problem(digits, `Malformed hex digits after \\u escape in string: '${digits}'`);
        return String.fromCodePoint(code);
      }
      default: {
        const name = charName(escaped);
        throw this.problem(
          name,
          `backslash followed by '${name}', this is not a valid escape sequence (quoted strings use JSON escaping, so use double-backslash \\\\ for literal backslash)`,
        );
      }
    }
  }

  private appendTripleQuotedString(start: string): string {
    let text = start;
    let quotes = 0;
    for (;;) {
      const c = this.nextCharRaw();
      if (c === 0x22) {
        quotes += 1;
      } else if (quotes >= 3) {
        // The last three quotes end the string; any before them are kept.
        text = text.slice(0, -3);
        this.putBack(c);
        return text;
      } else {
        quotes = 0;
        if (c === -1) throw this.problem('', 'End of input but triple-quoted string was still open');
        if (c === 0x0a) this.line += 1;
      }
      text += String.fromCharCode(c);
    }
  }

  private pullQuotedString(): Token {
    let text = '';
    for (;;) {
      const c = this.nextCharRaw();
      if (c === -1) throw this.problem('', 'End of input but string quote was still open');
      if (c === 0x5c) text += this.pullEscapeSequence();
      else if (c === 0x22) break;
      else if (isC0Control(c)) {
        const name = charName(c);
        throw this.problem(name, `JSON does not allow unescaped ${name} in quoted strings, use a backslash escape`);
      } else text += String.fromCharCode(c);
    }
    if (text.length === 0) {
      const third = this.nextCharRaw();
      if (third === 0x22) text = this.appendTripleQuotedString('');
      else this.putBack(third);
    }
    return { k: 'VALUE', line: this.line, value: { type: 'string', value: text, quoted: true, line: this.line } };
  }

  private pullPlusEquals(): Token {
    const c = this.nextCharRaw();
    if (c !== 0x3d) {
      const name = charName(c);
      throw this.problem(name, `'+' not followed by =, '${name}' not allowed after '+'`);
    }
    return STATIC.PLUS_EQUALS;
  }

  private pullSubstitution(): Token {
    const line = this.line;
    let c = this.nextCharRaw();
    if (c !== 0x7b) {
      const name = charName(c);
      throw this.problem(name, `'$' not followed by {, '${name}' not allowed after '$'`);
    }
    let optional = false;
    c = this.nextCharRaw();
    if (c === 0x3f) optional = true;
    else this.putBack(c);
    const saver = new WhitespaceSaver();
    const expr: Token[] = [];
    for (;;) {
      const t = this.pullNextToken(saver);
      if (t.k === 'CLOSE_CURLY') break;
      if (t.k === 'END') throw this.problem('', 'Substitution ${ was not closed with a }', line);
      const ws = saver.check(t, this.line);
      if (ws) expr.push(ws);
      expr.push(t);
    }
    return { k: 'SUBST', line, optional, expr };
  }

  private pullNextToken(saver: WhitespaceSaver): Token {
    const c = this.nextCharAfterWhitespace(saver);
    if (c === -1) return STATIC.END;
    if (c === 0x0a) {
      const t: Token = { k: 'NEWLINE', line: this.line };
      this.line += 1;
      return t;
    }
    if (this.startOfComment(c)) return this.pullComment(c);
    switch (c) {
      case 0x22: return this.pullQuotedString();
      case 0x24: return this.pullSubstitution();
      case 0x3a: return STATIC.COLON;
      case 0x2c: return STATIC.COMMA;
      case 0x3d: return STATIC.EQUALS;
      case 0x7b: return STATIC.OPEN_CURLY;
      case 0x7d: return STATIC.CLOSE_CURLY;
      case 0x5b: return STATIC.OPEN_SQUARE;
      case 0x5d: return STATIC.CLOSE_SQUARE;
      case 0x2b: return this.pullPlusEquals();
      default:
        if (inSet(FIRST_NUMBER_CHARS, c)) return this.pullNumber(c);
        if (inSet(NOT_IN_UNQUOTED_TEXT, c)) {
          const name = charName(c);
          throw this.problem(name, `Reserved character '${name}' is not allowed outside quotes`);
        }
        this.putBack(c);
        return this.pullUnquotedText();
    }
  }
}

// ---- document parser (syntax) ------------------------------------------------------------------

/** A field path, as SeaTunnel's PathParser splits keys: on `->` outside quotes. */
const PATH_SEPARATOR = '->';

type DocValue =
  | { n: 'simple'; token: Token }
  | { n: 'object'; entries: DocEntry[]; line: number }
  | { n: 'array'; items: DocValue[]; line: number }
  | { n: 'concat'; parts: DocValue[]; line: number };

type DocEntry =
  | { n: 'include'; required: boolean; kind: 'heuristic' | 'file' | 'url' | 'classpath'; name: string; line: number }
  | { n: 'field'; path: string[]; separator: 'COLON' | 'EQUALS' | 'PLUS_EQUALS' | 'NONE'; value: DocValue; line: number };

/** PathParser.parsePathExpression over key (or substitution) tokens. */
function parsePath(tokens: readonly Token[], line: number): string[] {
  if (tokens.length === 0) throw configError(line, 'Expecting a field name or path here, but got nothing');
  const elements: { text: string; canBeEmpty: boolean }[] = [{ text: '', canBeEmpty: false }];
  const addText = (wasQuoted: boolean, text: string): void => {
    const current = elements[elements.length - 1]!;
    const i = wasQuoted ? -1 : text.indexOf(PATH_SEPARATOR);
    if (i < 0) {
      current.text += text;
      if (wasQuoted && current.text.length === 0) current.canBeEmpty = true;
      return;
    }
    current.text += text.slice(0, i);
    elements.push({ text: '', canBeEmpty: false });
    addText(false, text.slice(i + PATH_SEPARATOR.length));
  };
  for (const t of tokens) {
    if (t.k === 'WS') continue;
    if (t.k === 'END') continue;
    if (t.k === 'VALUE' && t.value.type === 'string') addText(true, t.value.value);
    else if (t.k === 'VALUE') addText(false, t.value.type === 'number' ? t.value.text : unwrappedText(t.value));
    else if (t.k === 'UNQUOTED') addText(false, t.text);
    else {
      throw configError(line, `Token not allowed in path expression: ${tokenText(t)} (you can double-quote this token if you really want it here)`);
    }
  }
  for (const e of elements) {
    if (e.text.length === 0 && !e.canBeEmpty) {
      throw configError(line, 'path has a leading, trailing, or two adjacent period \'.\' (use quoted "" empty string if you want an empty element)');
    }
  }
  return elements.map((e) => e.text);
}

const isUnquotedWhitespace = (t: Token): boolean => t.k === 'UNQUOTED' && [...t.text].every((ch) => isConfigWhitespace(ch.charCodeAt(0)));
const isStringValue = (t: Token): t is { k: 'VALUE'; line: number; value: { type: 'string'; value: string; quoted: boolean; line: number } } =>
  t.k === 'VALUE' && t.value.type === 'string';
const CLOSE_PAREN_ERROR = "expecting a close parentheses ')' here, not: ";

/** Path.render(): elements joined with `->`, quoted when they hold other than letters, digits, `-`, `_`, `.`. */
function renderPath(path: readonly string[]): string {
  return path.map((e) => (e.length === 0 || /[^\p{L}\p{Nd}\-_.]/u.test(e) ? JSON.stringify(e) : e)).join(PATH_SEPARATOR);
}

class DocumentParser {
  private readonly buffer: Token[] = [];
  private index = 0;
  private line = 1;
  private equalsCount = 0;

  constructor(private readonly tokens: readonly Token[], private readonly json: boolean) {}

  private popToken(): Token {
    if (this.buffer.length > 0) return this.buffer.pop()!;
    return this.tokens[this.index++] ?? STATIC.END;
  }

  private nextToken(): Token {
    const t = this.popToken();
    if (this.json) {
      if (t.k === 'UNQUOTED' && !isUnquotedWhitespace(t)) throw this.error(`Token not allowed in valid JSON: '${t.text}'`);
      if (t.k === 'SUBST') throw this.error('Substitutions (${} syntax) not allowed in JSON');
    }
    return t;
  }

  private nextTokenCollectingWhitespace(): Token {
    for (;;) {
      const t = this.nextToken();
      if (t.k === 'WS' || t.k === 'NEWLINE' || isUnquotedWhitespace(t)) {
        if (t.k === 'NEWLINE') this.line = t.line + 1;
      } else if (t.k !== 'COMMENT') {
        if (t.line >= 0) this.line = t.line;
        return t;
      }
    }
  }

  private putBack(t: Token): void {
    this.buffer.push(t);
  }

  private error(message: string): ConfigError {
    return configError(this.line, message);
  }

  private checkElementSeparator(): boolean {
    if (this.json) {
      const t = this.nextTokenCollectingWhitespace();
      if (t.k === 'COMMA') return true;
      this.putBack(t);
      return false;
    }
    let sawSeparatorOrNewline = false;
    let t = this.nextToken();
    for (;;) {
      if (t.k === 'WS' || isUnquotedWhitespace(t) || t.k === 'COMMENT') {
        // skipped
      } else if (t.k === 'NEWLINE') {
        sawSeparatorOrNewline = true;
        this.line++;
      } else if (t.k === 'COMMA') {
        return true;
      } else {
        this.putBack(t);
        return sawSeparatorOrNewline;
      }
      t = this.nextToken();
    }
  }

  /** A concatenation, or the single value it turned out to be, or null (JSON, or no value). */
  private consolidateValues(): DocValue | null {
    if (this.json) return null;
    const values: ({ ws: Token } | DocValue)[] = [];
    let valueCount = 0;
    let t = this.nextTokenCollectingWhitespace();
    for (;;) {
      if (t.k === 'WS') {
        values.push({ ws: t });
        t = this.nextToken();
        continue;
      }
      if (t.k === 'VALUE' || t.k === 'UNQUOTED' || t.k === 'SUBST' || t.k === 'OPEN_CURLY' || t.k === 'OPEN_SQUARE') {
        values.push(this.parseValue(t));
        valueCount++;
      } else break;
      t = this.nextToken(); // a newline ends the concatenation
    }
    this.putBack(t);
    if (valueCount < 2) {
      let value: DocValue | null = null;
      for (const node of values) {
        if (!('ws' in node)) value = node;
        else if (value !== null) this.putBack(node.ws);
      }
      return value;
    }
    while (values.length > 0 && 'ws' in values[values.length - 1]!) this.putBack((values.pop() as { ws: Token }).ws);
    const parts = values.filter((v): v is DocValue => !('ws' in v));
    return { n: 'concat', parts, line: this.line };
  }

  private addQuoteSuggestion(badToken: string, message: string, insideEquals = this.equalsCount > 0): string {
    // Typesafe 1.3.3 never records the previous field's path here, so the generic wording is used.
    if (badToken === STATIC_TEXT.END) return message;
    const part = `${message} (if you intended ${badToken} to be part of a key or string value, try enclosing the key or value in double quotes`;
    return insideEquals ? `${part}, or you may be able to rename the file .properties rather than .conf)` : `${part})`;
  }

  private parseValue(t: Token): DocValue {
    if (t.k === 'VALUE' || t.k === 'UNQUOTED' || t.k === 'SUBST') return { n: 'simple', token: t };
    if (t.k === 'OPEN_CURLY') return this.parseObject(true);
    if (t.k === 'OPEN_SQUARE') return this.parseArray();
    throw this.error(this.addQuoteSuggestion(tokenText(t), `Expecting a value but got wrong token: ${tokenText(t)}`));
  }

  private parseKey(token: Token): string[] {
    if (this.json) {
      if (isStringValue(token)) return parsePath([token], this.line);
      throw this.error(`Expecting close brace } or a field name here, got ${tokenText(token)}`);
    }
    const expression: Token[] = [];
    let t = token;
    while (t.k === 'VALUE' || t.k === 'UNQUOTED') {
      expression.push(t);
      t = this.nextToken(); // keys do not cross a newline
    }
    if (expression.length === 0) throw this.error(CLOSE_PAREN_ERROR + tokenText(t));
    this.putBack(t);
    return parsePath(expression, this.line);
  }

  private parseInclude(): DocEntry {
    const line = this.line;
    let t = this.nextTokenCollectingWhitespace();
    if (t.k === 'UNQUOTED' && t.text.startsWith('required(')) {
      const rest = t.text.replace('required(', '');
      if (rest.length > 0) this.putBack({ k: 'UNQUOTED', line: t.line, text: rest });
      const include = this.parseIncludeResource(true, line);
      t = this.nextTokenCollectingWhitespace();
      if (!(t.k === 'UNQUOTED' && t.text === ')')) throw this.error(CLOSE_PAREN_ERROR + tokenText(t));
      return include;
    }
    this.putBack(t);
    return this.parseIncludeResource(false, line);
  }

  private parseIncludeResource(required: boolean, line: number): DocEntry {
    let t = this.nextTokenCollectingWhitespace();
    if (t.k === 'UNQUOTED') {
      const kinds = ['url(', 'file(', 'classpath('] as const;
      const prefix = kinds.find((p) => t.k === 'UNQUOTED' && t.text.startsWith(p));
      if (!prefix) {
        throw this.error(
          'expecting include parameter to be quoted filename, file(), classpath(), or url(). No spaces are allowed before the open paren. Not expecting: ' +
            tokenText(t),
        );
      }
      const rest = t.text.replace(/^[^(]*\(/, '');
      if (rest.length > 0) this.putBack({ k: 'UNQUOTED', line: t.line, text: rest });
      t = this.nextTokenCollectingWhitespace();
      if (!isStringValue(t)) throw this.error(`expecting include ${prefix}) parameter to be a quoted string, rather than: ${tokenText(t)}`);
      const name = t.value.value;
      t = this.nextTokenCollectingWhitespace();
      if (t.k === 'UNQUOTED' && t.text.startsWith(')')) {
        const after = t.text.slice(1);
        if (after.length > 0) this.putBack({ k: 'UNQUOTED', line: t.line, text: after });
      } else throw this.error(CLOSE_PAREN_ERROR + tokenText(t));
      return { n: 'include', required, kind: prefix.slice(0, -1) as 'url' | 'file' | 'classpath', name, line };
    }
    if (isStringValue(t)) return { n: 'include', required, kind: 'heuristic', name: t.value.value, line };
    throw this.error(`include keyword is not followed by a quoted string, but by: ${tokenText(t)}`);
  }

  private parseObject(hadOpenCurly: boolean): DocValue {
    const line = this.line;
    const entries: DocEntry[] = [];
    const keys = new Set<string>();
    let afterComma = false;
    let lastInsideEquals = false;
    for (;;) {
      let t = this.nextTokenCollectingWhitespace();
      if (t.k === 'CLOSE_CURLY') {
        if (this.json && afterComma) {
          throw this.error(this.addQuoteSuggestion(tokenText(t), 'expecting a field name after a comma, got a close brace } instead'));
        } else if (!hadOpenCurly) {
          throw this.error(this.addQuoteSuggestion(tokenText(t), "unbalanced close brace '}' with no open brace"));
        }
        break;
      } else if (t.k === 'END' && !hadOpenCurly) {
        this.putBack(t);
        break;
      } else if (!this.json && t.k === 'UNQUOTED' && t.text === 'include') {
        entries.push(this.parseInclude());
        afterComma = false;
      } else {
        const fieldLine = this.line;
        const path = this.parseKey(t);
        const afterKey = this.nextTokenCollectingWhitespace();
        let insideEquals = false;
        let value: DocValue;
        let separator: 'COLON' | 'EQUALS' | 'PLUS_EQUALS' | 'NONE';
        if (!this.json && afterKey.k === 'OPEN_CURLY') {
          // An object value needs no ':' or '='.
          separator = 'NONE';
          value = this.parseValue(afterKey);
        } else {
          const separatorOk = this.json ? afterKey.k === 'COLON' : afterKey.k === 'COLON' || afterKey.k === 'EQUALS' || afterKey.k === 'PLUS_EQUALS';
          if (!separatorOk) {
            throw this.error(this.addQuoteSuggestion(tokenText(afterKey), `Key '${renderPath(path)}' may not be followed by token: ${tokenText(afterKey)}`));
          }
          separator = afterKey.k as 'COLON' | 'EQUALS' | 'PLUS_EQUALS';
          if (afterKey.k === 'EQUALS') {
            insideEquals = true;
            this.equalsCount += 1;
          }
          value = this.consolidateValues() ?? this.parseValue(this.nextTokenCollectingWhitespace());
        }
        if (insideEquals) this.equalsCount -= 1;
        lastInsideEquals = insideEquals;
        const key = path[0]!;
        if (path.length === 1 && keys.has(key) && this.json) {
          throw this.error(`JSON does not allow duplicate fields: '${key}' was already seen`);
        }
        keys.add(key);
        afterComma = false;
        entries.push({ n: 'field', path, separator, value, line: fieldLine });
      }
      if (this.checkElementSeparator()) {
        afterComma = true;
        continue;
      }
      t = this.nextTokenCollectingWhitespace();
      if (t.k === 'CLOSE_CURLY') {
        if (!hadOpenCurly) {
          throw this.error(this.addQuoteSuggestion(tokenText(t), "unbalanced close brace '}' with no open brace", lastInsideEquals));
        }
        break;
      } else if (hadOpenCurly) {
        throw this.error(this.addQuoteSuggestion(tokenText(t), `Expecting close brace } or a comma, got ${tokenText(t)}`, lastInsideEquals));
      } else if (t.k === 'END') {
        this.putBack(t);
        break;
      } else {
        throw this.error(this.addQuoteSuggestion(tokenText(t), `Expecting end of input or a comma, got ${tokenText(t)}`, lastInsideEquals));
      }
    }
    return { n: 'object', entries, line };
  }

  private parseArray(): DocValue {
    const line = this.line;
    const items: DocValue[] = [];
    const startsValue = (t: Token): boolean =>
      t.k === 'VALUE' || t.k === 'OPEN_CURLY' || t.k === 'OPEN_SQUARE' || t.k === 'UNQUOTED' || t.k === 'SUBST';
    let next = this.consolidateValues();
    if (next) items.push(next);
    else {
      const t = this.nextTokenCollectingWhitespace();
      if (t.k === 'CLOSE_SQUARE') return { n: 'array', items, line };
      if (!startsValue(t)) {
        const text = tokenText(t);
        throw this.error(`List should have ] or a first element after the open [, instead had token: ${text} (if you want ${text} to be part of a string value, then double-quote it)`);
      }
      items.push(this.parseValue(t));
    }
    for (;;) {
      if (!this.checkElementSeparator()) {
        const t = this.nextTokenCollectingWhitespace();
        if (t.k === 'CLOSE_SQUARE') return { n: 'array', items, line };
        const text = tokenText(t);
        throw this.error(`List should have ended with ] or had a comma, instead had token: ${text} (if you want ${text} to be part of a string value, then double-quote it)`);
      }
      next = this.consolidateValues();
      if (next) items.push(next);
      else {
        const t = this.nextTokenCollectingWhitespace();
        if (startsValue(t)) items.push(this.parseValue(t));
        else if (!this.json && t.k === 'CLOSE_SQUARE') this.putBack(t); // one trailing comma is allowed
        else {
          const text = tokenText(t);
          throw this.error(
            `List should have had new element after a comma, instead had token: ${text} (if you want the comma or ${text} to be part of a string value, then double-quote it)`,
          );
        }
      }
    }
  }

  parse(): DocValue {
    this.nextToken(); // START
    let t = this.nextTokenCollectingWhitespace();
    let result: DocValue;
    if (t.k === 'OPEN_CURLY' || t.k === 'OPEN_SQUARE') {
      result = this.parseValue(t);
    } else if (this.json) {
      if (t.k === 'END') throw this.error('Empty document');
      throw this.error(`Document must have an object or array at root, unexpected token: ${tokenText(t)}`);
    } else {
      // The root object may omit its braces.
      this.putBack(t);
      result = this.parseObject(false);
    }
    t = this.nextTokenCollectingWhitespace();
    if (t.k !== 'END') throw this.error(`Document has trailing tokens after first object or array: ${tokenText(t)}`);
    return result;
  }
}

// ---- values (ConfigParser, with SeaTunnel's patch) ---------------------------------------------

const PLUGIN_BLOCKS = new Set(['source', 'transform', 'sink']);

const emptyObject = (line: number): ConfigObject => ({ type: 'object', entries: new Map(), ignoresFallbacks: false, line });

/** A value rendered as Typesafe's concise JSON (`render(ConfigRenderOptions.concise())`), keys in order. */
export function renderConfig(v: ConfigValue): string {
  switch (v.type) {
    case 'object':
      return `{${[...v.entries].map(([k, x]) => `${JSON.stringify(k)}:${renderConfig(x)}`).join(',')}}`;
    case 'list':
      return `[${v.items.map(renderConfig).join(',')}]`;
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return v.text;
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    case 'unresolved':
      return v.text;
  }
}

/** AbstractConfigValue.toString(): `<class>(<concise render>)`. */
function describeValue(v: ConfigValue): string {
  const className =
    v.type === 'object' ? 'SimpleConfigObject'
    : v.type === 'list' ? 'SimpleConfigList'
    : v.type === 'string' ? (v.quoted ? 'Quoted' : 'Unquoted')
    : v.type === 'number' ? (v.kind === 'int' ? 'ConfigInt' : v.kind === 'long' ? 'ConfigLong' : 'ConfigDouble')
    : v.type === 'boolean' ? 'ConfigBoolean'
    : v.type === 'null' ? 'ConfigNull'
    : v.className;
  return `${className}(${renderConfig(v)})`;
}

/** `this.withFallback(fallback)`: objects merge (this wins, its keys first), anything else keeps `this`. */
export function withFallback(value: ConfigValue, fallback: ConfigValue): ConfigValue {
  if (value.type === 'unresolved') {
    return { type: 'unresolved', className: 'ConfigDelayedMerge', text: value.text, line: value.line };
  }
  if (value.type !== 'object') return value;
  if (value.ignoresFallbacks) return value;
  if (fallback.type === 'object') {
    const entries = new Map<string, ConfigValue>();
    for (const [key, first] of value.entries) {
      const second = fallback.entries.get(key);
      entries.set(key, second === undefined ? first : withFallback(first, second));
    }
    for (const [key, second] of fallback.entries) if (!entries.has(key)) entries.set(key, second);
    return { type: 'object', entries, ignoresFallbacks: fallback.ignoresFallbacks, line: value.line };
  }
  if (fallback.type === 'unresolved') {
    return { type: 'unresolved', className: 'ConfigDelayedMergeObject', text: renderConfig(value), line: value.line };
  }
  // Falling back to a non-object merges nothing and stops any later fallback.
  return { ...value, ignoresFallbacks: true };
}

/** Typesafe's transformToString: the text a scalar contributes to a concatenation (null for containers). */
function concatText(v: ConfigValue): string | null {
  switch (v.type) {
    case 'string':
      return v.value;
    case 'number':
      return v.text;
    case 'boolean':
      return String(v.value);
    case 'null':
      return 'null';
    default:
      return null;
  }
}

/** DefaultTransformer: an object with integer keys (`0`, `1`, …) read as a list. */
function objectAsList(v: ConfigObject): ConfigValue {
  const indexed: [number, ConfigValue][] = [];
  for (const [key, value] of v.entries) {
    if (/^[+-]?\d+$/.test(key)) {
      const i = Number(key);
      if (i >= 0 && i <= 2147483647) indexed.push([i, value]);
    }
  }
  if (indexed.length === 0) return v;
  indexed.sort((a, b) => a[0] - b[0]);
  return { type: 'list', items: indexed.map(([, value]) => value), line: v.line };
}

/** ConfigConcatenation.concatenate: adjacent values joined (strings), merged (objects) or appended (lists). */
function concatenate(pieces: ConfigValue[]): ConfigValue {
  const out: ConfigValue[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (previous === undefined) {
      out.push(piece);
      continue;
    }
    let left = previous;
    let right = piece;
    if (left.type === 'object' && right.type === 'list') left = objectAsList(left);
    else if (left.type === 'list' && right.type === 'object') right = objectAsList(right);
    let joined: ConfigValue | null = null;
    if (left.type === 'object' && right.type === 'object') joined = withFallback(right, left);
    else if (left.type === 'list' && right.type === 'list') joined = { type: 'list', items: [...left.items, ...right.items], line: left.line };
    else if ((left.type === 'list' || left.type === 'object') && right.type === 'string' && !right.quoted) joined = left;
    else if (left.type === 'unresolved' || right.type === 'unresolved') joined = null;
    else {
      const s1 = concatText(left);
      const s2 = concatText(right);
      if (s1 === null || s2 === null) {
        throw configError(
          left.line,
          `Cannot concatenate object or list with a non-object-or-list, ${describeValue(left)} and ${describeValue(right)} are not compatible`,
        );
      }
      joined = { type: 'string', value: s1 + s2, quoted: true, line: left.line };
    }
    if (joined === null) out.push(right);
    else out[out.length - 1] = joined;
  }
  if (out.length === 1) return out[0]!;
  return { type: 'unresolved', className: 'ConfigConcatenation', text: out.map(renderConfig).join(''), line: out[0]?.line ?? -1 };
}

/** { a: { b: value } } for the path a->b. */
function valueUnderPath(path: readonly string[], value: ConfigValue, line: number): ConfigObject {
  let result: ConfigValue = value;
  for (let i = path.length - 1; i >= 0; i--) {
    result = { type: 'object', entries: new Map([[path[i]!, result]]), ignoresFallbacks: false, line };
  }
  return result as ConfigObject;
}

class ValueBuilder {
  /** Paths of the fields being parsed, innermost last. */
  private readonly pathStack: string[][] = [];
  private arrayCount = 0;

  constructor(private readonly json: boolean) {}

  value(node: DocValue): ConfigValue {
    switch (node.n) {
      case 'simple':
        return this.simple(node.token);
      case 'object': {
        const path = this.pathStack[this.pathStack.length - 1];
        // SeaTunnel's patch: `source { … }`, `transform { … }`, `sink { … }` become plugin lists.
        if (path && !this.json && PLUGIN_BLOCKS.has(path[0]!)) return this.pluginList(node.entries, node.line);
        return this.object(node.entries, node.line);
      }
      case 'array': {
        this.arrayCount += 1;
        const items = node.items.map((item) => this.value(item));
        this.arrayCount -= 1;
        return { type: 'list', items, line: node.line };
      }
      case 'concat':
        return concatenate(node.parts.map((part) => this.value(part)));
    }
  }

  private simple(t: Token): ConfigValue {
    if (t.k === 'VALUE') return t.value;
    if (t.k === 'UNQUOTED') return { type: 'string', value: t.text, quoted: false, line: t.line };
    if (t.k === 'SUBST') {
      const path = parsePath(t.expr, t.line);
      return { type: 'unresolved', className: 'ConfigReference', text: `\${${t.optional ? '?' : ''}${renderPath(path)}}`, line: t.line };
    }
    throw new ConfigError(`bug: not a value token: ${tokenText(t)}`);
  }

  private include(entry: Extract<DocEntry, { n: 'include' }>): ConfigObject {
    // Nothing is read: an optional include of something absent is empty; a required one fails.
    if (!entry.required) return emptyObject(entry.line);
    const what = entry.kind === 'file' ? `${entry.name} (No such file or directory)` : `resource not found on classpath: ${entry.name}`;
    throw configError(entry.line, what);
  }

  /** A field's value, with `+=` turned into its (unresolvable) self-reference concatenation. */
  private fieldValue(entry: Extract<DocEntry, { n: 'field' }>): ConfigValue {
    this.pathStack.push(entry.path);
    try {
      if (entry.separator === 'PLUS_EQUALS') {
        if (this.arrayCount > 0) {
          throw configError(
            entry.line,
            'Due to current limitations of the config parser, += does not work nested inside a list. += expands to a ${} substitution and the path in ${} cannot currently refer to list elements. You might be able to move the += outside of the list and then refer to it from inside the list with ${}.',
          );
        }
        this.arrayCount += 1;
        const value = this.value(entry.value);
        this.arrayCount -= 1;
        const full = this.pathStack.flat();
        return { type: 'unresolved', className: 'ConfigConcatenation', text: `\${?${renderPath(full)}}[${renderConfig(value)}]`, line: entry.line };
      }
      return this.value(entry.value);
    } finally {
      this.pathStack.pop();
    }
  }

  private object(entries: readonly DocEntry[], line: number): ConfigObject {
    const values = new Map<string, ConfigValue>();
    for (const entry of entries) {
      if (entry.n === 'include') {
        for (const [key, v] of this.include(entry).entries) {
          const existing = values.get(key);
          values.set(key, existing === undefined ? v : withFallback(v, existing));
        }
        continue;
      }
      const value = this.fieldValue(entry);
      const [key, ...remaining] = entry.path as [string, ...string[]];
      const existing = values.get(key);
      const placed = remaining.length === 0 ? value : valueUnderPath(remaining, value, entry.line);
      values.set(key, existing === undefined ? placed : withFallback(placed, existing));
    }
    return { type: 'object', entries: values, ignoresFallbacks: false, line };
  }

  /** SeaTunnel's parseObjectForSeaTunnel: every field is one plugin, `plugin_name` = its key unless set. */
  private pluginList(entries: readonly DocEntry[], line: number): ConfigValue {
    const items: ConfigValue[] = [];
    for (const entry of entries) {
      if (entry.n === 'include') {
        this.include(entry); // merged into a map SeaTunnel then discards
        continue;
      }
      const value = this.fieldValue(entry);
      const [key, ...remaining] = entry.path as [string, ...string[]];
      const name: ConfigObject = { type: 'object', entries: new Map([['plugin_name', { type: 'string', value: key, quoted: true, line: entry.line }]]), ignoresFallbacks: false, line: entry.line };
      const placed = remaining.length === 0 ? value : valueUnderPath(remaining, value, entry.line);
      items.push(withFallback(placed, name));
    }
    return { type: 'list', items, line };
  }
}

/**
 * `ConfigFactory.parseString(text)` (syntax `conf`, SeaTunnel's default) or with
 * `ConfigSyntax.JSON` (`json`), as SeaTunnel's shaded Typesafe Config parses it.
 * @throws ConfigError with Typesafe's message (`String: <line>: …`).
 */
export function parseConfig(text: string, syntax: ConfigSyntax = 'conf'): ConfigObject {
  const json = syntax === 'json';
  const tokens = new Tokenizer(text, !json).tokenize();
  const document = new DocumentParser(tokens, json).parse();
  const root = new ValueBuilder(json).value(document);
  if (root.type !== 'object') {
    throw configError(root.line, ` has type ${root.type === 'list' ? 'LIST' : root.type.toUpperCase()} rather than object at file root`);
  }
  return root;
}
