// JSON batching, POST /$batch (graph-lists.md §7, checklist §12 "$batch").
import type { Emulator, GraphCaller, Json } from './harness';
import {
  createListItemsPath,
  expectErrorEnvelope,
  expectStatus,
  graphClient,
  signInAnna,
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
let items: string;
let relItems: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  g = graphClient(emu, { token: await signInAnna(emu) });
  site = await siteId(g);
  relItems = await createListItemsPath(g, site, {
    displayName: 'Batched',
    columns: [
      { name: 'Key', text: {}, indexed: true },
      { name: 'Score', number: {} },
    ],
  });
  items = relItems;
});

afterAll(async () => {
  await emu.close();
});

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function byId(body: unknown): Map<string, Json> {
  const responses = rec(body, 'batch body')['responses'];
  if (!Array.isArray(responses)) throw new Error(`no responses: ${JSON.stringify(body)}`);
  const m = new Map<string, Json>();
  for (const r of responses) {
    const one = rec(r, 'response');
    m.set(str(one['id'], 'response.id'), one);
  }
  return m;
}

function inner(m: Map<string, Json>, id: string): Json {
  const r = m.get(id);
  if (!r) throw new Error(`no response with id ${id}`);
  return r;
}

async function countKey(key: string): Promise<number> {
  const pages = await g.pages(`${items}?$filter=${q(`fields/Key eq '${key}'`)}`);
  return pages.flatMap((p) => values(p)).length;
}

