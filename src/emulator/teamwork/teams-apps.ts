// The tenant's Teams app catalog and who has which app installed (personal scope): what Teams
// looks at before it takes an activity notification. An app is registered from its manifest
// (POST /_dev/teamsApps, or the emulator's `activityFeed.teamsApps` option), as an admin would
// upload it to the organisation's catalog; installations come from POST /_dev/installations or
// Graph's POST /users/{id}/teamwork/installedApps.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface ActivityTypeDeclaration {
  readonly type: string;
  readonly templateText: string;
}

/** A catalog app: `id` is the catalog's, `externalId` the manifest's. */
export interface TeamsApp {
  readonly id: string;
  readonly externalId: string;
  readonly displayName: string;
  readonly version: string;
  /** The manifest's `webApplicationInfo.id`: the Entra app whose tokens may send for it. */
  readonly azureADAppId: string | null;
  readonly activityTypes: readonly ActivityTypeDeclaration[];
}

export interface TeamsAppUpload {
  /** The manifest, placeholders filled (manifest/teams/manifest.json through env/.env.local). */
  readonly manifest: unknown;
  /** The catalog id; by default one derived from the manifest id, as an org catalog assigns its own. */
  readonly id?: string;
}

export interface Installation {
  /** Graph's form: base64 of `{userId}##{teamsAppId}`. */
  readonly id: string;
  readonly userId: string;
  readonly teamsAppId: string;
  readonly installedAt: string;
}

export class TeamsAppRegistrationError extends Error {}

/** Steps appended to the teamwork part's migration. */
export const TEAMS_APPS_MIGRATION_STEP = `CREATE TABLE teamwork_apps (
       id TEXT PRIMARY KEY,
       external_id TEXT NOT NULL,
       display_name TEXT NOT NULL,
       version TEXT NOT NULL,
       azure_ad_app_id TEXT,
       activity_types TEXT NOT NULL
     );
     CREATE TABLE teamwork_installations (
       id TEXT PRIMARY KEY,
       user_id TEXT NOT NULL,
       app_id TEXT NOT NULL REFERENCES teamwork_apps (id) ON DELETE CASCADE,
       installed_at TEXT NOT NULL,
       UNIQUE (user_id, app_id)
     );`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{[^}]*\}\}/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An org catalog gives an uploaded app its own id; this one is stable per manifest id. */
