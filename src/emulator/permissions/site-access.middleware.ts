// Stage 3b: what an application may do. An app-only token's `roles` decide: a tenant-wide Sites.*
// permission gives its role on every site; Sites.Selected gives the role the site granted the app
// (POST /sites/{id}/permissions), and no site at all without a grant; sending activity
// notifications needs TeamsActivity.Send. A delegated caller is held to its token's scopes
// (delegated-scopes.ts) and to the person's permission level on the site (member-site-roles.ts);
// callers without a roles or scp claim (built by hand in tests) are not.
import type { Caller, EmulatorRequest, OperationHandlers } from '../server/contract';
import { GraphError } from '../server/contract';
import { toEmulatorRequest } from '../server/handler.middleware';
import { required } from '../server/pipeline-context';
import type { Stage } from '../server/pipeline-context';
import type { MemberSiteRoles } from './member-site-roles';
import type { SitePermissionStore } from './site-permission-store';
import { checkDelegatedScopes } from './delegated-scopes';
import { REQUIRED_ROLE, rank, strongest, tenantWideRole } from './site-roles';
import type { SiteRole } from './site-roles';

export function accessDenied(): GraphError {
  return new GraphError(403, 'accessDenied', 'Access denied');
}

export function insufficientPrivileges(): GraphError {
  return new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

/** The site's composite id, as GET /sites/{siteRef} answers it (404 when there is no such site). */
export async function siteIdOf(handlers: OperationHandlers, req: EmulatorRequest): Promise<string | undefined> {
  const getSite = handlers.getSite;
  if (!getSite) return undefined;
  const siteRef = req.params.siteRef ?? '';
  const answer = await getSite({ ...req, params: { siteRef }, path: `/sites/${siteRef}` });
  const body = answer.body as { id?: unknown } | undefined;
  return typeof body?.id === 'string' ? body.id : undefined;
}

/** The app's role on the site, from its roles claim and the site's grants. */
export async function appSiteRole(
  caller: Extract<Caller, { kind: 'app' }> & { roles: readonly string[] },
  req: EmulatorRequest,
  deps: { handlers: OperationHandlers; permissions: SitePermissionStore },
): Promise<SiteRole | undefined> {
  const wide = tenantWideRole(caller.roles);
  if (!caller.roles.includes('Sites.Selected') || wide === 'fullcontrol') return wide;
  const siteId = await siteIdOf(deps.handlers, req);
  const granted = siteId === undefined ? [] : (deps.permissions.forApp(siteId, caller.appId)?.roles ?? []);
  return strongest([...(wide ? [wide] : []), ...granted]);
}

export function siteAccessStage(deps: { handlers: OperationHandlers; permissions: SitePermissionStore; members?: MemberSiteRoles; enforceScopes?: boolean }): Stage {
  return async (ctx) => {
    const caller = required(ctx.caller, 'caller');
    if (caller.kind === 'user') {
      const operation = required(ctx.route, 'route').operation;
      if (deps.enforceScopes !== false && caller.scopes !== undefined) checkDelegatedScopes(operation, caller.scopes);
      // The person's own permission level bounds what any app may do on their behalf.
      const needed = REQUIRED_ROLE[operation];
      const role = deps.members?.roleOf(caller.upn);
      if (needed && role && rank(role) < rank(needed)) throw accessDenied();
      return;
    }
    if (caller.roles === undefined) return;
    const app = { ...caller, roles: caller.roles };
    const operation = required(ctx.route, 'route').operation;
    if (operation === 'sendActivityNotification') {
      if (!app.roles.includes('TeamsActivity.Send')) throw new GraphError(403, 'Forbidden', 'Missing role permissions on the request. API requires one of \'TeamsActivity.Send\'.');
      return;
    }
    const needed = REQUIRED_ROLE[operation];
    if (!needed) return;
    const role = await appSiteRole(app, toEmulatorRequest(ctx), deps);
    if (!role || rank(role) < rank(needed)) throw accessDenied();
  };
}
