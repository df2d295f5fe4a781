/**
 * The site/list/column/item/version/delta operations on SQLite. The server part calls
 * `ensureDefaultSite` once at start-up and mounts `createListOperations`' handlers.
 * updateList, deleteList, deleteColumn, updateItem and getItemVersion are left unhandled (501).
 */
import { DEFAULT_LIST_VIEW_THRESHOLD } from '../odata';
import type { EmulatorRequest, ListOperationDeps, OperationHandler, OperationHandlers } from '../server/contract';
import { columnHandlers } from './columns.handler';
import { graphTime } from './context';
import type { ListEnv, ListOperationOptions } from './context';
import { deltaHandlers } from './delta.handler';
import { asGraphError } from './graph-errors';
import { itemHandlers } from './items.handler';
import { listHandlers } from './lists.handler';
import type { SiteRecord } from './list-store';
import { siteHandlers } from './sites.handler';
import { listStoreFor } from './sqlite-list-store';
import { versionHandlers } from './versions.handler';

export type { ListOperationOptions } from './context';
export type { ListStore } from './list-store';
export { SqliteListStore, listStoreFor } from './sqlite-list-store';
export { DEFAULT_SITE_TIME_ZONE, checkTimeZone } from './site-time-zone';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DELTA_TOKEN_LIFETIME_DAYS = 30;

/** ODataErrors thrown while handling become GraphErrors with the same status, code and message. */
function withGraphErrors(handler: OperationHandler): OperationHandler {
  return async (req: EmulatorRequest) => {
    try {
      return await handler(req);
    } catch (error) {
      throw asGraphError(error);
    }
  };
}

export function createListOperations(deps: ListOperationDeps, options: ListOperationOptions = {}): OperationHandlers {
  const env: ListEnv = {
    deps,
    store: listStoreFor(deps.db, deps.siteTimeZone),
    deltaTokenLifetimeMs: (options.deltaTokenLifetimeDays ?? DEFAULT_DELTA_TOKEN_LIFETIME_DAYS) * DAY_MS,
    listViewThreshold: options.listViewThreshold ?? DEFAULT_LIST_VIEW_THRESHOLD,
    deltaLinksKeepExpand: options.deltaLinksKeepExpand ?? false,
  };
  const handlers: OperationHandlers = {
    ...siteHandlers(env),
    ...listHandlers(env),
    ...columnHandlers(env),
    ...itemHandlers(env),
    ...deltaHandlers(env),
    ...versionHandlers(env),
  };
  const wrapped: OperationHandlers = {};
  for (const [name, handler] of Object.entries(handlers) as Array<[keyof OperationHandlers, OperationHandler]>) {
    wrapped[name] = withGraphErrors(handler);
  }
  return wrapped;
}

/** The tenant's root site and the app's site `{hostname}:/sites/malkoll`, created when missing. */
export function ensureDefaultSite(deps: Pick<ListOperationDeps, 'db' | 'hostname' | 'now' | 'siteTimeZone'>): { root: SiteRecord; site: SiteRecord } {
  const store = listStoreFor(deps.db, deps.siteTimeZone);
  const now = graphTime(deps.now());
  const root = store.ensureSite({ hostname: deps.hostname, path: '/', name: '', displayName: 'Communication site', description: '' }, now);
  const site = store.ensureSite(
    { hostname: deps.hostname, path: '/sites/malkoll', name: 'malkoll', displayName: 'Målkoll', description: 'Målkoll: mål och uppföljning' },
    now,
  );
  return { root, site };
}
