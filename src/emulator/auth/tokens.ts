// Bearer tokens the emulator issues and accepts: delegated tokens for directory users and an
// application token for jobs, with the claims Graph's tokens carry (upn, oid, name, scp, aud,
// exp / appid, roles). A token the emulator did not sign is refused with Graph's 401 wording.
import type { CallerResolver } from '../server/auth.middleware';
import type { Caller } from '../server/contract';
import { invalidToken } from '../server/graph-errors';
import { signJwt, verifyJwt } from './jwt';
import type { Claims } from './jwt';
import type { SigningKeys } from './signing-key';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** Graph's application id; Graph accepts it as the audience too. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** The emulated tenant. Fixed, so tokens and ids look the same in every run. */
export const TENANT_ID = '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c';
/** The application the job token stands for (what `createdBy.application` shows). */
export const EMULATOR_APP = { id: '2f3c8a7e-5b1d-4c9e-8f6a-6d616c6b6f6c', displayName: 'Målkoll' } as const;
const ISSUER = `https://sts.windows.net/${TENANT_ID}/`;
export const TOKEN_LIFETIME_SECONDS = 3600;
/**
 * The longest lifetime Entra gives an access token (a token lifetime policy's AccessTokenLifetime
 * is at most 1 day; docs/emulator.md): a token claiming more was not made by this emulator's rules.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** Graph tolerates this much clock skew on exp and nbf. */
const CLOCK_SKEW_SECONDS = 300;
/**
 * What a delegated token carries unless asked otherwise: the scopes the tab and the add-in ask for
 * (src/auth's GRAPH_SCOPES and the manifest's nestedAppAuthInfo; a test keeps the three equal).
 */
export const FRONT_END_SCOPES: readonly string[] = ['Sites.Read.All', 'User.Read', 'User.ReadBasic.All'];
/**
 * The emulator's own app: the local run's all-powerful identity (provisioning, `malkoll grant`,
 * `malkoll doctor`). Other apps carry the roles registered for them (POST /_dev/apps).
 */
export const EMULATOR_APP_ROLES: readonly string[] = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'User.Read.All', 'TeamsActivity.Send', 'Application.Read.All'];

export interface TokenUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

/** `appId` asks for a token of a registered app (its registered roles); without it, the emulator's own app. */
export type TokenRequest = { upn: string; scopes?: readonly string[] } | { app: true; appId?: string };

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** A token request the emulator cannot honour; `status` is what the dev endpoint answers. */
export class TokenRequestError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'TokenRequestError';
  }
}

export interface TokenService {
  issue(request: TokenRequest): TokenResponse;
  resolveCaller: CallerResolver;
}

export interface TokenServiceDeps {
  keys: SigningKeys;
  now: () => Date;
  findUser: (upn: string) => TokenUser | undefined;
  /** Whether a user id (a token's oid) is in the directory now: a token outlives no registration. */
  isRegisteredUser?: (id: string) => boolean;
  /** Apps registered with POST /_dev/apps: their display name and application permissions. */
  findApp?: (appId: string) => { appId: string; displayName: string; roles: readonly string[] } | undefined;
  /** The scopes a delegated token carries when the request names none. */
  delegatedScopes?: readonly string[] | undefined;
}

// Graph's messages for the cases below (see docs/emulator.md for which are observed wordings).
const EMPTY = 'Access token is empty.';
const MALFORMED = 'CompactToken parsing failed with error code: 80049217';
const INVALID = 'Access token validation failure.';
const BAD_AUDIENCE = 'Access token validation failure. Invalid audience.';
const EXPIRED = 'Lifetime validation failed, the token is expired.';
const NOT_YET_VALID = 'Access token has expired or is not yet valid.';

