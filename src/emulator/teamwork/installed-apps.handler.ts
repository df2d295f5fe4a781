// GET and POST /users/{id|upn}/teamwork/installedApps: the apps installed in a user's personal
// scope, and a proactive install (`teamsApp@odata.bind` to appCatalogs/teamsApps/{id}) → 201, or
// 409 when it is installed already. Sources: docs/emulator.md, "Activity feed".
import type { Caller, EmulatorRequest, OperationHandlers } from '../server/contract';
import { GraphError } from '../server/contract';
import { badRequest, resourceNotFound } from '../server/graph-errors';
import type { DirectoryUser, UserStore } from '../directory';
import type { Installation, TeamsApp, TeamsAppCatalog } from './teams-apps';

const READ_ANY = ['TeamsAppInstallation.ReadForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All'];
const WRITE_ANY = 'TeamsAppInstallation.ReadWriteForUser.All';
/** Lets an app read and install only itself: the app whose webApplicationInfo.id is the token's. */
const SELF = 'TeamsAppInstallation.ReadWriteSelfForUser.All';
const GRAPH_ROOT = /^https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\//i;
const CATALOG_PATH = /^appCatalogs\/teamsApps\/([^/?#]+)$/i;
const FILTER = /^\s*teamsApp\/(id|externalId)\s+eq\s+'((?:[^']|'')*)'\s*$/;
const EXPANDABLE = new Set(['teamsApp', 'teamsAppDefinition']);

export interface InstalledAppsDeps {
  users: UserStore;
  catalog: TeamsAppCatalog;
}

function missingRole(required: readonly string[]): GraphError {
  return new GraphError(403, 'Forbidden', `Missing role permissions on the request. API requires one of '${required.join(', ')}'.`);
}

/**
 * Which apps an app-only caller may see or install: all, only itself (the Self permission), or
 * none. Delegated callers and hand-built callers without roles are not held to it.
 */
function reach(caller: Caller, any: readonly string[]): 'all' | 'self' | 'none' {
  if (caller.kind === 'user' || caller.roles === undefined) return 'all';
  if (any.some((role) => caller.roles?.includes(role))) return 'all';
  return caller.roles.includes(SELF) ? 'self' : 'none';
}

function isOwnApp(caller: Caller, app: TeamsApp): boolean {
  return caller.kind === 'app' && app.azureADAppId === caller.appId.toLowerCase();
}

function recipient(req: EmulatorRequest, users: UserStore): DirectoryUser {
  const ref = req.params['userRef'] ?? '';
  const user = users.byRef(ref);
  if (!user) throw resourceNotFound(ref);
  return user;
}

function expansions(req: EmulatorRequest): Set<string> {
  const raw = req.query.get('$expand');
  const names = raw === null ? [] : raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!EXPANDABLE.has(name)) throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.teamsAppInstallation'.`);
  }
  return new Set(names);
}

function filterOf(req: EmulatorRequest): ((app: TeamsApp) => boolean) | undefined {
  const raw = req.query.get('$filter');
  if (raw === null) return undefined;
  const match = FILTER.exec(raw);
  if (!match) throw badRequest("The emulator filters installed apps only by teamsApp/id eq '…' or teamsApp/externalId eq '…'.");
  const value = (match[2] ?? '').replace(/''/g, "'").toLowerCase();
  return match[1] === 'id' ? (app) => app.id.toLowerCase() === value : (app) => app.externalId.toLowerCase() === value;
}

function shape(installation: Installation, app: TeamsApp, expand: Set<string>): Record<string, unknown> {
  return {
    id: installation.id,
    ...(expand.has('teamsApp') ? { teamsApp: { id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: 'organization' } } : {}),
    ...(expand.has('teamsAppDefinition')
      ? {
          teamsAppDefinition: {
            id: Buffer.from(`${app.id}##${app.version}`).toString('base64'),
            teamsAppId: app.id,
            azureADAppId: app.azureADAppId,
            displayName: app.displayName,
            version: app.version,
          },
        }
      : {}),
  };
}

function boundCatalogId(body: unknown, graphBaseUrl: string): string {
  const bind = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['teamsApp@odata.bind'] : undefined;
  const shapeHint = 'Install with {"teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{catalog app id}"}.';
  if (typeof bind !== 'string') throw badRequest(shapeHint);
  const graph = GRAPH_ROOT.exec(bind);
  const local = `${graphBaseUrl}/`;
  const path = graph ? bind.slice(graph[0].length) : bind.startsWith(local) ? bind.slice(local.length) : undefined;
  const id = path === undefined ? undefined : CATALOG_PATH.exec(path)?.[1];
  if (id === undefined) throw badRequest(shapeHint);
  return decodeURIComponent(id);
}

export function createInstalledAppsOperations(deps: InstalledAppsDeps): OperationHandlers {
  return {
    listUserInstalledApps(req) {
      const user = recipient(req, deps.users);
      const allowed = reach(req.caller, [...READ_ANY, WRITE_ANY]);
      if (allowed === 'none') throw missingRole([...READ_ANY, SELF]);
      const expand = expansions(req);
      const matches = filterOf(req);
      const value = deps.catalog
        .installationsOf(user.id)
        .flatMap((installation) => {
          const app = deps.catalog.find(installation.teamsAppId);
          return app ? [{ installation, app }] : [];
        })
        // With the Self permission Graph shows the app only itself (an empty list otherwise).
        .filter(({ app }) => (allowed === 'all' || isOwnApp(req.caller, app)) && (matches === undefined || matches(app)))
        .map(({ installation, app }) => shape(installation, app, expand));
      return { status: 200, body: { '@odata.context': `${req.graphBaseUrl}/$metadata#users('${user.id}')/teamwork/installedApps`, value } };
    },

    installUserApp(req) {
      const user = recipient(req, deps.users);
      const catalogId = boundCatalogId(req.body, req.graphBaseUrl);
      const allowed = reach(req.caller, [WRITE_ANY]);
      const app = deps.catalog.find(catalogId);
      if (allowed === 'none' || (allowed === 'self' && (app === undefined || !isOwnApp(req.caller, app)))) throw missingRole([SELF, WRITE_ANY]);
      if (!app) throw new GraphError(404, 'NotFound', `The Teams app '${catalogId}' is not in the tenant's app catalog.`);
      const { created } = deps.catalog.install(user.id, app.id);
      // The emulator's wording; Microsoft's proactive-installation sample counts a 409 as "already installed".
      if (!created) throw new GraphError(409, 'Conflict', `The Teams app '${app.id}' is already installed for the user.`);
      return { status: 201 };
    },
  };
}
