// Handlers of the directory operations: /me, /me/manager, /me/directReports, /users, /users/{id|upn},
// /users/{id|upn}/manager.
import { parseTop } from '../odata';
import { GraphError } from '../server/contract';
import type { Caller, EmulatorRequest, EmulatorResponse, OperationHandlers } from '../server/contract';
import { badRequest, notImplemented, resourceNotFound } from '../server/graph-errors';
import { userFilterToSql } from './user-filter';
import { queryOption, userJson, userSelection, usersContext } from './user-shape';
import type { DirectoryUser, UserStore } from './user-store';

/** Graph's page size for `/users` without `$top`, and its largest `$top` there. */
const USERS_PAGE_SIZE = 100;
const USERS_MAX_TOP = 999;
/** Query options Graph has for `/users` that the emulator does not build. */
const UNBUILT_OPTIONS = ['orderby', 'search', 'count', 'expand', 'skip'];

const ME_NEEDS_USER = '/me request is only valid with delegated authentication flow.';

function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}

function signedInUser(caller: Caller, users: UserStore): DirectoryUser {
  if (caller.kind !== 'user') throw badRequest(ME_NEEDS_USER);
  const user = users.byId(caller.userId);
  if (!user) throw resourceNotFound(caller.userId);
  return user;
}

function userByRef(req: EmulatorRequest, users: UserStore): DirectoryUser {
  const ref = req.params['userRef'] ?? '';
  const user = users.byRef(ref);
  if (!user) throw resourceNotFound(ref);
  return user;
}

function userResponse(req: EmulatorRequest, user: DirectoryUser): EmulatorResponse {
  const selection = userSelection(req.query);
  return ok({ '@odata.context': usersContext(req.graphBaseUrl, selection, true), ...userJson(user, selection) });
}

/** The manager as Graph returns it: a directoryObject typed as a user. */
function managerResponse(req: EmulatorRequest, user: DirectoryUser, users: UserStore): EmulatorResponse {
  const manager = users.managerOf(user);
  if (!manager) throw resourceNotFound('manager');
  const selection = userSelection(req.query);
  return ok({
    '@odata.context': usersContext(req.graphBaseUrl, selection, true, 'directoryObjects'),
    '@odata.type': '#microsoft.graph.user',
    ...userJson(manager, selection),
  });
}

/** The people whose manager the user is, as Graph lists directReports (one page: teams are small). */
function directReportsResponse(req: EmulatorRequest, user: DirectoryUser, users: UserStore): EmulatorResponse {
  const selection = userSelection(req.query);
  const reports = users.page({ sql: 'manager_id = ?', params: [user.id] }, undefined, 999);
  return ok({
    '@odata.context': usersContext(req.graphBaseUrl, selection, false, 'directoryObjects'),
    value: reports.map((report) => ({ '@odata.type': '#microsoft.graph.user', ...userJson(report, selection) })),
  });
}

function decodeSkipToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith('users:')) throw badRequest(`The skip token '${token}' is not valid.`);
  return text.slice('users:'.length);
}

/** The same query with a new `$skiptoken`, `$` kept literal as Graph writes its links. */
function nextLink(req: EmulatorRequest, afterId: string): string {
  const parts: string[] = [];
  for (const [key, value] of req.query) {
    if (key.toLowerCase() === '$skiptoken') continue;
    parts.push(`${encodeURIComponent(key).replace(/%24/g, '$')}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${Buffer.from(`users:${afterId}`, 'utf8').toString('base64url')}`);
  return `${req.graphBaseUrl}/users?${parts.join('&')}`;
}

function listUsers(req: EmulatorRequest, users: UserStore): EmulatorResponse {
  for (const option of UNBUILT_OPTIONS) {
    if (queryOption(req.query, option) !== undefined) throw notImplemented(`The query option '$${option}' on users`);
  }
  const selection = userSelection(req.query);
  const topText = queryOption(req.query, 'top');
  const top = topText === undefined ? USERS_PAGE_SIZE : parseTop(topText);
  if (top > USERS_MAX_TOP) {
    throw new GraphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${top}'. Must be between 1 and ${USERS_MAX_TOP} inclusive.`);
  }
  const filterText = queryOption(req.query, 'filter');
  const where = filterText === undefined ? undefined : userFilterToSql(filterText);
  const skipToken = queryOption(req.query, 'skiptoken');
  const afterId = skipToken === undefined ? undefined : decodeSkipToken(skipToken);
  const rows = users.page(where, afterId, top + 1);
  const page = rows.slice(0, top);
  const last = page[page.length - 1];
  return ok({
    '@odata.context': usersContext(req.graphBaseUrl, selection, false),
    ...(rows.length > top && last ? { '@odata.nextLink': nextLink(req, last.id) } : {}),
    value: page.map((user) => userJson(user, selection)),
  });
}

export function createDirectoryOperations(users: UserStore): OperationHandlers {
  return {
    getMe: (req) => userResponse(req, signedInUser(req.caller, users)),
    getMyManager: (req) => managerResponse(req, signedInUser(req.caller, users), users),
    listMyDirectReports: (req) => directReportsResponse(req, signedInUser(req.caller, users), users),
    listUsers: (req) => listUsers(req, users),
    getUser: (req) => userResponse(req, userByRef(req, users)),
    getManager: (req) => managerResponse(req, userByRef(req, users), users),
  };
}
