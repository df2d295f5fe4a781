/**
 * Where the client gets its bearer token. Injected so the same client runs with MSAL (tab, add-in),
 * app-only credentials (jobs) or the emulator's dev tokens; the source owns caching and refresh.
 */
export interface TokenSource {
  getToken(): Promise<string>;
}
