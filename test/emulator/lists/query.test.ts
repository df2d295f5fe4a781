import { arr, createList, fromLink, harness, obj } from './helpers';
import type { Harness, Json } from './helpers';

const params = { listRef: 'Goals' };

async function setup(count = 12): Promise<Harness> {
  const h = harness({ pageSize: 5 });
  await createList(h, 'Goals', [
    { name: 'Key', text: {}, indexed: true },
    { name: 'Year', number: {}, indexed: true },
    { name: 'Owner', text: {} },
    { name: 'Locked', boolean: {}, indexed: true },
    { name: 'Due', dateTime: {}, indexed: true },
  ]);
  for (let i = 1; i <= count; i += 1) {
    const fields: Json = { Title: `Goal ${i}`, Key: `k${String(i).padStart(2, '0')}`, Owner: i % 2 === 0 ? 'anna' : 'bo', Locked: i % 3 === 0 };
    if (i % 4 !== 0) fields.Year = 2020 + (i % 3); // every fourth has no Year
    if (i <= 6) fields.Due = `2025-0${i}-15`;
    await h.ok('createItem', { method: 'POST', params, body: { fields } });
  }
  return h;
}

async function allPages(h: Harness, query: Record<string, string>, headers: Record<string, string> = {}): Promise<{ ids: string[]; links: string[] }> {
  const ids: string[] = [];
  const links: string[] = [];
  let page = await h.ok('listItems', { params, query, headers, path: '/sites/localhost:/sites/malkoll:/lists/Goals/items' });
  for (;;) {
    ids.push(...arr(page.value).map((item) => String(item.id)));
    const next = page['@odata.nextLink'];
    if (next === undefined) return { ids, links };
    links.push(String(next));
    page = await h.ok('listItems', { ...fromLink(next, params), headers });
  }
}

describe('listItems query options', () => {
  it('pages by ID with the default page size and an opaque $skiptoken, keeping the other options', async () => {
    const h = await setup();
    const { ids, links } = await allPages(h, { $expand: 'fields($select=Key)' });
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(links).toHaveLength(2);
    const link = new URL(String(links[0]));
    expect(link.origin + link.pathname).toBe('http://localhost:3000/graph/v1.0/sites/localhost:/sites/malkoll:/lists/Goals/items');
    expect(link.searchParams.get('$expand')).toBe('fields($select=Key)');
    expect(link.searchParams.get('$skiptoken')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('honours $top and keeps it in the nextLink', async () => {
    const h = await setup();
    const first = await h.ok('listItems', { params, query: { $top: '7' } });
    expect(arr(first.value)).toHaveLength(7);
    expect(new URL(String(first['@odata.nextLink'])).searchParams.get('$top')).toBe('7');
    expect((await h.fails('listItems', { params, query: { $top: '0' } })).status).toBe(400);
  });

  it('filters on indexed columns, id, and combinations', async () => {
    const h = await setup();
    const cases: Array<[string, string[]]> = [
      ["fields/Key eq 'k03'", ['3']],
      ['fields/Year eq 2021', ['1', '7', '10']],
      ['fields/Year le 2020 and fields/Locked eq true', ['3', '6', '9']],
      ['fields/Locked eq 1', ['3', '6', '9', '12']],
      ["startswith(fields/Key,'k1')", ['10', '11', '12']],
      ['id le 2 or id eq 12', ['1', '2', '12']],
      ["id eq '4'", ['4']],
      ["fields/Due ge '2025-05-01'", ['5', '6']],
      ["fields/Due lt '2025-02-01T00:00:00+01:00'", ['1']],
      ['fields/Year eq null', ['4', '8', '12']],
      ["fields/Created ge '2025-01-01T00:00:00Z'", ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']],
    ];
    for (const [filter, expected] of cases) {
      const { ids } = await allPages(h, { $filter: filter });
      expect([filter, ids]).toEqual([filter, expected]);
    }
  });

  it('refuses a filter or orderby on a non-indexed column unless the Prefer header allows it', async () => {
    const h = await setup();
    for (const query of [{ $filter: "fields/Owner eq 'anna'" }, { $orderby: 'fields/Owner' }] as Array<Record<string, string>>) {
      const error = await h.fails('listItems', { params, query });
      expect([error.status, error.code]).toEqual([400, 'invalidRequest']);
      expect(error.message).toBe(
        "Field 'Owner' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
      );
    }
    const prefer = { Prefer: 'odata.maxpagesize=10, HonorNonIndexedQueriesWarningMayFailRandomly' };
    const { ids } = await allPages(h, { $filter: "fields/Owner eq 'anna'" }, prefer);
    expect(ids).toEqual(['2', '4', '6', '8', '10', '12']);
  });

  it('answers unknown fields and bad syntax with 400', async () => {
    const h = await setup();
    const unknown = await h.fails('listItems', { params, query: { $filter: "fields/Nope eq 'x'" } });
    expect([unknown.status, unknown.message]).toEqual([400, "Field 'Nope' is not recognized"]);
    const syntax = await h.fails('listItems', { params, query: { $filter: 'fields/Key eq' } });
    expect(syntax.status).toBe(400);
    const badType = await h.fails('listItems', { params, query: { $filter: "fields/Year eq 'x'" } });
    expect(badType.status).toBe(400);
    const badToken = await h.fails('listItems', { params, query: { $skiptoken: 'garbage!' } });
    expect(badToken.status).toBe(400);
  });

  it('orders by terms then id, stable across pages, NULLs first ascending and last descending', async () => {
    const h = await setup();
    const asc = await allPages(h, { $orderby: 'fields/Year' });
    expect(asc.ids).toEqual(['4', '8', '12', '3', '6', '9', '1', '7', '10', '2', '5', '11']);
    const desc = await allPages(h, { $orderby: 'fields/Year desc,fields/Key desc' });
    expect(desc.ids).toEqual(['11', '5', '2', '10', '7', '1', '9', '6', '3', '12', '8', '4']);
    const mixed = await allPages(h, { $orderby: 'fields/Locked desc, id desc', $filter: 'id gt 2' });
    expect(mixed.ids).toEqual(['12', '9', '6', '3', '11', '10', '8', '7', '5', '4']);
    const dates = await allPages(h, { $orderby: 'fields/Due desc', $top: '4' });
    expect(dates.ids).toEqual(['6', '5', '4', '3', '2', '1', '7', '8', '9', '10', '11', '12']);
  });

  it('a skip token only continues the ordering it was made for', async () => {
    const h = await setup();
    const first = await h.ok('listItems', { params, query: { $orderby: 'fields/Year' } });
    const token = new URL(String(first['@odata.nextLink'])).searchParams.get('$skiptoken') ?? '';
    const error = await h.fails('listItems', { params, query: { $skiptoken: token } });
    expect(error.status).toBe(400);
  });

  it('returns fields only with $expand, and $select keeps top-level properties', async () => {
    const h = await setup(2);
    const page = await h.ok('listItems', { params, query: { $select: 'id,createdDateTime', $expand: 'fields($select=Key,Year)' } });
    const [first] = arr(page.value);
    expect(Object.keys(obj(first)).sort()).toEqual(['@odata.etag', 'createdDateTime', 'fields', 'id']);
    expect(obj(obj(first).fields)).toEqual({ '@odata.etag': obj(first)['@odata.etag'], Key: 'k01', Year: 2021 });
    const bare = await h.ok('listItems', { params });
    expect(arr(bare.value).every((item) => item.fields === undefined)).toBe(true);
    expect((await h.fails('listItems', { params, query: { $expand: 'children' } })).status).toBe(400);
  });
});
