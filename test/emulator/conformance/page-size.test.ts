// Page sizes without the test override: default 200 per page, $top capped at 5,000
// (graph-lists.md §3 "$top, page size and paging", checklist §12 "Query").
import type { Emulator, GraphCaller } from './harness';
import { createListItemsPath, expectStatus, graphClient, rec, siteId, startTestEmulator, str, tokenFor, values } from './harness';

const N = 5_001;
let emu: Emulator;
let g: GraphCaller;
let items: string;

beforeAll(async () => {
  // No defaultPageSize: the emulator's own default applies.
  emu = await startTestEmulator({ defaultPageSize: undefined });
  g = graphClient(emu, { token: await tokenFor(emu, { app: true }) });
  const site = await siteId(g);
  items = await createListItemsPath(g, site, { displayName: 'Big', columns: [{ name: 'Serial', number: {}, indexed: true }] });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < N) {
      const from = next;
      next = Math.min(N, next + 20);
      const requests = [];
      for (let i = from; i < next; i += 1) {
        requests.push({ id: String(i - from + 1), method: 'POST', url: items, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: `b${i}`, Serial: i } } });
      }
      const r = await g.post('/$batch', { requests });
      expectStatus(r, 200);
      const responses = rec(r.body)['responses'];
      if (!Array.isArray(responses)) throw new Error('no responses');
      for (const one of responses) if (rec(one)['status'] !== 201) throw new Error(`step failed: ${JSON.stringify(one)}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}, 120_000);

afterAll(async () => {
  await emu.close();
});

describe('page sizes', () => {
  test('without $top a page holds 200 items', async () => {
    const r = await g.get(items);
    expectStatus(r, 200);
    expect(values(r.body)).toHaveLength(200);
    expect(typeof rec(r.body)['@odata.nextLink']).toBe('string');
  });

  test('$top=5000 is served as asked; a larger $top is served in pages of 5000', async () => {
    const at = await g.pages(`${items}?$top=5000&$select=id`);
    expect(at.map((p) => values(p).length)).toEqual([5000, 1]);
    const above = await g.get(`${items}?$top=6000&$select=id`);
    expectStatus(above, 200);
    expect(values(above.body)).toHaveLength(5000);
    expect(typeof rec(above.body)['@odata.nextLink']).toBe('string');
  });

  test('every item is read exactly once across default-size pages', async () => {
    const pages = await g.pages(`${items}?$select=id`);
    expect(pages).toHaveLength(Math.ceil(N / 200));
    const ids = pages.flatMap((p) => values(p)).map((it) => str(it['id']));
    expect(new Set(ids).size).toBe(N);
  });
});
