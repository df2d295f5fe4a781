import { GraphRequestError, isConflict, isNotFound, isThrottled } from '../../src/graph';
import { graphError, json, testClient } from './fake-graph';

/** Answers the given responses in turn, then 200 `{ ok: true }`. */
function sequence(...responses: Array<() => Response>): (request: unknown, index: number) => Response {
  return (_request, index) => responses[index]?.() ?? json(200, { ok: true });
}

describe('retry middleware', () => {
  it('retries a 429 after Retry-After seconds', async () => {
    const { client, server, sleeps, events } = testClient(sequence(() => graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': '3' })));
    await expect(client.get('/sites/root')).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([3000]);
    expect(server.sent).toHaveLength(2);
    expect(server.sent[0]?.headers.get('retry-attempt')).toBeNull();
    expect(server.sent[1]?.headers.get('retry-attempt')).toBe('1');
    expect(server.sent[1]?.headers.get('authorization')).toBe('Bearer test-token');
    expect(events.map((e) => [e.status, e.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
    expect(client.stats).toMatchObject({ requests: 2, retries: 1 });
  });

  it('honours fractional Retry-After seconds', async () => {
    const { client, sleeps } = testClient(sequence(() => json(429, {}, { 'Retry-After': '2.128' })));
    await client.get('/x');
    expect(sleeps).toEqual([2128]);
  });

  it('retries a 429 after a Retry-After HTTP date, measured against the response Date', async () => {
    const { client, sleeps } = testClient(
      sequence(() => json(429, {}, { Date: 'Sat, 01 Mar 2025 10:00:00 GMT', 'Retry-After': 'Sat, 01 Mar 2025 10:00:07 GMT' })),
    );
    await client.get('/x');
    expect(sleeps).toEqual([7000]);
  });

  it('measures a Retry-After date against the local clock when the response has no Date', async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    const { client, sleeps } = testClient(sequence(() => new Response('{}', { status: 429, headers: { 'Retry-After': at } })));
    await client.get('/x');
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(3000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('backs off exponentially with full jitter on a 504 to a GET', async () => {
    const randoms = [0.5, 0.25, 1];
    const { client, sleeps } = testClient(
      sequence(
        () => json(504, {}),
        () => json(504, {}),
        () => json(504, {}),
      ),
      { random: () => randoms.shift() ?? 0, retry: { baseDelayMs: 400, maxDelayMs: 1200 } },
    );
    await expect(client.get('/x')).resolves.toEqual({ ok: true });
    // caps 400, 800, 1200 (1600 capped by maxDelayMs), each scaled by the injected random.
    expect(sleeps).toEqual([200, 200, 1200]);
    expect(client.stats).toMatchObject({ requests: 4, retries: 3 });
  });

  it('waits at least 5 s, doubling, when a 429 or 503 has no readable Retry-After (a browser cannot read Graph\'s)', async () => {
    // What a browser sees of a throttled answer: the status, and none of the headers Graph does not expose.
    const randoms = [0, 1, 0.5];
    const { client, sleeps } = testClient(
      sequence(
        () => json(429, {}),
        () => json(503, {}),
        () => json(429, {}),
      ),
      { random: () => randoms.shift() ?? 0 },
    );
    await expect(client.get('/sites/s/lists/l/items')).resolves.toEqual({ ok: true });
    // 5 s, 10 s, 20 s floors, plus up to half again of jitter; never the old 0–0.5 s.
    expect(sleeps).toEqual([5000, 15_000, 25_000]);
  });

  it('takes RateLimit-Reset for the wait when a 429 carries it but no Retry-After', async () => {
    const { client, sleeps } = testClient(sequence(() => json(429, {}, { 'RateLimit-Limit': '1200', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '31' })), {
      retry: { maxTotalMs: 120_000 },
    });
    await client.get('/sites/s/lists/l/items');
    expect(sleeps).toEqual([31_000]);
  });

  it('gives up after maxAttempts with the last 429 as GraphRequestError', async () => {
    const { client, server, sleeps } = testClient(() => graphError(429, 'TooManyRequests', 'Slow down', { 'Retry-After': '1' }), {
      retry: { maxAttempts: 3 },
    });
    const error = await client.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(isThrottled(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', retryAfterMs: 1000 });
    expect(server.sent).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('gives up when the next wait would overrun maxTotalMs', async () => {
    const { client, server, sleeps } = testClient(() => json(503, {}, { 'Retry-After': '10' }), { retry: { maxAttempts: 10, maxTotalMs: 25_000 } });
    await expect(client.get('/x')).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toEqual([10_000, 10_000]);
    expect(server.sent).toHaveLength(3);
  });

  it('does not wait at all when Retry-After alone exceeds the budget', async () => {
    const { client, server, sleeps } = testClient(() => json(429, {}, { 'Retry-After': '120' }));
    await expect(client.get('/x')).rejects.toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
    expect(server.sent).toHaveLength(1);
  });

  it.each([
    [400, 'invalidRequest', (e: unknown) => e instanceof GraphRequestError && e.status === 400],
    [404, 'itemNotFound', isNotFound],
    [412, 'resourceModified', isConflict],
    [500, 'generalException', (e: unknown) => e instanceof GraphRequestError && e.status === 500],
  ])('never retries %i', async (status, code, check) => {
    const { client, server, sleeps } = testClient(() => graphError(status, code, 'no'));
    const error = await client.get('/x').catch((e: unknown) => e);
    expect(check(error)).toBe(true);
    expect(server.sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(client.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('re-sends the body on a retried write', async () => {
    const { client, server } = testClient(sequence(() => json(429, {}, { 'Retry-After': '0' })));
    await client.patch('/sites/s/lists/l/items/1/fields', { Title: 'Ny' }, { ifMatch: '"a,1"' });
    expect(server.sent).toHaveLength(2);
    expect(server.sent.map((r) => r.body)).toEqual([{ Title: 'Ny' }, { Title: 'Ny' }]);
    expect(server.sent.map((r) => r.headers.get('if-match'))).toEqual(['"a,1"', '"a,1"']);
  });

  it('uses setTimeout for its waits by default', async () => {
    jest.useFakeTimers();
    try {
      const { client, server } = testClient(sequence(() => json(429, {}, { 'Retry-After': '2' })), { sleep: undefined });
      const done = client.get('/x');
      await jest.advanceTimersByTimeAsync(1999);
      expect(server.sent).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(1);
      await expect(done).resolves.toEqual({ ok: true });
      expect(server.sent).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
