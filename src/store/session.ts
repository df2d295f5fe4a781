// One signed-in session of a front end (tab or task pane): the store over the site's lists with the
// user's token source, and a count of Graph round trips (status lines and the benches read it).
import type { GraphClient, TokenSource } from '../graph';
import { createGraphClient, isNotFound } from '../graph';
import { FollowUpStore } from './follow-up-store';
import type { SiteLists } from './site';
import { openSite } from './site';
import type { WriteApi, WriteApiOptions } from './write-api';
import { createWriteApi } from './write-api';

export type { TokenSource } from '../graph';

/** Where the site's list ids are remembered between visits (localStorage in a browser). */
export interface SiteMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionOptions {
  readonly graphUrl: string;
  readonly siteRef: string;
  readonly tokenSource: TokenSource;
  /** Who signed in; when absent, Graph's /me answers (a tenant sign-in). */
  readonly who?: { readonly upn: string; readonly displayName: string };
  readonly siteMemory?: SiteMemory;
  /**
   * Målkoll's write API: when given, every save goes there (people have only Read on the site).
   * Without it the store writes to Graph itself, as the command line and the jobs do.
   */
  readonly writeApi?: WriteApiOptions;
}

export interface Session {
  readonly upn: string;
  readonly displayName: string;
  readonly store: FollowUpStore;
  /** The write API the store saves through, for the commands beyond saving (the round, the plan). */
  readonly writeApi?: WriteApi;
  /** Graph round trips so far. */
  readonly roundTrips: () => number;
  /** After a 404 on a remembered list: forget it, look the site up again, and go on with that. */
  readonly reopen: () => Promise<Session>;
}

const SITE_MEMORY_PREFIX = 'malkoll.site:';

/**
 * The site's list ids never change once provisioned: remembering them saves two round trips on every
 * later start. A stale entry (lists recreated) shows up as a 404 and `reopen` drops it.
 */
function remembered(options: SessionOptions): SiteLists | undefined {
  try {
    const raw = options.siteMemory?.getItem(memoryKey(options));
    if (!raw) return undefined;
    const site = JSON.parse(raw) as SiteLists;
    return typeof site.siteId === 'string' && typeof site.listIds === 'object' ? site : undefined;
  } catch {
    return undefined;
  }
}

function remember(options: SessionOptions, site: SiteLists | undefined): void {
  try {
    if (site) options.siteMemory?.setItem(memoryKey(options), JSON.stringify(site));
    else options.siteMemory?.removeItem(memoryKey(options));
  } catch {
    // Storage may be off (private mode): the app works, just with two more round trips.
  }
}

const memoryKey = (options: SessionOptions) => `${SITE_MEMORY_PREFIX}${options.graphUrl}|${options.siteRef}`;

async function whoAmI(client: GraphClient): Promise<{ upn: string; displayName: string }> {
  const me = await client.get<{ userPrincipalName?: string; displayName?: string }>('/me?$select=userPrincipalName,displayName');
  return { upn: me.userPrincipalName ?? '', displayName: me.displayName ?? me.userPrincipalName ?? '' };
}

export async function openSession(options: SessionOptions): Promise<Session> {
  let count = 0;
  const client = createGraphClient({ baseUrl: options.graphUrl, tokenSource: options.tokenSource, onRequest: () => void (count += 1) });
  const [who, site] = await Promise.all([options.who ?? whoAmI(client), remembered(options) ?? openSite(client, options.siteRef)]);
  remember(options, site);
  const writeApi = options.writeApi ? createWriteApi(options.writeApi) : undefined;
  const sessionOver = (lists: SiteLists): Session => ({
    upn: who.upn,
    displayName: who.displayName,
    store: new FollowUpStore(client, lists, undefined, writeApi),
    ...(writeApi ? { writeApi } : {}),
    roundTrips: () => count,
    reopen: async () => {
      remember(options, undefined);
      const fresh = await openSite(client, options.siteRef);
      remember(options, fresh);
      return sessionOver(fresh);
    },
  });
  return sessionOver(site);
}

/** A remembered list that no longer exists answers 404: the session should be reopened. */
export function isStaleSite(error: unknown): boolean {
  return isNotFound(error);
}
