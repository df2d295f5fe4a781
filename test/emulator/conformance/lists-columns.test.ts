// Lists and columns (graph-lists.md §2, checklist §12 "Lists").
import type { Emulator, GraphCaller, Json } from './harness';
import {
  GUID_RE,
  PREFER_NON_INDEXED,
  createList,
  expectErrorEnvelope,
  expectStatus,
  graphClient,
  signInAnna,
  nonIndexedMessage,
  q,
  rec,
  siteId,
  startTestEmulator,
  str,
  values,
} from './harness';

let emu: Emulator;
let g: GraphCaller;
let site: string;
let categories: Json;
let things: Json;
const THINGS_NAME = 'Mål och åtgärder';

beforeAll(async () => {
  emu = await startTestEmulator();
  g = graphClient(emu, { token: await signInAnna(emu) });
  site = await siteId(g);
  categories = await createList(g, site, { displayName: 'Categories', list: { template: 'genericList' } });
  things = await createList(g, site, {
    displayName: THINGS_NAME,
    list: { template: 'genericList' },
    columns: [
      { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Notes', text: { allowMultipleLines: true, textType: 'plain' } },
      { name: 'Score', number: {} },
      { name: 'Active', boolean: {} },
      { name: 'Due', dateTime: { format: 'dateTime' } },
      { name: 'Status', choice: { choices: ['open', 'closed'] } },
      { name: 'Category', lookup: { listId: str(categories['id']), columnName: 'Title' } },
    ],
  });
});

afterAll(async () => {
  await emu.close();
});

function byName(cols: Json[], name: string): Json {
  const c = cols.find((col) => col['name'] === name);
  if (!c) throw new Error(`column ${name} missing from ${JSON.stringify(cols.map((x) => x['name']))}`);
  return c;
}

describe('lists', () => {
  test('POST /sites/{id}/lists answers 201 with a GUID id, displayName and list.template', () => {
    expect(str(things['id'])).toMatch(GUID_RE);
    expect(things['displayName']).toBe(THINGS_NAME);
    expect(rec(things['list'], 'list facet')['template']).toBe('genericList');
    expect(typeof things['createdDateTime']).toBe('string');
  });

  test('GET a list by id and by display name gives the same list', async () => {
    const byId = await g.get(`/sites/${site}/lists/${str(things['id'])}`);
    expectStatus(byId, 200);
    expect(rec(byId.body)['id']).toBe(things['id']);
    expect(rec(byId.body)['displayName']).toBe(THINGS_NAME);

    const byName = await g.get(`/sites/${site}/lists/${encodeURIComponent(THINGS_NAME)}`);
    expectStatus(byName, 200);
    expect(rec(byName.body)['id']).toBe(things['id']);
  });

  test('GET /lists enumerates the lists, and $filter on displayName works', async () => {
    const r = await g.get(`/sites/${site}/lists`);
    expectStatus(r, 200);
    const ids = values(r.body).map((l) => l['id']);
    expect(ids).toEqual(expect.arrayContaining([things['id'], categories['id']]));

    const f = await g.get(`/sites/${site}/lists?$filter=${q("displayName eq 'Categories'")}`);
    expectStatus(f, 200);
    expect(values(f.body).map((l) => l['id'])).toEqual([categories['id']]);
  });

  test('a list created without list.template defaults to genericList with a Title column', async () => {
    const l = await createList(g, site, { displayName: 'Plain' });
    expect(rec(l['list'])['template']).toBe('genericList');
    const cols = values((await g.get(`/sites/${site}/lists/${str(l['id'])}/columns`)).body);
    const title = byName(cols, 'Title');
    expect(rec(title['text'], 'Title.text')['maxLength']).toBe(255);
  });

  test('$filter on the lists collection other than displayName answers 400 invalidRequest', async () => {
    const r = await g.get(`/sites/${site}/lists?$filter=${q("description eq 'x'")}`);
    const err = expectErrorEnvelope(r, 400);
    expect(err['code']).toBe('invalidRequest');
    expect(err['message']).toBe('The provided filter statement is not supported');
  });

  test('GET a list with expand=columns returns its columns in the same call', async () => {
    const r = await g.get(`/sites/${site}/lists/${str(things['id'])}?expand=columns`);
    expectStatus(r, 200);
    const cols = rec(r.body)['columns'];
    if (!Array.isArray(cols)) throw new Error(`no columns in ${r.text}`);
    expect(cols.map((c) => rec(c)['name'])).toEqual(expect.arrayContaining(['Title', 'Code', 'Score', 'Category']));
  });

  test('a second list with the same display name answers 409', async () => {
    expectErrorEnvelope(await g.post(`/sites/${site}/lists`, { displayName: 'Categories' }), 409);
  });

  test('an unknown list answers 404 in the error envelope', async () => {
    expectErrorEnvelope(await g.get(`/sites/${site}/lists/00000000-0000-0000-0000-00000000abcd`), 404);
    expectErrorEnvelope(await g.get(`/sites/${site}/lists/No%20such%20list`), 404);
  });
});

describe('columns', () => {
  test('GET /columns lists Title and every created column with its type facet', async () => {
    const r = await g.get(`/sites/${site}/lists/${str(things['id'])}/columns`);
    expectStatus(r, 200);
    const cols = values(r.body);
    for (const c of cols) {
      expect(typeof c['id']).toBe('string');
      expect(typeof c['name']).toBe('string');
      expect(typeof c['displayName']).toBe('string');
    }
    expect(byName(cols, 'Title')['text']).toBeDefined();

    const code = byName(cols, 'Code');
    expect(code['text']).toBeDefined();
    expect(code['indexed']).toBe(true);
    expect(code['enforceUniqueValues']).toBe(true);

    const notes = byName(cols, 'Notes');
    expect(rec(notes['text'], 'Notes.text')['allowMultipleLines']).toBe(true);

    expect(byName(cols, 'Score')['number']).toBeDefined();
    expect(byName(cols, 'Score')['indexed']).toBe(false);
    expect(byName(cols, 'Active')['boolean']).toBeDefined();
    expect(byName(cols, 'Due')['dateTime']).toBeDefined();
    expect(rec(byName(cols, 'Status')['choice'], 'Status.choice')['choices']).toEqual(['open', 'closed']);
    const lookup = rec(byName(cols, 'Category')['lookup'], 'Category.lookup');
    expect(lookup['listId']).toBe(categories['id']);
    expect(lookup['columnName']).toBe('Title');
  });

  test('POST /columns answers 201 echoing the definition with id and displayName; PATCH indexed answers 200', async () => {
    const listPath = `/sites/${site}/lists/${str(things['id'])}`;
    const created = await g.post(`${listPath}/columns`, { name: 'Region', text: { maxLength: 255 }, indexed: false });
    expectStatus(created, 201);
    const col = rec(created.body);
    expect(col['name']).toBe('Region');
    expect(typeof col['id']).toBe('string');
    expect(typeof col['displayName']).toBe('string');
    expect(col['indexed']).toBe(false);
    expect(col['text']).toBeDefined();

    // Not indexed yet: filtering on it is refused with Graph's exact message.
    const refused = await g.get(`${listPath}/items?$filter=${q("fields/Region eq 'Nord'")}`);
    const err = expectErrorEnvelope(refused, 400);
    expect(err['code']).toBe('invalidRequest');
    expect(err['message']).toBe(nonIndexedMessage('Region'));

    const patched = await g.patch(`${listPath}/columns/${str(col['id'])}`, { indexed: true });
    expectStatus(patched, 200);
    expect(rec(patched.body)['indexed']).toBe(true);
    expect(rec(patched.body)['name']).toBe('Region');

    const got = await g.get(`${listPath}/columns/${str(col['id'])}`);
    expectStatus(got, 200);
    expect(rec(got.body)['indexed']).toBe(true);

    // Indexed now: the same filter runs without the Prefer header.
    const allowed = await g.get(`${listPath}/items?$filter=${q("fields/Region eq 'Nord'")}`);
    expectStatus(allowed, 200);
    expect(values(allowed.body)).toEqual([]);
  });

  test('a second column with the same name answers 409; PATCH of an unknown column answers 404', async () => {
    const listPath = `/sites/${site}/lists/${str(things['id'])}`;
    expectErrorEnvelope(await g.post(`${listPath}/columns`, { name: 'Score', number: {} }), 409);
    expectErrorEnvelope(await g.patch(`${listPath}/columns/00000000-0000-0000-0000-000000000042`, { indexed: true }), 404);
  });

  test('the Prefer header lets a non-indexed filter run', async () => {
    const listPath = `/sites/${site}/lists/${str(things['id'])}`;
    const r = await g.get(`${listPath}/items?$filter=${q('fields/Score gt 1')}`, { ...PREFER_NON_INDEXED });
    expectStatus(r, 200);
  });
});
