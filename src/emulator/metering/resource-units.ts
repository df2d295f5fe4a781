// What one Graph request costs in SharePoint's resource units, by the table SharePoint publishes
// for Graph calls: 1 for a single item or a delta with a token, 2 for a multi-item query (a delta
// without a token too) and for any write, 5 for anything on permissions. `$batch` itself costs
// nothing: its steps are metered one by one. Directory and Teams calls are not SharePoint's and
// cost nothing here (Graph meters them by its own limits).
import type { OperationName } from '../server/contract';

const SINGLE_ITEM = 1;
const MULTI_ITEM_OR_WRITE = 2;
const PERMISSIONS = 5;

const COST: Partial<Record<OperationName, number>> = {
  getSite: SINGLE_ITEM,
  getList: SINGLE_ITEM,
  getColumn: SINGLE_ITEM,
  getItem: SINGLE_ITEM,
  getItemFields: SINGLE_ITEM,
  getItemVersion: SINGLE_ITEM,
  listLists: MULTI_ITEM_OR_WRITE,
  listColumns: MULTI_ITEM_OR_WRITE,
  listItems: MULTI_ITEM_OR_WRITE,
  listItemVersions: MULTI_ITEM_OR_WRITE,
  createList: MULTI_ITEM_OR_WRITE,
  updateList: MULTI_ITEM_OR_WRITE,
  deleteList: MULTI_ITEM_OR_WRITE,
  createColumn: MULTI_ITEM_OR_WRITE,
  updateColumn: MULTI_ITEM_OR_WRITE,
  deleteColumn: MULTI_ITEM_OR_WRITE,
  createItem: MULTI_ITEM_OR_WRITE,
  updateItem: MULTI_ITEM_OR_WRITE,
  updateItemFields: MULTI_ITEM_OR_WRITE,
  deleteItem: MULTI_ITEM_OR_WRITE,
  listSitePermissions: PERMISSIONS,
  createSitePermission: PERMISSIONS,
  getSitePermission: PERMISSIONS,
  updateSitePermission: PERMISSIONS,
  deleteSitePermission: PERMISSIONS,
};

export interface MeteredRequest {
  readonly operation: OperationName;
  readonly method: string;
  /** Path below the Graph root. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
}

/** The resource units SharePoint charges the calling app for this request. */
export function resourceUnitsOf(request: MeteredRequest): number {
  const { operation, query } = request;
  if (/\bpermissions\b/i.test(query.get('$expand') ?? '')) return PERMISSIONS;
  // `token=latest` counts as a token too: it reads nothing, and the table has no third case.
  if (operation === 'itemsDelta') return query.has('token') ? SINGLE_ITEM : MULTI_ITEM_OR_WRITE;
  const cost = COST[operation];
  if (cost !== undefined) return cost;
  // An operation added later under /sites is SharePoint's: priced as a query or a write.
  return /^\/sites(\/|$)/i.test(request.rawPath) ? MULTI_ITEM_OR_WRITE : 0;
}
