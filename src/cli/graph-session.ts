// A Graph client for the command line: the emulator's dev token locally, an Azure credential
// (client secret, certificate or managed identity) against a tenant.
import { appOnlyCredentialFromEnv, createAppOnlyTokenSource, credentialFor } from '../auth/app-only-token-source';
import { checkGraphEndpoint } from '../core/graph-endpoint';
import type { TokenSource } from '../graph';
import { createGraphClient, malkollUserAgent } from '../graph';
import type { GraphClient } from '../graph';
import { FollowUpStore, openSite } from '../store';
import type { GraphTarget } from './options';

export interface GraphSession {
  readonly client: GraphClient;
  readonly target: GraphTarget;
  store(): Promise<FollowUpStore>;
}

export async function devToken(origin: string, body: { upn: string } | { app: true; appId?: string }): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${origin}/_dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Error(`Den lokala emulatorn svarar inte på ${origin}. Starta den med "npm start" i ett annat fönster.`);
  }
  const json = (await response.json()) as { access_token?: string; error?: { message?: string } };
  if (!response.ok || !json.access_token) throw new Error(`Emulatorn gav ingen token: ${json.error?.message ?? response.status}`);
  return json.access_token;
}

/** `localAppId`: locally, sign in as this registered app instead of the emulator's own (the notify job's Målkoll app). */
export async function openGraphSession(target: GraphTarget, env: NodeJS.ProcessEnv, onRequest?: (line: string) => void, options: { localAppId?: string | undefined } = {}): Promise<GraphSession> {
  // Checked again here, whoever built the target: a token must never leave for another host.
  const checked = checkGraphEndpoint(target.graphUrl);
  if (!checked.ok) throw new Error(checked.problem);
  const endpoint = checked.endpoint;
  let tokenSource: TokenSource;
  if (endpoint.kind === 'emulator') {
    const origin = endpoint.origin;
    let cached: string | undefined;
    const app = options.localAppId ? { app: true as const, appId: options.localAppId } : { app: true as const };
    tokenSource = { getToken: async () => (cached ??= await devToken(origin, app)) };
  } else {
    // App-only credential for a tenant, chosen from the environment (see docs/cli.md).
    tokenSource = createAppOnlyTokenSource(() => credentialFor(appOnlyCredentialFromEnv(env)));
  }
  const client = createGraphClient({
    baseUrl: endpoint.url,
    tokenSource,
    userAgent: malkollUserAgent('cli'),
    ...(onRequest ? { onRequest: (e) => onRequest(`${e.method} ${e.url} → ${e.status} (${e.ms} ms)`) } : {}),
  });
  return { client, target, store: async () => new FollowUpStore(client, await openSite(client, target.site)) };
}
