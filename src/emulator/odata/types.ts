/**
 * Shapes shared by the OData module: the parsed query options and the list's column metadata.
 * Everything here is plain data; nothing in this folder does I/O.
 */

/** A literal as written in `$filter`: 'text', 12, -1.5, true, false, null. Dates stay strings. */
export type ODataLiteral = string | number | boolean | null;

/**
 * A reference to something an item can be filtered or ordered by.
 * - `fields/Name` → `{ kind: 'field', name: 'Name' }` (the column's internal name, case-sensitive).
 * - `id`, `fields/id`, `fields/ID` → `{ kind: 'id' }` (the item ID; `id` and `fields/` are case-insensitive).
 */
export type FieldRef = { kind: 'field'; name: string } | { kind: 'id' };

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterNode =
  | { kind: 'compare'; op: ComparisonOperator; field: FieldRef; value: ODataLiteral }
  | { kind: 'startswith'; field: FieldRef; value: string }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode };

export interface OrderByTerm {
  field: FieldRef;
  direction: 'asc' | 'desc';
}

/** `$expand=fields` → `{ fields: {} }`; `$expand=fields($select=A,B)` → `{ fields: { select: ['A', 'B'] } }`. */
export interface ExpandOption {
  fields?: { select?: string[] };
}

export type ColumnType = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'choice' | 'lookup';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  indexed: boolean;
}

/** A piece of SQL whose values all travel in `params`, one per `?`, in order. */
export interface SqlFragment {
  sql: string;
  params: Array<string | number | null>;
}

export type LogicalNode = Extract<FilterNode, { left: FilterNode }>;

/** Narrows a node to `and` / `or` (a plain `kind === 'and' || kind === 'or'` test does not narrow). */
export function isLogical(node: FilterNode): node is LogicalNode {
  return node.kind === 'and' || node.kind === 'or';
}
