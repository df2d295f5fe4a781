import { MAX_FILTER_DEPTH, ODataError, parseFilter, parseOrderBy, referencedFields } from '../../../src/emulator/odata';
import type { FieldRef, FilterNode, ODataLiteral, OrderByTerm } from '../../../src/emulator/odata';

const f = (name: string): FieldRef => ({ kind: 'field', name });
const ID: FieldRef = { kind: 'id' };
const eq = (field: FieldRef, value: ODataLiteral): FilterNode => ({ kind: 'compare', op: 'eq', field, value });
const and = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'and', left, right });
const or = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'or', left, right });
const A = eq(f('A'), 1);
const B = eq(f('B'), 2);
const C = eq(f('C'), 3);
const D = eq(f('D'), 4);

function errorOf(run: () => unknown): ODataError {
  try {
    run();
  } catch (e) {
    if (e instanceof ODataError) return e;
    throw e;
  }
  throw new Error('expected an ODataError');
}

describe('parseFilter: comparisons and literals', () => {
  test.each<[string, FilterNode]>([
    ["fields/Title eq 'x'", eq(f('Title'), 'x')],
    ["fields/Title eq 'O''Brien'", eq(f('Title'), "O'Brien")],
    ["fields/Title eq ''", eq(f('Title'), '')],
    ["fields/Title eq 'Örebro län – åäö'", eq(f('Title'), 'Örebro län – åäö')],
    ['id eq 5', eq(ID, 5)],
    ["id eq '5'", eq(ID, '5')],
    ['ID EQ 5', eq(ID, 5)],
    ['fields/id eq 5', eq(ID, 5)],
    ['fields/ID eq 5', eq(ID, 5)],
    ['Fields/Code eq 5', eq(f('Code'), 5)],
    ['fields/Quantity ne 600', { kind: 'compare', op: 'ne', field: f('Quantity'), value: 600 }],
    ['fields/Quantity lt 600', { kind: 'compare', op: 'lt', field: f('Quantity'), value: 600 }],
    ['fields/Quantity gt -1.5', { kind: 'compare', op: 'gt', field: f('Quantity'), value: -1.5 }],
    ['fields/Quantity le 0', { kind: 'compare', op: 'le', field: f('Quantity'), value: 0 }],
    ['fields/Quantity GE 12.75', { kind: 'compare', op: 'ge', field: f('Quantity'), value: 12.75 }],
    ['fields/Done eq true', eq(f('Done'), true)],
    ['fields/Done eq FALSE', eq(f('Done'), false)],
    ['fields/Done eq 1', eq(f('Done'), 1)],
    ['fields/Owner eq null', eq(f('Owner'), null)],
    ['fields/Owner ne NULL', { kind: 'compare', op: 'ne', field: f('Owner'), value: null }],
    ["fields/Modified ge '2024-01-01T00:00:00Z'", { kind: 'compare', op: 'ge', field: f('Modified'), value: '2024-01-01T00:00:00Z' }],
    ["fields/ParentLookupId eq '12'", eq(f('ParentLookupId'), '12')],
    ["startswith(fields/Title,'ab')", { kind: 'startswith', field: f('Title'), value: 'ab' }],
    ["StartsWith( fields/Title , 'Å''s' )", { kind: 'startswith', field: f('Title'), value: "Å's" }],
    ["  fields/Title\teq\n'x'  ", eq(f('Title'), 'x')],
    ["((fields/Title eq 'x'))", eq(f('Title'), 'x')],
    ["fields/and eq 'x'", eq(f('and'), 'x')],
  ])('%j', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: precedence (and binds tighter than or, both left-associative)', () => {
  test.each<[string, FilterNode]>([
    ['fields/A eq 1 and fields/B eq 2', and(A, B)],
    ['fields/A eq 1 or fields/B eq 2', or(A, B)],
    ['fields/A eq 1 or fields/B eq 2 and fields/C eq 3', or(A, and(B, C))],
    ['fields/A eq 1 and fields/B eq 2 or fields/C eq 3', or(and(A, B), C)],
    ['(fields/A eq 1 or fields/B eq 2) and fields/C eq 3', and(or(A, B), C)],
    ['fields/A eq 1 and (fields/B eq 2 or fields/C eq 3)', and(A, or(B, C))],
    ['fields/A eq 1 and fields/B eq 2 and fields/C eq 3', and(and(A, B), C)],
    ['fields/A eq 1 or fields/B eq 2 or fields/C eq 3', or(or(A, B), C)],
    ['fields/A eq 1 AND fields/B eq 2 OR fields/C eq 3 And fields/D eq 4', or(and(A, B), and(C, D))],
    ['((fields/A eq 1 or fields/B eq 2) and (fields/C eq 3 or fields/D eq 4))', and(or(A, B), or(C, D))],
  ])('%j', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });
});

