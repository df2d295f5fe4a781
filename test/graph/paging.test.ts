import { LOCAL, json, testClient } from './fake-graph';

const list = `${LOCAL}/sites/s/lists/l/items`;

/** Three pages of two items each, linked by absolute nextLinks (as Graph sends them). */
function threePages(request: { url: URL }): Response {
  const page = Number(request.url.searchParams.get('$skiptoken') ?? '0');
  const value = [{ id: String(page * 2 + 1) }, { id: String(page * 2 + 2) }];
  const next = page < 2 ? { '@odata.nextLink': `${list}?$expand=fields&$top=2&$skiptoken=${page + 1}` } : {};
  return json(200, { value, ...next });
}

describe('paging', () => {
  it('follows @odata.nextLink across three pages', async () => {
    const { client, server } = testClient(threePages, { baseUrl: LOCAL });
    const pages: string[][] = [];
    for await (const page of client.pages<{ id: string }>('/sites/s/lists/l/items?$expand=fields&$top=2')) pages.push(page.map((i) => i.id));
    expect(pages).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(server.sent).toHaveLength(3);
    expect(server.sent.every((r) => r.headers.get('authorization') === 'Bearer test-token')).toBe(true);
    expect(server.sent[2]?.url.searchParams.get('$skiptoken')).toBe('2');
    expect(server.sent[2]?.url.searchParams.get('$expand')).toBe('fields');
  });

  it('yields every item with items()', async () => {
    const { client } = testClient(threePages, { baseUrl: LOCAL });
    const ids: string[] = [];
    for await (const item of client.items<{ id: string }>('sites/s/lists/l/items')) ids.push(item.id);
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('carries on past an empty page', async () => {
    const { client } = testClient((_r, index) =>
      index === 0 ? json(200, { value: [], '@odata.nextLink': `${list}?$skiptoken=x` }) : json(200, { value: [{ id: '9' }] }),
    { baseUrl: LOCAL });
    const ids: string[] = [];
    for await (const item of client.items<{ id: string }>(list)) ids.push(item.id);
    expect(ids).toEqual(['9']);
  });

  it('stops early without fetching further pages when the loop breaks', async () => {
    const { client, server } = testClient(threePages, { baseUrl: LOCAL });
    for await (const item of client.items<{ id: string }>('/sites/s/lists/l/items')) if (item.id === '2') break;
    expect(server.sent).toHaveLength(1);
  });

  it('retries a throttled page and goes on', async () => {
    const { client, server } = testClient(
      (request, index) => (index === 1 ? json(429, {}, { 'Retry-After': '1' }) : threePages(request)),
      { baseUrl: LOCAL },
    );
    const ids: string[] = [];
    for await (const item of client.items<{ id: string }>('/sites/s/lists/l/items')) ids.push(item.id);
    expect(ids).toHaveLength(6);
    expect(server.sent).toHaveLength(4);
  });

  it('rejects a body that is not a collection and a link that repeats', async () => {
    const notCollection = testClient(() => json(200, { id: 'x' }));
    await expect(notCollection.client.items('/me')[Symbol.asyncIterator]().next()).rejects.toThrow(/collection/);
    const loop = testClient(() => json(200, { value: [], '@odata.nextLink': `${LOCAL}/same` }), { baseUrl: LOCAL });
    const drain = async (): Promise<void> => {
      for await (const _ of loop.client.pages(`${LOCAL}/same`)) void _;
    };
    await expect(drain()).rejects.toThrow(/loop/i);
  });
});
