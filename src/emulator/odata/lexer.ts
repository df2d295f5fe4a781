/**
 * Tokens of `$filter` and `$orderby`. The text is the already URL-decoded query option.
 * Identifiers are ASCII (SharePoint internal names encode everything else, e.g. `_x00e5_`);
 * string literals may hold any Unicode, with `''` for a quote.
 */
import { syntaxError } from './errors';
import type { Clause } from './errors';

export type Token =
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; raw: string; pos: number }
  | { kind: '(' | ')' | ',' | '/' | 'eof'; pos: number };

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** An unquoted ISO date, e.g. `2024-01-01` or `2024-01-01T10:00:00Z`, which fields do not accept. */
const BARE_DATE = /\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?/iy;
const PUNCTUATION = new Set(['(', ')', ',', '/']);

function match(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

/** Describes a token for "found …" in error messages. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of input';
    case 'ident':
      return `'${token.value}'`;
    case 'string':
      return `the string '${token.value.replace(/'/g, "''")}'`;
    case 'number':
      return `the number ${token.raw}`;
    default:
      return `'${token.kind}'`;
  }
}

export function lex(text: string, clause: Clause): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (/\s/.test(ch)) {
      pos += 1;
      continue;
    }
    if (PUNCTUATION.has(ch)) {
      tokens.push({ kind: ch as '(' | ')' | ',' | '/', pos });
      pos += 1;
      continue;
    }
    if (ch === "'") {
      pos = readString(text, pos, clause, tokens);
      continue;
    }
    const bareDate = match(BARE_DATE, text, pos);
    if (bareDate !== undefined) {
      throw syntaxError(clause, text, pos, `expected a quoted date, found ${bareDate}; write dates in quotes, e.g. '${bareDate}'`);
    }
    const number = match(NUMBER, text, pos);
    if (number !== undefined) {
      const end = pos + number.length;
      if (/[A-Za-z0-9_.]/.test(text.charAt(end))) {
        throw syntaxError(clause, text, pos, `expected a number, found '${text.slice(pos, end + 1)}'`);
      }
      tokens.push({ kind: 'number', value: Number(number), raw: number, pos });
      pos = end;
      continue;
    }
    const ident = match(IDENT, text, pos);
    if (ident !== undefined) {
      tokens.push({ kind: 'ident', value: ident, pos });
      pos += ident.length;
      continue;
    }
    const hint = ch === '"' ? ' (strings are written in single quotes)' : '';
    throw syntaxError(clause, text, pos, `unexpected character '${ch}'${hint}`);
  }
  tokens.push({ kind: 'eof', pos: text.length });
  return tokens;
}

/** Reads `'...'` starting at the opening quote; returns the position after the closing quote. */
function readString(text: string, start: number, clause: Clause, tokens: Token[]): number {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const next = text.indexOf("'", pos);
    if (next < 0) {
      throw syntaxError(clause, text, start, "unterminated string literal (a quote inside a string is written '')");
    }
    value += text.slice(pos, next);
    if (text.charAt(next + 1) === "'") {
      value += "'";
      pos = next + 2;
      continue;
    }
    tokens.push({ kind: 'string', value, pos: start });
    return next + 1;
  }
}
