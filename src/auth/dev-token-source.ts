// The local emulator's dev tokens (POST /_dev/token): only for the local run, where there is no
// Entra. The emulator issues them for its registered people; nothing here works against Graph.

export interface DevTokenSource {
  readonly upn: string;
  getToken(): Promise<string>;
}

interface DevTokenAnswer {
  readonly access_token: string;
  readonly expires_in?: number;
}

/** A token for Målkoll's own API instead of Graph: the emulator signs it as Entra would (RS256). */
export interface DevApiAudience {
  /** The API's app id URI, e.g. `api://localhost/<client id>`. */
  readonly audience: string;
  readonly scopes: readonly string[];
}

/** `api://host/<client id>/access_as_user` → the audience and the scope. */
export function devApiAudience(apiScope: string): DevApiAudience {
  const cut = apiScope.lastIndexOf('/');
  return { audience: apiScope.slice(0, cut), scopes: [apiScope.slice(cut + 1)] };
}

/** `origin` is the emulator's origin (e.g. http://localhost:3000); tokens are cached until near expiry. */
export function createDevTokenSource(origin: string, upn: string, fetchImpl: typeof fetch = (...args) => fetch(...args), forApi?: DevApiAudience): DevTokenSource {
  let cached: { token: string; until: number } | undefined;
  let pending: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const response = await fetchImpl(`${origin.replace(/\/+$/, '')}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(forApi ? { upn, audience: forApi.audience, scopes: forApi.scopes } : { upn }),
    });
    if (!response.ok) throw new Error(`Emulatorn gav ingen token för ${upn} (svar ${response.status}).`);
    const answer = (await response.json()) as DevTokenAnswer;
    // Renew a minute early so a request never leaves with a token that expires on the way.
    cached = { token: answer.access_token, until: Date.now() + ((answer.expires_in ?? 3600) - 60) * 1000 };
    return answer.access_token;
  };
  return {
    upn,
    getToken() {
      if (cached && cached.until > Date.now()) return Promise.resolve(cached.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

/** A person the emulator knows, as `GET /_dev/users` lists them (for the local user picker). */
export interface DevUser {
  readonly upn: string;
  readonly displayName: string;
  readonly managerUpn?: string | null;
  readonly jobTitle?: string | null;
}

export async function listDevUsers(origin: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<DevUser[]> {
  const response = await fetchImpl(`${origin.replace(/\/+$/, '')}/_dev/users`);
  if (!response.ok) throw new Error(`Emulatorns användare kunde inte hämtas (svar ${response.status}).`);
  const body = (await response.json()) as { value?: DevUser[] };
  return body.value ?? [];
}
