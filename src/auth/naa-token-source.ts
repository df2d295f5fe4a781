// Tokens inside Teams (and the Office hosts) through nested app authentication: MSAL's nestable
// client uses the host as broker and falls back to the standard browser client when no NAA bridge
// exists. MSAL is imported lazily so the local run never downloads it.
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';

export interface NaaOptions {
  readonly clientId: string;
  readonly tenantId: string;
  readonly scopes: readonly string[];
  /** From the host's context (Teams `user.loginHint`), so the silent call picks the right account. */
  readonly loginHint?: string;
  /** Same-origin page that calls `broadcastResponseToMainFrame()` (MSAL v5's browser fallback). */
  readonly redirectUri?: string;
}

export interface NaaTokenSource {
  getToken(): Promise<string>;
  /** The same MSAL client and account, asking for other scopes (the write API's). */
  withScopes(scopes: readonly string[]): NaaTokenSource;
}

export const GRAPH_SCOPES = ['Sites.Read.All', 'User.Read', 'User.ReadBasic.All'] as const;

export function createNaaTokenSource(options: NaaOptions): NaaTokenSource {
  let client: Promise<IPublicClientApplication> | undefined;
  const msal = () => import('@azure/msal-browser');
  const getClient = () =>
    (client ??= msal().then((m) =>
      m.createNestablePublicClientApplication({
        auth: {
          clientId: options.clientId,
          authority: `https://login.microsoftonline.com/${options.tenantId}`,
          ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}),
        },
        cache: { cacheLocation: 'localStorage' },
      }),
    ));
  const pickAccount = (pca: IPublicClientApplication): AccountInfo | undefined => {
    const accounts = pca.getAllAccounts();
    const hint = options.loginHint?.toLowerCase();
    return (hint ? accounts.find((a) => a.username.toLowerCase() === hint) : undefined) ?? pca.getActiveAccount() ?? accounts[0] ?? undefined;
  };
  const sourceFor = (wanted: readonly string[]): NaaTokenSource => ({
    withScopes: (other) => sourceFor(other),
    async getToken() {
      const pca = await getClient();
      const { InteractionRequiredAuthError } = await msal();
      const scopes = [...wanted];
      const account = pickAccount(pca);
      try {
        // Silent first, every time: MSAL serves its cache and refreshes as needed.
        const result = account
          ? await pca.acquireTokenSilent({ scopes, account })
          : await pca.ssoSilent({ scopes, ...(options.loginHint ? { loginHint: options.loginHint } : {}) });
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError) && account) throw error;
        // Consent or a fresh sign-in is needed: a popup is the one interaction NAA supports.
        const result = await pca.acquireTokenPopup({ scopes, ...(options.loginHint ? { loginHint: options.loginHint } : {}) });
        return result.accessToken;
      }
    },
  });
  return sourceFor(options.scopes);
}
