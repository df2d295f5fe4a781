/**
 * Parameterised SQL (SQLite dialect) for a validated filter and ordering. Values only ever travel as
 * `?` parameters; the SQL text is made of fixed keywords and the caller's column expressions.
 */
import { foldSql, foldText } from './collation';
import { resolveField } from './columns';
import { ODataError } from './errors';
import { integerLiteral, normalizeFilter } from './normalize';
import type { ColumnInfo, ComparisonOperator, FieldRef, FilterNode, ODataLiteral, OrderByTerm, SqlFragment } from './types';

export type ColumnSql = (f: FieldRef) => string;

const SQL_OPERATORS: Record<ComparisonOperator, string> = { eq: '=', ne: '<>', lt: '<', gt: '>', le: '<=', ge: '>=' };

function param(field: FieldRef, value: Exclude<ODataLiteral, null>): string | number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (field.kind === 'id') return integerLiteral(value) as string | number;
  return value;
}

/**
 * `filter` as a WHERE expression.
 * - `eq null` / `ne null` become `IS NULL` / `IS NOT NULL`.
 * - `ne value` also matches items where the column is empty (NULL): OData defines null as different
 *   from every value, and SharePoint treats an empty column as "not equal". Plain SQL `<>` would
 *   drop those rows, so it becomes `(expr <> ? OR expr IS NULL)`. The item ID is never NULL.
 * - `lt gt le ge` never match an empty column (SQL semantics, like SharePoint).
 * - `startswith` becomes `substr(expr, 1, ?) = ?` with the prefix's length in characters, free of
 *   LIKE wildcards.
 * - Booleans become 1 / 0 (what SQLite's json_extract returns for JSON true / false);
 *   the item ID compares as a number even when written `'5'`.
 * Pass the list's `columns` to also normalise lookup IDs and dates (see normalizeFilter), and to
 * compare text, note and choice columns without regard to case in `eq`, `ne` and `startswith`, as
 * SharePoint does: both sides folded (collation.ts), which needs the fold function registered.
 */
export function filterToSql(filter: FilterNode, columnSql: ColumnSql, columns?: ReadonlyMap<string, ColumnInfo>): SqlFragment {
  const params: Array<string | number | null> = [];
  const folds = (field: FieldRef): boolean => columns !== undefined && isTextField(field, columns);
  const emit = (node: FilterNode): string => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return `(${emit(node.left)} ${node.kind.toUpperCase()} ${emit(node.right)})`;
      case 'startswith': {
        const fold = folds(node.field);
        const prefix = fold ? foldText(node.value) : node.value;
        params.push([...prefix].length, prefix);
        const expr = columnSql(node.field);
        return `substr(${fold ? foldSql(expr) : expr}, 1, ?) = ?`;
      }
      case 'compare': {
        const expr = columnSql(node.field);
        if (node.value === null) {
          if (node.op === 'eq') return `${expr} IS NULL`;
          if (node.op === 'ne') return `${expr} IS NOT NULL`;
          throw new ODataError('BadRequest', `Invalid filter clause: null can only be compared with eq or ne, not ${node.op}.`);
        }
        const folded = (node.op === 'eq' || node.op === 'ne') && typeof node.value === 'string' && folds(node.field) ? foldText(node.value) : undefined;
        params.push(folded ?? param(node.field, node.value));
        const left = folded === undefined ? expr : foldSql(expr);
        if (node.op === 'ne' && node.field.kind === 'field') return `(${left} <> ? OR ${expr} IS NULL)`;
        return `${left} ${SQL_OPERATORS[node.op]} ?`;
      }
    }
  };
  const sql = emit(columns ? normalizeFilter(filter, columns) : filter);
  return { sql, params };
}

/** True for a text, note or choice column (not a lookup ID, not the item ID). */
function isTextField(field: FieldRef, columns: ReadonlyMap<string, ColumnInfo>): boolean {
  const resolved = resolveField(field, columns);
  if (resolved?.kind !== 'column' || resolved.lookupId) return false;
  return resolved.column.type === 'text' || resolved.column.type === 'note' || resolved.column.type === 'choice';
}

/** `expr1 DESC, expr2 ASC`; empty for no terms. SQLite puts NULLs first ascending, as OData does. */
export function orderByToSql(orderBy: readonly OrderByTerm[], columnSql: ColumnSql): string {
  return orderBy.map((term) => `${columnSql(term.field)} ${term.direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_SQL_REF = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/**
 * A ready-made `columnSql` for items stored as `(id INTEGER, fields TEXT)` with the fields as JSON:
 * `id` → `idSql`; `fields/Name` → `json_extract(fieldsSql, '$.Name')`; `fields/{X}LookupId` of a lookup
 * column → the same wrapped in `CAST(... AS INTEGER)`, so `"6"` and `6` both compare as numbers.
 * Names are checked against the identifier pattern the parser allows, so they are safe inside the path.
 */
export function jsonColumnSql(columns: ReadonlyMap<string, ColumnInfo>, opts: { idSql: string; fieldsSql: string }): ColumnSql {
  for (const ref of [opts.idSql, opts.fieldsSql]) {
    if (!SAFE_SQL_REF.test(ref)) throw new Error(`jsonColumnSql: '${ref}' is not a plain column reference`);
  }
  return (f) => {
    if (f.kind === 'id') return opts.idSql;
    if (!SAFE_NAME.test(f.name)) throw new Error(`jsonColumnSql: '${f.name}' is not a valid field name`);
    const path = `json_extract(${opts.fieldsSql}, '$.${f.name}')`;
    const resolved = resolveField(f, columns);
    return resolved?.kind === 'column' && resolved.lookupId ? `CAST(${path} AS INTEGER)` : path;
  };
}
