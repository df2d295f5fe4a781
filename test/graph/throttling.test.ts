// Slowing down before SharePoint throttles, and staying away while it does: RateLimit-* headers
// (on answers and inside $batch answers) space the client's next requests, and a throttled answer
// holds the client's other SharePoint requests, not only the one that was refused.
import type { Handler } from './fake-graph';
import { GRAPH, json, testClient } from './fake-graph';

const ITEMS = '/sites/s/lists/l/items';

/** A test client on a clock that only moves when the client waits. */
function clocked(handler: Handler, options: Parameters<typeof testClient>[1] = {}) {
  let clock = Date.parse('2025-03-03T07:00:00Z');
  const sleeps: number[] = [];
  const test = testClient(handler, {
    now: () => clock,
    sleep: (ms) => {
      sleeps.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    ...options,
  });
  return { ...test, sleeps, elapsed: () => clock - Date.parse('2025-03-03T07:00:00Z') };
}

const rateLimited = (remaining: number, resetSeconds: number) => ({
  'RateLimit-Limit': '3600',
  'RateLimit-Remaining': String(remaining),
  'RateLimit-Reset': String(resetSeconds),
});

describe('RateLimit-* headers', () => {
  it('space the next requests over what is left of the minute once SharePoint sends them', async () => {
    // 20, 18, 16, … units left, the window turning in 10 s: 2 units a request, 1 s apart.
    const { client, sleeps, elapsed } = clocked((_request, index) => json(200, { value: [] }, rateLimited(20 - 2 * index, 10)));
    for (let i = 0; i < 5; i += 1) await client.get(ITEMS);
    // About 1 s each (the fake's window does not shrink as time passes, so later gaps grow a little).
    expect(sleeps.length).toBeGreaterThanOrEqual(3);
    expect(sleeps.every((ms) => ms >= 900 && ms <= 1250)).toBe(true);
    expect(client.stats.pacedMs).toBe(elapsed());
  });

  it('hold every SharePoint request until the window turns when nothing is left', async () => {
    const { client, sleeps } = clocked((_request, index) => json(200, { value: [] }, index === 0 ? rateLimited(0, 7) : {}));
    await client.get(ITEMS);
    await client.get(`${ITEMS}/1`);
    expect(sleeps).toEqual([7000]);
  });

  it('do not slow down calls that are not SharePoint\'s (directory, Teams)', async () => {
    const { client, sleeps } = clocked((_request, index) => json(200, {}, index === 0 ? rateLimited(0, 7) : {}));
    await client.get(ITEMS);
    await client.get('/users/anna@malkoll.test/manager');
    expect(sleeps).toEqual([]);
  });

  it('are read inside $batch answers too, where a browser can always read them', async () => {
    const { client, sleeps } = clocked((request) => {
      if (request.url.href.endsWith('/$batch')) {
        const steps = (request.body as { requests: Array<{ id: string }> }).requests;
        return json(200, { responses: steps.map((s) => ({ id: s.id, status: 200, headers: rateLimited(0, 12), body: { value: [] } })) });
      }
      return json(200, { value: [] });
    });
    await client.batch([{ method: 'GET', url: ITEMS }]);
    await client.get(ITEMS);
    expect(sleeps).toEqual([12_000]);
  });
});

describe('a throttled answer holds the client', () => {
  it('after an outer 429 without a readable Retry-After, the next SharePoint request waits out the floor too', async () => {
    const { client, sleeps } = clocked((_request, index) => (index === 0 ? json(429, {}) : json(200, { value: [] })), { retry: { maxAttempts: 1 } });
    await expect(client.get(ITEMS)).rejects.toMatchObject({ status: 429 });
    await client.get(`${ITEMS}/1`);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(5000);
  });

  it('after an inner 429, the client\'s next requests wait its Retry-After', async () => {
    const { client, server, sleeps } = clocked(
      (request) => {
        if (!request.url.href.endsWith('/$batch')) return json(200, { value: [] });
        const steps = (request.body as { requests: Array<{ id: string }> }).requests;
        return json(200, { responses: steps.map((s) => ({ id: s.id, status: 429, headers: { 'Retry-After': '9' } })) });
      },
      { retry: { maxAttempts: 1 } },
    );
    const [answer] = await client.batch([{ method: 'GET', url: ITEMS }]);
    expect(answer?.status).toBe(429);
    await client.get(ITEMS);
    expect(sleeps).toEqual([9000]);
    expect(server.sent.map((r) => r.url.href)).toEqual([`${GRAPH}/$batch`, `${GRAPH}${ITEMS}`]);
  });

  it('a retry does not wait twice for the hold it set itself', async () => {
    const { client, sleeps } = clocked((_request, index) => (index === 0 ? json(429, {}, { 'Retry-After': '4' }) : json(200, { value: [] })));
    await client.get(ITEMS);
    expect(sleeps).toEqual([4000]);
  });
});
