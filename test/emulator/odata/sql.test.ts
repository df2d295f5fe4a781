import { filterToSql, jsonColumnSql, normalizeFilter, orderByToSql, parseFilter, parseOrderBy } from '../../../src/emulator/odata';
import type { ColumnInfo, ColumnType, FieldRef, FilterNode, SqlFragment } from '../../../src/emulator/odata';

/** A transparent column expression, so expected SQL is easy to read: `f.Name` / `items.id`. */
const plain = (f: FieldRef): string => (f.kind === 'id' ? 'items.id' : `f.${f.name}`);

function columns(...list: Array<[string, ColumnType]>): Map<string, ColumnInfo> {
  return new Map(list.map(([name, type]) => [name, { name, type, indexed: true }]));
}
const COLUMNS = columns(['Title', 'text'], ['Quantity', 'number'], ['Done', 'boolean'], ['DueDate', 'dateTime'], ['Parent', 'lookup']);

describe('filterToSql: exact SQL and parameters', () => {
  test.each<[string, SqlFragment]>([
    ["fields/Title eq 'x'", { sql: 'f.Title = ?', params: ['x'] }],
    ["fields/Title ne 'x'", { sql: '(f.Title <> ? OR f.Title IS NULL)', params: ['x'] }],
    ['fields/Quantity lt 600', { sql: 'f.Quantity < ?', params: [600] }],
    ['fields/Quantity gt -1.5', { sql: 'f.Quantity > ?', params: [-1.5] }],
    ['fields/Quantity le 0', { sql: 'f.Quantity <= ?', params: [0] }],
    ['fields/Quantity ge 10', { sql: 'f.Quantity >= ?', params: [10] }],
    ['fields/Done eq true', { sql: 'f.Done = ?', params: [1] }],
    ['fields/Done eq false', { sql: 'f.Done = ?', params: [0] }],
    ['fields/Done ne true', { sql: '(f.Done <> ? OR f.Done IS NULL)', params: [1] }],
    ['fields/Owner eq null', { sql: 'f.Owner IS NULL', params: [] }],
    ['fields/Owner ne null', { sql: 'f.Owner IS NOT NULL', params: [] }],
    ['id eq 5', { sql: 'items.id = ?', params: [5] }],
    ["id eq '5'", { sql: 'items.id = ?', params: [5] }],
    ["id ne '5'", { sql: 'items.id <> ?', params: [5] }],
    ["id gt '007'", { sql: 'items.id > ?', params: [7] }],
    ["startswith(fields/Title,'ab')", { sql: 'substr(f.Title, 1, ?) = ?', params: [2, 'ab'] }],
    ["startswith(fields/Title,'åäö')", { sql: 'substr(f.Title, 1, ?) = ?', params: [3, 'åäö'] }],
    ["startswith(fields/Title,'🎯x')", { sql: 'substr(f.Title, 1, ?) = ?', params: [2, '🎯x'] }],
    ["startswith(fields/Title,'50%_')", { sql: 'substr(f.Title, 1, ?) = ?', params: [4, '50%_'] }],
    ["fields/A eq 1 and fields/B eq 'b'", { sql: '(f.A = ? AND f.B = ?)', params: [1, 'b'] }],
    ['fields/A eq 1 or fields/B eq 2 and fields/C eq 3', { sql: '(f.A = ? OR (f.B = ? AND f.C = ?))', params: [1, 2, 3] }],
    ['(fields/A eq 1 or fields/B eq 2) and fields/C eq 3', { sql: '((f.A = ? OR f.B = ?) AND f.C = ?)', params: [1, 2, 3] }],
    ["fields/A ne 'a' or fields/B eq null", { sql: '((f.A <> ? OR f.A IS NULL) OR f.B IS NULL)', params: ['a'] }],
  ])('%j', (filter, expected) => {
    expect(filterToSql(parseFilter(filter), plain)).toEqual(expected);
  });
});

describe('filterToSql: values never reach the SQL text', () => {
  test.each<[string, string]>([
    ["fields/Title eq 'x'' OR 1=1 --'", "x' OR 1=1 --"],
    ["fields/Title eq '''; DROP TABLE items; --'", "'; DROP TABLE items; --"],
    ["startswith(fields/Title,''' OR ''1''=''1')", "' OR '1'='1"],
    ["fields/Title eq 'x\\'' OR 1=1'", "x\\' OR 1=1"],
    ["fields/Title eq '?'", '?'],
  ])('%j', (filter, value) => {
    const { sql, params } = filterToSql(parseFilter(filter), plain);
    expect(params[params.length - 1]).toBe(value);
    expect(sql).not.toContain("'");
    expect(sql).not.toMatch(/OR 1=1|DROP|--/);
    expect(sql.split('?').length - 1).toBe(params.length);
  });

  test('the injection attempt of the brief, exactly', () => {
    expect(filterToSql(parseFilter("fields/Title eq 'x'' OR 1=1 --'"), plain)).toEqual({ sql: 'f.Title = ?', params: ["x' OR 1=1 --"] });
  });
});

