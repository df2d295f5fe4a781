// One signed-in session of the add-in: the Graph client with the user's token source, the store
// over the site's lists, and a count of Graph round trips (progress line and bench read it).
import type { AppConfig } from '../auth';
import type { GraphClient, TokenSource } from '../graph';
import { createGraphClient } from '../graph';
import { FollowUpStore, openSite } from '../store';

export interface Session {
  readonly upn: string;
  readonly displayName: string;
  readonly client: GraphClient;
  readonly store: FollowUpStore;
  readonly roundTrips: () => number;
}

export async function openSession(config: Pick<AppConfig, 'graphUrl' | 'siteRef'>, who: { upn: string; displayName: string }, tokenSource: TokenSource): Promise<Session> {
  let count = 0;
  const client = createGraphClient({ baseUrl: config.graphUrl, tokenSource, onRequest: () => void (count += 1) });
  const site = await openSite(client, config.siteRef);
  return { upn: who.upn, displayName: who.displayName, client, store: new FollowUpStore(client, site), roundTrips: () => count };
}

/** Who the token belongs to, from Graph's /me (tenant mode; the emulator's picker already knows). */
export async function whoAmI(client: GraphClient): Promise<{ upn: string; displayName: string }> {
  const me = await client.get<{ userPrincipalName?: string; displayName?: string }>('/me?$select=userPrincipalName,displayName');
  return { upn: me.userPrincipalName ?? '', displayName: me.displayName ?? me.userPrincipalName ?? '' };
}
