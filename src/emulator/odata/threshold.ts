/**
 * The list view threshold (SharePoint: 5 000 items). On a list holding more items than that, a
 * filtered query is answered only when an index narrows it to at most the threshold; the other
 * conditions are then applied to those rows. This module says which part of a filter an index can
 * answer; the list store counts the rows it selects.
 *
 * SharePoint narrows by the first indexed condition of an `and` (a later, more selective one does
 * not help: msgraph-sdk-dotnet#827 fails on `Month eq … and ProviderLookupId eq …` once the month
 * matches more than 5 000 items), and an `or` only when every branch is narrowed. `ne`, `eq null`
 * and non-indexed columns cannot use an index (pnp/pnpjs#3149: `… and Status ne 'Completed'`).
 */
import { resolveField } from './columns';
import { isLogical } from './types';
import type { ColumnInfo, FilterNode } from './types';

/** The default of SharePoint Online, which cannot be changed there. */
export const DEFAULT_LIST_VIEW_THRESHOLD = 5000;

/** The condition an index answers, or undefined when none does and the whole list is scanned. */
export function indexNarrowing(filter: FilterNode, columns: ReadonlyMap<string, ColumnInfo>): FilterNode | undefined {
  if (isLogical(filter)) {
    const left = indexNarrowing(filter.left, columns);
    if (filter.kind === 'and') return left ?? indexNarrowing(filter.right, columns);
    const right = indexNarrowing(filter.right, columns);
    return left && right ? { kind: 'or', left, right } : undefined;
  }
  if (filter.kind === 'compare' && (filter.op === 'ne' || filter.value === null)) return undefined;
  const resolved = resolveField(filter.field, columns);
  const indexed = resolved?.kind === 'id' || (resolved?.kind === 'column' && resolved.column.indexed);
  return indexed ? filter : undefined;
}

