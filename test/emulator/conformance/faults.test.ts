// Fault injection against the SDK's RetryHandler (graph-lists.md §8: 429/503 with Retry-After in
// seconds; RetryHandler retries 429/503/504, honours Retry-After, defaults delay 3 s / 3 retries,
// caps at 10 retries).
import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Emulator, GraphCaller } from './harness';
import {
  createListItemsPath,
  expectErrorEnvelope,
  expectStatus,
  field,
  graphClient,
  signInAnna,
  rec,
  siteId,
  startTestEmulator,
  str,
  values,
} from './harness';

let emu: Emulator;
let token: string;
let g: GraphCaller;
let items: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  token = await signInAnna(emu);
  g = graphClient(emu, { token });
  const site = await siteId(g);
  items = await createListItemsPath(g, site, { displayName: 'Faulty', columns: [{ name: 'Key', text: {}, indexed: true }] });
});

afterEach(() => {
  emu.faults.reset();
});

afterAll(async () => {
  await emu.close();
});

interface Attempt {
  method: string;
  url: string;
  status: number;
  at: number;
}

function observed(retry: RetryHandlerOptions): { client: GraphCaller; attempts: Attempt[] } {
  const attempts: Attempt[] = [];
  const client = graphClient(emu, { token, retry, observe: (a) => attempts.push({ ...a, at: Date.now() }) });
  return { client, attempts };
}

describe('injected faults', () => {
  test('an injected 429 carries Retry-After (seconds) and the error envelope', async () => {
    emu.faults.set({ throttleRate: 1, retryAfterSeconds: 1 });
    const { client } = observed(new RetryHandlerOptions(0, 0));
    const r = await client.get('/sites/root');
    const err = expectErrorEnvelope(r, 429);
    expect(err['code']).toBe('TooManyRequests');
    expect(r.headers.get('retry-after')).toBe('1');
  });

  test('an injected 503 carries Retry-After and the error envelope', async () => {
    emu.faults.set({ unavailableRate: 1, retryAfterSeconds: 2 });
    const { client } = observed(new RetryHandlerOptions(0, 0));
    const r = await client.get('/sites/root');
    expectErrorEnvelope(r, 503);
    expect(r.headers.get('retry-after')).toBe('2');
  });

  test('the SDK default RetryHandler gives up after 3 retries (4 attempts) and returns the 429', async () => {
    emu.faults.set({ throttleRate: 1, retryAfterSeconds: 0 });
    const { client, attempts } = observed(new RetryHandlerOptions());
    const r = await client.get('/sites/root');
    expect(r.status).toBe(429);
    expect(attempts.map((a) => a.status)).toEqual([429, 429, 429, 429]);
  });

  test('the RetryHandler waits the Retry-After seconds before retrying', async () => {
    emu.faults.set({ throttleRate: 0.5, retryAfterSeconds: 1, seed: 7 });
    const { client, attempts } = observed(new RetryHandlerOptions(0, 10));
    let checked = 0;
    for (let i = 0; i < 12 && checked < 2; i += 1) {
      const start = attempts.length;
      const r = await client.get('/sites/root');
      expectStatus(r, 200);
      const mine = attempts.slice(start);
      for (let k = 1; k < mine.length; k += 1) {
        const prev = mine[k - 1];
        const cur = mine[k];
        if (!prev || !cur) continue;
        expect(prev.status).toBe(429);
        // Retry-After: 1 means at least about a second between the attempts (timer slack allowed)
        expect(cur.at - prev.at).toBeGreaterThanOrEqual(950);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 30000);

  test('with 30 % 429s, 40 creates and 40 reads through the RetryHandler each happen exactly once', async () => {
    emu.faults.set({ throttleRate: 0.3, retryAfterSeconds: 0, seed: 1234 });
    const { client, attempts } = observed(new RetryHandlerOptions(0, 10));
    const ids: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      const r = await client.post(items, { fields: { Title: `f${i}`, Key: `f-${i}` } });
      expectStatus(r, 201);
      ids.push(str(rec(r.body)['id']));
    }
    for (const [i, id] of ids.entries()) {
      const r = await client.get(`${items}/${id}?$expand=fields`);
      expectStatus(r, 200);
      expect(field(r.body, 'Key')).toBe(`f-${i}`);
    }
    const throttled = attempts.filter((a) => a.status === 429).length;
    expect(throttled).toBeGreaterThan(5); // the faults were really exercised

    emu.faults.reset();
    const pages = await g.pages(`${items}?$expand=fields($select=Key)&$top=100`);
    const keys = pages.flatMap((p) => values(p)).map((it) => str(field(it, 'Key')));
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    expect(new Set(ids).size).toBe(40);
  }, 60000);

  test('inside $batch the outer answer stays 200 and each step carries its own 429 and Retry-After', async () => {
    emu.faults.set({ throttleRate: 1, retryAfterSeconds: 3 });
    const { client } = observed(new RetryHandlerOptions(0, 0));
    const r = await client.post('/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/sites/root' },
        { id: '2', method: 'GET', url: '/me' },
      ],
    });
    expectStatus(r, 200);
    const responses = rec(r.body)['responses'];
    if (!Array.isArray(responses)) throw new Error('no responses');
    expect(responses).toHaveLength(2);
    for (const one of responses) {
      const resp = rec(one);
      expect(resp['status']).toBe(429);
      const headers = rec(resp['headers'], 'inner headers');
      const retryAfter = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
      expect(String(retryAfter)).toBe('3');
    }
  });

  test('GET/PUT /_dev/faults control the faults over HTTP', async () => {
    const put = await fetch(`${emu.url}/_dev/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 1, retryAfterSeconds: 0 }),
    });
    expect(put.status).toBe(200);
    const got = await fetch(`${emu.url}/_dev/faults`);
    expect(got.status).toBe(200);
    expect(rec(await got.json())['throttleRate']).toBe(1);
    const { client } = observed(new RetryHandlerOptions(0, 0));
    expect((await client.get('/sites/root')).status).toBe(429);

    const off = await fetch(`${emu.url}/_dev/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(off.status).toBe(200);
    expect((await client.get('/sites/root')).status).toBe(200);

    const bad = await fetch(`${emu.url}/_dev/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ throttleRate: 2 }),
    });
    expect(bad.status).toBe(400);
  });
});
