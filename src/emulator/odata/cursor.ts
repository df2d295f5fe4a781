/** A token cursor shared by the `$filter` and `$orderby` parsers, with the field-reference rule. */
import { syntaxError } from './errors';
import type { Clause, ODataError } from './errors';
import { describeToken, lex } from './lexer';
import type { Token } from './lexer';
import type { FieldRef } from './types';

export const FIELD_EXPECTED = 'a field (fields/Name or id)';
/** Words that can never start a field reference, so "expected a field" is the helpful message. */
const RESERVED: ReadonlySet<string> = new Set(['and', 'or', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'asc', 'desc', 'true', 'false', 'null']);

export class Cursor {
  private readonly tokens: Token[];
  private index = 0;

  constructor(
    readonly text: string,
    readonly clause: Clause,
  ) {
    this.tokens = lex(text, clause);
  }

  peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[this.index + offset] ?? last;
    if (token === undefined) throw new Error('lexer returned no tokens');
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  /** True when the current token is the identifier `word` (case-insensitive). */
  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'ident' && token.value.toLowerCase() === word;
  }

  error(token: Token, detail: string): ODataError {
    return syntaxError(this.clause, this.text, token.pos, detail);
  }

  /** "expected X, found Y" at the current token. */
  expected(what: string, token: Token = this.peek()): ODataError {
    return this.error(token, `expected ${what}, found ${describeToken(token)}`);
  }

  expect(kind: '(' | ')' | ',' | '/', what = `'${kind}'`): Token {
    const token = this.peek();
    if (token.kind !== kind) throw this.expected(what);
    return this.next();
  }

  /** `id` | `fields/Name` (`fields/id` is the item ID too). */
  fieldRef(): FieldRef {
    const token = this.peek();
    if (token.kind !== 'ident') throw this.expected(FIELD_EXPECTED);
    const word = token.value.toLowerCase();
    if (RESERVED.has(word)) throw this.expected(FIELD_EXPECTED);
    if (word === 'id') {
      this.next();
      return { kind: 'id' };
    }
    if (word !== 'fields') {
      throw this.error(
        token,
        `'${token.value}' is not supported here; list item columns are referenced as fields/${token.value}, the item ID as id`,
      );
    }
    this.next();
    const slash = this.expect('/', "'/' after fields");
    const name = this.peek();
    // A path has no blanks inside: `fields/Title`, not `fields/ Title`.
    if (name.kind !== 'ident' || slash.pos !== token.pos + token.value.length || name.pos !== slash.pos + 1) {
      throw this.expected('a column name directly after fields/', name);
    }
    this.next();
    if (this.peek().kind === '/') {
      throw this.error(this.peek(), `nested paths such as fields/${name.value}/... are not supported`);
    }
    return name.value.toLowerCase() === 'id' ? { kind: 'id' } : { kind: 'field', name: name.value };
  }
}