describe('parseFilter: syntax errors name the position and what was expected', () => {
  test.each<[string, number, string]>([
    ['', 0, 'expected a filter expression, found end of input'],
    ['   ', 3, 'expected a filter expression, found end of input'],
    ['fields/Title eq', 15, "expected a value ('string', number, true, false or null), found end of input"],
    ["fields/Title 'x'", 13, "expected a comparison operator (eq, ne, lt, gt, le, ge), found the string 'x'"],
    ["fields/Title equals 'x'", 13, "expected a comparison operator (eq, ne, lt, gt, le, ge), found 'equals'"],
    ["fields/Title eq 'x' fields/B eq 1", 20, "expected 'and', 'or' or end of input, found 'fields'"],
    ["fields/Title eq 'x' and", 23, "expected a field (fields/Name or id), startswith(...) or '(', found end of input"],
    ["fields/Title eq 'x' and or fields/B eq 1", 24, "expected a field (fields/Name or id), found 'or'"],
    ["(fields/Title eq 'x'", 20, "expected 'and', 'or' or ')', found end of input"],
    ["fields/Title eq 'x')", 19, "expected 'and', 'or' or end of input, found ')'"],
    ['()', 1, "expected a field (fields/Name or id), startswith(...) or '(', found ')'"],
    ["Title eq 'x'", 0, "'Title' is not supported here; list item columns are referenced as fields/Title, the item ID as id"],
    ["createdDateTime ge '2024-01-01'", 0, "'createdDateTime' is not supported here"],
    ["fields eq 'x'", 7, "expected '/' after fields, found 'eq'"],
    ["fields/ eq 'x'", 8, "expected a column name directly after fields/, found 'eq'"],
    ["fields /Title eq 'x'", 8, "expected a column name directly after fields/, found 'Title'"],
    ["fields/'Title' eq 'x'", 7, "expected a column name directly after fields/, found the string 'Title'"],
    ["fields/AssignedTo/Email eq 'a@b.se'", 17, 'nested paths such as fields/AssignedTo/... are not supported'],
    ['fields/Title eq fields/Other', 16, 'comparing a field with another field is not supported'],
    ["'x' eq fields/Title", 0, "expected a field (fields/Name or id), startswith(...) or '(', found the string 'x'"],
    ['fields/Due lt null', 14, 'null can only be compared with eq or ne, not lt'],
    ["contains(fields/Title,'x')", 0, "the function 'contains' is not supported; the only function is startswith"],
    ["substringof('x',fields/Title)", 0, "the function 'substringof' is not supported"],
    ["not fields/Title eq 'x'", 0, "the operator 'not' is not supported"],
    ['startswith(fields/Title,5)', 24, "expected a quoted string ('...') as the second argument of startswith, found the number 5"],
    ["startswith(fields/Title 'x')", 24, "expected ',', found the string 'x'"],
    ["startswith(fields/Title,'x'", 27, "expected ')', found end of input"],
    ["startswith fields/Title", 11, "expected '(', found 'fields'"],
    ['fields/N eq 1,', 13, "expected 'and', 'or' or end of input, found ','"],
  ])('%j fails at %i', (text, position, detail) => {
    const error = errorOf(() => parseFilter(text));
    expect(error.code).toBe('BadRequest');
    expect(error.status).toBe(400);
    expect(error.position).toBe(position);
    expect(error.message.startsWith(`Invalid filter clause: Syntax error at position ${position} in '${text}': ${detail}`)).toBe(true);
  });

  test('the message is exactly "Invalid filter clause: Syntax error at position N in \'text\': detail."', () => {
    expect(errorOf(() => parseFilter('fields/Title eq')).message).toBe(
      "Invalid filter clause: Syntax error at position 15 in 'fields/Title eq': expected a value ('string', number, true, false or null), found end of input.",
    );
  });

  test('the error serialises to the Graph error shape', () => {
    expect(errorOf(() => parseFilter('id eq')).toGraphError()).toEqual({
      error: { code: 'BadRequest', message: "Invalid filter clause: Syntax error at position 5 in 'id eq': expected a value ('string', number, true, false or null), found end of input." },
    });
  });

  test.each<[number, boolean]>([
    [MAX_FILTER_DEPTH, true],
    [MAX_FILTER_DEPTH + 1, false],
  ])('nesting depth %i accepted: %s', (depth, ok) => {
    const text = `${'('.repeat(depth)}id eq 1${')'.repeat(depth)}`;
    if (ok) expect(parseFilter(text)).toEqual(eq(ID, 1));
    else expect(errorOf(() => parseFilter(text)).message).toContain(`parentheses nested deeper than ${MAX_FILTER_DEPTH}`);
  });

  test('a long and-chain parses without recursion trouble', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `id ne ${i}`).join(' and ');
    expect(referencedFields(parseFilter(text), [])).toEqual([ID]);
  });
});

