// The route table: every operation of the contract at its Graph URL form, and the matcher.
// Matching is on decoded path segments; literal segments compare case-insensitively because Graph's
// do (`/Users`, `/ME` work). A site reference is folded into one `{siteRef}` segment first.
import type { OperationName } from './contract';
import { badRequest } from './graph-errors';

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface RouteDef {
  readonly path: string;
  readonly methods: Partial<Record<HttpMethod, OperationName>>;
}

const ITEM = '/sites/{siteRef}/lists/{listRef}/items/{itemId}';

export const ROUTES: readonly RouteDef[] = [
  { path: '/sites/{siteRef}', methods: { GET: 'getSite' } },
  { path: '/sites/{siteRef}/lists', methods: { GET: 'listLists', POST: 'createList' } },
  { path: '/sites/{siteRef}/lists/{listRef}', methods: { GET: 'getList', PATCH: 'updateList', DELETE: 'deleteList' } },
  { path: '/sites/{siteRef}/lists/{listRef}/columns', methods: { GET: 'listColumns', POST: 'createColumn' } },
  {
    path: '/sites/{siteRef}/lists/{listRef}/columns/{columnId}',
    methods: { GET: 'getColumn', PATCH: 'updateColumn', DELETE: 'deleteColumn' },
  },
  { path: '/sites/{siteRef}/lists/{listRef}/items', methods: { GET: 'listItems', POST: 'createItem' } },
  { path: '/sites/{siteRef}/lists/{listRef}/items/delta', methods: { GET: 'itemsDelta' } },
  { path: ITEM, methods: { GET: 'getItem', PATCH: 'updateItem', DELETE: 'deleteItem' } },
  { path: `${ITEM}/fields`, methods: { GET: 'getItemFields', PATCH: 'updateItemFields' } },
  { path: `${ITEM}/versions`, methods: { GET: 'listItemVersions' } },
  { path: `${ITEM}/versions/{versionId}`, methods: { GET: 'getItemVersion' } },
  { path: '/me', methods: { GET: 'getMe' } },
  { path: '/me/manager', methods: { GET: 'getMyManager' } },
  { path: '/me/directReports', methods: { GET: 'listMyDirectReports' } },
  { path: '/users', methods: { GET: 'listUsers' } },
  { path: '/users/{userRef}', methods: { GET: 'getUser' } },
  { path: '/users/{userRef}/manager', methods: { GET: 'getManager' } },
  { path: '/users/{userRef}/teamwork/sendActivityNotification', methods: { POST: 'sendActivityNotification' } },
  { path: '/users/{userRef}/teamwork/installedApps', methods: { GET: 'listUserInstalledApps', POST: 'installUserApp' } },
  { path: '/$batch', methods: { POST: 'batch' } },
  { path: '/sites/{siteRef}/permissions', methods: { GET: 'listSitePermissions', POST: 'createSitePermission' } },
  {
    path: '/sites/{siteRef}/permissions/{permissionId}',
    methods: { GET: 'getSitePermission', PATCH: 'updateSitePermission', DELETE: 'deleteSitePermission' },
  },
  { path: '/servicePrincipals', methods: { GET: 'listServicePrincipals' } },
  { path: '/servicePrincipals/{servicePrincipalId}/appRoleAssignments', methods: { GET: 'listAppRoleAssignments' } },
];

/** Other spellings Graph accepts for a function or action segment. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  delta: ['delta()', 'microsoft.graph.delta', 'microsoft.graph.delta()'],
  sendactivitynotification: ['microsoft.graph.sendactivitynotification'],
};

type Pattern = ReadonlyArray<{ literal: string } | { param: string }>;

const COMPILED: ReadonlyArray<{ pattern: Pattern; methods: RouteDef['methods'] }> = ROUTES.map((route) => ({
  methods: route.methods,
  pattern: route.path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('{') ? { param: s.slice(1, -1) } : { literal: s.toLowerCase() })),
}));

export type RouteResult =
  | { kind: 'matched'; operation: OperationName; params: Record<string, string> }
  | { kind: 'methodNotAllowed'; allowed: string[] }
  | { kind: 'unknownSegment'; segment: string };

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`The request URL segment '${raw}' is not validly percent-encoded.`);
  }
}

/**
 * Splits a path below the Graph root into decoded segments, folding the site reference after
 * `sites` into one segment: `root`, a composite id `host,guid,guid` (commas may arrive as %2C),
 * or the path form `host:/server/relative/path`, closed by a trailing `:` when more segments
 * follow (`/sites/localhost:/sites/malkoll:/lists`).
 */
export function graphSegments(rawPath: string): string[] {
  const segments = rawPath
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSegment);
  const host = segments[1];
  if (segments[0]?.toLowerCase() !== 'sites' || host === undefined || !host.endsWith(':')) return segments;
  const pathParts: string[] = [];
  let next = 2;
  while (next < segments.length) {
    const part = segments[next] ?? '';
    next += 1;
    if (part.endsWith(':')) {
      pathParts.push(part.slice(0, -1));
      break;
    }
    pathParts.push(part);
  }
  const siteRef = `${host}/${pathParts.join('/')}`;
  return ['sites', siteRef, ...segments.slice(next)];
}

function literalMatches(literal: string, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === literal || (ALIASES[literal]?.includes(s) ?? false);
}

/** How many leading segments the pattern accepts, and the params it bound. */
function matchPrefix(pattern: Pattern, segments: readonly string[]): { length: number; params: Record<string, string> } {
  const params: Record<string, string> = {};
  let length = 0;
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i];
    if (segment === undefined) break;
    if ('literal' in part) {
      if (!literalMatches(part.literal, segment)) break;
    } else {
      params[part.param] = segment;
    }
    length = i + 1;
  }
  return { length, params };
}

export function matchRoute(method: string, rawPath: string): RouteResult {
  const segments = graphSegments(rawPath);
  let longest = 0;
  // A literal beats a parameter at the same place (`items/delta` is not item "delta"), so full
  // matches are ranked by how many literals they have.
  let best: { methods: RouteDef['methods']; params: Record<string, string>; literals: number } | undefined;
  for (const route of COMPILED) {
    const { length, params } = matchPrefix(route.pattern, segments);
    longest = Math.max(longest, length);
    if (length !== segments.length || length !== route.pattern.length) continue;
    const literals = route.pattern.filter((p) => 'literal' in p).length;
    if (!best || literals > best.literals) best = { methods: route.methods, params, literals };
  }
  if (!best) {
    // Graph names the first segment it could not resolve; a path that stops short of any
    // resource we know is blamed on its last segment.
    const segment = segments[Math.min(longest, segments.length - 1)] ?? '';
    return { kind: 'unknownSegment', segment };
  }
  const operation = Object.entries(best.methods).find(([m]) => m === method.toUpperCase())?.[1];
  if (!operation) return { kind: 'methodNotAllowed', allowed: Object.keys(best.methods) };
  return { kind: 'matched', operation, params: best.params };
}
