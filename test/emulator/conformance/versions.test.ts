// List item versions (graph-lists.md §6, checklist §12 "Versions").
import type { Emulator, GraphCaller } from './harness';
import {
  createItem,
  createListItemsPath,
  expectErrorEnvelope,
  expectStatus,
  graphClient,
  rec,
  siteId,
  startTestEmulator,
  str,
  tokenFor,
  values,
} from './harness';

let emu: Emulator;
let g: GraphCaller;
let items: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.registerUsers([
    { upn: 'anna@malkoll.test', displayName: 'Anna Andersson' },
    { upn: 'bo@malkoll.test', displayName: 'Bo Berg' },
  ]);
  g = graphClient(emu, { token: await tokenFor(emu, { upn: 'anna@malkoll.test' }) });
  const site = await siteId(g);
  items = await createListItemsPath(g, site, { displayName: 'Versioned', columns: [{ name: 'Score', number: {} }, { name: 'Note', text: {} }] });
});

afterAll(async () => {
  await emu.close();
});

describe('items/{id}/versions', () => {
  test('after two updates: three versions, newest first, each with its own fields', async () => {
    const made = await createItem(g, items, { Title: 'v', Score: 1, Note: 'one' });
    const id = str(made['id']);
    expectStatus(await g.patch(`${items}/${id}/fields`, { Score: 2 }), 200);
    const bo = graphClient(emu, { token: await tokenFor(emu, { upn: 'bo@malkoll.test' }) });
    expectStatus(await bo.patch(`${items}/${id}/fields`, { Score: 3, Note: 'three' }), 200);

    const r = await g.get(`${items}/${id}/versions?$expand=fields`);
    expectStatus(r, 200);
    const vs = values(r.body);
    expect(vs.map((v) => v['id'])).toEqual(['3.0', '2.0', '1.0']);
    for (const v of vs) {
      expect(Number.isNaN(Date.parse(str(v['lastModifiedDateTime'])))).toBe(false);
      expect(typeof rec(rec(v['lastModifiedBy'], 'lastModifiedBy')['user'], 'lastModifiedBy.user')['displayName']).toBe('string');
    }
    const [v3, v2, v1] = vs;
    expect(rec(rec(v3)['lastModifiedBy'])['user']).toMatchObject({ displayName: 'Bo Berg' });
    expect(rec(rec(v1)['lastModifiedBy'])['user']).toMatchObject({ displayName: 'Anna Andersson' });
    expect(rec(rec(v3)['fields'], 'v3.fields')).toMatchObject({ Score: 3, Note: 'three' });
    expect(rec(rec(v2)['fields'], 'v2.fields')).toMatchObject({ Score: 2, Note: 'one' });
    expect(rec(rec(v1)['fields'], 'v1.fields')).toMatchObject({ Score: 1, Note: 'one', Title: 'v' });
    // newest first also in time
    const times = vs.map((v) => Date.parse(str(v['lastModifiedDateTime'])));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  test('without $expand=fields a version carries no values; $expand=fields($select=…) limits them', async () => {
    // listitem-list-versions.md shows only id, lastModifiedBy, lastModifiedDateTime; `fields` is a
    // relationship of listItemVersion (resources/listitemversion.md), expanded on request.
    const made = await createItem(g, items, { Title: 'bare', Score: 4, Note: 'n' });
    const id = str(made['id']);
    expectStatus(await g.patch(`${items}/${id}/fields`, { Score: 5 }), 200);
    const bare = values((await g.get(`${items}/${id}/versions`)).body);
    expect(bare.map((v) => v['id'])).toEqual(['2.0', '1.0']);
    for (const v of bare) expect(v).not.toHaveProperty('fields');
    const selected = values((await g.get(`${items}/${id}/versions?$expand=fields($select=Score)`)).body);
    expect(selected.map((v) => rec(v['fields'], 'fields'))).toEqual([
      { '@odata.etag': expect.any(String), Score: 5 },
      { '@odata.etag': expect.any(String), Score: 4 },
    ]);
  });

  test('a new item has one version, 1.0', async () => {
    const made = await createItem(g, items, { Title: 'fresh', Score: 9 });
    const r = await g.get(`${items}/${str(made['id'])}/versions`);
    expectStatus(r, 200);
    expect(values(r.body).map((v) => v['id'])).toEqual(['1.0']);
  });

  test('versions of a missing item answer 404', async () => {
    expectErrorEnvelope(await g.get(`${items}/999999/versions`), 404);
  });
});
