/**
 * Checks a parsed query against the list's columns, in three passes so the most basic problem wins:
 * 1. every field exists (400 invalidRequest "Field 'X' is not recognized");
 * 2. every literal fits its column's type (400 invalidRequest);
 * 3. every filtered or ordered column is indexed, unless the client sent
 *    `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (400 invalidRequest, Graph's exact text).
 * `id` is always allowed and always indexed.
 */
import { resolveField } from './columns';
import type { ResolvedField } from './columns';
import { canonicalDateTime } from './date-time';
import { nonIndexedMessage, ODataError, unknownFieldMessage } from './errors';
import { integerLiteral } from './normalize';
import { referencedFields } from './parser';
import { isLogical } from './types';
import type { ColumnInfo, FieldRef, FilterNode, ODataLiteral, OrderByTerm } from './types';

export const HONOR_NON_INDEXED_PREFERENCE = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** True when a `Prefer` header value carries the preference (case-insensitive, among others). */
export function prefersHonorNonIndexed(prefer: string | readonly string[] | undefined): boolean {
  const values = typeof prefer === 'string' ? [prefer] : (prefer ?? []);
  return values.some((value) =>
    value.split(',').some((item) => item.split(';')[0]?.trim().toLowerCase() === HONOR_NON_INDEXED_PREFERENCE.toLowerCase()),
  );
}

function invalid(message: string): ODataError {
  return new ODataError('invalidRequest', message);
}

function refName(ref: FieldRef): string {
  return ref.kind === 'id' ? 'id' : ref.name;
}

function describeValue(value: ODataLiteral): string {
  if (typeof value === 'string') return `the string '${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

type ValueKind = 'text' | 'number' | 'boolean' | 'dateTime' | 'integer';

const EXPECTED: Record<ValueKind, string> = {
  text: "a quoted string ('...')",
  number: 'a number',
  boolean: 'true, false, 1 or 0',
  dateTime: "a quoted ISO 8601 date ('2024-01-31' or '2024-01-31T12:00:00Z')",
  integer: "an integer (12 or '12')",
};

function kindOf(resolved: ResolvedField): ValueKind {
  if (resolved.kind === 'id' || resolved.lookupId) return 'integer';
  switch (resolved.column.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
    default:
      return 'text';
  }
}

function fits(kind: ValueKind, value: ODataLiteral): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean' || value === 0 || value === 1;
    case 'dateTime':
      return typeof value === 'string' && canonicalDateTime(value) !== undefined;
    case 'integer':
      return Number.isSafeInteger(integerLiteral(value));
  }
}

function label(ref: FieldRef, resolved: ResolvedField): string {
  if (resolved.kind === 'id') return "'id' is the item ID";
  const type = resolved.lookupId ? 'lookup ID' : resolved.column.type;
  return `Field '${refName(ref)}' is a ${type} column`;
}

function checkNode(node: FilterNode, columns: ReadonlyMap<string, ColumnInfo>): void {
  if (isLogical(node)) {
    checkNode(node.left, columns);
    checkNode(node.right, columns);
    return;
  }
  const resolved = resolveField(node.field, columns);
  if (resolved === undefined) return; // pass 1 has reported it
  const kind = kindOf(resolved);
  if (node.kind === 'startswith') {
    if (kind !== 'text') throw invalid(`${label(node.field, resolved)}; startswith applies only to text and choice columns.`);
    return;
  }
  if (kind === 'boolean' && node.op !== 'eq' && node.op !== 'ne') {
    throw invalid(`${label(node.field, resolved)}; only eq and ne can be used with it, not ${node.op}.`);
  }
  if (node.value !== null && !fits(kind, node.value)) {
    throw invalid(`${label(node.field, resolved)} and cannot be compared with ${describeValue(node.value)}; expected ${EXPECTED[kind]}.`);
  }
}

export function validateQuery(
  q: { filter?: FilterNode | undefined; orderBy?: readonly OrderByTerm[] | undefined },
  columns: ReadonlyMap<string, ColumnInfo>,
  opts: { honorNonIndexed: boolean },
): void {
  const refs = referencedFields(q.filter, q.orderBy ?? []);
  const resolved = refs.map((ref) => {
    const field = resolveField(ref, columns);
    if (field === undefined) throw invalid(unknownFieldMessage(refName(ref)));
    if (field.kind === 'column' && field.column.type === 'lookup' && !field.lookupId) {
      throw invalid(`Field '${refName(ref)}' is a lookup column; filter and order by '${refName(ref)}LookupId' instead.`);
    }
    return { ref, field };
  });
  if (q.filter) checkNode(q.filter, columns);
  if (opts.honorNonIndexed) return;
  for (const { ref, field } of resolved) {
    if (field.kind === 'column' && !field.column.indexed) throw invalid(nonIndexedMessage(refName(ref)));
  }
}
