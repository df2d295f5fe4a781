/**
 * `$filter` and `$orderby` parsers (recursive descent over the lexer's tokens).
 *
 *   filter  := or
 *   or      := and ('or' and)*            left-associative
 *   and     := primary ('and' primary)*   binds tighter than 'or'
 *   primary := '(' or ')' | 'startswith' '(' field ',' string ')' | field op literal
 *   field   := 'id' | 'fields' '/' name
 *   literal := string | number | 'true' | 'false' | 'null'   (null only with eq / ne)
 *   orderby := field ('asc' | 'desc')? (',' field ('asc' | 'desc')?)*
 *
 * Keywords are case-insensitive. The field must be on the left of a comparison.
 */
import { Cursor, FIELD_EXPECTED } from './cursor';
import { isLogical } from './types';
import type { ComparisonOperator, FieldRef, FilterNode, ODataLiteral, OrderByTerm } from './types';

const OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const VALUE_EXPECTED = "a value ('string', number, true, false or null)";
/** Parentheses deeper than this are refused, so a hostile filter cannot exhaust the stack. */
export const MAX_FILTER_DEPTH = 32;

export function parseFilter(text: string): FilterNode {
  const cursor = new Cursor(text, 'filter');
  if (cursor.peek().kind === 'eof') throw cursor.expected('a filter expression');
  const node = parseOr(cursor, 0);
  if (cursor.peek().kind !== 'eof') throw cursor.expected("'and', 'or' or end of input");
  return node;
}

function parseOr(cursor: Cursor, depth: number): FilterNode {
  let left = parseAnd(cursor, depth);
  while (cursor.isWord('or')) {
    cursor.next();
    left = { kind: 'or', left, right: parseAnd(cursor, depth) };
  }
  return left;
}

function parseAnd(cursor: Cursor, depth: number): FilterNode {
  let left = parsePrimary(cursor, depth);
  while (cursor.isWord('and')) {
    cursor.next();
    left = { kind: 'and', left, right: parsePrimary(cursor, depth) };
  }
  return left;
}

function parsePrimary(cursor: Cursor, depth: number): FilterNode {
  const token = cursor.peek();
  if (token.kind === '(') {
    if (depth >= MAX_FILTER_DEPTH) throw cursor.error(token, `parentheses nested deeper than ${MAX_FILTER_DEPTH}`);
    cursor.next();
    const inner = parseOr(cursor, depth + 1);
    cursor.expect(')', "'and', 'or' or ')'");
    return inner;
  }
  if (token.kind !== 'ident') throw cursor.expected(`${FIELD_EXPECTED}, startswith(...) or '('`);
  const word = token.value.toLowerCase();
  if (word === 'startswith') return parseStartsWith(cursor);
  if (cursor.peek(1).kind === '(') {
    throw cursor.error(token, `the function '${token.value}' is not supported; the only function is startswith`);
  }
  if (word === 'not') throw cursor.error(token, "the operator 'not' is not supported");
  const field = cursor.fieldRef();
  const opToken = cursor.peek();
  const op = opToken.kind === 'ident' ? opToken.value.toLowerCase() : '';
  if (!OPERATORS.has(op)) throw cursor.expected('a comparison operator (eq, ne, lt, gt, le, ge)');
  cursor.next();
  const valueToken = cursor.peek();
  const value = parseLiteral(cursor);
  if (value === null && op !== 'eq' && op !== 'ne') {
    throw cursor.error(valueToken, `null can only be compared with eq or ne, not ${op}`);
  }
  return { kind: 'compare', op: op as ComparisonOperator, field, value };
}

function parseStartsWith(cursor: Cursor): FilterNode {
  cursor.next(); // startswith
  cursor.expect('(');
  const field: FieldRef = cursor.fieldRef();
  cursor.expect(',', "','");
  const value = cursor.peek();
  if (value.kind !== 'string') throw cursor.expected("a quoted string ('...') as the second argument of startswith");
  cursor.next();
  cursor.expect(')', "')'");
  return { kind: 'startswith', field, value: value.value };
}

function parseLiteral(cursor: Cursor): ODataLiteral {
  const token = cursor.peek();
  if (token.kind === 'string' || token.kind === 'number') {
    cursor.next();
    return token.value;
  }
  if (token.kind === 'ident') {
    const word = token.value.toLowerCase();
    if (word === 'true' || word === 'false' || word === 'null') {
      cursor.next();
      return word === 'null' ? null : word === 'true';
    }
    if (word === 'id' || word === 'fields') {
      throw cursor.error(token, 'comparing a field with another field is not supported; the right side must be a value');
    }
  }
  throw cursor.expected(VALUE_EXPECTED);
}

/** `fields/DueDate desc, id` → terms in order; an empty text gives no terms. */
export function parseOrderBy(text: string): OrderByTerm[] {
  const cursor = new Cursor(text, 'orderby');
  const terms: OrderByTerm[] = [];
  if (cursor.peek().kind === 'eof') return terms;
  for (;;) {
    const field = cursor.fieldRef();
    let direction: OrderByTerm['direction'] = 'asc';
    let follow = "'asc', 'desc', ',' or end of input";
    if (cursor.isWord('asc') || cursor.isWord('desc')) {
      direction = cursor.isWord('desc') ? 'desc' : 'asc';
      cursor.next();
      follow = "',' or end of input";
    }
    terms.push({ field, direction });
    const token = cursor.peek();
    if (token.kind === 'eof') return terms;
    if (token.kind !== ',') throw cursor.expected(follow);
    cursor.next();
  }
}

function refKey(ref: FieldRef): string {
  return ref.kind === 'id' ? 'id' : `fields/${ref.name}`;
}

/** Every field the filter and the ordering use, first occurrence first, without duplicates. */
export function referencedFields(filter: FilterNode | undefined, orderBy: readonly OrderByTerm[]): FieldRef[] {
  const seen = new Map<string, FieldRef>();
  const add = (ref: FieldRef): void => {
    if (!seen.has(refKey(ref))) seen.set(refKey(ref), ref);
  };
  const walk = (node: FilterNode): void => {
    if (isLogical(node)) {
      walk(node.left);
      walk(node.right);
    } else {
      add(node.field);
    }
  };
  if (filter) walk(filter);
  for (const term of orderBy) add(term.field);
  return [...seen.values()];
}
