// The tab's and the add-in's tokens, made in one place: one for Graph (reads) and, when the
// configuration names the write API, one for the API's own scope (saves). In a tenant both come
// from nested app authentication; locally from the emulator's dev tokens.
import type { AppConfig } from './app-config';
import { createDevTokenSource, devApiAudience } from './dev-token-source';
import { createNaaTokenSource, GRAPH_SCOPES } from './naa-token-source';

export interface TokenGetter {
  getToken(): Promise<string>;
}

export interface FrontEndTokens {
  readonly graph: TokenGetter;
  /** Present when the configuration names the write API. */
  readonly writeApi?: { readonly url: string; readonly tokenSource: TokenGetter };
}

export interface SignInHints {
  /** The person, in the local run (the emulator's dev tokens). */
  readonly upn?: string;
  /** From the host's context, so the silent call picks the right account. */
  readonly loginHint?: string;
  /** The page that finishes MSAL's browser fallback. */
  readonly redirectUri?: string;
}

/** A relative `apiUrl` (`/api`) is on the page's own origin. */
function absolute(url: string, base: string | undefined): string {
  return base ? new URL(url, base).toString().replace(/\/+$/, '') : url;
}

export function frontEndTokens(config: AppConfig, hints: SignInHints, pageOrigin?: string): FrontEndTokens {
  const api = config.apiUrl && config.apiScope ? { url: absolute(config.apiUrl, pageOrigin), scope: config.apiScope } : undefined;
  if (config.mode === 'emulator') {
    const origin = new URL(config.graphUrl).origin;
    const upn = hints.upn ?? '';
    return {
      graph: createDevTokenSource(origin, upn),
      ...(api ? { writeApi: { url: api.url, tokenSource: createDevTokenSource(origin, upn, undefined, devApiAudience(api.scope)) } } : {}),
    };
  }
  const graph = createNaaTokenSource({
    clientId: config.clientId ?? '',
    tenantId: config.tenantId ?? '',
    scopes: GRAPH_SCOPES,
    ...(hints.loginHint ? { loginHint: hints.loginHint } : {}),
    ...(hints.redirectUri ? { redirectUri: hints.redirectUri } : {}),
  });
  // One MSAL client, one account; each token is asked for silently for its own resource.
  return { graph, ...(api ? { writeApi: { url: api.url, tokenSource: graph.withScopes([api.scope]) } } : {}) };
}
