import { GraphError } from '../../../src/emulator/server/contract';
import { arr, createList, fromLink, harness } from './helpers';
import type { Harness, Json } from './helpers';

const params = { listRef: 'Tasks' };
const DAY = 24 * 60 * 60 * 1000;

async function setup(count: number, options: { deltaTokenLifetimeDays?: number; deltaLinksKeepExpand?: boolean } = {}): Promise<Harness> {
  const h = harness({ pageSize: 3, deltaLinksKeepExpand: true, ...options });
  await createList(h, 'Tasks', [{ name: 'State', text: {} }]);
  for (let i = 1; i <= count; i += 1) await h.ok('createItem', { method: 'POST', params, body: { fields: { Title: `t${i}` } } });
  return h;
}

/** Follows nextLinks to the end of a round; returns every entry and the deltaLink. */
async function round(h: Harness, query: Record<string, string> | string): Promise<{ entries: Json[]; deltaLink: string; pages: number }> {
  const entries: Json[] = [];
  let pages = 1;
  let page = await h.ok('itemsDelta', { params, query, path: '/sites/localhost:/sites/malkoll:/lists/Tasks/items/delta' });
  for (;;) {
    entries.push(...arr(page.value));
    const next = page['@odata.nextLink'];
    if (next === undefined) break;
    expect(page['@odata.deltaLink']).toBeUndefined();
    pages += 1;
    page = await h.ok('itemsDelta', fromLink(next, params));
  }
  const deltaLink = page['@odata.deltaLink'];
  if (typeof deltaLink !== 'string') throw new Error('round ended without a deltaLink');
  return { entries, deltaLink, pages };
}

function queryOf(link: string): string {
  return new URL(link).search.slice(1);
}

describe('items/delta', () => {
  it('enumerates every item in pages, then hands out a deltaLink with the same options', async () => {
    const h = await setup(7);
    const first = await round(h, { $expand: 'fields($select=Title)' });
    expect(first.entries.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(first.pages).toBe(3);
    expect(first.entries[0]?.fields).toEqual(expect.objectContaining({ Title: 't1' }));
    const link = new URL(first.deltaLink);
    expect(link.pathname).toBe('/graph/v1.0/sites/localhost:/sites/malkoll:/lists/Tasks/items/delta');
    expect(link.searchParams.get('$expand')).toBe('fields($select=Title)');
    expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('by default the links lose $expand: later pages and rounds come without fields, the token still works', async () => {
    const h = await setup(5, { deltaLinksKeepExpand: false });
    const first = await round(h, { $expand: 'fields($select=Title)', $top: '3' });
    expect(first.entries[0]?.fields).toEqual(expect.objectContaining({ Title: 't1' }));
    expect(first.entries[4]).not.toHaveProperty('fields');
    const link = new URL(first.deltaLink);
    expect(link.searchParams.get('$expand')).toBeNull();
    expect(link.searchParams.get('$top')).toBe('3');
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...params, itemId: '2' }, body: { State: 'a' } });
    const changes = await round(h, queryOf(first.deltaLink));
    expect(changes.entries.map((e) => e.id)).toEqual(['2']);
    expect(changes.entries[0]).not.toHaveProperty('fields');
  });

  it('returns nothing but a deltaLink for token=latest', async () => {
    const h = await setup(4);
    const page = await h.ok('itemsDelta', { params, query: { token: 'latest' } });
    expect(page.value).toEqual([]);
    expect(typeof page['@odata.deltaLink']).toBe('string');
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('returns changed items once, in their latest state, and deleted stubs since the token', async () => {
    const h = await setup(5);
    const start = await round(h, {});
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...params, itemId: '2' }, body: { State: 'a' } });
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...params, itemId: '2' }, body: { State: 'b' } });
    await h.ok('deleteItem', { method: 'DELETE', params: { ...params, itemId: '4' } });
    await h.ok('createItem', { method: 'POST', params, body: { fields: { Title: 'new' } } });
    const changes = await round(h, queryOf(start.deltaLink) + '&$expand=fields');
    expect(changes.entries.map((e) => e.id)).toEqual(['2', '4', '6']);
    expect(changes.entries[0]?.fields).toEqual(expect.objectContaining({ State: 'b', _UIVersionString: '3.0' }));
    expect(changes.entries[1]).toEqual({ id: '4', parentReference: { siteId: expect.stringMatching(/^localhost,/) }, deleted: { state: 'deleted' } });

    const none = await round(h, queryOf(changes.deltaLink));
    expect(none.entries).toEqual([]);
    // Tokens can be replayed: the same deltaLink gives the same changes again.
    const replay = await round(h, queryOf(start.deltaLink));
    expect(replay.entries.map((e) => e.id)).toEqual(['2', '4', '6']);
  });

  it('pages a large change set with nextLinks', async () => {
    const h = await setup(2);
    const latest = await h.ok('itemsDelta', { params, query: { token: 'latest' } });
    for (let i = 0; i < 8; i += 1) await h.ok('createItem', { method: 'POST', params, body: { fields: { Title: `n${i}` } } });
    const changes = await round(h, queryOf(String(latest['@odata.deltaLink'])));
    expect(changes.entries.map((e) => e.id)).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(changes.pages).toBe(3);
  });

  it('answers 410 resyncRequired with a Location for unknown, malformed and foreign tokens', async () => {
    const h = await setup(1);
    await createList(h, 'Other');
    const other = await h.ok('itemsDelta', { params: { listRef: 'Other' }, query: { token: 'latest' } });
    const foreign = new URL(String(other['@odata.deltaLink'])).searchParams.get('token') ?? '';
    for (const token of ['nonsense', 'e30', '!!', foreign]) {
      const error = await h.fails('itemsDelta', { params, query: { token, $top: '2' }, path: '/sites/s/lists/Tasks/items/delta' });
      expect([error.status, error.code]).toEqual([410, 'resyncRequired']);
      expect(error.headers.Location).toBe('http://localhost:3000/graph/v1.0/sites/s/lists/Tasks/items/delta?$top=2');
    }
  });

  it('expires tokens after the configured lifetime, and prunes the change log by age', async () => {
    const h = await setup(2, { deltaTokenLifetimeDays: 30 });
    const latest = String((await h.ok('itemsDelta', { params, query: { token: 'latest' } }))['@odata.deltaLink']);
    h.advance(29 * DAY);
    expect((await round(h, queryOf(latest))).entries).toEqual([]);
    h.advance(2 * DAY);
    const expired = await h.fails('itemsDelta', { params, query: queryOf(latest) });
    expect(expired).toBeInstanceOf(GraphError);
    expect(expired.status).toBe(410);

    // A fresh token made after some changes were pruned still works; an older one cannot be served.
    const fresh = String((await h.ok('itemsDelta', { params, query: { token: 'latest' } }))['@odata.deltaLink']);
    await h.ok('updateItemFields', { method: 'PATCH', params: { ...params, itemId: '1' }, body: { State: 'x' } });
    const count = (): number => (h.db.prepare('SELECT COUNT(*) AS n FROM ls_changes').get() as { n: number }).n;
    expect(count()).toBe(1); // the creates of 31 days ago were pruned
    expect((await round(h, queryOf(fresh))).entries.map((e) => e.id)).toEqual(['1']);
  });

  it('refuses $filter and $orderby on delta', async () => {
    const h = await setup(1);
    expect((await h.fails('itemsDelta', { params, query: { $orderby: 'id' } })).status).toBe(400);
  });
});
