// The write API as the Function App runs it: settings from the app settings, the store signed in as
// the Målkoll app (its Sites.Selected write grant on the site), tokens checked against the tenant's
// published keys. Apart from the Functions registration (azure-function.ts), so tests can build it.
import type { AppOnlyCredentialConfig } from '../auth/app-only-token-source';
import { FEDERATED_ENV, appOnlyCredentialFromEnv, createAppOnlyTokenSource, credentialFor } from '../auth/app-only-token-source';
import { checkGraphEndpoint } from '../core';
import type { TokenSource } from '../graph';
import { createGraphClient, malkollUserAgent } from '../graph';
import { FollowUpStore, openSite } from '../store';
import { createJwksKeySource } from './access-token';
import type { SigningKeySource } from './access-token';
import type { ApiRequest, ApiResponse } from './http';
import { API_ENV, apiSettings } from './settings';
import { createWriteApiHandler } from './write-api';
import { createWriteContext } from './write-context';

/** Every app setting the API reads besides the credential's (FEDERATED_ENV). */
export const API_FUNCTION_APP_SETTINGS: readonly string[] = [...Object.values(API_ENV), 'MALKOLL_GRAPH_URL', 'MALKOLL_SITE', 'MALKOLL_TEAMS_APP_ID', 'MALKOLL_TIME_ZONE', ...Object.values(FEDERATED_ENV)];

const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com/v1.0';

/** The API writes as the app: a plain managed identity holds no grant on the site. */
function apiCredential(env: Readonly<Record<string, string | undefined>>): AppOnlyCredentialConfig {
  const config = appOnlyCredentialFromEnv(env);
  if (config.kind === 'managed-identity') {
    throw new Error(`Skriv-API:t måste skriva som Målkoll-appen (den har skrivrätt på webbplatsen): ange ${FEDERATED_ENV.appClientId}, ${FEDERATED_ENV.tenantId} och ${FEDERATED_ENV.managedIdentityClientId}.`);
  }
  return config;
}

export interface FunctionApiDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Tests inject the emulator's app token and keys. */
  readonly tokenSource?: TokenSource;
  readonly keys?: SigningKeySource;
  readonly now?: () => Date;
}

/** Validates every setting at once, before the first request: a half-configured API refuses to start. */
export function createFunctionApi(deps: FunctionApiDeps): (request: ApiRequest) => Promise<ApiResponse> {
  const { env } = deps;
  const settings = apiSettings(env);
  const site = env['MALKOLL_SITE'];
  if (!site) throw new Error('MALKOLL_SITE saknas: webbplatsen med listorna, till exempel contoso.sharepoint.com:/sites/malkoll.');
  const endpoint = checkGraphEndpoint(env['MALKOLL_GRAPH_URL'] ?? DEFAULT_GRAPH_URL);
  if (!endpoint.ok) throw new Error(`MALKOLL_GRAPH_URL: ${endpoint.problem}`);
  const tokenSource = deps.tokenSource ?? createAppOnlyTokenSource(() => credentialFor(apiCredential(env)));
  const openStore = async () => {
    const client = createGraphClient({ baseUrl: endpoint.endpoint.url, tokenSource, userAgent: malkollUserAgent('api') });
    return new FollowUpStore(client, await openSite(client, site), deps.now);
  };
  return createWriteApiHandler({
    tokenRules: settings.tokenRules,
    keys: deps.keys ?? createJwksKeySource(settings.jwksUrl),
    context: createWriteContext(openStore, { ...(deps.now ? { now: deps.now } : {}), teamsAppId: env['MALKOLL_TEAMS_APP_ID']?.trim(), timeZone: env['MALKOLL_TIME_ZONE']?.trim() }),
  });
}
