// What an application may do on a site: SharePoint's site roles for an app (read < write < manage
// < fullcontrol), from a tenant-wide Sites.* permission or, with Sites.Selected, from the site's
// own grant. Write means list items; manage also lists and columns; fullcontrol also the site's
// permissions (research: real-tenant-findings F5).
import type { OperationName } from '../server/contract';

export const SITE_ROLES = ['read', 'write', 'manage', 'fullcontrol'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export function isSiteRole(value: unknown): value is SiteRole {
  return typeof value === 'string' && (SITE_ROLES as readonly string[]).includes(value);
}

export function rank(role: SiteRole): number {
  return SITE_ROLES.indexOf(role);
}

/** The strongest of some roles, or undefined for none. */
export function strongest(roles: readonly string[]): SiteRole | undefined {
  return roles.filter(isSiteRole).sort((a, b) => rank(b) - rank(a))[0];
}

/** The tenant-wide application permissions and the site role each amounts to on every site. */
const TENANT_WIDE: ReadonlyArray<[string, SiteRole]> = [
  ['Sites.FullControl.All', 'fullcontrol'],
  ['Sites.Manage.All', 'manage'],
  ['Sites.ReadWrite.All', 'write'],
  ['Sites.Read.All', 'read'],
];

export function tenantWideRole(appRoles: readonly string[]): SiteRole | undefined {
  return TENANT_WIDE.find(([permission]) => appRoles.includes(permission))?.[1];
}

/** The role each site operation needs (operations on no site are not listed). */
export const REQUIRED_ROLE: Partial<Record<OperationName, SiteRole>> = {
  getSite: 'read',
  listLists: 'read',
  getList: 'read',
  listColumns: 'read',
  getColumn: 'read',
  listItems: 'read',
  itemsDelta: 'read',
  getItem: 'read',
  getItemFields: 'read',
  listItemVersions: 'read',
  getItemVersion: 'read',
  createItem: 'write',
  updateItem: 'write',
  deleteItem: 'write',
  updateItemFields: 'write',
  createList: 'manage',
  updateList: 'manage',
  deleteList: 'manage',
  createColumn: 'manage',
  updateColumn: 'manage',
  deleteColumn: 'manage',
};
