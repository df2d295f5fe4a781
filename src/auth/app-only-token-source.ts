// App-only Graph tokens for jobs (the notify timer, the command line against a tenant), through
// @azure/identity. In Azure the notify job signs in as the Målkoll app registration itself, with
// the Function's user-assigned managed identity as a federated credential of that app: Teams takes
// activity notifications only from the app named in the manifest's webApplicationInfo.id, and a
// managed identity's own token names the identity, not the app. No secret, nothing to rotate.
// Elsewhere: a certificate (or, on a developer's machine, a client secret), or a plain managed
// identity. Structurally a graph TokenSource; this layer imports nothing of ours.
import type { TokenCredential } from '@azure/identity';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
/** The audience Entra expects of a managed identity's token used as a federated credential. */
export const TOKEN_EXCHANGE_SCOPE = 'api://AzureADTokenExchange/.default';

/** The Function App settings naming the app registration and the identity federated on it. */
export const FEDERATED_ENV = {
  appClientId: 'MALKOLL_APP_CLIENT_ID',
  tenantId: 'MALKOLL_APP_TENANT_ID',
  managedIdentityClientId: 'MALKOLL_MANAGED_IDENTITY_CLIENT_ID',
} as const;

export type AppOnlyCredentialConfig =
  /** The app registration `clientId`, proven by the user-assigned managed identity federated on it. */
  | { readonly kind: 'federated-managed-identity'; readonly tenantId: string; readonly clientId: string; readonly managedIdentityClientId: string }
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
 * The federated app identity when MALKOLL_APP_CLIENT_ID, MALKOLL_APP_TENANT_ID and
 * MALKOLL_MANAGED_IDENTITY_CLIENT_ID are all set (the Function App, infra/azure.bicep); otherwise the
 * usual Azure settings: AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_CERTIFICATE_PATH (or
 * AZURE_CLIENT_SECRET); otherwise managed identity (AZURE_CLIENT_ID then names a user-assigned one).
 */
export function appOnlyCredentialFromEnv(env: Readonly<Record<string, string | undefined>>): AppOnlyCredentialConfig {
  const appClientId = env[FEDERATED_ENV.appClientId]?.trim();
  const appTenantId = env[FEDERATED_ENV.tenantId]?.trim();
  const managedIdentityClientId = env[FEDERATED_ENV.managedIdentityClientId]?.trim();
  if (appClientId && appTenantId && managedIdentityClientId) return { kind: 'federated-managed-identity', tenantId: appTenantId, clientId: appClientId, managedIdentityClientId };
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_CERTIFICATE_PATH: certificatePath, AZURE_CLIENT_SECRET: clientSecret } = env;
  if (tenantId && clientId && certificatePath) return { kind: 'certificate', tenantId, clientId, certificatePath };
  if (tenantId && clientId && clientSecret) return { kind: 'secret', tenantId, clientId, clientSecret };
  return clientId ? { kind: 'managed-identity', clientId } : { kind: 'managed-identity' };
}

/** Makes the app's credential from its tenant, its client id and a source of assertions. */
export type AssertionCredentialFactory = (tenantId: string, clientId: string, getAssertion: () => Promise<string>) => TokenCredential;

/**
 * The app registration's credential whose proof is a managed-identity token for the token-exchange
 * audience, asked for afresh whenever Entra needs one (the identity's own cache keeps it cheap).
 * `managedIdentity` and `assertionCredential` are injectable for tests.
 */
export function federatedAppCredential(
  config: { readonly tenantId: string; readonly clientId: string },
  managedIdentity: TokenCredential,
  assertionCredential: AssertionCredentialFactory,
): TokenCredential {
  return assertionCredential(config.tenantId, config.clientId, async () => {
    const token = await managedIdentity.getToken(TOKEN_EXCHANGE_SCOPE);
    if (!token) throw new Error('Den hanterade identiteten gav ingen token för api://AzureADTokenExchange. Kontrollera MALKOLL_MANAGED_IDENTITY_CLIENT_ID och att identiteten är kopplad till funktionsappen.');
    return token.token;
  });
}

export async function credentialFor(config: AppOnlyCredentialConfig): Promise<TokenCredential> {
  // Loaded on first use: the command line's local runs never need it.
  const identity = await import('@azure/identity');
  switch (config.kind) {
    case 'federated-managed-identity':
      return federatedAppCredential(
        config,
        new identity.ManagedIdentityCredential({ clientId: config.managedIdentityClientId }),
        (tenantId, clientId, getAssertion) => new identity.ClientAssertionCredential(tenantId, clientId, getAssertion),
      );
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
