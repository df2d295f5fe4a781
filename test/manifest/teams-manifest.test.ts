// The Teams app manifest against the manifest's published JSON schema (v1.29, kept in the project:
// Teams refuses a package that does not validate, and the test must not depend on the network).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { ACTIVITY_TYPES, TAB_ENTITY_ID } from '../../src/core';

const dir = path.resolve(__dirname, '..', '..', 'manifest', 'teams');
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

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
  const manifest = read('manifest.json') as unknown as Manifest;

  it('validates against the published v1.29 schema', () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.$schema).toContain('/v1.29/');
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

  it('declares the two overdue activity types with Swedish templates', () => {
    const types = Object.fromEntries(manifest.activities.activityTypes.map((t) => [t.type, t.templateText]));
    expect(types).toEqual({
      actionOverdue: '{actionTitle} är försenad med {daysOverdue} dagar',
      actionsOverdue: '{count} åtgärder är försenade, mest: {actionTitle}',
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
