// Site permissions granted to applications (POST /sites/{id}/permissions), one per app and site.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SiteRole } from './site-roles';

export interface SitePermission {
  readonly id: string;
  readonly siteId: string;
  readonly appId: string;
  readonly displayName: string;
  readonly roles: readonly SiteRole[];
}

export interface SitePermissionStore {
  list(siteId: string): SitePermission[];
  find(siteId: string, permissionId: string): SitePermission | undefined;
  forApp(siteId: string, appId: string): SitePermission | undefined;
  create(grant: Omit<SitePermission, 'id'>, now: Date): SitePermission;
  setRoles(siteId: string, permissionId: string, roles: readonly SiteRole[]): SitePermission | undefined;
  remove(siteId: string, permissionId: string): boolean;
}

interface Row {
  id: string;
  site_id: string;
  app_id: string;
  display_name: string;
  roles: string;
}

const toPermission = (row: Row): SitePermission => ({ id: row.id, siteId: row.site_id, appId: row.app_id, displayName: row.display_name, roles: JSON.parse(row.roles) as SiteRole[] });

export function createSitePermissionStore(db: Database.Database): SitePermissionStore {
  const columns = 'id, site_id, app_id, display_name, roles';
  const bySite = db.prepare<[string], Row>(`SELECT ${columns} FROM site_permissions WHERE site_id = ? ORDER BY created_at, id`);
  const byId = db.prepare<[string, string], Row>(`SELECT ${columns} FROM site_permissions WHERE site_id = ? AND id = ?`);
  const byApp = db.prepare<[string, string], Row>(`SELECT ${columns} FROM site_permissions WHERE site_id = ? AND app_id = ?`);
  const insert = db.prepare('INSERT INTO site_permissions (id, site_id, app_id, display_name, roles, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE site_permissions SET roles = ? WHERE site_id = ? AND id = ?');
  const remove = db.prepare('DELETE FROM site_permissions WHERE site_id = ? AND id = ?');
  return {
    list: (siteId) => bySite.all(siteId).map(toPermission),
    find: (siteId, id) => {
      const row = byId.get(siteId, id);
      return row ? toPermission(row) : undefined;
    },
    forApp: (siteId, appId) => {
      const row = byApp.get(siteId, appId.toLowerCase());
      return row ? toPermission(row) : undefined;
    },
    create(grant, now) {
      // Graph's permission ids are opaque base64 text; these look alike and never repeat.
      const id = randomBytes(24).toString('base64url');
      insert.run(id, grant.siteId, grant.appId.toLowerCase(), grant.displayName, JSON.stringify(grant.roles), now.toISOString());
      return { ...grant, appId: grant.appId.toLowerCase(), id };
    },
    setRoles(siteId, id, roles) {
      if (update.run(JSON.stringify(roles), siteId, id).changes === 0) return undefined;
      const row = byId.get(siteId, id);
      return row ? toPermission(row) : undefined;
    },
    remove: (siteId, id) => remove.run(siteId, id).changes > 0,
  };
}