describe('$batch', () => {
  test('several requests: outer 200, each response with its own status, headers and body', async () => {
    const r = await g.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/sites/${site}` },
        { id: '2', method: 'POST', url: relItems, headers: JSON_HEADERS, body: { fields: { Title: 'from batch', Key: 'b-1', Score: 5 } } },
        { id: '3', method: 'GET', url: `${relItems.slice(1)}?$top=1` },
        { id: '4', method: 'GET', url: `${relItems}/999999` },
        { id: '5', method: 'GET', url: '/me' },
      ],
    });
    expectStatus(r, 200);
    const m = byId(r.body);
    expect(m.size).toBe(5);

    const site1 = inner(m, '1');
    expect(site1['status']).toBe(200);
    expect(rec(site1['body'])['id']).toBe(site);
    const h = rec(site1['headers'], 'inner headers');
    const contentType = Object.entries(h).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    expect(String(contentType)).toMatch(/^application\/json/);

    const created = inner(m, '2');
    expect(created['status']).toBe(201);
    const item = rec(created['body']);
    expect(typeof item['id']).toBe('string');
    expect(rec(item['fields'])['Key']).toBe('b-1');

    const listed = inner(m, '3');
    expect(listed['status']).toBe(200);
    expect(values(listed['body'])).toHaveLength(1);

    const missing = inner(m, '4');
    expect(missing['status']).toBe(404);
    const err = rec(rec(missing['body'])['error'], 'inner error');
    expect(typeof err['code']).toBe('string');
    expect(typeof err['message']).toBe('string');

    expect(inner(m, '5')['status']).toBe(200);
    expect(rec(inner(m, '5')['body'])['userPrincipalName']).toBe('anna@malkoll.test');

    // the batch's create really happened
    expect(await countKey('b-1')).toBe(1);
  });

  test('dependsOn: when the dependency fails, its dependants answer 424 and do not run', async () => {
    const r = await g.post('/$batch', {
      requests: [
        { id: 'a', method: 'GET', url: `${relItems}/999999` },
        { id: 'b', method: 'POST', url: relItems, dependsOn: ['a'], headers: JSON_HEADERS, body: { fields: { Title: 'never', Key: 'b-never' } } },
        { id: 'c', method: 'GET', url: `/sites/${site}`, dependsOn: ['b'] },
      ],
    });
    expectStatus(r, 200);
    const m = byId(r.body);
    expect(inner(m, 'a')['status']).toBe(404);
    expect(inner(m, 'b')['status']).toBe(424);
    expect(inner(m, 'c')['status']).toBe(424);
    expect(await countKey('b-never')).toBe(0);
  });

  test('dependsOn: a successful chain runs in order', async () => {
    const r = await g.post('/$batch', {
      requests: [
        { id: '1', method: 'POST', url: relItems, headers: JSON_HEADERS, body: { fields: { Title: 'chain', Key: 'b-chain', Score: 1 } } },
        { id: '2', method: 'GET', url: `${relItems}?$filter=${q("fields/Key eq 'b-chain'")}`, dependsOn: ['1'] },
      ],
    });
    expectStatus(r, 200);
    const m = byId(r.body);
    expect(inner(m, '1')['status']).toBe(201);
    expect(inner(m, '2')['status']).toBe(200);
    expect(values(inner(m, '2')['body'])).toHaveLength(1);
  });

  test('an inner DELETE answers 204 without a body', async () => {
    const made = await g.post(relItems, { fields: { Title: 'to delete', Key: 'b-del' } });
    expectStatus(made, 201);
    const r = await g.post('/$batch', { requests: [{ id: '1', method: 'DELETE', url: `${relItems}/${str(rec(made.body)['id'])}` }] });
    expectStatus(r, 200);
    const one = inner(byId(r.body), '1');
    expect(one['status']).toBe(204);
    expect(one['body']).toBeUndefined();
    expect(await countKey('b-del')).toBe(0);
  });

  test('20 requests are accepted', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: relItems,
      headers: JSON_HEADERS,
      body: { fields: { Title: `twenty ${i}`, Key: 'b-twenty' } },
    }));
    const r = await g.post('/$batch', { requests });
    expectStatus(r, 200);
    const m = byId(r.body);
    expect(m.size).toBe(20);
    for (const one of m.values()) expect(one['status']).toBe(201);
    expect(await countKey('b-twenty')).toBe(20);
  });

  test('more than 20 requests answer 400 for the whole batch, and nothing runs', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: relItems,
      headers: JSON_HEADERS,
      body: { fields: { Title: 'too many', Key: 'b-21' } },
    }));
    expectErrorEnvelope(await g.post('/$batch', { requests }), 400);
    expect(await countKey('b-21')).toBe(0);
  });

  test('duplicate request ids answer 400 for the whole batch', async () => {
    const r = await g.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '1', method: 'GET', url: `/sites/${site}` },
      ],
    });
    expectErrorEnvelope(r, 400);
  });

  test('a body without a Content-Type header is refused (400)', async () => {
    const r = await g.post('/$batch', {
      requests: [{ id: '1', method: 'POST', url: relItems, body: { fields: { Title: 'no ct', Key: 'b-noct' } } }],
    });
    if (r.status === 200) expect(inner(byId(r.body), '1')['status']).toBe(400);
    else expectErrorEnvelope(r, 400);
    expect(await countKey('b-noct')).toBe(0);
  });

  test('request ids are not case-sensitive: "A" and "a" are duplicates (400)', async () => {
    const r = await g.post('/$batch', {
      requests: [
        { id: 'A', method: 'GET', url: '/me' },
        { id: 'a', method: 'GET', url: `/sites/${site}` },
      ],
    });
    expectErrorEnvelope(r, 400);
  });

  test('an inner content-type header in lower case is accepted', async () => {
    const r = await g.post('/$batch', {
      requests: [{ id: '1', method: 'POST', url: relItems, headers: { 'content-type': 'application/json' }, body: { fields: { Title: 'lc', Key: 'b-lc' } } }],
    });
    expectStatus(r, 200);
    expect(inner(byId(r.body), '1')['status']).toBe(201);
  });

  test('a malformed batch (no requests array) answers 400', async () => {
    expectErrorEnvelope(await g.post('/$batch', { nope: [] }), 400);
  });

  test('inner requests are authorised by the batch token; without one the batch answers 401', async () => {
    const anon = graphClient(emu);
    const r = await anon.post('/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }] });
    expectErrorEnvelope(r, 401);
  });
});
