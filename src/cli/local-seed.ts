// The local run's start: lists provisioned, the Målkoll app set up as a tenant has it (its Entra
// app with the job's permissions and a write grant on the site, its Teams app in the catalog and
// installed for everyone in the fixtures), and the plan fixtures imported, once (parents before children: by file name).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../core';
import type { RunningEmulator } from '../emulator';
import { createGraphClient } from '../graph';
import type { GraphClient } from '../graph';
import { provision } from '../lists';
import { FollowUpStore, importPlan, openSite } from '../store';
import { localTeamsManifest } from './app-manifests';
import type { TeamsManifest } from './app-manifests';
import { DEFAULT_SITE } from './options';
import { getSite, permissionFor } from './site-access';

const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURE_DIR = path.resolve(ROOT, 'test', 'fixtures', 'plans');

/** The notify job's application permissions (docs/deploy.md), on top of a write grant on the site. */
export const JOB_APP_ROLES: readonly string[] = ['Sites.Selected', 'TeamsActivity.Send', 'User.Read.All', 'TeamsAppInstallation.ReadWriteForUser.All'];

export function readPlanFixtures(dir = FIXTURE_DIR): Array<{ file: string; doc: PlanDocument }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, doc: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as PlanDocument }));
}

/** A document's people as the emulator's directory registers them (`POST /_dev/users`). */
export function directoryEntries(doc: PlanDocument): Array<{ upn: string; displayName: string; managerUpn?: string }> {
  return (doc.people ?? []).map((p) => ({ upn: p.upn, displayName: p.displayName, ...(p.managerUpn ? { managerUpn: p.managerUpn } : {}) }));
}

export function registerDocumentPeople(emulator: Pick<RunningEmulator, 'registerUsers'>, doc: PlanDocument): void {
  const people = directoryEntries(doc);
  if (people.length > 0) emulator.registerUsers(people);
}

/**
 * The Målkoll app as a tenant sets it up: its Entra app (the manifest's webApplicationInfo.id)
 * with the job's permissions and a write grant on the site, and its Teams app in the catalog,
 * by default under the manifest id (what local deep links and installs name). Idempotent.
 */
export async function registerMalkollApp(
  emulator: Pick<RunningEmulator, 'registerApp' | 'registerTeamsApp'>,
  admin: GraphClient,
  manifest: TeamsManifest,
  options: { siteRef?: string; catalogId?: string } = {},
): Promise<string> {
  const appId = manifest.webApplicationInfo?.id;
  if (!appId) throw new Error('Teams-manifestet saknar webApplicationInfo.id: appen som aviseringsjobbet loggar in som.');
  emulator.registerApp({ appId, displayName: 'Målkoll', roles: JOB_APP_ROLES });
  const siteId = (await getSite(admin, options.siteRef ?? DEFAULT_SITE)).id;
  if (!(await permissionFor(admin, siteId, appId))) {
    await admin.post(`/sites/${siteId}/permissions`, { roles: ['write'], grantedToIdentities: [{ application: { id: appId, displayName: 'Målkoll' } }] });
  }
  emulator.registerTeamsApp({ manifest, id: options.catalogId ?? manifest.id });
  return appId;
}

/** Installs the Teams app for each person of the documents who is in the directory (as an app setup policy would). */
export function installForPeople(emulator: Pick<RunningEmulator, 'installTeamsApp'>, docs: readonly PlanDocument[], teamsAppId: string): number {
  let installed = 0;
  for (const upn of new Set(docs.flatMap((doc) => directoryEntries(doc).map((p) => p.upn.toLowerCase())))) {
    try {
      emulator.installTeamsApp(upn, teamsAppId);
      installed += 1;
    } catch {
      // Not in the directory (removed locally): nobody to install for.
    }
  }
  return installed;
}

/**
 * Provisions the lists and sets up the Målkoll app (always: both change nothing when all is
 * right), imports the fixtures on the first start only (a marker file in the data folder
 * remembers that, so data a newcomer changed or deleted is never brought back), and installs the
 * Teams app for everyone in the fixtures. Everyone gets Read on the site: their writes go through
 * the write API (`/api`), which writes as the app.
 */
export async function seedLocalRun(emulator: RunningEmulator, dataDir: string, log: (line: string) => void): Promise<{ appId: string; teamsAppId: string }> {
  const token = emulator.issueToken({ app: true }).access_token;
  const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
  const report = await provision(client, DEFAULT_SITE);
  for (const change of report.changes) log(`  ${change}`);
  for (const drift of report.drift) log(`  Avvikelse: ${drift}`);
  const manifest = localTeamsManifest(ROOT);
  const appId = await registerMalkollApp(emulator, client, manifest);
  // As Målkoll's deployment has it: people read the site, and write only through Målkoll's API.
  emulator.setMemberLevels({ '*': 'read' });
  const fixtures = readPlanFixtures();
  const marker = path.join(dataDir, 'seeded.json');
  if (!existsSync(marker)) {
    const store = new FollowUpStore(client, await openSite(client, DEFAULT_SITE));
    for (const { file, doc } of fixtures) {
      registerDocumentPeople(emulator, doc);
      const result = await importPlan(store, doc);
      log(`  Importerade ${file}: ${result.planKey}, ${result.created} poster`);
    }
    writeFileSync(marker, JSON.stringify({ seededAt: new Date().toISOString() }, null, 2));
  }
  const installed = installForPeople(emulator, fixtures.map((f) => f.doc), manifest.id);
  log(`  Teams-appen Målkoll är installerad för ${installed} personer (${emulator.url}/_dev/installations).`);
  return { appId, teamsAppId: manifest.id };
}