describe('parseOrderBy', () => {
  test.each<[string, OrderByTerm[]]>([
    ['', []],
    ['  ', []],
    ['id', [{ field: ID, direction: 'asc' }]],
    ['fields/DueDate desc', [{ field: f('DueDate'), direction: 'desc' }]],
    ['fields/DueDate desc, id', [{ field: f('DueDate'), direction: 'desc' }, { field: ID, direction: 'asc' }]],
    ['fields/Category,fields/Title ASC', [{ field: f('Category'), direction: 'asc' }, { field: f('Title'), direction: 'asc' }]],
    ['  fields/Created   DESC ,  fields/ID  ', [{ field: f('Created'), direction: 'desc' }, { field: ID, direction: 'asc' }]],
  ])('%j', (text, expected) => {
    expect(parseOrderBy(text)).toEqual(expected);
  });

  test.each<[string, number, string]>([
    ['fields/DueDate up', 15, "expected 'asc', 'desc', ',' or end of input, found 'up'"],
    ['fields/DueDate desc asc', 20, "expected ',' or end of input, found 'asc'"],
    ['fields/DueDate,', 15, 'expected a field (fields/Name or id), found end of input'],
    [', id', 0, "expected a field (fields/Name or id), found ','"],
    ['Created desc', 0, "'Created' is not supported here; list item columns are referenced as fields/Created"],
    ['desc', 0, "expected a field (fields/Name or id), found 'desc'"],
    ["fields/Title eq 'x'", 13, "expected 'asc', 'desc', ',' or end of input, found 'eq'"],
  ])('%j fails at %i', (text, position, detail) => {
    const error = errorOf(() => parseOrderBy(text));
    expect(error.code).toBe('BadRequest');
    expect(error.position).toBe(position);
    expect(error.message).toContain(`Invalid orderby clause: Syntax error at position ${position} in '${text}': ${detail}`);
  });
});

describe('referencedFields', () => {
  test.each<[string | undefined, string, FieldRef[]]>([
    [undefined, '', []],
    ["fields/A eq 1 and (startswith(fields/B,'x') or id eq 2)", '', [f('A'), f('B'), ID]],
    ['fields/A eq 1 or fields/A eq 2', 'fields/A desc', [f('A')]],
    ['fields/A eq 1', 'fields/C, id, fields/A', [f('A'), f('C'), ID]],
    [undefined, 'fields/Z desc, fields/Y', [f('Z'), f('Y')]],
  ])('filter %j, orderby %j', (filter, orderBy, expected) => {
    expect(referencedFields(filter === undefined ? undefined : parseFilter(filter), parseOrderBy(orderBy))).toEqual(expected);
  });
});
