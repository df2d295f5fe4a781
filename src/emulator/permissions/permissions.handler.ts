// Site permissions for applications (GET/POST /sites/{id}/permissions, GET/PATCH/DELETE
// …/permissions/{id}), and the service principals with their Graph app role assignments
// (GET /servicePrincipals?$filter=appId eq '…', GET /servicePrincipals/{id}/appRoleAssignments).
// Managing site permissions takes Sites.FullControl.All as an application, as in Graph; reading
// service principals takes Application.Read.All.
import type { Caller, EmulatorRequest, OperationHandlers } from '../server/contract';
import { GraphError } from '../server/contract';
import { badRequest, resourceNotFound } from '../server/graph-errors';
import type { AppRegistry, RegisteredApp } from './app-registry';
import { GRAPH_APP_ROLE_IDS, MICROSOFT_GRAPH_APP_ID, servicePrincipalId } from './app-registry';
import { accessDenied, insufficientPrivileges, siteIdOf } from './site-access.middleware';
import type { SitePermission, SitePermissionStore } from './site-permission-store';
import { isSiteRole } from './site-roles';
import type { SiteRole } from './site-roles';

export interface PermissionDeps {
  readonly permissions: SitePermissionStore;
  readonly apps: AppRegistry;
  /** The emulator's own app, which is there without registering. */
  readonly defaultApp: RegisteredApp;
  readonly handlers: OperationHandlers;
  readonly now: () => Date;
}

function requireAppRole(caller: Caller, role: string, refuse: () => GraphError): void {
  // Delegated: Graph wants Sites.FullControl.All for a SharePoint administrator; the emulator's
  // people have no such scope.
  if (caller.kind === 'user') throw refuse();
  if (caller.roles !== undefined && !caller.roles.includes(role)) throw refuse();
}

function render(p: SitePermission): Record<string, unknown> {
  const identity = [{ application: { id: p.appId, displayName: p.displayName } }];
  return {
    id: p.id,
    '@deprecated.GrantedToIdentities': 'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2',
    roles: [...p.roles],
    grantedToIdentities: identity,
    grantedToIdentitiesV2: identity,
  };
}

function rolesOf(body: Record<string, unknown>): SiteRole[] {
  const roles = body.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isSiteRole)) throw badRequest("'roles' must be one or more of read, write, manage, fullcontrol.", 'invalidRequest');
  return [...new Set(roles)];
}

function grantedApp(body: Record<string, unknown>): { id: string; displayName: string } {
  const identities = body.grantedToIdentitiesV2 ?? body.grantedToIdentities;
  const first: unknown = Array.isArray(identities) && identities.length === 1 ? identities[0] : undefined;
  const application = (first as { application?: { id?: unknown; displayName?: unknown } } | undefined)?.application;
  if (typeof application?.id !== 'string' || application.id === '') throw badRequest("A site permission is granted to one application: 'grantedToIdentities': [{ 'application': { 'id': '…', 'displayName': '…' } }].", 'invalidRequest');
  return { id: application.id, displayName: typeof application.displayName === 'string' ? application.displayName : application.id };
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Empty Payload. JSON content expected.', 'invalidRequest');
  return body as Record<string, unknown>;
}

export function createPermissionOperations(deps: PermissionDeps): OperationHandlers {
  const site = async (req: EmulatorRequest): Promise<string> => {
    requireAppRole(req.caller, 'Sites.FullControl.All', accessDenied);
    const id = await siteIdOf(deps.handlers, req);
    if (id === undefined) throw resourceNotFound(req.params.siteRef ?? '');
    return id;
  };
  const permission = async (req: EmulatorRequest): Promise<SitePermission> => {
    const found = deps.permissions.find(await site(req), req.params.permissionId ?? '');
    if (!found) throw new GraphError(404, 'itemNotFound', 'The requested permission was not found.');
    return found;
  };
  const app = (appId: string): RegisteredApp | undefined => (appId.toLowerCase() === deps.defaultApp.appId.toLowerCase() ? deps.defaultApp : deps.apps.find(appId));
  const servicePrincipal = (a: RegisteredApp): Record<string, unknown> => ({ id: servicePrincipalId(a.appId), appId: a.appId, displayName: a.displayName, servicePrincipalType: 'Application' });

  return {
    listSitePermissions: async (req) => ({ status: 200, body: { value: deps.permissions.list(await site(req)).map(render) } }),
    getSitePermission: async (req) => ({ status: 200, body: render(await permission(req)) }),
    async createSitePermission(req) {
      const siteId = await site(req);
      const body = object(req.body);
      const roles = rolesOf(body);
      const granted = grantedApp(body);
      if (deps.permissions.forApp(siteId, granted.id)) throw new GraphError(409, 'nameAlreadyExists', `The application ${granted.id} already has a permission on this site; update it instead.`);
      return { status: 201, body: render(deps.permissions.create({ siteId, appId: granted.id, displayName: granted.displayName, roles }, deps.now())) };
    },
    async updateSitePermission(req) {
      const found = await permission(req);
      const updated = deps.permissions.setRoles(found.siteId, found.id, rolesOf(object(req.body)));
      if (!updated) throw new GraphError(404, 'itemNotFound', 'The requested permission was not found.');
      return { status: 200, body: render(updated) };
    },
    async deleteSitePermission(req) {
      const found = await permission(req);
      deps.permissions.remove(found.siteId, found.id);
      return { status: 204 };
    },
    listServicePrincipals(req) {
      requireAppRole(req.caller, 'Application.Read.All', insufficientPrivileges);
      const filter = req.query.get('$filter') ?? req.query.get('filter');
      if (filter === null) return { status: 200, body: { value: [deps.defaultApp, ...deps.apps.list()].map(servicePrincipal) } };
      const match = /^\s*appId\s+eq\s+'([^']+)'\s*$/i.exec(filter);
      if (!match) throw badRequest(`The emulator filters service principals by "appId eq '…'" only, not "${filter}".`);
      const found = app(match[1] ?? '');
      return { status: 200, body: { value: found ? [servicePrincipal(found)] : [] } };
    },
    listAppRoleAssignments(req) {
      requireAppRole(req.caller, 'Application.Read.All', insufficientPrivileges);
      const spId = req.params.servicePrincipalId ?? '';
      const found = [deps.defaultApp, ...deps.apps.list()].find((a) => servicePrincipalId(a.appId) === spId);
      if (!found) throw resourceNotFound(spId);
      const graphId = servicePrincipalId(MICROSOFT_GRAPH_APP_ID);
      const value = found.roles.map((role) => ({
        id: `${spId}:${role}`,
        appRoleId: GRAPH_APP_ROLE_IDS[role] ?? role,
        principalId: spId,
        principalType: 'ServicePrincipal',
        principalDisplayName: found.displayName,
        resourceId: graphId,
        resourceDisplayName: 'Microsoft Graph',
      }));
      return { status: 200, body: { value } };
    },
  };
}
