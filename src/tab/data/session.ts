// One signed-in session: the Graph client with the user's token source, the store over the site's
// lists, and a count of Graph round trips (the bench and the status line read it).
import type { AppConfig } from '../../auth';
import type { GraphClient, TokenSource } from '../../graph';
import { createGraphClient } from '../../graph';
import type { SiteLists } from '../../store';
import { FollowUpStore, openSite } from '../../store';

export interface Session {
  readonly config: AppConfig;
  readonly upn: string;
  readonly displayName: string;
  readonly client: GraphClient;
  readonly store: FollowUpStore;
  /** Graph round trips so far. */
  readonly roundTrips: () => number;
}

const SITE_CACHE_PREFIX = 'malkoll.site:';

/**
 * The site's list ids never change once provisioned: remembering them saves two round trips on every
 * later start. A stale entry (lists recreated) shows up as a 404 and is dropped by `reopenSite`.
 */
function cachedSite(config: AppConfig): SiteLists | undefined {
  try {
    const raw = localStorage.getItem(`${SITE_CACHE_PREFIX}${config.graphUrl}|${config.siteRef}`);
    if (!raw) return undefined;
    const site = JSON.parse(raw) as SiteLists;
    return typeof site.siteId === 'string' && typeof site.listIds === 'object' ? site : undefined;
  } catch {
    return undefined;
  }
}

function rememberSite(config: AppConfig, site: SiteLists | undefined): void {
  try {
    const key = `${SITE_CACHE_PREFIX}${config.graphUrl}|${config.siteRef}`;
    if (site) localStorage.setItem(key, JSON.stringify(site));
    else localStorage.removeItem(key);
  } catch {
    // Storage may be off (private mode): the app works, just with two more round trips.
  }
}

export async function openSession(config: AppConfig, who: { upn: string; displayName: string }, tokenSource: TokenSource): Promise<Session> {
  let count = 0;
  const client = createGraphClient({ baseUrl: config.graphUrl, tokenSource, onRequest: () => void (count += 1) });
  let site = cachedSite(config);
  if (!site) {
    site = await openSite(client, config.siteRef);
    rememberSite(config, site);
  }
  return { config, upn: who.upn, displayName: who.displayName, client, store: new FollowUpStore(client, site), roundTrips: () => count };
}

/** After a 404 on a remembered list: forget it and look the site up again. */
export async function reopenSite(session: Session): Promise<Session> {
  rememberSite(session.config, undefined);
  const site = await openSite(session.client, session.config.siteRef);
  rememberSite(session.config, site);
  return { ...session, store: new FollowUpStore(session.client, site) };
}
