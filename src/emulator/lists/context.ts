/**
 * What every handler of this part shares: the environment, resolving the site and list of a
 * request, the caller as an Actor, query-option access and link building.
 */
import type { Caller, EmulatorRequest, ListOperationDeps } from '../server/contract';
import { MAX_PAGE_SIZE, parseTop } from '../odata';
import { emptyPayload, listNotFound, siteNotFound } from './graph-errors';
import type { Actor, ColumnRecord, FieldValue, ListRecord, ListStore, SiteRecord } from './list-store';
import type { ItemContext } from './render';
import { parseSiteRef } from './site-ref';

export interface ListOperationOptions {
  /** Change-log entries (and delta tokens) older than this are gone: 410 resyncRequired. Default 30. */
  readonly deltaTokenLifetimeDays?: number;
  /** Items a filtered query may select through its index on a larger list (SharePoint: 5 000). */
  readonly listViewThreshold?: number | undefined;
  /** Whether delta's nextLink and deltaLink keep `$expand` (default false: unverified for Graph). */
  readonly deltaLinksKeepExpand?: boolean | undefined;
}

export interface ListEnv {
  readonly deps: ListOperationDeps;
  readonly store: ListStore;
  readonly deltaTokenLifetimeMs: number;
  readonly listViewThreshold: number;
  readonly deltaLinksKeepExpand: boolean;
}

/** Graph's timestamp form: UTC, whole seconds. */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nowText(env: ListEnv): string {
  return graphTime(env.deps.now());
}

export function resolveSite(env: ListEnv, req: EmulatorRequest): SiteRecord {
  const ref = parseSiteRef(req.params.siteRef ?? '');
  const { store, deps } = env;
  let site: SiteRecord | undefined;
  switch (ref?.kind) {
    case 'root':
      site = store.findSiteByPath(deps.hostname, '/');
      break;
    case 'host':
      site = store.findSiteByPath(ref.hostname, '/');
      break;
    case 'path':
      site = store.findSiteByPath(ref.hostname, ref.path);
      break;
    case 'id': {
      const found = store.findSiteById(ref.siteCollectionId, ref.webId);
      site = ref.hostname === undefined || found?.hostname.toLowerCase() === ref.hostname.toLowerCase() ? found : undefined;
      break;
    }
    default:
      site = undefined;
  }
  if (!site) throw siteNotFound();
  return site;
}

export function resolveList(env: ListEnv, req: EmulatorRequest): { site: SiteRecord; list: ListRecord } {
  const site = resolveSite(env, req);
  const list = env.store.findList(site.id, req.params.listRef ?? '');
  if (!list) throw listNotFound();
  return { site, list };
}

/** SharePoint's stand-in person for app-only writes (research §2: no id, sometimes an empty email). */
const SHAREPOINT_APP_USER = { displayName: 'SharePoint App' };

/**
 * The caller as Graph shows writers (research §2): a person writes as their user; an app-only
 * token writes as user "SharePoint App" plus the application. lastModifiedBy also names the
 * application whenever the identity has one (writes through Graph); createdBy of a person does not.
 */
export function actorOf(deps: ListOperationDeps, caller: Caller): Actor {
  const identity = deps.identityOf(caller);
  const application = identity.application ?? (caller.kind === 'app' ? { id: caller.appId, displayName: caller.appId } : undefined);
  const person = caller.kind === 'user' ? identity.user : undefined;
  const user = person ?? SHAREPOINT_APP_USER;
  const editor = application ? { user, application } : { user };
  const author = caller.kind === 'app' ? editor : { user };
  const userKey = person ? `user:${person.id}` : 'sharepoint-app';
  return { author, editor, userKey, ...(application ? { appKey: `app:${application.id}` } : {}) };
}

/** A query option by name, with or without the `$` (the docs write `expand=`, clients `$expand=`). */
export function queryOption(req: EmulatorRequest, name: string): string | undefined {
  return req.query.get(`$${name}`) ?? req.query.get(name) ?? undefined;
}

/** `$top` (or the deployment's default page size), served at most MAX_PAGE_SIZE per page. */
export function pageSize(env: ListEnv, req: EmulatorRequest): number {
  const top = queryOption(req, 'top');
  return Math.min(top === undefined ? env.deps.defaultPageSize : parseTop(top), MAX_PAGE_SIZE);
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw emptyPayload();
  return body as Record<string, unknown>;
}

function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%24/g, '$');
}

/**
 * This request's URL with some options replaced: the nextLink / deltaLink keep every other query
 * option, as Graph's do. `replace` names are compared without `$` and case-insensitively.
 */
export function linkWith(req: EmulatorRequest, replace: Readonly<Record<string, string | undefined>>): string {
  const bare = (name: string): string => name.replace(/^\$/, '').toLowerCase();
  const replaced = new Set(Object.keys(replace).map(bare));
  const parts: string[] = [];
  for (const [key, value] of req.query) {
    if (!replaced.has(bare(key))) parts.push(`${encodeKey(key)}=${encodeURIComponent(value)}`);
  }
  for (const [key, value] of Object.entries(replace)) {
    if (value !== undefined) parts.push(`${encodeKey(key)}=${encodeURIComponent(value)}`);
  }
  // The path is used as received; only characters a URL cannot carry are escaped.
  const path = req.path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c));
  return `${req.graphBaseUrl}${path}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

export function itemContext(env: ListEnv, req: EmulatorRequest, site: SiteRecord, list: ListRecord): ItemContext {
  const columns = env.store.columns(list);
  const lookupValue = (column: ColumnRecord, itemId: number): FieldValue | undefined => {
    const target = typeof column.facet.listId === 'string' ? env.store.findList(site.id, column.facet.listId) : undefined;
    const item = target && env.store.getItem(target, String(itemId));
    const name = typeof column.facet.columnName === 'string' ? column.facet.columnName : 'Title';
    return item?.fields[name];
  };
  return { graphBaseUrl: req.graphBaseUrl, site, list, columns, lookupValue };
}
