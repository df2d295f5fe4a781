/** @jest-environment jsdom */
// manifest/excel/manifest.xml against the add-in manifest schema's required structure
// (OfficeApp, TaskPaneApp; elements in the schema's order; resource ids that resolve).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestForOrigin } from '../../src/addin/manifest-origin';
import { excelManifestFor } from '../../src/cli/app-manifests';
import { buildTarget, tenantConfig } from '../../src/cli/web-build';

const OFFICE_APP_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const xml = readFileSync(path.join(__dirname, '..', '..', 'manifest', 'excel', 'manifest.xml'), 'utf8');

/** The schema's sequence for a TaskPaneApp (OfficeApp base type + TaskPaneApp extension); `true` = required. */
const SEQUENCE: ReadonlyArray<readonly [string, boolean]> = [
  ['Id', true],
  ['AlternateId', false],
  ['Version', true],
  ['ProviderName', true],
  ['DefaultLocale', true],
  ['DisplayName', true],
  ['Description', true],
  ['IconUrl', false],
  ['HighResolutionIconUrl', false],
  ['SupportUrl', false],
  ['AppDomains', false],
  ['Hosts', false],
  ['Requirements', false],
  ['DefaultSettings', true],
  ['Permissions', true],
  ['Dictionary', false],
  ['VersionOverrides', false],
];

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent ?? ''}`);
  return doc;
}

function children(element: Element): Element[] {
  return Array.from(element.children);
}

function checkManifest(doc: Document): void {
  const root = doc.documentElement;
  expect(root.localName).toBe('OfficeApp');
  expect(root.namespaceURI).toBe(OFFICE_APP_NS);
  expect(root.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');

  // Order and presence as the schema's sequence requires.
  const names = children(root).map((e) => e.localName);
  let position = 0;
  for (const name of names) {
    const at = SEQUENCE.findIndex(([n], i) => i >= position && n === name);
    expect({ element: name, known: at >= 0 }).toEqual({ element: name, known: true });
    position = at + 1;
  }
  for (const [name, required] of SEQUENCE) if (required) expect(names).toContain(name);

  const one = (name: string) => {
    const found = children(root).find((e) => e.localName === name);
    if (!found) throw new Error(`${name} missing`);
    return found;
  };
  expect(one('Id').textContent?.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(one('Version').textContent?.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  expect(one('DefaultLocale').textContent?.trim()).toMatch(/^[a-z]{2}-[A-Z]{2}$/);
  expect((one('DisplayName').getAttribute('DefaultValue') ?? '').length).toBeGreaterThan(0);
  expect((one('DisplayName').getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
  expect((one('Description').getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
  expect(['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument']).toContain(one('Permissions').textContent?.trim());
  const hosts = Array.from(one('Hosts').getElementsByTagNameNS(OFFICE_APP_NS, 'Host')).map((h) => h.getAttribute('Name'));
  expect(hosts).toEqual(['Workbook']);
  const source = one('DefaultSettings').getElementsByTagNameNS(OFFICE_APP_NS, 'SourceLocation')[0]?.getAttribute('DefaultValue') ?? '';
  expect(source).toMatch(/^https:\/\/[^/]+\/addin\/taskpane\.html$/);

  // Every URL is https, and every resid used in VersionOverrides is defined in its Resources.
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const value = element.getAttribute('DefaultValue') ?? '';
    if (/Url$|SourceLocation|Image$/.test(element.localName) && value !== '') expect(value).toMatch(/^https:\/\//);
  }
  const overrides = one('VersionOverrides');
  expect(overrides.namespaceURI).toBe(OVERRIDES_NS);
  expect(overrides.getAttributeNS(XSI, 'type')).toBe('VersionOverridesV1_0');
  const defined = new Set(Array.from(overrides.getElementsByTagName('*')).filter((e) => e.namespaceURI === BT && e.hasAttribute('id')).map((e) => e.getAttribute('id')));
  const used = Array.from(overrides.getElementsByTagName('*')).flatMap((e) => (e.hasAttribute('resid') ? [e.getAttribute('resid') ?? ''] : []));
  expect(used.length).toBeGreaterThan(0);
  for (const id of used) {
    expect(defined.has(id)).toBe(true);
    expect(id.length).toBeLessThanOrEqual(32);
  }
  const action = overrides.getElementsByTagNameNS(OVERRIDES_NS, 'Action')[0];
  expect(action?.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
}

test('the manifest has the structure the add-in manifest schema requires', () => {
  checkManifest(parse(xml));
});

test('the manifest for the deployed site differs only in its origin and keeps the structure', () => {
  const deployed = manifestForOrigin(xml, 'https://malkoll.region.example');
  expect(deployed).not.toContain('localhost');
  checkManifest(parse(deployed));
  expect(deployed.replace(/https:\/\/malkoll\.region\.example/g, 'https://localhost:3000')).toBe(xml);
  expect(() => manifestForOrigin(xml, 'http://malkoll.region.example')).toThrow(/https/);
});

test('the build makes the manifest for the deployed origin from the environment, and keeps localhost locally', () => {
  const root = path.join(__dirname, '..', '..');
  expect(excelManifestFor(root, undefined)).toBe(xml);
  const target = buildTarget({ MALKOLL_WEB_ORIGIN: 'https://gentle-field-0a1b2c3d4.5.azurestaticapps.net/' });
  if (target.kind !== 'deployed') throw new Error('MALKOLL_WEB_ORIGIN must select a deployed build');
  expect(target.values).toMatchObject({ TAB_ENDPOINT: 'https://gentle-field-0a1b2c3d4.5.azurestaticapps.net', TAB_DOMAIN: 'gentle-field-0a1b2c3d4.5.azurestaticapps.net' });
  const deployed = excelManifestFor(root, target.origin);
  checkManifest(parse(deployed));
  expect(deployed).toContain('<SourceLocation DefaultValue="https://gentle-field-0a1b2c3d4.5.azurestaticapps.net/addin/taskpane.html"/>');
  expect(deployed).not.toContain('localhost');
  expect(buildTarget({}).kind).toBe('local');
  expect(() => buildTarget({ MALKOLL_WEB_ORIGIN: 'http://malkoll.region.example' })).toThrow(/https/);
});

test('the deployed build writes a tenant config.json the app accepts, or refuses to build', () => {
  const values = { MALKOLL_SITE: 'region.sharepoint.com:/sites/malkoll', AAD_APP_CLIENT_ID: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', AAD_APP_TENANT_ID: '6d1f1c59-6f4b-4a6e-9a55-6d616c6b6f6c', TAB_DOMAIN: 'malkoll.region.example', API_ENDPOINT: 'https://malkoll-notify.azurewebsites.net' };
  expect(tenantConfig(values)).toEqual({
    mode: 'tenant',
    graphUrl: 'https://graph.microsoft.com/v1.0',
    siteRef: values.MALKOLL_SITE,
    clientId: values.AAD_APP_CLIENT_ID,
    tenantId: values.AAD_APP_TENANT_ID,
    apiUrl: 'https://malkoll-notify.azurewebsites.net/api',
    apiScope: `${values.AAD_APP_CLIENT_ID}/access_as_user`,
  });
  expect(() => tenantConfig({ ...values, AAD_APP_CLIENT_ID: '' })).toThrow(/clientId/);
  expect(() => tenantConfig({ ...values, API_ENDPOINT: '' })).toThrow(/API_ENDPOINT/);
  expect(() => tenantConfig({ ...values, API_ENDPOINT: 'http://malkoll-notify.azurewebsites.net' })).toThrow(/https/);
});
