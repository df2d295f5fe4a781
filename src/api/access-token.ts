// Validates the bearer token of a call to Målkoll's API: an Entra access token issued for the app's
// own scope (`api://…/access_as_user`) through nested app authentication. Signature (RS256 only,
// with the tenant's published keys), issuer, audience, tenant, lifetime and scope are all checked;
// who the caller is comes from the token alone (https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens).
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export interface ApiCaller {
  /** The person's object id (`oid`), stable across renames. */
  readonly objectId: string;
  /** From `upn` (an optional claim the app manifest asks for), else `preferred_username`. */
  readonly upn: string;
  readonly displayName: string;
}

export interface TokenRules {
  /** `https://login.microsoftonline.com/{tenant}/v2.0` (v2 tokens) and `https://sts.windows.net/{tenant}/` (v1). */
  readonly issuers: readonly string[];
  /** The app id URI and the client id (v2 tokens carry the client id). */
  readonly audiences: readonly string[];
  readonly tenantId: string;
  readonly scope: string;
}

/** Finds a signing key by its `kid`; fetches the keys again when it does not know the kid. */
export interface SigningKeySource {
  find(kid: string): Promise<KeyObject | undefined>;
}

export class UnauthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

/** Entra's default tolerance for clock skew (5 minutes). */
const CLOCK_SKEW_SECONDS = 300;
/** The longest access-token lifetime Entra issues (a lifetime policy allows at most one day). */
const MAX_LIFETIME_SECONDS = 24 * 3600;

function decode(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (claims: Record<string, unknown>, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export function bearerToken(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new UnauthorizedError('Inloggning saknas: förfrågan har ingen åtkomsttoken.');
  return match[1];
}

export async function verifyAccessToken(token: string, rules: TokenRules, keys: SigningKeySource, now: Date): Promise<ApiCaller> {
  const invalid = (why: string) => new UnauthorizedError(`Åtkomsttoken godtas inte: ${why}. Logga in igen.`);
  const parts = token.split('.');
  if (parts.length !== 3) throw invalid('den är inte en JWT');
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decode(headerPart);
  const claims = decode(payloadPart);
  if (!header || !claims || !/^[A-Za-z0-9_-]+$/.test(signaturePart)) throw invalid('den är inte en JWT');
  // RS256 only: a token may not choose a weaker algorithm (or none) for itself.
  if (header['alg'] !== 'RS256' || typeof header['kid'] !== 'string') throw invalid('fel signeringsalgoritm');
  const key = await keys.find(header['kid']);
  if (!key) throw invalid('okänd signeringsnyckel');
  if (!verify('RSA-SHA256', Buffer.from(`${headerPart}.${payloadPart}`), key, Buffer.from(signaturePart, 'base64url'))) throw invalid('fel signatur');
  if (!rules.issuers.includes(text(claims, 'iss') ?? '')) throw invalid('fel utfärdare');
  const aud = claims['aud'];
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.some((a) => typeof a === 'string' && rules.audiences.includes(a))) throw invalid('den är inte utfärdad för Målkoll');
  if ((text(claims, 'tid') ?? '').toLowerCase() !== rules.tenantId.toLowerCase()) throw invalid('fel klientorganisation');
  const seconds = Math.floor(now.getTime() / 1000);
  const exp = claims['exp'];
  const nbf = claims['nbf'];
  const iat = claims['iat'];
  if (typeof exp !== 'number' || typeof iat !== 'number' || exp < iat || exp - iat > MAX_LIFETIME_SECONDS) throw invalid('ogiltig giltighetstid');
  if (seconds > exp + CLOCK_SKEW_SECONDS) throw invalid('den har gått ut');
  if (typeof nbf === 'number' && seconds < nbf - CLOCK_SKEW_SECONDS) throw invalid('den gäller inte ännu');
  // A delegated token for the scope; an app-only token (roles, no scp) speaks for nobody.
  if (!(text(claims, 'scp') ?? '').split(' ').includes(rules.scope)) throw invalid(`behörigheten ${rules.scope} saknas`);
  const objectId = text(claims, 'oid');
  const upn = text(claims, 'upn') ?? text(claims, 'preferred_username');
  if (!objectId || !upn) throw invalid('personen framgår inte');
  return { objectId, upn, displayName: text(claims, 'name') ?? upn };
}

/** A JSON Web Key as Entra's discovery endpoint publishes it. */
interface Jwk {
  readonly kid?: unknown;
  readonly kty?: unknown;
  readonly n?: unknown;
  readonly e?: unknown;
}

/** The tenant's keys (`{authority}/{tenant}/discovery/v2.0/keys`), cached; fetched again for an unknown kid, at most once a minute. */
export function createJwksKeySource(jwksUrl: string, fetchImpl: typeof fetch = (...args) => fetch(...args), now: () => number = Date.now): SigningKeySource {
  let keys = new Map<string, KeyObject>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;
  const REFETCH_MS = 60_000;
  const MAX_AGE_MS = 24 * 3600_000;
  async function refresh(): Promise<void> {
    const response = await fetchImpl(jwksUrl, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`Signeringsnycklarna kunde inte hämtas från ${jwksUrl} (svar ${response.status}).`);
    const body = (await response.json()) as { keys?: readonly Jwk[] };
    const next = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? []) {
      if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') continue;
      next.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }));
    }
    keys = next;
    fetchedAt = now();
  }
  return {
    async find(kid) {
      const stale = now() - fetchedAt > MAX_AGE_MS;
      if ((!keys.has(kid) && now() - fetchedAt > REFETCH_MS) || stale) {
        pending ??= refresh().finally(() => {
          pending = undefined;
        });
        await pending;
      }
      return keys.get(kid);
    },
  };
}