describe('filterToSql with the list columns (normalisation)', () => {
  test.each<[string, SqlFragment]>([
    ["fields/ParentLookupId eq '12'", { sql: 'f.ParentLookupId = ?', params: [12] }],
    ['fields/ParentLookupId eq 12', { sql: 'f.ParentLookupId = ?', params: [12] }],
    ["fields/DueDate ge '2024-01-01'", { sql: 'f.DueDate >= ?', params: ['2024-01-01T00:00:00Z'] }],
    ["fields/DueDate lt '2024-01-01T01:00:00+02:00'", { sql: 'f.DueDate < ?', params: ['2023-12-31T23:00:00Z'] }],
    ['fields/Done eq 1', { sql: 'f.Done = ?', params: [1] }],
    ["fields/Title eq '12'", { sql: 'malkoll_fold(f.Title) = ?', params: ['12'] }],
    ["fields/Title eq 'RS'", { sql: 'malkoll_fold(f.Title) = ?', params: ['rs'] }],
    ["fields/Title ne 'RS'", { sql: '(malkoll_fold(f.Title) <> ? OR f.Title IS NULL)', params: ['rs'] }],
    ["startswith(fields/Title,'ÅR')", { sql: 'substr(malkoll_fold(f.Title), 1, ?) = ?', params: [2, 'år'] }],
    ["fields/Title lt 'RS'", { sql: 'f.Title < ?', params: ['RS'] }],
    ["fields/Unknown eq '12'", { sql: 'f.Unknown = ?', params: ['12'] }],
  ])('%j', (filter, expected) => {
    expect(filterToSql(parseFilter(filter), plain, COLUMNS)).toEqual(expected);
  });

  test('normalizeFilter leaves the input tree untouched', () => {
    const tree = parseFilter("fields/ParentLookupId eq '3' and id eq '4'");
    const copy: FilterNode = JSON.parse(JSON.stringify(tree)) as FilterNode;
    const normalised = normalizeFilter(tree, COLUMNS);
    expect(tree).toEqual(copy);
    expect(normalised).toEqual({
      kind: 'and',
      left: { kind: 'compare', op: 'eq', field: { kind: 'field', name: 'ParentLookupId' }, value: 3 },
      right: { kind: 'compare', op: 'eq', field: { kind: 'id' }, value: 4 },
    });
  });
});

describe('orderByToSql', () => {
  test.each<[string, string]>([
    ['', ''],
    ['id', 'items.id ASC'],
    ['fields/DueDate desc, id', 'f.DueDate DESC, items.id ASC'],
    ['fields/A asc,fields/B desc,fields/C', 'f.A ASC, f.B DESC, f.C ASC'],
  ])('%j → %j', (orderBy, expected) => {
    expect(orderByToSql(parseOrderBy(orderBy), plain)).toBe(expected);
  });
});

describe('jsonColumnSql', () => {
  const sqlOf = jsonColumnSql(COLUMNS, { idSql: 'items.id', fieldsSql: 'items.fields' });
  test.each<[FieldRef, string]>([
    [{ kind: 'id' }, 'items.id'],
    [{ kind: 'field', name: 'Title' }, "json_extract(items.fields, '$.Title')"],
    [{ kind: 'field', name: '_UIVersionString' }, "json_extract(items.fields, '$._UIVersionString')"],
    [{ kind: 'field', name: 'ParentLookupId' }, "CAST(json_extract(items.fields, '$.ParentLookupId') AS INTEGER)"],
    [{ kind: 'field', name: 'AuthorLookupId' }, "CAST(json_extract(items.fields, '$.AuthorLookupId') AS INTEGER)"],
  ])('%j', (ref, expected) => {
    expect(sqlOf(ref)).toBe(expected);
  });

  test.each(["x') OR 1=1 --", 'a.b', 'a b', ''])('refuses the name %j', (name) => {
    expect(() => sqlOf({ kind: 'field', name })).toThrow('is not a valid field name');
  });

  test.each<[string, string]>([
    ['items.id; DROP TABLE items', 'items.fields'],
    ['items.id', "fields, '$.x'"],
  ])('refuses the column references %j / %j', (idSql, fieldsSql) => {
    expect(() => jsonColumnSql(COLUMNS, { idSql, fieldsSql })).toThrow('is not a plain column reference');
  });
});
