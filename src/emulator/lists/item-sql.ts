/**
 * SQL pieces for item queries: which expression each field reference reads, the column map the
 * OData validator checks against, and the keyset condition that continues a page after a skip token.
 */
import type { ColumnInfo, FieldRef, OrderByTerm, SqlFragment } from '../odata';
import { fieldKeyOf } from './column-definitions';
import type { ColumnRecord, PageKey } from './list-store';
import { fieldExpr } from './schema';

/** The list's own columns for validateQuery; the OData module adds SharePoint's built-ins. */
export function queryColumns(columns: readonly ColumnRecord[]): ReadonlyMap<string, ColumnInfo> {
  return new Map(columns.map((c) => [c.name, { name: c.name, type: c.type, indexed: c.indexed }]));
}

/** Built-in fields kept in table columns (or constant) rather than in the JSON. */
const BUILT_IN_SQL: Readonly<Record<string, string>> = {
  Created: 'created',
  Modified: 'modified',
  AuthorLookupId: 'author_lookup',
  EditorLookupId: 'editor_lookup',
  ContentType: "'Item'",
  Attachments: '0',
  _UIVersionString: "(version || '.0')",
};

/**
 * The SQL expression for a field reference. Only names that are a stored column's field key or a
 * built-in get through, so nothing from the request reaches SQL text unchecked.
 */
export function itemColumnSql(columns: readonly ColumnRecord[]): (f: FieldRef) => string {
  const keys = new Set(columns.map(fieldKeyOf));
  return (f) => {
    if (f.kind === 'id') return 'id';
    if (keys.has(f.name)) return fieldExpr(f.name);
    if ((f.name === 'LinkTitle' || f.name === 'LinkTitleNoMenu') && keys.has('Title')) return fieldExpr('Title');
    const builtIn = BUILT_IN_SQL[f.name];
    if (builtIn !== undefined) return builtIn;
    throw new Error(`field '${f.name}' reached SQL without validation`);
  };
}

/**
 * Rows after `key` in the order `terms…, id ASC`, with SQLite's NULL placement (NULLs first
 * ascending, last descending): for each i, all earlier terms equal (null-safe `IS`) and term i
 * strictly after; finally all terms equal and a greater ID.
 */
export function keysetCondition(terms: readonly OrderByTerm[], columnSql: (f: FieldRef) => string, key: PageKey): SqlFragment {
  const params: Array<string | number | null> = [];
  const disjuncts: string[] = [];
  const equalities: string[] = [];
  const equalParams: Array<string | number | null> = [];
  terms.forEach((term, i) => {
    const expr = columnSql(term.field);
    const value = key.values[i] ?? null;
    let after: string;
    const afterParams: Array<string | number | null> = [];
    if (term.direction === 'asc') {
      if (value === null) after = `${expr} IS NOT NULL`;
      else {
        after = `${expr} > ?`;
        afterParams.push(value);
      }
    } else if (value === null) after = '0';
    else {
      after = `(${expr} < ? OR ${expr} IS NULL)`;
      afterParams.push(value);
    }
    disjuncts.push(`(${[...equalities, after].join(' AND ')})`);
    params.push(...equalParams, ...afterParams);
    equalities.push(`${expr} IS ?`);
    equalParams.push(value);
  });
  disjuncts.push(`(${[...equalities, 'id > ?'].join(' AND ')})`);
  params.push(...equalParams, key.id);
  return { sql: `(${disjuncts.join(' OR ')})`, params };
}
