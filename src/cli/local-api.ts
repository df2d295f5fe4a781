// The write API in the local run: the same handlers as the Function App's, mounted in-process on
// the emulator's origin under /api. Tokens are the emulator's stand-in for Entra (RS256, checked
// against its published keys, exactly as a tenant's are); writes go as the registered Målkoll app
// with its Sites.Selected write grant, as in a tenant.
import { API_SCOPE, apiSettingsFor, createJwksKeySource, createWriteApiHandler, createWriteContext } from '../api';
import type { MountedApi, RunningEmulator } from '../emulator';
import { TENANT_ID } from '../emulator';
import { createGraphClient, malkollUserAgent } from '../graph';
import { FollowUpStore, openSite } from '../store';
import { DEFAULT_SITE } from './options';

/** The app id URI the local run's API answers to (a tenant's is `api://<tab domain>/<client id>`). */
export function localApiAudience(appId: string): string {
  return `api://localhost/${appId}`;
}

export function localApiScope(appId: string): string {
  return `${localApiAudience(appId)}/${API_SCOPE}`;
}

export function localWriteApi(emulator: Pick<RunningEmulator, 'issueToken' | 'apiAuthority' | 'graphUrl'>, appId: string, options: { siteRef?: string; clock?: () => Date; teamsAppId?: string } = {}): MountedApi {
  const settings = apiSettingsFor({ tenantId: TENANT_ID, audiences: [localApiAudience(appId)], authority: emulator.apiAuthority });
  const tokenSource = { getToken: () => Promise.resolve(emulator.issueToken({ app: true, appId }).access_token) };
  const openStore = async () => {
    const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource, userAgent: malkollUserAgent('api') });
    // `clock` is what ReportedAt records (tests fix it); tokens are checked against the real time.
    return new FollowUpStore(client, await openSite(client, options.siteRef ?? DEFAULT_SITE), options.clock);
  };
  const handle = createWriteApiHandler({
    tokenRules: settings.tokenRules,
    keys: createJwksKeySource(settings.jwksUrl),
    context: createWriteContext(openStore, { teamsAppId: options.teamsAppId }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  return (request) => handle({ method: request.method, path: request.path, headers: request.headers, body: request.body.toString('utf8') });
}
