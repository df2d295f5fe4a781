// What `malkoll grant` and `malkoll doctor` read and write in Graph about an application's access:
// the site permissions of Sites.Selected (/sites/{id}/permissions) and the Graph application
// permissions consented for the app (its service principal's app role assignments).
import type { GraphClient } from '../graph';
import { isGraphRequestError } from '../graph';
import { encodeSiteRef } from '../lists';
import { GRAPH_APP_ROLE_IDS as GRAPH_APP_ROLES } from '../core';

/** SharePoint's roles for an application on a site, weakest first. */
export const SITE_ROLES = ['read', 'write', 'manage', 'fullcontrol'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const roleRank = (role: string): number => SITE_ROLES.indexOf(role as SiteRole);

export interface SitePermission {
  readonly id: string;
  readonly roles: readonly string[];
  readonly grantedToIdentitiesV2?: ReadonlyArray<{ readonly application?: { readonly id?: string; readonly displayName?: string } }>;
  readonly grantedToIdentities?: ReadonlyArray<{ readonly application?: { readonly id?: string; readonly displayName?: string } }>;
}

export interface Site {
  readonly id: string;
  readonly displayName?: string;
  readonly webUrl?: string;
}

/** Microsoft Graph's application permissions by name: Entra ID's ids, the same in every tenant. */
export { MICROSOFT_GRAPH_APP_ID, GRAPH_APP_ROLE_IDS as GRAPH_APP_ROLES } from '../core';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function getSite(client: GraphClient, siteRef: string): Promise<Site> {
  return client.get<Site>(`/sites/${encodeSiteRef(siteRef)}?$select=id,displayName,webUrl`);
}

export function appOf(permission: SitePermission): string | undefined {
  const identities = permission.grantedToIdentitiesV2 ?? permission.grantedToIdentities ?? [];
  return identities.find((i) => i.application?.id)?.application?.id;
}

export async function permissionsOf(client: GraphClient, siteId: string): Promise<SitePermission[]> {
  const all: SitePermission[] = [];
  for await (const p of client.items<SitePermission>(`/sites/${siteId}/permissions`)) all.push(p);
  return all;
}

/** The app's permission on the site, if it has one. */
export async function permissionFor(client: GraphClient, siteId: string, appId: string): Promise<SitePermission | undefined> {
  return (await permissionsOf(client, siteId)).find((p) => appOf(p)?.toLowerCase() === appId.toLowerCase());
}

export function strongestRole(roles: readonly string[]): SiteRole | undefined {
  return [...roles].filter((r) => roleRank(r) >= 0).sort((a, b) => roleRank(b) - roleRank(a))[0] as SiteRole | undefined;
}

/** The Graph application permissions consented for the app, by name; undefined when the tenant has no service principal for it. */
export async function consentedGraphRoles(client: GraphClient, appId: string): Promise<string[] | undefined> {
  const found = await client.get<{ value: Array<{ id: string }> }>(`/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${appId}'`)}&$select=id`);
  const sp = found.value[0];
  if (!sp) return undefined;
  const names = Object.fromEntries(Object.entries(GRAPH_APP_ROLES).map(([name, id]) => [id, name]));
  const roles: string[] = [];
  for await (const a of client.items<{ appRoleId: string; resourceDisplayName?: string }>(`/servicePrincipals/${sp.id}/appRoleAssignments`)) {
    const name = names[a.appRoleId];
    if (name) roles.push(name);
  }
  return roles;
}

/** The HTTP status of a failed Graph call, or undefined when it was something else. */
export function statusOf(error: unknown): number | undefined {
  return isGraphRequestError(error) ? error.status : undefined;
}
