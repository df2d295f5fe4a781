// The Teams app manifest against the manifest's published JSON schema (v1.29, kept in the project:
// Teams refuses a package that does not validate, and the test must not depend on the network).
// The manifest is a template: its ids, domains and URLs are the Agents Toolkit's ${{…}} variables,
// filled from env/.env.local for the local run and from the toolkit's environment when deployed.
// Both fillings must validate.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { localTeamsManifest, teamsManifest } from '../../src/cli/app-manifests';
import { placeholdersIn } from '../../src/cli/env-file';
import { buildTarget, buildTeamsPackage } from '../../src/cli/web-build';
import { ACTIVITY_TYPES, TAB_ENTITY_ID } from '../../src/core';

const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, 'manifest', 'teams');
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

/** What `atk provision` leaves in env/.env.dev, as far as the manifest reads it. */
const DEPLOYED = buildTarget({
  MALKOLL_WEB_ORIGIN: 'https://gentle-field-0a1b2c3d4.5.azurestaticapps.net',
  TEAMS_APP_ID: '0f9e8d7c-6b5a-4948-8372-615a4b3c2d1e',
  AAD_APP_CLIENT_ID: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
}).values;

function validator() {
  // The schema is draft-04 by its $schema; Ajv 8 speaks the later drafts, which read every keyword
  // this schema uses the same way. The stored file stays exactly as published.
  const { $schema: _draft, ...schema } = read('schema/MicrosoftTeams.v1.29.schema.json');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(path.join(dir, file));
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

interface Manifest {
  manifestVersion: string;
  $schema: string;
  icons: { color: string; outline: string };
  staticTabs: Array<{ entityId: string; scopes: string[]; contentUrl: string }>;
  configurableTabs: Array<{ scopes: string[]; configurationUrl: string }>;
  webApplicationInfo: { id: string };
  activities: { activityTypes: Array<{ type: string; templateText: string }> };
}

describe('Teams app manifest', () => {
  const manifest = localTeamsManifest(root) as unknown as Manifest;
  const deployed = teamsManifest(root, DEPLOYED) as unknown as Manifest & { validDomains: string[]; id: string };

  it('validates against the published v1.29 schema, filled for the local run and for a deployment', () => {
    const validate = validator();
    for (const filled of [manifest, deployed]) {
      const ok = validate(filled);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.$schema).toContain('/v1.29/');
  });

  it('takes its ids, valid domains, Entra app and content URLs from the environment', () => {
    const template = read('manifest.json') as unknown as Manifest & { id: string; validDomains: string[] };
    expect(template.id).toBe('${{TEAMS_APP_ID}}');
    expect(template.validDomains).toEqual(['${{TAB_DOMAIN}}']);
    expect(template.webApplicationInfo.id).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(template.staticTabs[0]?.contentUrl).toMatch(/^\$\{\{TAB_ENDPOINT\}\}\//);
    expect(template.configurableTabs[0]?.configurationUrl).toMatch(/^\$\{\{TAB_ENDPOINT\}\}\//);
    const text = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    expect(text).not.toMatch(/example\.se|localhost/);
    expect(placeholdersIn(text).sort()).toEqual(['AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID']);
    // Filled for a deployment, every URL is on the deployed origin and nothing local is left.
    expect(deployed.id).toBe(DEPLOYED.TEAMS_APP_ID);
    expect(deployed.validDomains).toEqual(['gentle-field-0a1b2c3d4.5.azurestaticapps.net']);
    expect(deployed.staticTabs[0]?.contentUrl).toMatch(/^https:\/\/gentle-field-0a1b2c3d4\.5\.azurestaticapps\.net\/index\.html\?/);
    expect(JSON.stringify(deployed)).not.toContain('localhost');
  });

  it('refuses to fill a variable without a value, naming it', () => {
    expect(() => teamsManifest(root, { ...DEPLOYED, AAD_APP_CLIENT_ID: '' })).toThrow(/AAD_APP_CLIENT_ID/);
  });

  it('goes into the app package filled, with both icons', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'malkoll-teams-')), 'teams-app.zip');
    await buildTeamsPackage(out, DEPLOYED);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packaged = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as { id: string };
    expect(packaged.id).toBe(DEPLOYED.TEAMS_APP_ID);
  });

  it('is refused by the schema when broken (the check bites)', () => {
    const validate = validator();
    expect(validate({ ...manifest, manifestVersion: '1.7' })).toBe(false);
    expect(validate({ ...manifest, configurableTabs: [{ ...manifest.configurableTabs[0], scopes: ['personal'] }] })).toBe(false);
  });

  it('has a personal static tab, a configurable channel tab and an Entra app for sign-in', () => {
    expect(manifest.staticTabs.some((t) => t.scopes.includes('personal'))).toBe(true);
    expect(manifest.configurableTabs[0]?.scopes).toContain('team');
    expect(manifest.configurableTabs[0]?.configurationUrl).toContain('view=config');
    expect(manifest.webApplicationInfo.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('declares the overdue, the reminder and the send-back activity types with Swedish templates', () => {
    const types = Object.fromEntries(manifest.activities.activityTypes.map((t) => [t.type, t.templateText]));
    expect(types).toEqual({
      actionOverdue: '{actionTitle} är försenad med {daysOverdue} dagar',
      actionsOverdue: '{count} åtgärder är försenade, mest: {actionTitle}',
      itemsOverdue: '{items} är försenade, mest: {actionTitle}',
      reportingDue: 'Inte klart i {planTitle}: {items}, {when}',
      reportingLate: 'Inte klart hos {people}: {items} i {planTitle}, {when}',
      entryReturned: '{by} skickade tillbaka {itemTitle}: {comment}',
    });
  });

  it('has the one static tab the deep links name', () => {
    expect(manifest.staticTabs).toHaveLength(1);
    expect(manifest.staticTabs[0]?.entityId).toBe(TAB_ENTITY_ID);
  });

  it('declares the activity types the job sends and the tab shows, with the same text', () => {
    const types = Object.fromEntries(manifest.activities.activityTypes.map((t) => [t.type, t.templateText]));
    expect(types).toEqual(Object.fromEntries(Object.entries(ACTIVITY_TYPES).map(([type, t]) => [type, t.templateText])));
  });

  it('ships icons of the sizes Teams requires', () => {
    expect(pngSize(manifest.icons.color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(manifest.icons.outline)).toEqual({ width: 32, height: 32 });
  });
});
