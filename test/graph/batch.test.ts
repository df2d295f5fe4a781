import { GraphRequestError, MAX_BATCH_SIZE } from '../../src/graph';
import type { SentRequest } from './fake-graph';
import { GRAPH, json, testClient } from './fake-graph';

interface WireRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function wireRequests(request: SentRequest): WireRequest[] {
  return (request.body as { requests: WireRequest[] }).requests;
}

interface InnerAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A $batch endpoint answering each inner request through `inner`. */
function batchServer(inner: (request: WireRequest, batchIndex: number) => InnerAnswer) {
  return (request: SentRequest, batchIndex: number): Response => {
    expect(request.url.href).toBe(`${GRAPH}/$batch`);
    expect(request.method).toBe('POST');
    const responses = wireRequests(request).map((r) => ({ id: r.id, headers: {}, ...inner(r, batchIndex) }));
    return json(200, { responses });
  };
}

const ok = (r: WireRequest): InnerAnswer => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: { url: r.url } });

describe('$batch', () => {
  it('chunks 45 requests into 3 batches of at most 20, answers in request order', async () => {
    const { client, server } = testClient(batchServer(ok));
    const urls = Array.from({ length: 45 }, (_, i) => `/sites/s/lists/l/items/${i + 1}`);
    const results = await client.batch(urls.map((url) => ({ method: 'GET' as const, url })));
    expect(server.sent.map((r) => wireRequests(r).length)).toEqual([20, 20, 5]);
    expect(results).toHaveLength(45);
    expect(results.map((r) => (r.body as { url: string }).url)).toEqual(urls);
    expect(results.map((r) => r.id)).toEqual(urls.map((_, i) => String(i + 1)));
    expect(MAX_BATCH_SIZE).toBe(20);
    expect(client.stats.requests).toBe(3);
  });

  it.each([
    ['default', undefined, 2],
    ['1', 1, 1],
    ['3', 3, 3],
  ])('keeps at most concurrency=%s batches in flight', async (_label, concurrency, expected) => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { client, server } = testClient(async (request, index) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return batchServer(ok)(request, index);
    });
    const requests = Array.from({ length: 45 }, (_, i) => ({ method: 'GET' as const, url: `/users/${i}` }));
    await client.batch(requests, concurrency === undefined ? {} : { concurrency });
    expect(server.sent).toHaveLength(3);
    expect(maxInFlight).toBe(expected);
  });

  it('retries an inner 429 alone, after its own Retry-After', async () => {
    const { client, server, sleeps } = testClient(
      batchServer((r, batchIndex) =>
        r.id === '3' && batchIndex === 0
          ? { status: 429, headers: { 'Retry-After': '2' }, body: { error: { code: 'TooManyRequests', message: 'slow' } } }
          : ok(r),
      ),
    );
    const results = await client.batch(Array.from({ length: 5 }, (_, i) => ({ method: 'GET' as const, url: `/users/${i}` })));
    expect(server.sent).toHaveLength(2);
    expect(wireRequests(server.sent[1] as SentRequest).map((r) => r.id)).toEqual(['3']);
    expect(sleeps).toEqual([2000]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(client.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('waits the longest Retry-After of several throttled requests, backs off from the floor when none is given', async () => {
    const { client, server, sleeps } = testClient(
      batchServer((r, batchIndex): InnerAnswer => {
        if (batchIndex === 0 && r.id === '1') return { status: 429, headers: { 'retry-after': '1' } };
        if (batchIndex === 0 && r.id === '2') return { status: 503, headers: { 'Retry-After': '4' } };
        if (batchIndex === 1 && r.id === '2') return { status: 503 };
        return ok(r);
      }),
      { random: () => 0.5, retry: { baseDelayMs: 1000 } },
    );
    const results = await client.batch([1, 2, 3].map((i) => ({ method: 'GET' as const, url: `/x/${i}` })));
    expect(server.sent.map((r) => wireRequests(r).map((w) => w.id))).toEqual([['1', '2', '3'], ['1', '2'], ['2']]);
    // 4 s (the longest Retry-After), then the throttling floor doubled for the second retry
    // (10 s) plus a quarter of it for random 0.5: never sooner than 10 s.
    expect(sleeps).toEqual([4000, 12_500]);
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it('gives up on an inner 429 after maxAttempts and reports it', async () => {
    const { client, server } = testClient(batchServer((r) => (r.id === '2' ? { status: 429, headers: { 'Retry-After': '1' } } : ok(r))), {
      retry: { maxAttempts: 3 },
    });
    const results = await client.batch([1, 2].map((i) => ({ method: 'GET' as const, url: `/x/${i}` })));
    expect(server.sent).toHaveLength(3);
    expect(results.map((r) => r.status)).toEqual([200, 429]);
  });

  it('adds a JSON Content-Type to inner requests with a body, keeps relative URLs and given ids', async () => {
    const { client, server } = testClient(batchServer((r) => ({ status: r.method === 'POST' ? 201 : 204 })));
    const results = await client.batch([
      { id: 'create', method: 'POST', url: 'sites/s/lists/l/items', body: { fields: { Title: 'x' } } },
      { id: 'remove', method: 'DELETE', url: `${GRAPH}/sites/s/lists/l/items/4`, headers: { 'If-Match': '"a,1"' } },
      { id: 'text', method: 'PATCH', url: '/x', body: 'raw', headers: { 'content-type': 'text/plain' } },
    ]);
    const wire = wireRequests(server.sent[0] as SentRequest);
    expect(wire[0]).toEqual({ id: 'create', method: 'POST', url: '/sites/s/lists/l/items', headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'x' } } });
    expect(wire[1]).toEqual({ id: 'remove', method: 'DELETE', url: '/sites/s/lists/l/items/4', headers: { 'If-Match': '"a,1"' } });
    expect(wire[2]?.headers).toEqual({ 'content-type': 'text/plain' });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['create', 201],
      ['remove', 204],
      ['text', 204],
    ]);
    expect(server.sent[0]?.headers.get('authorization')).toBe('Bearer test-token');
  });

  it('correlates responses that come back out of order (ids case-insensitive)', async () => {
    const { client } = testClient((request) => {
      const responses = wireRequests(request)
        .map((r) => ({ id: r.id.toUpperCase(), status: 200, body: { for: r.id } }))
        .reverse();
      return json(200, { responses });
    });
    const results = await client.batch([
      { id: 'a', method: 'GET', url: '/a' },
      { id: 'b', method: 'GET', url: '/b' },
    ]);
    expect(results.map((r) => [r.id, r.body])).toEqual([
      ['a', { for: 'a' }],
      ['b', { for: 'b' }],
    ]);
  });

  it('rejects duplicate ids and URLs outside the base before sending', async () => {
    const { client, server } = testClient(batchServer(ok));
    await expect(
      client.batch([
        { id: 'x', method: 'GET', url: '/a' },
        { id: 'X', method: 'GET', url: '/b' },
      ]),
    ).rejects.toThrow(/Duplicate/);
    await expect(client.batch([{ method: 'GET', url: 'https://elsewhere.example.com/v1.0/a' }])).rejects.toThrow(/under/);
    expect(server.sent).toHaveLength(0);
  });

  it('retries a throttled $batch request as a whole (outer 429)', async () => {
    const { client, server } = testClient((request, index) => (index === 0 ? json(429, {}, { 'Retry-After': '1' }) : batchServer(ok)(request, index)));
    const results = await client.batch([{ method: 'GET', url: '/a' }]);
    expect(server.sent).toHaveLength(2);
    expect(results[0]?.status).toBe(200);
  });

  it('returns nothing for no requests without calling Graph', async () => {
    const { client, server } = testClient(batchServer(ok));
    await expect(client.batch([])).resolves.toEqual([]);
    expect(server.sent).toHaveLength(0);
  });

  describe('batchGet', () => {
    it('returns the bodies in order', async () => {
      const { client } = testClient(batchServer((r) => ({ status: 200, body: { displayName: r.url } })));
      await expect(client.batchGet<{ displayName: string }>(['/users/a', '/users/b'])).resolves.toEqual([{ displayName: '/users/a' }, { displayName: '/users/b' }]);
    });

    it('throws GraphRequestError for a failed inner response', async () => {
      const { client } = testClient(
        batchServer((r) =>
          r.url === '/users/missing'
            ? { status: 404, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'Request_ResourceNotFound', message: 'No such user', innerError: { 'request-id': 'inner-1' } } } }
            : ok(r),
        ),
      );
      const error = await client.batchGet(['/users/a', '/users/missing']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphRequestError);
      expect(error).toMatchObject({ status: 404, code: 'Request_ResourceNotFound', message: 'No such user', requestId: 'inner-1', url: '/users/missing' });
    });
  });
});
