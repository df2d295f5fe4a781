// Querying list items: $filter, $orderby, $top, $select, paging, the non-indexed rule
// (graph-lists.md §3, checklist §12 "Query").
import type { Emulator, GraphCaller, Json } from './harness';
import {
  PREFER_NON_INDEXED,
  createItem,
  createList,
  expectErrorEnvelope,
  expectStatus,
  field,
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

const N = 13; // with a page size of 5: pages of 5, 5 and 3
let emu: Emulator;
let g: GraphCaller;
let listPath: string;
let items: string;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

beforeAll(async () => {
  emu = await startTestEmulator({ defaultPageSize: 5 });
  g = graphClient(emu, { token: await signInAnna(emu) });
  const site = await siteId(g);
  const list = await createList(g, site, {
    displayName: 'Query',
    columns: [
      { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Score', number: {}, indexed: true },
      { name: 'Rank', number: {} },
      { name: 'Name', text: {} },
      { name: 'Status', choice: { choices: ['open', 'closed'] } },
      { name: 'Active', boolean: {} },
      { name: 'Due', dateTime: {} },
    ],
  });
  listPath = `/sites/${site}/lists/${str(list['id'])}`;
  items = `${listPath}/items`;
  for (let i = 1; i <= N; i += 1) {
    await createItem(g, items, {
      Title: `Item ${i}`,
      Code: `Q-${pad(i)}`,
      Score: i,
      Rank: N + 1 - i,
      Name: i === N ? `O'Brien-${i}` : i <= 5 ? `alpha-${i}` : `beta-${i}`,
      Status: i % 2 === 0 ? 'closed' : 'open',
      Active: i % 3 === 0,
      Due: `2025-01-${pad(i)}T00:00:00Z`,
    });
  }
});

afterAll(async () => {
  await emu.close();
});

/** All pages of `items?{query}&$expand=fields($select=Score)`; returns the Score of each item in order. */
async function scores(query: string, headers?: Record<string, string>): Promise<number[]> {
  const sep = query ? '&' : '';
  const pages = await g.pages(`${items}?${query}${sep}$expand=fields($select=Score)`, headers);
  return pages.flatMap((p) => values(p)).map((it) => Number(field(it, 'Score')));
}

function sorted(xs: number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}

describe('$filter on an indexed column', () => {
  test.each([
    ['fields/Score eq 3', [3]],
    ['fields/Score ne 3', range(1, N).filter((x) => x !== 3)],
    ['fields/Score lt 3', [1, 2]],
    ['fields/Score gt 11', [12, 13]],
    ['fields/Score le 3', [1, 2, 3]],
    ['fields/Score ge 12', [12, 13]],
    ['fields/Score ge 3 and fields/Score le 5', [3, 4, 5]],
    ['fields/Score lt 2 or fields/Score gt 12', [1, 13]],
    ['(fields/Score lt 3 or fields/Score gt 11) and fields/Score ne 12', [1, 2, 13]],
    ['fields/Score ge 2 and (fields/Score eq 3 or fields/Score eq 5)', [3, 5]],
    ['fields/Score eq 2 or fields/Score eq 4 and fields/Score eq 5', [2]],
    ["startswith(fields/Code,'Q-1')", [10, 11, 12, 13]],
    ["fields/Code eq 'Q-07'", [7]],
    ["id eq '4'", [4]],
  ])('%s', async (filter, expected) => {
    expect(sorted(await scores(`$filter=${q(filter)}`))).toEqual(expected);
  });

  test('a filter that matches nothing answers 200 with an empty value', async () => {
    const r = await g.get(`${items}?$filter=${q('fields/Score gt 1000')}`);
    expectStatus(r, 200);
    expect(values(r.body)).toEqual([]);
    expect(rec(r.body)['@odata.nextLink']).toBeUndefined();
  });
});

describe('non-indexed columns', () => {
  test.each([
    ['Rank', 'fields/Rank eq 3'],
    ['Title', "fields/Title eq 'Item 1'"],
    ['Status', "fields/Status eq 'open'"],
    ['Name', "startswith(fields/Name,'alpha')"],
  ])('a filter on %s without the Prefer header answers 400 invalidRequest with the exact message', async (name, filter) => {
    const r = await g.get(`${items}?$filter=${q(filter)}`);
    const err = expectErrorEnvelope(r, 400);
    expect(err['code']).toBe('invalidRequest');
    expect(err['message']).toBe(nonIndexedMessage(name));
  });

  test('an $orderby on a non-indexed column without the Prefer header answers 400 with the same message', async () => {
    const r = await g.get(`${items}?$orderby=${q('fields/Rank desc')}`);
    const err = expectErrorEnvelope(r, 400);
    expect(err['code']).toBe('invalidRequest');
    expect(err['message']).toBe(nonIndexedMessage('Rank'));
  });

  test.each([
    ['fields/Rank eq 3', [11]],
    ["fields/Status eq 'open'", [1, 3, 5, 7, 9, 11, 13]],
    ["startswith(fields/Name,'alpha')", [1, 2, 3, 4, 5]],
    ["startswith(fields/Name,'beta')", [6, 7, 8, 9, 10, 11, 12]],
    ["fields/Name eq 'O''Brien-13'", [13]],
    ["fields/Status eq 'open' and fields/Rank lt 8", [7, 9, 11, 13]],
    ["(fields/Status eq 'closed' or fields/Rank eq 13) and fields/Rank gt 9", [1, 2, 4]],
    ["fields/Due ge '2025-01-10T00:00:00Z'", [10, 11, 12, 13]],
    ["fields/Due lt '2025-01-03T00:00:00Z'", [1, 2]],
    ['fields/Active eq true', [3, 6, 9, 12]],
    ['fields/Active eq 1', [3, 6, 9, 12]],
    ['fields/Active eq false', range(1, N).filter((x) => x % 3 !== 0)],
  ])('with Prefer: HonorNonIndexedQueriesWarningMayFailRandomly, %s answers 200', async (filter, expected) => {
    expect(sorted(await scores(`$filter=${q(filter)}`, { ...PREFER_NON_INDEXED }))).toEqual(expected);
  });

  test('with the Prefer header, $orderby on a non-indexed column sorts', async () => {
    const got = await scores(`$orderby=${q('fields/Rank desc')}`, { ...PREFER_NON_INDEXED });
    expect(got).toEqual(range(1, N));
  });
});

describe('$orderby, $top, $select', () => {
  test('$orderby on an indexed column, descending, holds across pages', async () => {
    expect(await scores(`$orderby=${q('fields/Score desc')}`)).toEqual(range(1, N).reverse());
  });

  test('$orderby on a column with ties pages without repeats or losses', async () => {
    const pages = await g.pages(`${items}?$orderby=${q('fields/Status desc')}&$expand=fields($select=Score,Status)`, { ...PREFER_NON_INDEXED });
    const got = pages.flatMap((p) => values(p));
    const ids = got.map((it) => str(it['id']));
    expect(new Set(ids).size).toBe(N);
    const statuses = got.map((it) => str(field(it, 'Status')));
    expect(statuses).toEqual([...statuses].sort().reverse());
  });

  test('$orderby ascending with a filter', async () => {
    expect(await scores(`$filter=${q('fields/Score gt 8')}&$orderby=${q('fields/Score asc')}`)).toEqual([9, 10, 11, 12, 13]);
  });

  test('$top sets the page size; the nextLink keeps it', async () => {
    const pages = await g.pages(`${items}?$top=2&$expand=fields($select=Score)`);
    expect(pages.map((p) => values(p).length)).toEqual([2, 2, 2, 2, 2, 2, 1]);
    const all = pages.flatMap((p) => values(p)).map((it) => Number(field(it, 'Score')));
    expect(sorted(all)).toEqual(range(1, N));
  });

  test('$top larger than the list answers every item in one page without a nextLink', async () => {
    const r = await g.get(`${items}?$top=50`);
    expectStatus(r, 200);
    expect(values(r.body)).toHaveLength(N);
    expect(rec(r.body)['@odata.nextLink']).toBeUndefined();
  });

  test('an invalid $top answers 400', async () => {
    expectErrorEnvelope(await g.get(`${items}?$top=zero`), 400);
    expectErrorEnvelope(await g.get(`${items}?$top=0`), 400);
  });

  test('Created and Modified are indexed by default: filter and orderby need no Prefer header', async () => {
    expect(sorted(await scores(`$filter=${q("fields/Created ge '2000-01-01T00:00:00Z'")}`))).toEqual(range(1, N));
    expect(sorted(await scores(`$filter=${q("fields/Modified ge '2000-01-01T00:00:00Z'")}&$orderby=${q('fields/Modified desc')}`))).toEqual(
      range(1, N),
    );
  });

  test('$select limits the listItem properties', async () => {
    const r = await g.get(`${items}?$select=id,webUrl&$top=3`);
    expectStatus(r, 200);
    const vs = values(r.body);
    expect(vs).toHaveLength(3);
    for (const it of vs) {
      expect(typeof it['id']).toBe('string');
      expect(typeof it['webUrl']).toBe('string');
      expect(it['createdDateTime']).toBeUndefined();
      expect(it['fields']).toBeUndefined();
    }
  });

  test('a malformed $filter answers 400 in the envelope', async () => {
    expectErrorEnvelope(await g.get(`${items}?$filter=${q('fields/Score eq')}`), 400);
    expectErrorEnvelope(await g.get(`${items}?$filter=${q('fields/Score eq 1 and')}`), 400);
  });

  test('a filter on a field the list does not have answers 400', async () => {
    expectErrorEnvelope(await g.get(`${items}?$filter=${q('fields/Nope eq 1')}`, { ...PREFER_NON_INDEXED }), 400);
  });
});

describe('paging with @odata.nextLink', () => {
  test('the default page size applies; following nextLink with the client returns every item exactly once', async () => {
    const first = await g.get(`${items}?$expand=fields`);
    expectStatus(first, 200);
    expect(values(first.body)).toHaveLength(5);
    const link = str(rec(first.body)['@odata.nextLink'], 'nextLink');
    expect(link.startsWith(`${emu.graphUrl}/`)).toBe(true);
    expect(link).toContain('$skiptoken=');

    const pages = await g.pages(`${items}?$expand=fields`);
    expect(pages.map((p) => values(p).length)).toEqual([5, 5, 3]);
    const ids = pages.flatMap((p) => values(p)).map((it) => str(it['id']));
    expect(new Set(ids).size).toBe(N);
    // the nextLink carried $expand: every page has fields
    for (const p of pages) for (const it of values(p)) expect(rec(it['fields'])['Code']).toBeDefined();
    // without $orderby, pages go by ascending id
    expect(ids.map(Number)).toEqual(sorted(ids.map(Number)));
  });

  test('the nextLink keeps $filter and $select across pages', async () => {
    const pages = await g.pages(`${items}?$filter=${q('fields/Score ge 2')}&$expand=fields($select=Score,Code)`);
    expect(pages.map((p) => values(p).length)).toEqual([5, 5, 2]);
    const got = pages.flatMap((p) => values(p));
    expect(sorted(got.map((it) => Number(field(it, 'Score'))))).toEqual(range(2, N));
    for (const it of got) {
      expect(field(it, 'Code')).toBeDefined();
      expect(field(it, 'Title')).toBeUndefined();
    }
  });

  test('items created and deleted while paging cause no repeats', async () => {
    const first = await g.get(`${items}?$expand=fields($select=Score)`);
    const seen: Json[] = values(first.body);
    const extra = await createItem(g, items, { Title: 'late', Code: 'Q-late', Score: 100, Rank: 0 });
    let link: unknown = rec(first.body)['@odata.nextLink'];
    while (typeof link === 'string') {
      const r = await g.get(link);
      expectStatus(r, 200);
      seen.push(...values(r.body));
      link = rec(r.body)['@odata.nextLink'];
    }
    const ids = seen.map((it) => str(it['id']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(extra['id']);
    expect(ids).toHaveLength(N + 1);
    expect((await g.del(`${items}/${str(extra['id'])}`)).status).toBe(204);
  });
});
