// Access tokens for Målkoll's own write API, as Entra issues them for an app that exposes a scope
// (`api://…/access_as_user`): v2.0 tokens signed RS256 with a key published as a JWKS, so the API
// validates the local run's tokens by the same code, against the same URL shape, as a tenant's
// (`{authority}/{tenant}/v2.0` issuer, `{authority}/{tenant}/discovery/v2.0/keys`).
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Claims } from './jwt';
import { TokenRequestError, TENANT_ID, TOKEN_LIFETIME_SECONDS } from './tokens';
import type { TokenResponse, TokenUser } from './tokens';

/** Where the emulator plays Entra's login authority (under its own `/_dev`). */
export const LOGIN_PATH = '/_dev/login';
/** The one scope Målkoll's API exposes (aad.manifest.json). */
export const API_SCOPE = 'access_as_user';

export interface ApiTokenRequest {
  readonly upn: string;
  /** The API's application id URI or client id, as the token's `aud`. */
  readonly audience: string;
  readonly scopes?: readonly string[];
}

export interface ApiTokenIssuer {
  issue(request: ApiTokenRequest): TokenResponse;
  /** The public keys, as Entra's discovery keys endpoint answers. */
  jwks(): { keys: Array<Record<string, unknown>> };
  issuer(): string;
}

/** Made at first start and kept, so tokens issued before a restart still verify after it. */
function loadRsaKey(db: Database.Database, now: () => Date): { kid: string; key: KeyObject } {
  const row = db.prepare<[], { kid: string; private_pem: string }>('SELECT kid, private_pem FROM auth_rsa_keys ORDER BY created_at DESC, rowid DESC LIMIT 1').get();
  if (row) return { kid: row.kid, key: createPrivateKey(row.private_pem) };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  db.prepare('INSERT INTO auth_rsa_keys (kid, private_pem, created_at) VALUES (?, ?, ?)').run(kid, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), now().toISOString());
  return { kid, key: privateKey };
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signRs256(claims: Claims, key: KeyObject, kid: string): string {
  const input = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${base64url(sign('RSA-SHA256', Buffer.from(input), key))}`;
}

export interface ApiTokenDeps {
  db: Database.Database;
  now: () => Date;
  findUser: (upn: string) => TokenUser | undefined;
  /** `http://localhost:PORT`, known once the server listens. */
  origin: () => string;
}

export function createApiTokenIssuer(deps: ApiTokenDeps): ApiTokenIssuer {
  const { kid, key } = loadRsaKey(deps.db, deps.now);
  const issuer = () => `${deps.origin()}${LOGIN_PATH}/${TENANT_ID}/v2.0`;
  return {
    issuer,
    jwks() {
      const jwk = createPublicKey(key).export({ format: 'jwk' });
      return { keys: [{ kty: jwk.kty, use: 'sig', alg: 'RS256', kid, n: jwk.n, e: jwk.e, issuer: issuer() }] };
    },
    issue(request) {
      const user = deps.findUser(request.upn.trim());
      if (!user) throw new TokenRequestError(404, `No user '${request.upn}' is registered. Register it first with POST /_dev/users.`);
      if (request.audience.trim() === '') throw new TokenRequestError(400, 'An API token needs an "audience": the API\'s application id URI or client id.');
      const iat = Math.floor(deps.now().getTime() / 1000);
      const claims: Claims = {
        aud: request.audience,
        iss: issuer(),
        iat,
        nbf: iat,
        exp: iat + TOKEN_LIFETIME_SECONDS,
        tid: TENANT_ID,
        ver: '2.0',
        oid: user.id,
        sub: user.id,
        preferred_username: user.userPrincipalName,
        name: user.displayName,
        scp: (request.scopes ?? [API_SCOPE]).join(' '),
      };
      return { access_token: signRs256(claims, key, kid), token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS };
    },
  };
}
