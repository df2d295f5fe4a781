// The client against the in-process emulator over real HTTP (global fetch): token attached, the
// error envelope, paging, $batch, eTags, delta, and completion under injected throttling.
import { startEmulator } from '../../src/emulator';
import type { RunningEmulator } from '../../src/emulator';
import { GraphRequestError, createGraphClient, isConflict, isNotFound } from '../../src/graph';
import type { GraphClient, GraphClientOptions } from '../../src/graph';

interface Item {
  id: string;
  eTag?: string;
  fields?: { Title?: string; Key?: string; Score?: number };
}

let emu: RunningEmulator;
let token: string;
let items: string;

function clientFor(options: Partial<GraphClientOptions> = {}): GraphClient {
  return createGraphClient({ baseUrl: emu.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) }, ...options });
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, dbPath: ':memory:', defaultPageSize: 5 });
  emu.registerUsers([{ upn: 'anna@malkoll.test', displayName: 'Anna Andersson' }]);
  token = emu.issueToken({ upn: 'anna@malkoll.test', scopes: ['Sites.Manage.All', 'User.Read'] }).access_token;
  const client = clientFor();
  const site = await client.get<{ id: string }>('/sites/localhost:/sites/malkoll');
  const list = await client.post<{ id: string }>(`/sites/${site.id}/lists`, {
    displayName: 'GraphClientTest',
    columns: [
      { name: 'Key', text: {}, indexed: true },
      { name: 'Score', number: {} },
    ],
  });
  items = `/sites/${site.id}/lists/${list.body.id}/items`;
  // 23 items created through $batch: two chunks (20 + 3).
  const created = await client.batch(
    Array.from({ length: 23 }, (_, i) => ({ method: 'POST' as const, url: items, body: { fields: { Title: `Item ${i + 1}`, Key: `k-${i + 1}`, Score: i } } })),
  );
  expect(created.map((r) => r.status)).toEqual(Array.from({ length: 23 }, () => 201));
});

afterAll(async () => {
  await emu.close();
});

describe('graph client against the emulator', () => {
  it('attaches the token: /sites/root answers 200', async () => {
    const seen: string[] = [];
    const client = clientFor({ onRequest: (e) => seen.push(`${e.status} ${e.url}`) });
    const root = await client.get<{ id: string }>('/sites/root');
    expect(typeof root.id).toBe('string');
    expect(seen).toEqual([`200 ${emu.graphUrl}/sites/root`]);
  });

  it('turns a 401 for a bad token into GraphRequestError InvalidAuthenticationToken', async () => {
    const client = createGraphClient({ baseUrl: emu.graphUrl, tokenSource: { getToken: () => Promise.resolve('not-a-token') } });
    const error = await client.get('/sites/root').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 401, code: 'InvalidAuthenticationToken' });
    expect((error as GraphRequestError).requestId).toEqual(expect.any(String));
  });

  it('pages through every item (page size 5)', async () => {
    const client = clientFor();
    const sizes: number[] = [];
    for await (const page of client.pages<Item>(`${items}?$expand=fields(select=Title,Key)`)) sizes.push(page.length);
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    const keys: string[] = [];
    for await (const item of client.items<Item>(`${items}?$expand=fields(select=Key)&$top=10`)) keys.push(item.fields?.Key ?? '');
    expect(keys).toHaveLength(23);
    expect(new Set(keys).size).toBe(23);
    expect(client.stats.requests).toBe(5 + 3);
  });

  it('reads in $batch, and reports a missing item as GraphRequestError', async () => {
    const client = clientFor();
    const all: Item[] = [];
    for await (const item of client.items<Item>(items)) all.push(item);
    const bodies = await client.batchGet<Item>(all.map((item) => `${items}/${item.id}?$expand=fields`));
    expect(bodies.map((b) => b.id)).toEqual(all.map((item) => item.id));
    expect(client.stats.requests).toBe(5 + 2);
    const error = await client.batchGet([`${items}/${all[0]?.id ?? ''}`, `${items}/999999`]).catch((e: unknown) => e);
    expect(isNotFound(error)).toBe(true);
  });

  it('writes with If-Match: the new eTag works, the stale one is a 412 conflict', async () => {
    const client = clientFor();
    const item = await client.get<Item>(`${items}/1`);
    expect(item.eTag).toBeDefined();
    const first = await client.patch(`${items}/1/fields`, { Score: 100 }, { ifMatch: item.eTag ?? '' });
    expect(first.eTag).toBeDefined();
    expect(first.eTag).not.toBe(item.eTag);
    const stale = await client.patch(`${items}/1/fields`, { Score: 101 }, { ifMatch: item.eTag ?? '' }).catch((e: unknown) => e);
    expect(isConflict(stale)).toBe(true);
    await expect(client.patch(`${items}/1/fields`, { Score: 102 }, { ifMatch: first.eTag ?? '' })).resolves.toBeDefined();
  });

  it('follows delta to its deltaLink and picks up changes and deletions from it', async () => {
    const client = clientFor();
    const initial = await client.delta<Item>(`${items}/delta`);
    expect(initial.changed.length).toBeGreaterThanOrEqual(23);
    expect(initial.deltaLink).toMatch(/token=/);
    const victim = initial.changed.find((i) => i.id === '2');
    await client.patch(`${items}/3/fields`, { Title: 'Changed' });
    await client.delete(`${items}/2`, { ifMatch: victim?.eTag ?? '*' });
    const next = await client.delta<Item>(initial.deltaLink);
    expect(next.changed.map((i) => i.id)).toEqual(['3']);
    expect(next.deletedIds).toEqual(['2']);
  });

  it('completes under 30 % injected 429s (outer and inside $batch), honouring Retry-After', async () => {
    const expected: string[] = [];
    for await (const item of clientFor().items<Item>(`${items}?$expand=fields(select=Key)`)) expected.push(item.fields?.Key ?? '');
    const sleeps: number[] = [];
    let throttled = 0;
    const client = clientFor({
      // Instant waits keep the test fast; the recorded values show Retry-After was honoured.
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      onRequest: (e) => {
        if (e.status === 429) throttled += 1;
      },
      // 0.3^12: no request runs out of attempts by chance.
      retry: { maxAttempts: 12 },
    });
    emu.faults.set({ throttleRate: 0.3, retryAfterSeconds: 1, seed: 20250301 });
    try {
      const keys: string[] = [];
      for await (const item of client.items<Item>(`${items}?$expand=fields(select=Key)`)) keys.push(item.fields?.Key ?? '');
      expect(keys).toEqual(expected);
      const found = await client.batchGet<{ value: Item[] }>(
        keys.map((key) => `${items}?$expand=fields(select=Key)&$filter=${encodeURIComponent(`fields/Key eq '${key}'`)}`),
      );
      expect(found.map((page) => page.value[0]?.fields?.Key)).toEqual(keys);
      for (let i = 0; i < 10; i += 1) await client.get('/sites/root');
    } finally {
      emu.faults.reset();
    }
    expect(throttled).toBeGreaterThan(0);
    // More retries than throttled round trips: the rest were inner 429s retried inside $batch.
    expect(client.stats.retries).toBeGreaterThan(throttled);
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms === 1000)).toBe(true);
  });
});
