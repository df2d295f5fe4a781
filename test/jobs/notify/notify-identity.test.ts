// The notify job's identity in Azure: it signs in as the Målkoll app registration (the app Teams
// accepts activity notifications from), proving itself with a token of the Function's
// user-assigned managed identity for the token-exchange audience. No secret, no certificate.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ClientAssertionCredential } from '@azure/identity';
import {
  FEDERATED_ENV,
  TOKEN_EXCHANGE_SCOPE,
  appOnlyCredentialFromEnv,
  credentialFor,
  federatedAppCredential,
} from '../../../src/auth/app-only-token-source';
import { notifyCredential } from '../../../src/jobs/notify/timer-handler';

const APP = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const TENANT = '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c';
const IDENTITY = '9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a';
const FUNCTION_ENV = { [FEDERATED_ENV.appClientId]: APP, [FEDERATED_ENV.tenantId]: TENANT, [FEDERATED_ENV.managedIdentityClientId]: IDENTITY };

/** A managed identity that hands out a token per call and remembers the scopes asked for. */
function fakeManagedIdentity(answer: AccessToken | null = { token: 'mi-assertion-1', expiresOnTimestamp: Date.now() + 3_600_000 }): TokenCredential & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    getToken(scopes: string | string[], _options?: GetTokenOptions) {
      asked.push(...(Array.isArray(scopes) ? scopes : [scopes]));
      return Promise.resolve(answer);
    },
  };
}

test('the Function App settings select the app registration with the federated identity', () => {
  expect(appOnlyCredentialFromEnv(FUNCTION_ENV)).toEqual({ kind: 'federated-managed-identity', tenantId: TENANT, clientId: APP, managedIdentityClientId: IDENTITY });
  // Without all three it is not the federated sign-in (and the job refuses a plain identity below).
  expect(appOnlyCredentialFromEnv({ [FEDERATED_ENV.appClientId]: APP, AZURE_CLIENT_ID: IDENTITY })).toEqual({ kind: 'managed-identity', clientId: IDENTITY });
});

test('the app credential proves itself with the managed identity token for api://AzureADTokenExchange', async () => {
  const identity = fakeManagedIdentity();
  let made: { tenantId: string; clientId: string; getAssertion: () => Promise<string> } | undefined;
  const credential = federatedAppCredential({ tenantId: TENANT, clientId: APP }, identity, (tenantId, clientId, getAssertion) => {
    made = { tenantId, clientId, getAssertion };
    return { getToken: () => Promise.resolve({ token: 'app-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };
  });
  expect(made).toMatchObject({ tenantId: TENANT, clientId: APP });
  // Entra asks for the assertion when it needs one; each time it comes from the identity afresh.
  expect(identity.asked).toEqual([]);
  await expect(made?.getAssertion()).resolves.toBe('mi-assertion-1');
  await made?.getAssertion();
  expect(identity.asked).toEqual([TOKEN_EXCHANGE_SCOPE, TOKEN_EXCHANGE_SCOPE]);
  await expect(credential.getToken('https://graph.microsoft.com/.default')).resolves.toMatchObject({ token: 'app-token' });
});

test('a managed identity that gives no token is named in Swedish, with what to check', async () => {
  let getAssertion: (() => Promise<string>) | undefined;
  federatedAppCredential({ tenantId: TENANT, clientId: APP }, fakeManagedIdentity(null), (_t, _c, assertion) => {
    getAssertion = assertion;
    return fakeManagedIdentity();
  });
  await expect(getAssertion?.()).rejects.toThrow(/MALKOLL_MANAGED_IDENTITY_CLIENT_ID/);
});

test('in Azure the credential is a client-assertion credential for the app, not the identity', async () => {
  const credential = await credentialFor(appOnlyCredentialFromEnv(FUNCTION_ENV));
  expect(credential).toBeInstanceOf(ClientAssertionCredential);
});

test('the job refuses a plain managed identity: Teams would refuse its notifications', () => {
  expect(() => notifyCredential({ AZURE_CLIENT_ID: IDENTITY })).toThrow(/måste logga in som Målkoll-appen/);
  expect(notifyCredential(FUNCTION_ENV).kind).toBe('federated-managed-identity');
  // A developer's certificate for the app itself is the app too.
  expect(notifyCredential({ AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: APP, AZURE_CLIENT_CERTIFICATE_PATH: '/tmp/app.pem' }).kind).toBe('certificate');
});
