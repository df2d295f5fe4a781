// Applications of the emulated tenant and the Graph application permissions consented for them:
// what an app-only token for the app carries in `roles`, and what its service principal shows as
// app role assignments (Entra builds the one from the other). Registered through POST /_dev/apps.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from '../server/migrations';

export const permissionsMigration: Migration = {
  part: 'permissions',
  steps: [
    `CREATE TABLE permission_apps (
       app_id TEXT PRIMARY KEY,
       display_name TEXT NOT NULL,
       roles TEXT NOT NULL
     );
     CREATE TABLE site_permissions (
       id TEXT PRIMARY KEY,
       site_id TEXT NOT NULL,
       app_id TEXT NOT NULL,
       display_name TEXT NOT NULL,
       roles TEXT NOT NULL,
       created_at TEXT NOT NULL,
       UNIQUE (site_id, app_id)
     )`,
    // People's permission levels on the sites (member-site-roles.ts); '*' is everyone not named.
    `CREATE TABLE member_site_roles (
       upn TEXT PRIMARY KEY COLLATE NOCASE,
       role TEXT NOT NULL
     )`,
  ],
};

export { GRAPH_APP_ROLE_IDS, MICROSOFT_GRAPH_APP_ID } from '../../core';
import { GRAPH_APP_ROLE_IDS } from '../../core';

export interface RegisteredApp {
  readonly appId: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

export class AppRegistrationError extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable id for the app's service principal (Graph gives it its own object id). */
export function servicePrincipalId(appId: string): string {
  const hex = createHash('sha256').update(`sp:${appId.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function parseAppRegistration(input: unknown): RegisteredApp {
  const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const { appId, displayName, roles } = body;
  if (typeof appId !== 'string' || !GUID.test(appId)) throw new AppRegistrationError('Register an app with {"appId": "<guid>", "displayName": "…", "roles": ["Sites.Selected", …]}.');
  if (roles !== undefined && (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string'))) throw new AppRegistrationError('"roles" is a list of Graph application permissions, e.g. ["Sites.Selected", "TeamsActivity.Send"].');
  const unknown = ((roles as string[] | undefined) ?? []).filter((r) => !(r in GRAPH_APP_ROLE_IDS));
  if (unknown.length > 0) throw new AppRegistrationError(`Unknown application permission(s) ${unknown.join(', ')}; the emulator knows ${Object.keys(GRAPH_APP_ROLE_IDS).join(', ')}.`);
  return { appId: appId.toLowerCase(), displayName: typeof displayName === 'string' && displayName !== '' ? displayName : appId, roles: [...new Set((roles as string[] | undefined) ?? [])] };
}

export interface AppRegistry {
  register(app: RegisteredApp): RegisteredApp;
  find(appId: string): RegisteredApp | undefined;
  list(): RegisteredApp[];
}

export function createAppRegistry(db: Database.Database): AppRegistry {
  const upsert = db.prepare('INSERT INTO permission_apps (app_id, display_name, roles) VALUES (?, ?, ?) ON CONFLICT (app_id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles');
  const byId = db.prepare<[string], { app_id: string; display_name: string; roles: string }>('SELECT app_id, display_name, roles FROM permission_apps WHERE app_id = ?');
  const all = db.prepare<[], { app_id: string; display_name: string; roles: string }>('SELECT app_id, display_name, roles FROM permission_apps ORDER BY display_name, app_id');
  const toApp = (row: { app_id: string; display_name: string; roles: string }): RegisteredApp => ({ appId: row.app_id, displayName: row.display_name, roles: JSON.parse(row.roles) as string[] });
  return {
    register(app) {
      upsert.run(app.appId, app.displayName, JSON.stringify(app.roles));
      return app;
    },
    find(appId) {
      const row = byId.get(appId.toLowerCase());
      return row ? toApp(row) : undefined;
    },
    list: () => all.all().map(toApp),
  };
}
