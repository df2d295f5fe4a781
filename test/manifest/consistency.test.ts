// What the code uses and what the manifests declare must agree, or Teams refuses on the first day:
// the client id the tab signs in with is the manifest's webApplicationInfo.id (the app Teams also
// accepts notifications from), the scopes asked for are the ones declared (and the ones the
// emulator's delegated tokens carry), and the activity types sent are the ones declared.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GRAPH_SCOPES } from '../../src/auth';
import { teamsManifest } from '../../src/cli/app-manifests';
import { buildTarget, tenantConfig } from '../../src/cli/web-build';
import { ACTIVITY_TYPES } from '../../src/core';
import { FRONT_END_SCOPES } from '../../src/emulator/auth/tokens';

const root = path.resolve(__dirname, '..', '..');

interface Manifest {
  webApplicationInfo: { id: string; nestedAppAuthInfo: Array<{ scopes: string[] }> };
  activities: { activityTypes: Array<{ type: string; templateText: string }> };
}

const DEPLOYED = buildTarget({
  MALKOLL_WEB_ORIGIN: 'https://gentle-field-0a1b2c3d4.5.azurestaticapps.net',
  API_ENDPOINT: 'https://malkollx7-notify.azurewebsites.net',
  TEAMS_APP_ID: '0f9e8d7c-6b5a-4948-8372-615a4b3c2d1e',
  AAD_APP_CLIENT_ID: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  AAD_APP_TENANT_ID: '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c',
  MALKOLL_SITE: 'contoso.sharepoint.com:/sites/malkoll',
}).values;

test("the tab's client id is the manifest's webApplicationInfo.id", () => {
  const manifest = teamsManifest(root, DEPLOYED) as unknown as Manifest;
  expect(tenantConfig(DEPLOYED).clientId).toBe(manifest.webApplicationInfo.id);
  expect(manifest.webApplicationInfo.id).toBe('1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d');
});

test('the scopes the front ends ask for are the declared ones, and the ones the emulator grants', () => {
  const manifest = teamsManifest(root, DEPLOYED) as unknown as Manifest;
  // One prefetched token per resource: Graph (reads) and the write API (saves).
  expect(manifest.webApplicationInfo.nestedAppAuthInfo.map((n) => n.scopes)).toEqual([[...GRAPH_SCOPES], [tenantConfig(DEPLOYED).apiScope]]);
  expect([...FRONT_END_SCOPES]).toEqual([...GRAPH_SCOPES]);
});

test('the activity types the notify job sends are exactly the declared ones, with the same parameters', () => {
  const manifest = teamsManifest(root, DEPLOYED) as unknown as Manifest;
  const declared = Object.fromEntries(manifest.activities.activityTypes.map((t) => [t.type, t.templateText]));
  expect(declared).toEqual(Object.fromEntries(Object.entries(ACTIVITY_TYPES).map(([type, t]) => [type, t.templateText])));
  // Every activity type the job's code names is declared.
  const jobSource = ['compose.ts', 'message.ts'].map((f) => readFileSync(path.join(root, 'src', 'jobs', 'notify', f), 'utf8')).join('\n');
  const named = [...jobSource.matchAll(/activityType:\s*'(\w+)'/g)].map((m) => m[1]);
  for (const type of named) expect(Object.keys(declared)).toContain(type);
});
