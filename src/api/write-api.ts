// Målkoll's write API: every write of the tab and the add-in comes here. One handler per route;
// each call is authenticated first (the caller's Entra token for the app's scope), authorised by
// the rules (core/write-rights.ts, core/follow-up-rules.ts) and written as the app.
import { isGraphRequestError } from '../graph';
import type { ApiCaller, SigningKeySource, TokenRules } from './access-token';
import { UnauthorizedError, bearerToken, verifyAccessToken } from './access-token';
import { addDelegateHandler, listDelegatesHandler, removeDelegateHandler } from './handlers/delegates.handler';
import { organisationHandler } from './handlers/organisations.handler';
import { planCopyHandler, planItemHandler, planStatusHandler } from './handlers/plan-edit.handler';
import { approveAllHandler, periodLockHandler, remindNowHandler, roundStepHandler } from './handlers/round.handler';
import { saveEntryHandler } from './handlers/save-entry.handler';
import type { ApiRequest, ApiResponse } from './http';
import { ApiProblem, problem } from './http';
import type { WriteContext } from './write-context';

export interface WriteApiDeps {
  readonly tokenRules: TokenRules;
  readonly keys: SigningKeySource;
  readonly context: WriteContext;
  readonly log?: (line: string) => void;
}

type Handler = (request: ApiRequest, caller: ApiCaller, context: WriteContext, param: string | undefined) => Promise<ApiResponse>;

interface Route {
  readonly method: string;
  /** The path, with at most one `([^/]+)` parameter. */
  readonly path: RegExp;
  readonly handler: Handler;
}

/** Each route once; commands of the reporting round and the plan editor join this table. */
export const ROUTES: readonly Route[] = [
  { method: 'POST', path: /^\/follow-ups$/, handler: (request, caller, context) => saveEntryHandler(request, caller, context) },
  { method: 'POST', path: /^\/round\/remind$/, handler: (request, caller, context) => remindNowHandler(request, caller, context) },
  { method: 'POST', path: /^\/round\/approve-all$/, handler: (request, caller, context) => approveAllHandler(request, caller, context) },
  { method: 'POST', path: /^\/round\/([^/]+)$/, handler: (request, caller, context, param) => roundStepHandler(request, caller, context, param) },
  { method: 'POST', path: /^\/periods\/([^/]+)$/, handler: (request, caller, context, param) => periodLockHandler(request, caller, context, param) },
  { method: 'POST', path: /^\/plans\/items\/([^/]+)$/, handler: (request, caller, context, param) => planItemHandler(request, caller, context, param) },
  { method: 'POST', path: /^\/plans\/copy$/, handler: (request, caller, context) => planCopyHandler(request, caller, context) },
  { method: 'POST', path: /^\/plans\/status$/, handler: (request, caller, context) => planStatusHandler(request, caller, context) },
  { method: 'POST', path: /^\/organisations\/([^/]+)$/, handler: (request, caller, context, param) => organisationHandler(request, caller, context, param) },
  { method: 'GET', path: /^\/me\/delegates$/, handler: (_request, caller, context) => listDelegatesHandler(caller, context) },
  { method: 'PUT', path: /^\/me\/delegates\/([^/]+)$/, handler: (_request, caller, context, param) => addDelegateHandler(caller, context, param) },
  { method: 'DELETE', path: /^\/me\/delegates\/([^/]+)$/, handler: (_request, caller, context, param) => removeDelegateHandler(caller, context, param) },
];

export function createWriteApiHandler(deps: WriteApiDeps, routes: readonly Route[] = ROUTES): (request: ApiRequest) => Promise<ApiResponse> {
  return async (request) => {
    const path = request.path.replace(/\/+$/, '') || '/';
    const matching = routes.filter((r) => r.path.test(path));
    if (matching.length === 0) return problem(404, 'notFound', `Skriv-API:t har ingen adress ${path}.`);
    const route = matching.find((r) => r.method === request.method.toUpperCase());
    if (!route) return problem(405, 'methodNotAllowed', `${path} svarar på ${matching.map((r) => r.method).join(', ')}.`, { Allow: matching.map((r) => r.method).join(', ') });
    try {
      const caller = await verifyAccessToken(bearerToken(request.headers['authorization']), deps.tokenRules, deps.keys, deps.context.now());
      return await route.handler(request, caller, deps.context, route.path.exec(path)?.[1]);
    } catch (error) {
      if (error instanceof UnauthorizedError) return problem(401, 'unauthorized', error.message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      if (error instanceof ApiProblem) return problem(error.status, error.code, error.message);
      if (isGraphRequestError(error) && (error.status === 429 || error.status === 503)) {
        return problem(503, 'serviceUnavailable', 'SharePoint är hårt belastat just nu. Det du skrev finns kvar; försök igen om en stund.', { 'Retry-After': '10' });
      }
      deps.log?.(`${request.method} ${path} misslyckades: ${error instanceof Error ? error.message : String(error)}`);
      return problem(500, 'internalError', 'Något gick fel hos Målkoll. Det du skrev finns kvar; försök igen.');
    }
  };
}
