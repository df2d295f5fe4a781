import {
  BUILT_IN_COLUMNS,
  HONOR_NON_INDEXED_PREFERENCE,
  ODataError,
  canonicalDateTime,
  nonIndexedMessage,
  parseFilter,
  parseOrderBy,
  prefersHonorNonIndexed,
  resolveField,
  validateQuery,
} from '../../../src/emulator/odata';
import type { ColumnInfo, ColumnType } from '../../../src/emulator/odata';

function columns(...list: Array<[string, ColumnType, boolean]>): Map<string, ColumnInfo> {
  return new Map(list.map(([name, type, indexed]) => [name, { name, type, indexed }]));
}

const COLUMNS = columns(
  ['Code', 'text', true],
  ['Quantity', 'number', true],
  ['Notes', 'note', false],
  ['Done', 'boolean', true],
  ['DueDate', 'dateTime', true],
  ['Status', 'choice', false],
  ['Level', 'choice', true],
  ['Parent', 'lookup', true],
  ['Owner', 'lookup', false],
);

function check(filter: string | undefined, orderBy: string, honorNonIndexed = false, cols: ReadonlyMap<string, ColumnInfo> = COLUMNS): void {
  validateQuery({ filter: filter === undefined ? undefined : parseFilter(filter), orderBy: parseOrderBy(orderBy) }, cols, { honorNonIndexed });
}

function errorOf(run: () => unknown): ODataError {
  try {
    run();
  } catch (e) {
    if (e instanceof ODataError) return e;
    throw e;
  }
  throw new Error('expected an ODataError');
}

describe('validateQuery: accepted queries', () => {
  test.each<[string | undefined, string]>([
    [undefined, ''],
    ["fields/Code eq 'A1'", ''],
    ['id eq 5', ''],
    ["id eq '5'", 'id desc'],
    ['id gt -1 and id le 1000', ''],
    ['fields/Quantity lt 600', 'fields/Quantity desc'],
    ['fields/Quantity ge -2.5', ''],
    ['fields/Quantity eq null', ''],
    ['fields/Done eq true', ''],
    ['fields/Done ne false', ''],
    ['fields/Done eq 1', ''],
    ['fields/Done eq 0', ''],
    ["fields/DueDate lt '2024-06-30'", 'fields/DueDate'],
    ["fields/DueDate ge '2024-01-01T00:00:00Z' and fields/DueDate le '2024-12-31T23:59:59+01:00'", ''],
    ["fields/Level eq 'Hög'", ''],
    ["startswith(fields/Code,'A')", ''],
    ["startswith(fields/Level,'H')", ''],
    ['fields/ParentLookupId eq 12', 'fields/ParentLookupId'],
    ["fields/ParentLookupId eq '12'", ''],
    ['fields/ParentLookupId eq null', ''],
    ["fields/Created ge '2024-01-01T00:00:00Z'", 'fields/Modified desc'],
    ['fields/AuthorLookupId eq 7', ''],
    ["fields/ID eq '3'", 'fields/id'],
  ])('filter %j orderby %j', (filter, orderBy) => {
    expect(() => check(filter, orderBy)).not.toThrow();
  });
});

describe('validateQuery: unknown fields', () => {
  test.each<[string | undefined, string, string]>([
    ["fields/Nope eq 'x'", '', 'Nope'],
    [undefined, 'fields/Nope desc', 'Nope'],
    ["fields/code eq 'x'", '', 'code'],
    ['fields/QuantityLookupId eq 1', '', 'QuantityLookupId'],
    ['fields/LookupId eq 1', '', 'LookupId'],
    ["fields/Code eq 'x' or fields/Missing eq 1", 'fields/Other', 'Missing'],
  ])('filter %j orderby %j → %s', (filter, orderBy, name) => {
    const error = errorOf(() => check(filter, orderBy, true));
    expect([error.status, error.code, error.message]).toEqual([400, 'invalidRequest', `Field '${name}' is not recognized`]);
  });

  test('an unknown field is reported before a non-indexed one', () => {
    expect(errorOf(() => check("fields/Status eq 'x' and fields/Nope eq 1", '')).message).toBe("Field 'Nope' is not recognized");
  });

  test('a lookup column is referenced through its LookupId', () => {
    const error = errorOf(() => check("fields/Parent eq 'x'", '', true));
    expect([error.code, error.message]).toEqual(['invalidRequest', "Field 'Parent' is a lookup column; filter and order by 'ParentLookupId' instead."]);
  });
});

