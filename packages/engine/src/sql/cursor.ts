import { isAliasWord, isNameWord } from './keywords.js';
import { SqlSyntaxError, type SqlToken } from './lexer.js';

/** A read position in a statement's tokens, with the small look-ahead the grammar needs. */
export class Cursor {
  private pos = 0;

  constructor(private readonly tokens: readonly SqlToken[]) {}

  peek(ahead = 0): SqlToken {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  next(): SqlToken {
    const token = this.peek();
    if (token.kind !== 'end') this.pos++;
    return token;
  }

  fail(): never {
    const token = this.peek();
    throw new SqlSyntaxError(token.kind === 'end' ? 'unexpected end of statement' : `unexpected token ${token.text}`);
  }

  isWord(upper: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'word' && token.upper === upper;
  }

  isSymbol(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'symbol' && token.text === text;
  }

  acceptWord(upper: string): SqlToken | null {
    return this.isWord(upper) ? this.next() : null;
  }

  acceptSymbol(text: string): boolean {
    if (!this.isSymbol(text)) return false;
    this.next();
    return true;
  }

  expectWord(upper: string): SqlToken {
    return this.acceptWord(upper) ?? this.fail();
  }

  expectSymbol(text: string): void {
    if (!this.acceptSymbol(text)) this.fail();
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  /** Whether the token `ahead` can name a table or column (a quoted identifier or a word JSqlParser allows there). */
  isName(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'quoted' || (token.kind === 'word' && isNameWord(token.upper));
  }

  /** Whether the token `ahead` can be a bare alias. */
  isAlias(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'quoted' || (token.kind === 'word' && isAliasWord(token.upper));
  }

  /** A name as written. */
  name(): string {
    if (!this.isName()) this.fail();
    return this.next().text;
  }

  /** A dotted name (`db.table`, `t.column`), its parts as written. */
  dottedName(): string[] {
    const parts = [this.name()];
    while (this.isSymbol('.') && this.isName(1)) {
      this.next();
      parts.push(this.name());
    }
    return parts;
  }
}
