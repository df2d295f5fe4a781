import { GraphRequestError } from '../../src/graph';
import { GRAPH, LOCAL, graphError, json, testClient } from './fake-graph';

describe('graph client transport', () => {
  it('attaches the bearer token for graph.microsoft.com', async () => {
    const { client, server } = testClient(() => json(200, { id: 'root' }));
    await expect(client.get('/sites/root')).resolves.toEqual({ id: 'root' });
    expect(server.sent[0]?.url.href).toBe(`${GRAPH}/sites/root`);
    expect(server.sent[0]?.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('attaches the bearer token for the injected http://localhost base URL (declared custom host)', async () => {
    const { client, server } = testClient(() => json(200, { id: 'root' }), { baseUrl: LOCAL });
    await client.get('sites/root?$select=id,displayName');
    const sent = server.sent[0];
    expect(sent?.url.origin).toBe('http://localhost:7357');
    expect(sent?.url.pathname).toBe('/graph/v1.0/sites/root');
    expect(sent?.url.searchParams.get('$select')).toBe('id,displayName');
    expect(sent?.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('sends absolute links on the base origin through the chain with the token', async () => {
    const { client, server } = testClient(() => json(200, {}), { baseUrl: LOCAL });
    await client.get(`${LOCAL}/sites/s/lists/l/items?$skiptoken=UGFnZWQ9VFJVRSZwX0lEPTE%3D&$top=2`);
    const sent = server.sent[0];
    expect(sent?.url.pathname).toBe('/graph/v1.0/sites/s/lists/l/items');
    expect(sent?.url.searchParams.get('$skiptoken')).toBe('UGFnZWQ9VFJVRSZwX0lEPTE=');
    expect(sent?.url.searchParams.get('$top')).toBe('2');
    expect(sent?.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('never sends the token to a foreign host', async () => {
    const { client, server } = testClient(() => json(200, {}));
    await client.get('https://elsewhere.example.com/v1.0/things');
    expect(server.sent[0]?.url.host).toBe('elsewhere.example.com');
    expect(server.sent[0]?.headers.get('authorization')).toBeNull();
  });

  it('refuses an http link outside the base URL', async () => {
    const { client, server } = testClient(() => json(200, {}), { baseUrl: LOCAL });
    await expect(client.get('http://other-host:1/graph/v1.0/x')).rejects.toThrow(/not under/);
    expect(server.sent).toHaveLength(0);
  });

  it('keeps OData query options intact', async () => {
    const { client, server } = testClient(() => json(200, { value: [] }));
    await client.get("/sites/s/lists/l/items?$expand=fields(select=Title,Year)&$filter=fields/Year eq 2025 and fields/Code eq 'A1'&$top=50");
    const params = server.sent[0]?.url.searchParams;
    expect(params?.get('$expand')).toBe('fields(select=Title,Year)');
    expect(params?.get('$filter')).toBe("fields/Year eq 2025 and fields/Code eq 'A1'");
    expect(params?.get('$top')).toBe('50');
  });

  it('posts JSON and returns the body with its eTag', async () => {
    const { client, server } = testClient(() => json(201, { id: '7', eTag: '"abc,1"', fields: { Title: 'x' } }));
    const result = await client.post<{ id: string }>('/sites/s/lists/l/items', { fields: { Title: 'x' } });
    expect(result.body.id).toBe('7');
    expect(result.eTag).toBe('"abc,1"');
    const sent = server.sent[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.headers.get('content-type')).toMatch(/application\/json/);
    expect(sent?.body).toEqual({ fields: { Title: 'x' } });
  });

  it('patches with If-Match (quoted) and prefers the ETag header for the new eTag', async () => {
    const { client, server } = testClient(() => json(200, { '@odata.etag': '"abc,2"', Title: 'y' }, { ETag: '"abc,2"' }));
    const result = await client.patch('/sites/s/lists/l/items/7/fields', { Title: 'y' }, { ifMatch: 'abc,1' });
    expect(server.sent[0]?.headers.get('if-match')).toBe('"abc,1"');
    expect(result.eTag).toBe('"abc,2"');
  });

  it('takes the eTag from @odata.etag when there is no header', async () => {
    const { client } = testClient(() => json(200, { '@odata.etag': '"abc,3"' }));
    await expect(client.patch('/x', {})).resolves.toEqual({ body: { '@odata.etag': '"abc,3"' }, eTag: '"abc,3"' });
  });

  it('deletes with If-Match and accepts 204', async () => {
    const { client, server } = testClient(() => new Response(null, { status: 204 }));
    await expect(client.delete('/sites/s/lists/l/items/7', { ifMatch: '"abc,2"' })).resolves.toBeUndefined();
    expect(server.sent[0]?.method).toBe('DELETE');
    expect(server.sent[0]?.headers.get('if-match')).toBe('"abc,2"');
  });

  it('passes extra headers through', async () => {
    const { client, server } = testClient(() => json(200, {}));
    await client.get('/x', { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(server.sent[0]?.headers.get('prefer')).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
  });

  it('reports each round trip to onRequest with the request-id', async () => {
    const { client, events } = testClient(() => json(200, {}, { 'request-id': 'r-1' }));
    await client.get('/me');
    expect(events).toEqual([{ method: 'GET', url: `${GRAPH}/me`, status: 200, ms: expect.any(Number) as number, attempt: 1, requestId: 'r-1' }]);
  });

  it('turns a network failure into GraphRequestError status 0', async () => {
    const { client, server } = testClient(() => Promise.reject(new TypeError('fetch failed')));
    const error = await client.get('/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 0, code: 'networkError', url: `${GRAPH}/me` });
    expect(server.sent).toHaveLength(1);
  });

  it('lets a token source failure through as it was thrown', async () => {
    class NeedsLogin extends Error {}
    const { client, server } = testClient(() => json(200, {}), { tokenSource: { getToken: () => Promise.reject(new NeedsLogin('login')) } });
    await expect(client.get('/me')).rejects.toBeInstanceOf(NeedsLogin);
    expect(server.sent).toHaveLength(0);
  });

  it('throws GraphRequestError for an error status', async () => {
    const { client } = testClient(() => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    await expect(client.get('/sites/s/lists/l/items/99')).rejects.toMatchObject({
      status: 404,
      code: 'itemNotFound',
      message: 'The resource could not be found.',
      requestId: 'req-404',
      method: 'GET',
    });
  });

  it('counts round trips and resets', async () => {
    const { client } = testClient(() => json(200, {}));
    await client.get('/a');
    await client.get('/b');
    expect(client.stats.requests).toBe(2);
    client.stats.reset();
    expect(client.stats.requests).toBe(0);
    expect(client.stats.retries).toBe(0);
  });

  it('normalises the base URL', () => {
    expect(testClient(() => json(200, {}), { baseUrl: `${LOCAL}/` }).client.baseUrl).toBe(LOCAL);
  });
});
