/** Rewrites filter literals into the form the store keeps, using the list's column types. */
import { resolveField } from './columns';
import { canonicalDateTime } from './date-time';
import { isLogical } from './types';
import type { ColumnInfo, FilterNode, ODataLiteral } from './types';

/** `'12'` → 12 for item and lookup IDs, which compare as numbers however they were written. */
export function integerLiteral(value: ODataLiteral): ODataLiteral {
  return typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

/**
 * Item IDs and `{Name}LookupId` values become numbers; dateTime values become `YYYY-MM-DDTHH:MM:SSZ`
 * (so `'2024-01-01'` and `'2024-01-01T02:00:00+02:00'` compare correctly with stored UTC strings).
 * Other literals, and fields the list does not have, are left alone: validateQuery reports those.
 */
export function normalizeFilter(filter: FilterNode, columns: ReadonlyMap<string, ColumnInfo>): FilterNode {
  if (isLogical(filter)) {
    return { ...filter, left: normalizeFilter(filter.left, columns), right: normalizeFilter(filter.right, columns) };
  }
  if (filter.kind === 'startswith' || filter.value === null) return filter;
  const resolved = resolveField(filter.field, columns);
  if (resolved === undefined) return filter;
  if (resolved.kind === 'id' || resolved.lookupId) return { ...filter, value: integerLiteral(filter.value) };
  if (resolved.column.type === 'dateTime' && typeof filter.value === 'string') {
    return { ...filter, value: canonicalDateTime(filter.value) ?? filter.value };
  }
  return filter;
}
