// Where the lists live: the site id and each list's id, found once per session.
import type { GraphClient } from '../graph';
import { findLists, resolveSiteId } from '../lists/provision';
import type { ListName } from '../lists/schema';
import { LISTS, fieldsRead } from '../lists/schema';

export interface SiteLists {
  readonly siteId: string;
  readonly listIds: Readonly<Record<ListName, string>>;
}

export class ListsMissingError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`Listorna ${missing.join(', ')} finns inte på webbplatsen. Kör "malkoll provision" först.`);
    this.name = 'ListsMissingError';
  }
}

/**
 * Lists a site provisioned before them may lack: the jobs' and imports' leases, and the plans' own
 * schedules (read as none, so each plan has the shared periods' deadlines), and the owners' delegates
 * (read by the write API only). Such a site still opens
 * for the tab and the add-in; what needs to write one says to provision.
 */
const JOB_LISTS: ReadonlySet<ListName> = new Set(['Leases', 'PlanPeriods', 'Delegates']);

export async function openSite(client: GraphClient, siteRef: string): Promise<SiteLists> {
  const siteId = await resolveSiteId(client, siteRef);
  const found = await findLists(client, siteId);
  const listIds: Partial<Record<ListName, string>> = {};
  const missing: string[] = [];
  for (const spec of LISTS) {
    const list = found.get(spec.displayName);
    if (list) listIds[spec.name] = list.id;
    else if (JOB_LISTS.has(spec.name)) listIds[spec.name] = '';
    else missing.push(spec.displayName);
  }
  if (missing.length > 0) throw new ListsMissingError(missing);
  return { siteId, listIds: listIds as Record<ListName, string> };
}

/** Whether the site has the list (one of the later lists above may be missing). */
export function hasList(site: SiteLists, list: ListName): boolean {
  return Boolean(site.listIds[list]);
}

export function listPath(site: SiteLists, list: ListName): string {
  const id = site.listIds[list];
  if (!id) throw new ListsMissingError(LISTS.filter((l) => l.name === list).map((l) => l.displayName));
  return `/sites/${site.siteId}/lists/${id}`;
}

/** SharePoint serves at most 5 000 items per page. */
export const PAGE_SIZE = 5000;

export interface ItemsQueryOptions {
  /** OData filter; values must already be OData literals. */
  readonly filter?: string;
  readonly orderBy?: string;
  readonly top?: number;
  /** The fields to read; by default those the mapping reads. */
  readonly fields?: readonly string[];
}

/** An items query with the fields it needs expanded. */
export function itemsQuery(site: SiteLists, list: ListName, options: ItemsQueryOptions = {}): string {
  const fields = options.fields ?? fieldsRead(list);
  const parts = [`$expand=fields($select=${fields.join(',')})`, `$top=${options.top ?? PAGE_SIZE}`];
  if (options.filter) parts.push(`$filter=${encodeURIComponent(options.filter)}`);
  if (options.orderBy) parts.push(`$orderby=${encodeURIComponent(options.orderBy)}`);
  return `${listPath(site, list)}/items?${parts.join('&')}`;
}

/** An OData string literal: quotes doubled, so values never break out of the filter. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