function text(claims: Claims, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function callerOf(claims: Claims): Caller {
  if (claims['idtyp'] === 'app') {
    const appId = text(claims, 'appid');
    if (!appId) throw invalidToken(INVALID);
    const roles = claims['roles'];
    return Array.isArray(roles) ? { kind: 'app', appId, roles: roles.filter((r): r is string => typeof r === 'string') } : { kind: 'app', appId };
  }
  const userId = text(claims, 'oid');
  const upn = text(claims, 'upn');
  const displayName = text(claims, 'name');
  if (!userId || !upn || !displayName) throw invalidToken(INVALID);
  const scp = text(claims, 'scp');
  return { kind: 'user', userId, upn, displayName, ...(scp !== undefined ? { scopes: scp.split(' ').filter(Boolean) } : {}) };
}

export function createTokenService(deps: TokenServiceDeps): TokenService {
  function seconds(): number {
    return Math.floor(deps.now().getTime() / 1000);
  }

  function baseClaims(): Claims {
    const iat = seconds();
    return { aud: GRAPH_AUDIENCE, iss: ISSUER, iat, nbf: iat, exp: iat + TOKEN_LIFETIME_SECONDS, tid: TENANT_ID, ver: '1.0' };
  }

  function token(claims: Claims): TokenResponse {
    const access_token = signJwt(claims, deps.keys.current.secret, deps.keys.current.kid);
    return { access_token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS };
  }

  function issue(request: TokenRequest): TokenResponse {
    if ('app' in request) {
      if (request.app !== true) throw new TokenRequestError(400, 'Ask for {"upn": "..."} or {"app": true}.');
      const app = request.appId === undefined || request.appId.toLowerCase() === EMULATOR_APP.id ? { appId: EMULATOR_APP.id, displayName: EMULATOR_APP.displayName, roles: EMULATOR_APP_ROLES } : deps.findApp?.(request.appId);
      if (!app) throw new TokenRequestError(404, `No app '${request.appId ?? ''}' is registered. Register it first with POST /_dev/apps.`);
      return token({
        ...baseClaims(),
        appid: app.appId,
        app_displayname: app.displayName,
        idtyp: 'app',
        oid: app.appId,
        sub: app.appId,
        roles: [...app.roles],
      });
    }
    if (typeof request.upn !== 'string' || request.upn.trim() === '') {
      throw new TokenRequestError(400, 'Ask for {"upn": "..."} or {"app": true}.');
    }
    const user = deps.findUser(request.upn.trim());
    if (!user) {
      throw new TokenRequestError(404, `No user '${request.upn}' is registered. Register it first with POST /_dev/users.`);
    }
    return token({
      ...baseClaims(),
      appid: EMULATOR_APP.id,
      idtyp: 'user',
      oid: user.id,
      sub: user.id,
      upn: user.userPrincipalName,
      unique_name: user.userPrincipalName,
      name: user.displayName,
      scp: (request.scopes ?? deps.delegatedScopes ?? FRONT_END_SCOPES).join(' '),
    });
  }

  const resolveCaller: CallerResolver = (authorization) => {
    const match = /^Bearer\s+(\S*)\s*$/i.exec(authorization ?? '');
    const raw = match?.[1] ?? '';
    if (raw === '') throw invalidToken(EMPTY);
    const result = verifyJwt(raw, (kid) => deps.keys.find(kid));
    if (!result.ok) throw invalidToken(result.reason === 'malformed' ? MALFORMED : INVALID);
    const claims = result.claims;
    if (claims['aud'] !== GRAPH_AUDIENCE && claims['aud'] !== GRAPH_APP_ID) throw invalidToken(BAD_AUDIENCE);
    const exp = claims['exp'];
    const nbf = claims['nbf'];
    const iat = claims['iat'];
    if (typeof exp !== 'number' || typeof iat !== 'number') throw invalidToken(INVALID);
    if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS || exp < iat) throw invalidToken(INVALID);
    if (seconds() > exp + CLOCK_SKEW_SECONDS) throw invalidToken(EXPIRED);
    if (typeof nbf === 'number' && seconds() < nbf - CLOCK_SKEW_SECONDS) throw invalidToken(NOT_YET_VALID);
    const caller = callerOf(claims);
    if (!isRegistered(caller)) throw invalidToken(INVALID);
    return caller;
  };

  function isRegistered(caller: Caller): boolean {
    if (caller.kind === 'user') return deps.isRegisteredUser?.(caller.userId) ?? true;
    return caller.appId === EMULATOR_APP.id || deps.findApp?.(caller.appId) !== undefined;
  }

  return { issue, resolveCaller };
}
