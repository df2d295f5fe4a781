/** The generated SQL run against a real SQLite database: items(id INTEGER, fields TEXT holding JSON). */
import Database from 'better-sqlite3';
import { FOLD_SQL_FUNCTION, filterToSql, foldText, jsonColumnSql, orderByToSql, parseFilter, parseOrderBy, validateQuery } from '../../../src/emulator/odata';
import type { ColumnInfo, ColumnType } from '../../../src/emulator/odata';

function columns(...list: Array<[string, ColumnType]>): Map<string, ColumnInfo> {
  return new Map(list.map(([name, type]) => [name, { name, type, indexed: true }]));
}

const COLUMNS = columns(
  ['Title', 'text'],
  ['Code', 'text'],
  ['Quantity', 'number'],
  ['Done', 'boolean'],
  ['DueDate', 'dateTime'],
  ['Status', 'choice'],
  ['Parent', 'lookup'],
);

// Stored the way Graph returns them: lookup IDs as strings, booleans as JSON booleans, dates as UTC ISO.
const ITEMS: Array<[number, Record<string, unknown>]> = [
  [1, { Title: 'Alfa', Code: 'A1', Quantity: 10, Done: true, DueDate: '2024-01-15T00:00:00Z', Status: 'Open', ParentLookupId: '6' }],
  [2, { Title: 'Åsa', Code: 'A2', Quantity: 600, Done: false, DueDate: '2024-06-30T12:00:00Z', Status: 'Closed', ParentLookupId: '12' }],
  [3, { Title: 'Öresund', Code: 'B1', Quantity: -1.5, Done: false, DueDate: null }],
  [4, { Title: "x' OR 1=1 --", Code: 'B2', Quantity: 599.5, Done: true, DueDate: '2023-12-31T23:00:00Z' }],
  [5, { Title: 'ab%_c', Code: 'C1', Quantity: 0, Done: true, DueDate: '2024-01-01T00:00:00Z', Status: 'Open', ParentLookupId: '6' }],
  [6, { Title: 'Abc', Code: 'c1', Quantity: 1000, Done: false, Status: 'Closed' }],
];

let db: Database.Database;
const columnSql = jsonColumnSql(COLUMNS, { idSql: 'items.id', fieldsSql: 'items.fields' });

beforeAll(() => {
  db = new Database(':memory:');
  // What the list store registers: text comparisons fold case, as SharePoint's do.
  db.function(FOLD_SQL_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : (value as number | null)));
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, fields TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO items (id, fields) VALUES (?, ?)');
  for (const [id, fields] of ITEMS) insert.run(id, JSON.stringify(fields));
});

afterAll(() => db.close());

function query(filter: string | undefined, orderBy = 'id'): number[] {
  const tree = filter === undefined ? undefined : parseFilter(filter);
  const terms = parseOrderBy(orderBy);
  validateQuery({ filter: tree, orderBy: terms }, COLUMNS, { honorNonIndexed: false });
  const where = tree ? filterToSql(tree, columnSql, COLUMNS) : { sql: '1 = 1', params: [] };
  const sql = `SELECT id FROM items WHERE ${where.sql} ORDER BY ${orderByToSql(terms, columnSql)}`;
  return db
    .prepare(sql)
    .all(...where.params)
    .map((row) => (row as { id: number }).id);
}

describe('filters against SQLite', () => {
  test.each<[string, number[]]>([
    ["fields/Status eq 'Open'", [1, 5]],
    ["fields/Status ne 'Open'", [2, 3, 4, 6]],
    ['fields/Status eq null', [3, 4]],
    ['fields/Status ne null', [1, 2, 5, 6]],
    ['fields/Quantity lt 600', [1, 3, 4, 5]],
    ['fields/Quantity ge 599.5 and fields/Quantity le 600', [2, 4]],
    ['fields/Quantity gt -2', [1, 2, 3, 4, 5, 6]],
    ['fields/Done eq true', [1, 4, 5]],
    ['fields/Done eq 0', [2, 3, 6]],
    ['fields/Done ne true', [2, 3, 6]],
    ["id eq '3'", [3]],
    ['id gt 4', [5, 6]],
    ["id le '2' or id eq 6", [1, 2, 6]],
    ["startswith(fields/Title,'A')", [1, 5, 6]],
    ["startswith(fields/Title,'a')", [1, 5, 6]],
    ["startswith(fields/Title,'AB')", [5, 6]],
    ["startswith(fields/Title,'ab%')", [5]],
    ["startswith(fields/Title,'%')", []],
    ["startswith(fields/Title,'_')", []],
    ["startswith(fields/Title,'Å')", [2]],
    ["startswith(fields/Title,'å')", [2]],
    ["startswith(fields/Title,'')", [1, 2, 3, 4, 5, 6]],
    ["fields/Code eq 'c1'", [5, 6]],
    ["fields/Code eq 'C1'", [5, 6]],
    ["fields/Code ne 'c1'", [1, 2, 3, 4]],
    ["fields/Title eq 'Öresund'", [3]],
    ["fields/Title eq 'ÖRESUND'", [3]],
    ["fields/Title eq 'oresund'", []],
    ["fields/Status eq 'open'", [1, 5]],
    ["fields/Title eq 'x'' OR 1=1 --'", [4]],
    ["fields/Title eq 'nope'' OR 1=1 --'", []],
    ["fields/Title eq '''; DROP TABLE items; --'", []],
    ['fields/ParentLookupId eq 6', [1, 5]],
    ["fields/ParentLookupId eq '12'", [2]],
    ['fields/ParentLookupId gt 7', [2]],
    ['fields/ParentLookupId eq null', [3, 4, 6]],
    ['fields/ParentLookupId ne 6', [2, 3, 4, 6]],
    ["fields/DueDate ge '2024-01-01'", [1, 2, 5]],
    ["fields/DueDate lt '2024-01-01T01:00:00+01:00'", [4]],
    ["fields/DueDate le '2024-01-01T00:00:00Z'", [4, 5]],
    ['fields/DueDate eq null', [3, 6]],
    ["fields/Status eq 'Open' or fields/Done eq false and fields/Quantity gt 100", [1, 2, 5, 6]],
    ["(fields/Status eq 'Open' or fields/Done eq false) and fields/Quantity gt 100", [2, 6]],
    ["fields/Status eq 'Open' or id eq 1", [1, 5]],
  ])('%j → %j', (filter, ids) => {
    expect(query(filter)).toEqual(ids);
  });

  test('the table survives the injection attempts', () => {
    expect((db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(ITEMS.length);
  });
});

describe('ordering against SQLite', () => {
  test.each<[string, number[]]>([
    ['id desc', [6, 5, 4, 3, 2, 1]],
    ['fields/Quantity desc', [6, 2, 4, 1, 5, 3]],
    ['fields/Status, id desc', [4, 3, 6, 2, 5, 1]],
    ['fields/ParentLookupId desc, id', [2, 1, 5, 3, 4, 6]],
    ['fields/DueDate, id', [3, 6, 4, 5, 1, 2]],
  ])('%j → %j', (orderBy, ids) => {
    expect(query(undefined, orderBy)).toEqual(ids);
  });
});
