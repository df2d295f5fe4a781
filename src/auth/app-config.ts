// The web app's configuration, served as /config.json next to the app. Validated before anything
// runs: a half-configured tenant deployment must refuse to start, never fall back to running
// unauthenticated or against the wrong Graph.
import { checkGraphEndpoint } from '../core/graph-endpoint';

export type AppMode = 'emulator' | 'tenant';

export interface AppConfig {
  readonly mode: AppMode;
  /** Graph root, e.g. https://graph.microsoft.com/v1.0 or the emulator's http://localhost:3000/graph/v1.0. */
  readonly graphUrl: string;
  /** The site with the lists, e.g. `contoso.sharepoint.com:/sites/malkoll`. */
  readonly siteRef: string;
  /** Entra app (SPA) id; required in tenant mode. */
  readonly clientId?: string;
  /** Entra tenant id; required in tenant mode. */
  readonly tenantId?: string;
  /**
   * Målkoll's write API (every save goes there): `/api` on the same origin locally, the Function
   * App's `https://…/api` in a tenant. Required in tenant mode; without it (an older local config)
   * the front ends write to Graph themselves.
   */
  readonly apiUrl?: string;
  /** The API's scope, `api://<domain>/<client id>/access_as_user`; required with apiUrl. */
  readonly apiScope?: string;
}

export type ConfigResult = { readonly ok: true; readonly config: AppConfig } | { readonly ok: false; readonly problems: readonly string[] };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(source: Record<string, unknown>, key: string, problems: string[]): string | undefined {
  const value = source[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push(`"${key}" ska vara text.`);
    return undefined;
  }
  return value.trim();
}

/**
 * The write API gets the user's token for Målkoll's own scope, never a Graph token: it must be
 * https (or a path on this same origin) and the scope must be an app id URI's `access_as_user`.
 */
function checkWriteApi(tenant: boolean, apiUrl: string | undefined, apiScope: string | undefined, problems: string[]): void {
  if (!apiUrl) {
    if (tenant) problems.push('"apiUrl" saknas: Målkolls skriv-API (Function-appens https://…/api) krävs för att spara.');
    return;
  }
  const samePath = apiUrl.startsWith('/') && !apiUrl.startsWith('//');
  let https = false;
  try {
    const url = new URL(apiUrl);
    https = url.protocol === 'https:' && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  } catch {
    https = false;
  }
  if (!samePath && !https) problems.push(`"apiUrl": "${apiUrl}" ska vara en https-adress (till exempel https://malkoll-func.azurewebsites.net/api) eller en sökväg på samma ursprung (/api).`);
  if (!apiScope) problems.push('"apiScope" saknas: skriv-API:ts behörighet, till exempel <klient-id>/access_as_user.');
  else if (!/^(api:\/\/\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/access_as_user$/i.test(apiScope)) {
    problems.push(`"apiScope": "${apiScope}" ska vara appens klient-id (eller id-URI) följt av /access_as_user.`);
  }
}

/** Checks a parsed /config.json; every problem is named in Swedish, for the person deploying. */
export function parseAppConfig(input: unknown): ConfigResult {
  if (!isRecord(input)) return { ok: false, problems: ['Konfigurationen ska vara ett JSON-objekt.'] };
  const problems: string[] = [];
  const mode = input.mode;
  if (mode !== 'emulator' && mode !== 'tenant') problems.push(`"mode" ska vara "emulator" eller "tenant", inte ${JSON.stringify(mode ?? null)}.`);
  const graphUrl = optionalText(input, 'graphUrl', problems);
  const siteRef = optionalText(input, 'siteRef', problems);
  const clientId = optionalText(input, 'clientId', problems);
  const tenantId = optionalText(input, 'tenantId', problems);
  const apiUrl = optionalText(input, 'apiUrl', problems);
  const apiScope = optionalText(input, 'apiScope', problems);
  checkWriteApi(mode === 'tenant', apiUrl, apiScope, problems);
  // The front ends' tokens go wherever graphUrl points: Microsoft Graph over https or the local emulator only.
  const endpoint = graphUrl ? checkGraphEndpoint(graphUrl) : undefined;
  if (!endpoint) problems.push('"graphUrl" saknas (till exempel https://graph.microsoft.com/v1.0).');
  else if (!endpoint.ok) problems.push(`"graphUrl": ${endpoint.problem}`);
  if (!siteRef) problems.push('"siteRef" saknas (webbplatsen med listorna, till exempel contoso.sharepoint.com:/sites/malkoll).');
  if (mode === 'tenant') {
    if (!clientId) problems.push('"clientId" saknas: appregistreringens id i Entra krävs för inloggning.');
    else if (!GUID.test(clientId)) problems.push(`"clientId" ska vara ett GUID, inte "${clientId}".`);
    if (!tenantId) problems.push('"tenantId" saknas: klientorganisationens id i Entra krävs för inloggning.');
    else if (!GUID.test(tenantId) && !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(tenantId)) problems.push(`"tenantId" ska vara ett GUID eller ett domännamn, inte "${tenantId}".`);
  }
  if (problems.length > 0 || !endpoint?.ok || !siteRef || (mode !== 'emulator' && mode !== 'tenant')) return { ok: false, problems };
  const config: AppConfig = {
    mode,
    graphUrl: endpoint.endpoint.url,
    siteRef,
    ...(clientId ? { clientId } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(apiUrl ? { apiUrl: apiUrl.replace(/\/+$/, '') } : {}),
    ...(apiScope ? { apiScope } : {}),
  };
  return { ok: true, config };
}

/** Reads and validates the configuration; a missing or unreadable file is a refusal too. */
export async function loadAppConfig(url = '/config.json', fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch {
    return { ok: false, problems: [`Konfigurationen ${url} kunde inte hämtas (nätverksfel).`] };
  }
  if (!response.ok) return { ok: false, problems: [`Konfigurationen ${url} saknas (svar ${response.status}).`] };
  try {
    return parseAppConfig(await response.json());
  } catch {
    return { ok: false, problems: [`Konfigurationen ${url} är inte giltig JSON.`] };
  }
}
