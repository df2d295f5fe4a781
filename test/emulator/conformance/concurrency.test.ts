// Concurrency: If-Match races and unique-value races, over real concurrent HTTP requests
// (graph-lists.md §4 "eTag format and If-Match"; ARCHITECTURE: existence check, eTag comparison and
// write in one transaction). The research notes record no Graph body for a unique-value clash; the
// brief's expectation (409) is asserted.
import type { Emulator, GraphCaller } from './harness';
import {
  createItem,
  createListItemsPath,
  etagVersion,
  expectErrorEnvelope,
  expectStatus,
  field,
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
let items: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  g = graphClient(emu, { token: await signInAnna(emu) });
  const site = await siteId(g);
  items = await createListItemsPath(g, site, {
    displayName: 'Races',
    columns: [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Value', number: {} },
    ],
  });
});

afterAll(async () => {
  await emu.close();
});

async function countKey(key: string): Promise<number> {
  const pages = await g.pages(`${items}?$filter=${q(`fields/Key eq '${key}'`)}`);
  return pages.flatMap((p) => values(p)).length;
}

describe('If-Match races', () => {
  test('two concurrent PATCHes with the same eTag: exactly one 200 and one 412', async () => {
    for (let round = 0; round < 5; round += 1) {
      const made = await createItem(g, items, { Title: 'race', Key: `patch-${round}`, Value: 0 });
      const id = str(made['id']);
      const etag = str(made['eTag']);
      const [a, b] = await Promise.all([
        g.patch(`${items}/${id}/fields`, { Value: 1 }, { 'If-Match': etag }),
        g.patch(`${items}/${id}/fields`, { Value: 2 }, { 'If-Match': etag }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const loser = a.status === 412 ? a : b;
      const winner = a.status === 200 ? a : b;
      expectErrorEnvelope(loser, 412);
      const now = await g.get(`${items}/${id}?$expand=fields`);
      expect(etagVersion(rec(now.body)['eTag'])).toBe(2);
      expect(field(now.body, 'Value')).toBe(rec(winner.body)['Value']);
    }
  });

  test('a PATCH and a DELETE with the same eTag: exactly one wins', async () => {
    const made = await createItem(g, items, { Title: 'race', Key: 'patch-delete', Value: 0 });
    const id = str(made['id']);
    const etag = str(made['eTag']);
    const [p, d] = await Promise.all([
      g.patch(`${items}/${id}/fields`, { Value: 1 }, { 'If-Match': etag }),
      g.del(`${items}/${id}`, { 'If-Match': etag }),
    ]);
    const ok = [p.status === 200, d.status === 204].filter(Boolean).length;
    expect(ok).toBe(1);
    if (p.status === 200) expectErrorEnvelope(d, 412);
    else expect([404, 412]).toContain(p.status);
  });
});

describe('unique-value races', () => {
  test('two concurrent creates with the same unique value: exactly one 201 and one 409', async () => {
    for (let round = 0; round < 5; round += 1) {
      const key = `dup-${round}`;
      const [a, b] = await Promise.all([
        g.post(items, { fields: { Title: 'a', Key: key } }),
        g.post(items, { fields: { Title: 'b', Key: key } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expectErrorEnvelope(a.status === 409 ? a : b, 409);
      expect(await countKey(key)).toBe(1);
    }
  });

  test('a create with a value already taken answers 409 and creates nothing', async () => {
    await createItem(g, items, { Title: 'first', Key: 'taken' });
    expectErrorEnvelope(await g.post(items, { fields: { Title: 'second', Key: 'taken' } }), 409);
    expect(await countKey('taken')).toBe(1);
  });

  test('an update to a value already taken answers 409 and changes nothing', async () => {
    await createItem(g, items, { Title: 'x', Key: 'k-one' });
    const two = await createItem(g, items, { Title: 'y', Key: 'k-two' });
    const r = await g.patch(`${items}/${str(two['id'])}/fields`, { Key: 'k-one' });
    expectErrorEnvelope(r, 409);
    const now = await g.get(`${items}/${str(two['id'])}?$expand=fields`);
    expectStatus(now, 200);
    expect(field(now.body, 'Key')).toBe('k-two');
    expect(etagVersion(rec(now.body)['eTag'])).toBe(1);
  });

  test('many concurrent creates with distinct values all succeed with distinct ids', async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => g.post(items, { fields: { Title: 'many', Key: `many-${i}` } })));
    for (const r of rs) expectStatus(r, 201);
    const ids = rs.map((r) => str(rec(r.body)['id']));
    expect(new Set(ids).size).toBe(20);
  });
});
