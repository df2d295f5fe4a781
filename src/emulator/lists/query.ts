/** Reading `$select`, `$expand`, `$filter`, `$orderby` and `$skiptoken` of an item request. */
import type { EmulatorRequest } from '../server/contract';
import { indexNarrowing, parseExpand, parseFilter, parseOrderBy, parseSelect, prefersHonorNonIndexed, validateQuery } from '../odata';
import type { FilterNode, OrderByTerm } from '../odata';
import { queryOption } from './context';
import { invalidRequest, listViewThresholdExceeded } from './graph-errors';
import { queryColumns } from './item-sql';
import type { ColumnRecord, ListRecord, ListStore, PageKey } from './list-store';
import type { ItemShape } from './render';
import { decodeSkipToken } from './tokens';

export function itemShape(req: EmulatorRequest): ItemShape {
  const select = queryOption(req, 'select');
  const expand = queryOption(req, 'expand');
  const fields = expand === undefined ? undefined : parseExpand(expand).fields;
  return { select: select === undefined ? undefined : parseSelect(select), fields };
}

export interface ItemQueryOptions {
  readonly filter?: FilterNode | undefined;
  readonly orderBy: readonly OrderByTerm[];
  readonly after?: PageKey | undefined;
}

/**
 * `$filter`, `$orderby` and `$skiptoken`, checked against the list: unknown fields, wrong literal
 * types, and non-indexed columns without the Prefer header are refused (ODataError, 400).
 */
export function itemQueryOptions(req: EmulatorRequest, columns: readonly ColumnRecord[]): ItemQueryOptions {
  const filterText = queryOption(req, 'filter');
  const orderText = queryOption(req, 'orderby');
  const filter = filterText === undefined ? undefined : parseFilter(filterText);
  const orderBy = orderText === undefined || orderText.trim() === '' ? [] : parseOrderBy(orderText);
  validateQuery({ filter, orderBy }, queryColumns(columns), { honorNonIndexed: prefersHonorNonIndexed(req.headers.prefer) });
  const skipToken = queryOption(req, 'skiptoken');
  if (skipToken === undefined) return { filter, orderBy };
  const after = decodeSkipToken(skipToken);
  // A token only continues the ordering it was made for.
  if (!after || after.values.length !== orderBy.length) throw invalidRequest('The $skiptoken is not valid for this request.');
  return { filter, orderBy, after };
}

/**
 * SharePoint's list view threshold: on a list of more than `threshold` items, a filter must be
 * narrowed by an index to at most `threshold` of them (odata/threshold.ts says which part an index
 * answers). Unfiltered reads page through any list.
 */
export function assertWithinThreshold(store: ListStore, list: ListRecord, filter: FilterNode | undefined, threshold: number): void {
  if (filter === undefined || store.countItems(list, undefined, threshold + 1) <= threshold) return;
  const narrowing = indexNarrowing(filter, queryColumns(store.columns(list)));
  if (narrowing !== undefined && store.countItems(list, narrowing, threshold + 1) <= threshold) return;
  throw listViewThresholdExceeded();
}