export function catalogIdFor(externalId: string): string {
  const hex = createHash('sha256').update(`teams-app:${externalId.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function installationIdFor(userId: string, teamsAppId: string): string {
  return Buffer.from(`${userId}##${teamsAppId}`).toString('base64');
}

export function parseTeamsAppUpload(input: unknown): TeamsApp {
  const body = isRecord(input) ? input : {};
  const manifest = body['manifest'];
  if (!isRecord(manifest)) throw new TeamsAppRegistrationError('Register a Teams app with {"manifest": {…the Teams app manifest…}, "id": "<catalog id, optional>"}.');
  if (PLACEHOLDER.test(JSON.stringify(manifest))) {
    throw new TeamsAppRegistrationError('The manifest still has ${{…}} placeholders: fill them first (the local values are in env/.env.local).');
  }
  const externalId = text(manifest['id']);
  if (!externalId) throw new TeamsAppRegistrationError('The manifest has no "id".');
  const name = isRecord(manifest['name']) ? text(manifest['name']['short']) : undefined;
  const webApp = isRecord(manifest['webApplicationInfo']) ? text(manifest['webApplicationInfo']['id']) : undefined;
  if (webApp !== undefined && !GUID.test(webApp)) throw new TeamsAppRegistrationError(`webApplicationInfo.id must be an Entra app id (a GUID), not "${webApp}".`);
  const declared = isRecord(manifest['activities']) ? manifest['activities']['activityTypes'] : undefined;
  if (declared !== undefined && !Array.isArray(declared)) throw new TeamsAppRegistrationError('activities.activityTypes must be a list.');
  const activityTypes = (declared ?? []).map((entry: unknown): ActivityTypeDeclaration => {
    const type = isRecord(entry) ? text(entry['type']) : undefined;
    const templateText = isRecord(entry) ? text(entry['templateText']) : undefined;
    if (!type || !templateText) throw new TeamsAppRegistrationError('Each activity type needs "type" and "templateText".');
    // The manifest schema reserves it: it is always available and never declared.
    if (type === 'systemDefault') throw new TeamsAppRegistrationError('The activity type "systemDefault" is reserved and must not be declared.');
    return { type, templateText };
  });
  const given = body['id'];
  if (given !== undefined && (typeof given !== 'string' || given.trim() === '')) throw new TeamsAppRegistrationError('"id" is the catalog id: a text.');
  return {
    id: typeof given === 'string' ? given.trim() : catalogIdFor(externalId),
    externalId,
    displayName: name ?? externalId,
    version: text(manifest['version']) ?? '1.0.0',
    azureADAppId: webApp?.toLowerCase() ?? null,
    activityTypes,
  };
}

interface AppRow {
  id: string;
  external_id: string;
  display_name: string;
  version: string;
  azure_ad_app_id: string | null;
  activity_types: string;
}

interface InstallationRow {
  id: string;
  user_id: string;
  app_id: string;
  installed_at: string;
}

export interface TeamsAppCatalog {
  register(app: TeamsApp): TeamsApp;
  find(id: string): TeamsApp | undefined;
  list(): TeamsApp[];
  /** Installs unless installed; false when it already was. */
  install(userId: string, teamsAppId: string): { installation: Installation; created: boolean };
  installationsOf(userId: string): Installation[];
  installations(): Installation[];
}

function toApp(row: AppRow): TeamsApp {
  return {
    id: row.id,
    externalId: row.external_id,
    displayName: row.display_name,
    version: row.version,
    azureADAppId: row.azure_ad_app_id,
    activityTypes: JSON.parse(row.activity_types) as ActivityTypeDeclaration[],
  };
}

function toInstallation(row: InstallationRow): Installation {
  return { id: row.id, userId: row.user_id, teamsAppId: row.app_id, installedAt: row.installed_at };
}

export function createTeamsAppCatalog(db: Database.Database, now: () => Date): TeamsAppCatalog {
  const upsert = db.prepare(
    `INSERT INTO teamwork_apps (id, external_id, display_name, version, azure_ad_app_id, activity_types)
     VALUES (@id, @externalId, @displayName, @version, @azureADAppId, @activityTypes)
     ON CONFLICT (id) DO UPDATE SET external_id = excluded.external_id, display_name = excluded.display_name,
       version = excluded.version, azure_ad_app_id = excluded.azure_ad_app_id, activity_types = excluded.activity_types`,
  );
  const byId = db.prepare<[string], AppRow>('SELECT * FROM teamwork_apps WHERE id = ? COLLATE NOCASE');
  const all = db.prepare<[], AppRow>('SELECT * FROM teamwork_apps ORDER BY display_name, id');
  const insertInstallation = db.prepare('INSERT OR IGNORE INTO teamwork_installations (id, user_id, app_id, installed_at) VALUES (?, ?, ?, ?)');
  const installationOf = db.prepare<[string, string], InstallationRow>('SELECT * FROM teamwork_installations WHERE user_id = ? AND app_id = ?');
  const ofUser = db.prepare<[string], InstallationRow>('SELECT * FROM teamwork_installations WHERE user_id = ? ORDER BY installed_at, id');
  const everyInstallation = db.prepare<[], InstallationRow>('SELECT * FROM teamwork_installations ORDER BY installed_at, id');
  return {
    register(app) {
      upsert.run({ ...app, activityTypes: JSON.stringify(app.activityTypes) });
      return app;
    },
    find(id) {
      const row = byId.get(id);
      return row ? toApp(row) : undefined;
    },
    list: () => all.all().map(toApp),
    install(userId, teamsAppId) {
      const app = byId.get(teamsAppId);
      if (!app) throw new TeamsAppRegistrationError(`No Teams app '${teamsAppId}' is in the catalog.`);
      const created = insertInstallation.run(installationIdFor(userId, app.id), userId, app.id, now().toISOString()).changes === 1;
      return { installation: toInstallation(installationOf.get(userId, app.id) as InstallationRow), created };
    },
    installationsOf: (userId) => ofUser.all(userId).map(toInstallation),
    installations: () => everyInstallation.all().map(toInstallation),
  };
}
