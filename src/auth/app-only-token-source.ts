// App-only Graph tokens for jobs (the notify timer, the command line against a tenant): managed
// identity in Azure, else a certificate (or, for a developer's machine, a client secret), through
// @azure/identity. Structurally a graph TokenSource; this layer imports nothing of ours.
import type { TokenCredential } from '@azure/identity';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

export type AppOnlyCredentialConfig =
  /** System-assigned, or user-assigned when `clientId` names it. */
  | { readonly kind: 'managed-identity'; readonly clientId?: string }
  | { readonly kind: 'certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
  | { readonly kind: 'secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string };

export interface AppOnlyTokenSource {
  getToken(): Promise<string>;
}

/** Renew this long before expiry, so a token never runs out in the middle of a run's requests. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/**
 * From the usual Azure settings: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_CERTIFICATE_PATH
 * (or AZURE_CLIENT_SECRET); otherwise managed identity (AZURE_CLIENT_ID then names a user-assigned one).
 */
export function appOnlyCredentialFromEnv(env: Readonly<Record<string, string | undefined>>): AppOnlyCredentialConfig {
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_CERTIFICATE_PATH: certificatePath, AZURE_CLIENT_SECRET: clientSecret } = env;
  if (tenantId && clientId && certificatePath) return { kind: 'certificate', tenantId, clientId, certificatePath };
  if (tenantId && clientId && clientSecret) return { kind: 'secret', tenantId, clientId, clientSecret };
  return clientId ? { kind: 'managed-identity', clientId } : { kind: 'managed-identity' };
}

export async function credentialFor(config: AppOnlyCredentialConfig): Promise<TokenCredential> {
  // Loaded on first use: the command line's local runs never need it.
  const identity = await import('@azure/identity');
  switch (config.kind) {
    case 'certificate':
      return new identity.ClientCertificateCredential(config.tenantId, config.clientId, { certificatePath: config.certificatePath });
    case 'secret':
      return new identity.ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret);
    case 'managed-identity':
      return new identity.ManagedIdentityCredential(config.clientId ? { clientId: config.clientId } : {});
  }
}

/**
 * A token source over a credential: one token at a time (concurrent callers share the request),
 * kept until five minutes before it expires. `now` is injectable for tests.
 */
export function createAppOnlyTokenSource(
  /** Called once, on the first token: a wrong setting surfaces where the token is needed. */
  credential: () => TokenCredential | Promise<TokenCredential>,
  options: { readonly scope?: string; readonly now?: () => number } = {},
): AppOnlyTokenSource {
  const scope = options.scope ?? GRAPH_DEFAULT_SCOPE;
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresOn: number } | undefined;
  let pending: Promise<string> | undefined;
  let made: Promise<TokenCredential> | undefined;
  const fetchToken = async (): Promise<string> => {
    made ??= Promise.resolve().then(credential);
    const token = await (await made).getToken(scope);
    if (!token) throw new Error('Ingen token från Azure-identiteten. Kontrollera AZURE_TENANT_ID, AZURE_CLIENT_ID och certifikatet, eller den hanterade identiteten.');
    cached = { token: token.token, expiresOn: token.expiresOnTimestamp };
    return token.token;
  };
  return {
    getToken() {
      if (cached && cached.expiresOn - RENEW_BEFORE_MS > now()) return Promise.resolve(cached.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
