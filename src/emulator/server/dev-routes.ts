// The emulator's own endpoints under `/_dev` (not Graph; no token needed — the server listens on
// loopback only): tokens, people, Teams apps and installations, recorded activity notifications,
// faults and health.
import type { ActivityStore, TeamworkDev } from '../teamwork';
import { TENANT_ID, TokenRequestError } from '../auth';
import type { ApiTokenIssuer, ApiTokenRequest, TokenRequest, TokenService } from '../auth';
import { RegistrationError, parseRegistrations } from '../directory';
import type { UserStore } from '../directory';
import { FaultSettingsError, parseFaultSettings } from '../faults';
import { AppRegistrationError, MemberLevelError, parseAppRegistration, parseMemberLevels } from '../permissions';
import type { AppRegistry, MemberSiteRoles } from '../permissions';
import type { FaultControl } from '../faults';
import { ResourceUnitSettingsError, parseResourceUnitSettings } from '../metering';
import type { ResourceUnitControl } from '../metering';
import type { EmulatorResponse } from './contract';
import { GraphError } from './contract';

export interface DevDeps {
  tokens: TokenService;
  users: UserStore;
  activities: ActivityStore;
  /** The Teams app catalog and installations: /_dev/teamsApps, /_dev/installations. */
  teamwork: TeamworkDev;
  faults: FaultControl;
  resourceUnits: ResourceUnitControl;
  apps: AppRegistry;
  /** Tokens for Målkoll's own API, and the keys they verify with. */
  apiTokens: ApiTokenIssuer;
  /** People's permission levels on the sites: /_dev/site-roles. */
  members: MemberSiteRoles;
  graphUrl: () => string;
}

export interface DevRequest {
  method: string;
  /** Path after `/_dev`, e.g. `/token`. */
  path: string;
  query: URLSearchParams;
  /** Parses the JSON body; throws a 400 GraphError when it is not JSON. */
  body: () => unknown;
}

type DevHandler = (req: DevRequest) => EmulatorResponse;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function apiTokenRequest(body: unknown): ApiTokenRequest | undefined {
  if (!isRecord(body) || typeof body['audience'] !== 'string' || typeof body['upn'] !== 'string') return undefined;
  const scopes = body['scopes'];
  return { upn: body['upn'], audience: body['audience'], ...(Array.isArray(scopes) ? { scopes: scopes.filter((s): s is string => typeof s === 'string') } : {}) };
}

function tokenRequest(body: unknown): TokenRequest {
  if (isRecord(body) && typeof body['upn'] === 'string') {
    const scopes = body['scopes'];
    return Array.isArray(scopes) ? { upn: body['upn'], scopes: scopes.filter((s): s is string => typeof s === 'string') } : { upn: body['upn'] };
  }
  if (isRecord(body) && body['app'] === true) return typeof body['appId'] === 'string' ? { app: true, appId: body['appId'] } : { app: true };
  throw new GraphError(400, 'invalidRequest', 'Ask for a token with {"upn": "name@example.org"}, {"upn": "…", "audience": "api://…"} (Målkoll\'s API) or {"app": true}.');
}

/** Turns the parts' own input errors into 400/404 answers with their plain message. */
function asDevError(error: unknown): never {
  if (error instanceof TokenRequestError) throw new GraphError(error.status, error.status === 404 ? 'userNotFound' : 'invalidRequest', error.message);
  if (error instanceof RegistrationError || error instanceof FaultSettingsError || error instanceof ResourceUnitSettingsError || error instanceof AppRegistrationError || error instanceof MemberLevelError) throw new GraphError(400, 'invalidRequest', error.message);
  throw error;
}

function guarded(handler: DevHandler): DevHandler {
  return (req) => {
    try {
      return handler(req);
    } catch (error) {
      return asDevError(error);
    }
  };
}

export function createDevRoutes(deps: DevDeps): (req: DevRequest) => EmulatorResponse {
  const routes: Record<string, Partial<Record<string, DevHandler>>> = {
    '/token': {
      POST: (req) => {
        const body = req.body();
        const forApi = apiTokenRequest(body);
        return { status: 200, body: forApi ? deps.apiTokens.issue(forApi) : deps.tokens.issue(tokenRequest(body)) };
      },
    },
    // Entra's discovery documents, for the API's token validation (src/api).
    [`/login/${TENANT_ID}/v2.0/.well-known/openid-configuration`]: {
      GET: () => ({ status: 200, body: { issuer: deps.apiTokens.issuer(), jwks_uri: `${deps.apiTokens.issuer().replace(/\/v2\.0$/, '')}/discovery/v2.0/keys` } }),
    },
    [`/login/${TENANT_ID}/discovery/v2.0/keys`]: { GET: () => ({ status: 200, body: deps.apiTokens.jwks() }) },
    '/site-roles': {
      GET: () => ({ status: 200, body: deps.members.list() }),
      PUT: (req) => {
        deps.members.set(parseMemberLevels(req.body()));
        return { status: 200, body: deps.members.list() };
      },
    },
    '/users': {
      GET: () => ({ status: 200, body: { value: deps.users.devUsers() } }),
      POST: (req) => ({ status: 200, body: { value: deps.users.register(parseRegistrations(req.body())) } }),
    },
    '/apps': {
      GET: () => ({ status: 200, body: { value: deps.apps.list() } }),
      POST: (req) => ({ status: 200, body: deps.apps.register(parseAppRegistration(req.body())) }),
    },
    ...deps.teamwork.routes,
    '/activity': {
      GET: (req) => ({ status: 200, body: { value: deps.activities.list(req.query.get('recipient') ?? undefined) } }),
    },
    '/faults': {
      GET: () => ({ status: 200, body: deps.faults.get() }),
      PUT: (req) => ({ status: 200, body: deps.faults.set(parseFaultSettings(req.body())) }),
    },
    '/resource-units': {
      GET: () => ({ status: 200, body: deps.resourceUnits.get() }),
      PUT: (req) => ({ status: 200, body: deps.resourceUnits.set(parseResourceUnitSettings(req.body())) }),
      DELETE: () => {
        deps.resourceUnits.reset();
        return { status: 200, body: deps.resourceUnits.get() };
      },
    },
    '/health': { GET: () => ({ status: 200, body: { status: 'ok', graphUrl: deps.graphUrl() } }) },
  };
  return (req) => {
    const path = req.path.replace(/\/+$/, '');
    const methods = routes[path];
    if (!methods) {
      throw new GraphError(404, 'notFound', `There is no emulator endpoint /_dev${req.path}. Known: ${Object.keys(routes).map((p) => `/_dev${p}`).join(', ')}.`);
    }
    const handler = methods[req.method.toUpperCase()];
    if (!handler) {
      const allowed = Object.keys(methods);
      throw new GraphError(405, 'methodNotAllowed', `/_dev${path} answers ${allowed.join(', ')}.`, { Allow: allowed.join(', ') });
    }
    return guarded(handler)(req);
  };
}