describe('validateQuery: the index rule', () => {
  const exact = (name: string): string =>
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`;

  test.each<[string | undefined, string, string]>([
    ["fields/Status eq 'Open'", '', 'Status'],
    [undefined, 'fields/Status', 'Status'],
    ["fields/Code eq 'x'", 'fields/Notes desc', 'Notes'],
    ["fields/Title eq 'x'", '', 'Title'],
    ["startswith(fields/Title,'ba')", '', 'Title'],
    ['fields/OwnerLookupId eq 3', '', 'OwnerLookupId'],
    ['fields/EditorLookupId eq 3', '', 'EditorLookupId'],
    ['fields/Attachments eq false', '', 'Attachments'],
    ["fields/Code eq 'x' or fields/Status eq 'y'", '', 'Status'],
  ])('filter %j orderby %j → 400 naming %s', (filter, orderBy, name) => {
    const error = errorOf(() => check(filter, orderBy));
    expect([error.status, error.code, error.message]).toEqual([400, 'invalidRequest', exact(name)]);
    expect(error.message).toBe(nonIndexedMessage(name));
    expect(() => check(filter, orderBy, true)).not.toThrow();
  });

  test('the list can index Title itself', () => {
    const withTitle = new Map<string, ColumnInfo>([...COLUMNS, ['Title', { name: 'Title', type: 'text', indexed: true }]]);
    expect(() => check("fields/Title eq 'x'", 'fields/Title', false, withTitle)).not.toThrow();
  });

  test('id is always allowed', () => {
    expect(() => check('id eq 1', 'id desc', false, new Map())).not.toThrow();
  });

  test.each<[string, boolean]>([
    ['Created', true],
    ['Modified', true],
    ['Author', true],
    ['Title', false],
    ['Editor', false],
  ])('built-in %s indexed: %s', (name, indexed) => {
    expect(BUILT_IN_COLUMNS.get(name)?.indexed).toBe(indexed);
  });
});

describe('validateQuery: literal types', () => {
  test.each<[string, string]>([
    ["fields/Quantity eq 'abc'", "Field 'Quantity' is a number column and cannot be compared with the string 'abc'; expected a number."],
    ["fields/Quantity eq '5'", "Field 'Quantity' is a number column and cannot be compared with the string '5'; expected a number."],
    ['fields/Quantity eq true', "Field 'Quantity' is a number column and cannot be compared with true; expected a number."],
    ['fields/Code eq 5', "Field 'Code' is a text column and cannot be compared with the number 5; expected a quoted string ('...')."],
    ['fields/Notes eq false', "Field 'Notes' is a note column and cannot be compared with false; expected a quoted string ('...')."],
    ['fields/Level eq 2', "Field 'Level' is a choice column and cannot be compared with the number 2; expected a quoted string ('...')."],
    ["fields/Done eq 'yes'", "Field 'Done' is a boolean column and cannot be compared with the string 'yes'; expected true, false, 1 or 0."],
    ['fields/Done eq 2', "Field 'Done' is a boolean column and cannot be compared with the number 2; expected true, false, 1 or 0."],
    ['fields/Done gt false', "Field 'Done' is a boolean column; only eq and ne can be used with it, not gt."],
    ["fields/DueDate lt 'tomorrow'", "Field 'DueDate' is a dateTime column and cannot be compared with the string 'tomorrow'; expected a quoted ISO 8601 date ('2024-01-31' or '2024-01-31T12:00:00Z')."],
    ["fields/DueDate lt '2023-02-30'", "Field 'DueDate' is a dateTime column and cannot be compared with the string '2023-02-30'; expected a quoted ISO 8601 date ('2024-01-31' or '2024-01-31T12:00:00Z')."],
    ['fields/DueDate lt 20240101', "Field 'DueDate' is a dateTime column and cannot be compared with the number 20240101; expected a quoted ISO 8601 date ('2024-01-31' or '2024-01-31T12:00:00Z')."],
    ["id eq 'abc'", "'id' is the item ID and cannot be compared with the string 'abc'; expected an integer (12 or '12')."],
    ['id eq 1.5', "'id' is the item ID and cannot be compared with the number 1.5; expected an integer (12 or '12')."],
    ["fields/ParentLookupId eq 'x'", "Field 'ParentLookupId' is a lookup ID column and cannot be compared with the string 'x'; expected an integer (12 or '12')."],
    ["startswith(fields/Quantity,'1')", "Field 'Quantity' is a number column; startswith applies only to text and choice columns."],
    ["startswith(id,'1')", "'id' is the item ID; startswith applies only to text and choice columns."],
    ["startswith(fields/DueDate,'2024')", "Field 'DueDate' is a dateTime column; startswith applies only to text and choice columns."],
    ["fields/Code eq 'ok' and (fields/Code eq 'ok' or fields/Quantity gt 'x')", "Field 'Quantity' is a number column and cannot be compared with the string 'x'; expected a number."],
  ])('%j', (filter, message) => {
    const error = errorOf(() => check(filter, '', true));
    expect([error.status, error.code, error.message]).toEqual([400, 'invalidRequest', message]);
  });

  test('a type mismatch is reported before the index rule', () => {
    expect(errorOf(() => check("fields/Status eq 1", '')).message).toContain('is a choice column and cannot be compared');
  });
});

describe('resolveField', () => {
  test.each<[string, ReturnType<typeof resolveField>]>([
    ['Code', { kind: 'column', column: { name: 'Code', type: 'text', indexed: true }, lookupId: false }],
    ['ParentLookupId', { kind: 'column', column: { name: 'Parent', type: 'lookup', indexed: true }, lookupId: true }],
    ['AuthorLookupId', { kind: 'column', column: { name: 'Author', type: 'lookup', indexed: true }, lookupId: true }],
    ['Modified', { kind: 'column', column: { name: 'Modified', type: 'dateTime', indexed: true }, lookupId: false }],
    ['Nope', undefined],
  ])('%s', (name, expected) => {
    expect(resolveField({ kind: 'field', name }, COLUMNS)).toEqual(expected);
  });
});

describe('prefersHonorNonIndexed', () => {
  test.each<[string | string[] | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['HonorNonIndexedQueriesWarningMayFailRandomly', true],
    ['honornonindexedquerieswarningmayfailrandomly', true],
    ['odata.maxpagesize=10, HonorNonIndexedQueriesWarningMayFailRandomly', true],
    [['return=minimal', 'HonorNonIndexedQueriesWarningMayFailRandomly'], true],
    ['allowthrottleablequeries', false],
    ['HonorNonIndexedQueries', false],
  ])('%j → %s', (header, expected) => {
    expect(prefersHonorNonIndexed(header)).toBe(expected);
  });

  test('the constant is the header token', () => {
    expect(HONOR_NON_INDEXED_PREFERENCE).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
  });
});

describe('canonicalDateTime', () => {
  test.each<[string, string | undefined]>([
    ['2024-01-01', '2024-01-01T00:00:00Z'],
    ['2024-01-01T10:20:30Z', '2024-01-01T10:20:30Z'],
    ['2024-01-01t10:20:30z', '2024-01-01T10:20:30Z'],
    ['2024-01-01T10:20Z', '2024-01-01T10:20:00Z'],
    ['2024-01-01T10:20:30.999Z', '2024-01-01T10:20:30Z'],
    ['2024-01-01T10:20:30', '2024-01-01T10:20:30Z'],
    ['2024-01-01T01:00:00+02:00', '2023-12-31T23:00:00Z'],
    ['2024-06-30T22:30:00-05:30', '2024-07-01T04:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2023-02-29', undefined],
    ['2024-13-01', undefined],
    ['2024-01-01T24:00:00Z', undefined],
    ['2024-1-1', undefined],
    ['20240101', undefined],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(canonicalDateTime(text)).toBe(expected);
  });
});
