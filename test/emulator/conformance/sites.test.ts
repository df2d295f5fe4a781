// Sites: addressing by root, hostname, server-relative path and composite id (graph-lists.md §1).
import type { Emulator, GraphCaller } from './harness';
import { GUID_RE, SITE_PATH, expectErrorEnvelope, expectStatus, graphClient, rec, signInAnna, startTestEmulator, str } from './harness';

let emu: Emulator;
let g: GraphCaller;

beforeAll(async () => {
  emu = await startTestEmulator();
  g = graphClient(emu, { token: await signInAnna(emu) });
});

afterAll(async () => {
  await emu.close();
});

function compositeParts(id: string): string[] {
  const parts = id.split(',');
  expect(parts).toHaveLength(3);
  expect(parts[0]).toBe('localhost');
  expect(parts[1]).toMatch(GUID_RE);
  expect(parts[2]).toMatch(GUID_RE);
  return parts;
}

describe('sites', () => {
  test('GET /sites/root answers 200 with a three-part composite id', async () => {
    const r = await g.get('/sites/root');
    expectStatus(r, 200);
    const site = rec(r.body);
    compositeParts(str(site['id']));
    expect(typeof site['webUrl']).toBe('string');
    expect(typeof site['displayName']).toBe('string');
  });

  test('GET /sites/{hostname} is the root site', async () => {
    const root = rec((await g.get('/sites/root')).body);
    const r = await g.get('/sites/localhost');
    expectStatus(r, 200);
    expect(rec(r.body)['id']).toBe(root['id']);
  });

  test('the default site exists by path, by composite id (same id), and with the commas encoded', async () => {
    const byPath = await g.get(SITE_PATH);
    expectStatus(byPath, 200);
    const site = rec(byPath.body);
    const id = str(site['id']);
    const parts = compositeParts(id);
    expect(str(site['webUrl'])).toMatch(/\/sites\/malkoll$/);
    const ids = rec(site['sharepointIds'], 'sharepointIds');
    expect(String(ids['siteId']).toLowerCase()).toBe(String(parts[1]).toLowerCase());
    expect(String(ids['webId']).toLowerCase()).toBe(String(parts[2]).toLowerCase());

    const byId = await g.get(`/sites/${id}`);
    expectStatus(byId, 200);
    expect(rec(byId.body)['id']).toBe(id);

    const encoded = await g.get(`/sites/${id.split(',').join('%2C')}`);
    expectStatus(encoded, 200);
    expect(rec(encoded.body)['id']).toBe(id);
  });

  test('the shorter id forms {hostname},{spsite-id} and {spsite-id} resolve to the same site', async () => {
    const id = str(rec((await g.get(SITE_PATH)).body)['id']);
    const [host, siteGuid] = id.split(',');
    const two = await g.get(`/sites/${String(host)},${String(siteGuid)}`);
    expectStatus(two, 200);
    expect(rec(two.body)['id']).toBe(id);
    const one = await g.get(`/sites/${String(siteGuid)}`);
    expectStatus(one, 200);
    expect(rec(one.body)['id']).toBe(id);
  });

  test('a path can be closed with ":" to keep navigating (/sites/{host}:/{path}:/lists)', async () => {
    const r = await g.get(`${SITE_PATH}:/lists`);
    expectStatus(r, 200);
    expect(Array.isArray(rec(r.body)['value'])).toBe(true);
  });

  test('an unknown site path answers 404 in the error envelope', async () => {
    const r = await g.get('/sites/localhost:/sites/does-not-exist');
    expectErrorEnvelope(r, 404);
  });

  test('an unknown composite id answers 404 in the error envelope', async () => {
    const r = await g.get('/sites/localhost,00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000002');
    expectErrorEnvelope(r, 404);
  });
});
