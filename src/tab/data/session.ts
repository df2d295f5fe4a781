// The tab's session: the front ends' one session (store/session.ts) with the tab's configuration
// beside it, and the browser's localStorage remembering the site's list ids.
import type { AppConfig, FrontEndTokens } from '../../auth';
import type { Session as StoreSession, SiteMemory } from '../../store';
import { openSession as openStoreSession } from '../../store';

export interface Session extends StoreSession {
  readonly config: AppConfig;
}

function browserMemory(): SiteMemory | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const withConfig = (config: AppConfig, session: StoreSession): Session => ({ ...session, config });

export async function openSession(config: AppConfig, who: { upn: string; displayName: string }, tokens: FrontEndTokens): Promise<Session> {
  const siteMemory = browserMemory();
  return withConfig(
    config,
    await openStoreSession({ graphUrl: config.graphUrl, siteRef: config.siteRef, tokenSource: tokens.graph, who, ...(siteMemory ? { siteMemory } : {}), ...(tokens.writeApi ? { writeApi: tokens.writeApi } : {}) }),
  );
}

/** After a 404 on a remembered list: look the site up again. */
export async function reopenSite(session: Session): Promise<Session> {
  return withConfig(session.config, await session.reopen());
}
