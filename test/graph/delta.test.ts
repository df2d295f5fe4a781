import { GraphRequestError, isGone } from '../../src/graph';
import { LOCAL, json, testClient } from './fake-graph';

const delta = `${LOCAL}/sites/s/lists/l/items/delta`;

describe('delta', () => {
  it('follows nextLinks to the deltaLink, splitting changes from deletions', async () => {
    const pages = [
      { value: [{ id: '1', fields: { Title: 'a' } }, { id: '2', fields: { Title: 'b' } }], '@odata.nextLink': `${delta}?token=p2` },
      { value: [{ id: '3', deleted: { state: 'deleted' } }, { id: '1', fields: { Title: 'a2' } }], '@odata.nextLink': `${delta}?token=p3` },
      { value: [{ id: '2', deleted: { state: 'deleted' } }], '@odata.deltaLink': `${delta}?token=d1` },
    ];
    const { client, server } = testClient((_r, index) => json(200, pages[index]), { baseUrl: LOCAL });
    const result = await client.delta<{ id: string; fields: { Title: string } }>('/sites/s/lists/l/items/delta?$expand=fields(select=Title)');
    expect(result.changed).toEqual([{ id: '1', fields: { Title: 'a2' } }]);
    expect(result.deletedIds.sort()).toEqual(['2', '3']);
    expect(result.deltaLink).toBe(`${delta}?token=d1`);
    expect(server.sent.map((r) => r.url.searchParams.get('token'))).toEqual([null, 'p2', 'p3']);
    expect(server.sent.every((r) => r.headers.get('authorization') === 'Bearer test-token')).toBe(true);
  });

  it('requests a stored deltaLink as given', async () => {
    const { client, server } = testClient(() => json(200, { value: [], '@odata.deltaLink': `${delta}?token=d2` }), { baseUrl: LOCAL });
    const result = await client.delta(`${delta}?token=d1`);
    expect(server.sent[0]?.url.href).toBe(`${delta}?token=d1`);
    expect(result).toEqual({ changed: [], deletedIds: [], deltaLink: `${delta}?token=d2` });
  });

  it('turns 410 into GraphRequestError with isGone, carrying the Location to restart from', async () => {
    const { client, server } = testClient(
      () => json(410, { error: { code: 'resyncRequired', message: 'Resync required.' } }, { Location: `${delta}?token=fresh` }),
      { baseUrl: LOCAL },
    );
    const error = await client.delta(`${delta}?token=old`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(isGone(error)).toBe(true);
    expect(error).toMatchObject({ code: 'resyncRequired', location: `${delta}?token=fresh` });
    expect(server.sent).toHaveLength(1);
  });

  it('fails clearly on a page with neither link', async () => {
    const { client } = testClient(() => json(200, { value: [] }), { baseUrl: LOCAL });
    await expect(client.delta('/sites/s/lists/l/items/delta')).rejects.toThrow(/deltaLink/);
  });
});
