// `$filter` on `/users`: `eq` and `startswith` on userPrincipalName, mail and displayName (and
// `id eq`), joined by and / or with parentheses — compiled to parameterised SQL. Comparisons
// ignore case, as the directory's do.
//
//   expr    := and ('or' and)*
//   and     := primary ('and' primary)*
//   primary := '(' expr ')' | 'startswith' '(' property ',' string ')' | property 'eq' string
import type { GraphError } from '../server/contract';
import { badRequest, notImplemented } from '../server/graph-errors';
import type { SqlFragment } from '../odata';

type Token = { kind: 'word'; text: string; at: number } | { kind: 'string'; text: string; at: number } | { kind: '(' | ')' | ','; at: number };

/** Filterable properties → the lower-cased column to compare with. */
const COLUMNS: Readonly<Record<string, string>> = {
  userprincipalname: 'upn_key',
  mail: 'mail_key',
  displayname: 'display_name_key',
  id: 'id',
};

/** User properties Graph has but the emulator cannot filter on. */
const OTHER_PROPERTIES: ReadonlySet<string> = new Set([
  'jobtitle',
  'givenname',
  'surname',
  'businessphones',
  'mobilephone',
  'officelocation',
  'preferredlanguage',
  'department',
  'accountenabled',
  'employeeid',
  'companyname',
  'usertype',
  'othermails',
  'proxyaddresses',
]);

const MAX_DEPTH = 32;

function syntax(detail: string): GraphError {
  return badRequest(`Invalid filter clause: ${detail}`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, at: i });
      i += 1;
    } else if (ch === "'") {
      const start = i;
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw syntax(`unterminated string literal at position ${start} in '${text}'.`);
        const c = text.charAt(i);
        if (c === "'" && text.charAt(i + 1) === "'") {
          value += "'";
          i += 2;
        } else if (c === "'") {
          i += 1;
          break;
        } else {
          value += c;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', text: value, at: start });
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(text.slice(i));
      if (!m) throw syntax(`syntax error: character '${ch}' is not valid at position ${i} in '${text}'.`);
      tokens.push({ kind: 'word', text: m[0], at: i });
      i += m[0].length;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  parse(): SqlFragment {
    if (this.tokens.length === 0) throw syntax('the filter is empty.');
    const result = this.join('or', 0);
    const rest = this.peek();
    if (rest) throw syntax(`syntax error at position ${rest.at} in '${this.text}': expected 'and', 'or' or the end.`);
    return result;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text.toLowerCase() === word;
  }

  private expect(kind: Token['kind'], what: string): void {
    const t = this.peek();
    if (t?.kind !== kind) throw syntax(`expected ${what} at position ${t?.at ?? this.text.length} in '${this.text}'.`);
    this.pos += 1;
  }

  private string(): string {
    const t = this.peek();
    if (t?.kind !== 'string') throw syntax(`expected a quoted string at position ${t?.at ?? this.text.length} in '${this.text}'.`);
    this.pos += 1;
    return t.text;
  }

  private join(op: 'and' | 'or', depth: number): SqlFragment {
    const parts = [op === 'or' ? this.join('and', depth) : this.primary(depth)];
    while (this.isWord(op)) {
      this.pos += 1;
      parts.push(op === 'or' ? this.join('and', depth) : this.primary(depth));
    }
    if (parts.length === 1 && parts[0]) return parts[0];
    return { sql: parts.map((p) => `(${p.sql})`).join(` ${op.toUpperCase()} `), params: parts.flatMap((p) => p.params) };
  }

  private column(token: Token): { name: string; column: string } {
    if (token.kind !== 'word') throw syntax(`expected a property name at position ${token.at} in '${this.text}'.`);
    const key = token.text.toLowerCase();
    const column = COLUMNS[key];
    if (column) return { name: token.text, column };
    if (OTHER_PROPERTIES.has(key)) {
      throw notImplemented(`Filtering users on '${token.text}'`);
    }
    throw badRequest(`Could not find a property named '${token.text}' on type 'Microsoft.DirectoryServices.User'.`, 'Request_BadRequest');
  }

  private primary(depth: number): SqlFragment {
    const token = this.peek();
    if (!token) throw syntax(`unexpected end of '${this.text}'.`);
    this.pos += 1;
    if (token.kind === '(') {
      if (depth >= MAX_DEPTH) throw syntax(`parentheses nested deeper than ${MAX_DEPTH}.`);
      const inner = this.join('or', depth + 1);
      this.expect(')', "')'");
      return inner;
    }
    if (token.kind === 'word' && token.text.toLowerCase() === 'startswith' && this.peek()?.kind === '(') {
      this.pos += 1;
      const property = this.peek();
      if (!property) throw syntax(`unexpected end of '${this.text}'.`);
      this.pos += 1;
      const { name, column } = this.column(property);
      if (column === 'id') {
        throw badRequest(`Unsupported or invalid query filter clause specified for property '${name}' of resource 'User'.`, 'Request_UnsupportedQuery');
      }
      this.expect(',', "','");
      const prefix = this.string().toLowerCase();
      this.expect(')', "')'");
      return { sql: `substr(${column}, 1, ?) = ?`, params: [prefix.length, prefix] };
    }
    if (token.kind === 'word' && this.peek()?.kind === '(') {
      throw notImplemented(`The filter function '${token.text}' on users`);
    }
    const { column } = this.column(token);
    const op = this.peek();
    if (op?.kind !== 'word') throw syntax(`expected an operator at position ${op?.at ?? this.text.length} in '${this.text}'.`);
    this.pos += 1;
    if (op.text.toLowerCase() !== 'eq') {
      if (['ne', 'lt', 'gt', 'le', 'ge', 'in'].includes(op.text.toLowerCase())) {
        throw notImplemented(`The operator '${op.text}' in $filter on users (only eq and startswith are)`);
      }
      throw syntax(`unknown operator '${op.text}' at position ${op.at} in '${this.text}'.`);
    }
    return { sql: `${column} = ?`, params: [this.string().toLowerCase()] };
  }
}

export function userFilterToSql(text: string): SqlFragment {
  return new Parser(tokenize(text), text).parse();
}
