// Resource units as SharePoint meters them per app: what each call costs, batch steps one by one,
// RateLimit-* headers from 80 % of the per-minute budget (application permissions only), 429 with
// Retry-After = RateLimit-Reset beyond it, and the counters behind /_dev/resource-units.
import { startEmulator } from '../../../src/emulator';
import type { RunningEmulator } from '../../../src/emulator';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

const APP_ID = '2f3c8a7e-5b1d-4c9e-8f6a-6d616c6b6f6c';
const SCOPES = ['Sites.Manage.All', 'Sites.ReadWrite.All', 'User.Read', 'User.Read.All'];

let emu: RunningEmulator;
let clock = Date.parse('2025-03-03T07:00:00Z');
let appToken: string;
let userToken: string;
let items: string;

async function call(path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = path.startsWith('/_dev') ? `${emu.url}${path}` : `${emu.graphUrl}${path}`;
  const headers: Record<string, string> = { ...init.headers, ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** The units the emulator app has been charged since the last reset. */
async function unitsSpent(): Promise<number> {
  const report = (await call('/_dev/resource-units')).body as { apps: Array<{ appId: string; units: number }> };
  return report.apps.find((a) => a.appId === APP_ID)?.units ?? 0;
}

async function costOf(work: () => Promise<unknown>): Promise<number> {
  await call('/_dev/resource-units', { method: 'DELETE' });
  await work();
  return unitsSpent();
}

const rateLimit = (answer: Answer) => ({
  limit: answer.headers.get('ratelimit-limit'),
  remaining: answer.headers.get('ratelimit-remaining'),
  reset: answer.headers.get('ratelimit-reset'),
});

beforeAll(async () => {
  emu = await startEmulator({ port: 0, dbPath: ':memory:', now: () => new Date(clock) });
  emu.registerUsers([{ upn: 'anna@malkoll.test', displayName: 'Anna Andersson' }]);
  appToken = emu.issueToken({ app: true }).access_token;
  userToken = emu.issueToken({ upn: 'anna@malkoll.test', scopes: SCOPES }).access_token;
  const list = await call('/sites/root/lists', { method: 'POST', token: appToken, body: { displayName: 'Mätning', list: { template: 'genericList' } } });
  expect(list.status).toBe(201);
  items = `/sites/root/lists/${(list.body as { id: string }).id}/items`;
  for (const title of ['a', 'b', 'c']) expect((await call(items, { method: 'POST', token: appToken, body: { fields: { Title: title } } })).status).toBe(201);
});

afterEach(() => {
  emu.resourceUnits.set({ perMinute: null });
  clock += 120_000;
});

afterAll(() => emu.close());

describe('what a call costs', () => {
  test('1 for a single item, 2 for a multi-item query, 2 for each write', async () => {
    expect(await costOf(() => call(`${items}/1?$expand=fields`, { token: appToken }))).toBe(1);
    expect(await costOf(() => call(`${items}/1/fields`, { token: appToken }))).toBe(1);
    expect(await costOf(() => call(`${items}?$expand=fields`, { token: appToken }))).toBe(2);
    expect(await costOf(() => call(items, { method: 'POST', token: appToken, body: { fields: { Title: 'd' } } }))).toBe(2);
    expect(await costOf(() => call(`${items}/1/fields`, { method: 'PATCH', token: appToken, body: { Title: 'A' } }))).toBe(2);
    expect(await costOf(() => call(`${items}/4`, { method: 'DELETE', token: appToken }))).toBe(2);
  });

  test('a delta with a token costs 1, without one 2', async () => {
    const first = await call(`${items}/delta`, { token: appToken });
    const deltaLink = (first.body as { '@odata.deltaLink'?: string })['@odata.deltaLink'] ?? '';
    expect(deltaLink).toContain('token=');
    expect(await costOf(() => call(`${items}/delta`, { token: appToken }))).toBe(2);
    expect(await costOf(() => call(deltaLink.slice(deltaLink.indexOf('/sites/')), { token: appToken }))).toBe(1);
    expect(await costOf(() => call(`${items}/delta?token=latest`, { token: appToken }))).toBe(1);
  });

  test('a batch costs its steps, one by one; the batch itself nothing', async () => {
    const requests = [
      { id: '1', method: 'GET', url: `${items}/1` },
      { id: '2', method: 'GET', url: `${items}?$top=2` },
      { id: '3', method: 'POST', url: items, body: { fields: { Title: 'e' } }, headers: { 'Content-Type': 'application/json' } },
    ];
    expect(await costOf(() => call('/$batch', { method: 'POST', token: appToken, body: { requests } }))).toBe(1 + 2 + 2);
  });

  test('site permissions cost 5; directory calls are not SharePoint and cost nothing', async () => {
    expect(await costOf(() => call('/sites/root/permissions', { token: appToken }))).toBe(5);
    expect(await costOf(() => call('/me', { token: userToken }))).toBe(0);
  });

  test('delegated calls count against the app the token was issued to', async () => {
    expect(await costOf(() => call(`${items}?$expand=fields`, { token: userToken }))).toBe(2);
  });

  test('the counters say per operation what was spent, and which User-Agent sent it', async () => {
    await call('/_dev/resource-units', { method: 'DELETE' });
    await call(`${items}?$expand=fields`, { token: appToken, headers: { 'User-Agent': 'ISV|Malkoll|Malkoll/0.1.0' } });
    await call(`${items}/1`, { token: appToken });
    const report = (await call('/_dev/resource-units')).body as { perMinute: number | null; apps: Array<Record<string, unknown>> };
    expect(report.perMinute).toBeNull();
    expect(report.apps.find((a) => a['appId'] === APP_ID)).toMatchObject({
      units: 3,
      requests: 2,
      throttled: 0,
      byOperation: { listItems: { requests: 1, units: 2 }, getItem: { requests: 1, units: 1 } },
      userAgents: expect.arrayContaining(['ISV|Malkoll|Malkoll/0.1.0']) as unknown,
      window: { units: 3, resetsInSeconds: 60 },
    });
  });
});

describe('the per-minute budget', () => {
  test('without a budget (the default) nothing is ever throttled and no RateLimit headers are sent', async () => {
    for (let i = 0; i < 30; i += 1) {
      const answer = await call(`${items}?$expand=fields`, { token: appToken });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
    }
  });

  test('RateLimit-* headers from 80 % of the budget, then 429 with Retry-After equal to RateLimit-Reset', async () => {
    emu.resourceUnits.set({ perMinute: 10 });
    const answers: Answer[] = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call(`${items}?$expand=fields`, { token: appToken }));
    clock += 15_000;
    answers.push(await call(`${items}?$expand=fields`, { token: appToken }));
    answers.push(await call(`${items}?$expand=fields`, { token: appToken }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    // 2, 4, 6 units: under 80 % of 10, no headers; 8 and 10: headers; 12: throttled.
    expect(answers.slice(0, 3).map((a) => a.headers.get('ratelimit-limit'))).toEqual([null, null, null]);
    expect(rateLimit(answers[3] as Answer)).toEqual({ limit: '10', remaining: '2', reset: '60' });
    expect(rateLimit(answers[4] as Answer)).toEqual({ limit: '10', remaining: '0', reset: '45' });
    const throttled = answers[5] as Answer;
    expect(rateLimit(throttled)).toEqual({ limit: '10', remaining: '0', reset: '45' });
    expect(throttled.headers.get('retry-after')).toBe('45');
    expect(throttled.body).toMatchObject({ error: { code: 'activityLimitReached', message: 'The request has been throttled' } });
  });

  test('throttled requests still count, and the next minute starts afresh', async () => {
    emu.resourceUnits.set({ perMinute: 4 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(`${items}?$expand=fields`, { token: appToken })).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const report = emu.resourceUnits.get().apps.find((a) => a.appId === APP_ID);
    expect(report?.window?.units).toBe(8);
    clock += 60_000;
    expect((await call(`${items}?$expand=fields`, { token: appToken })).status).toBe(200);
  });

  test('delegated calls are throttled too, but get no RateLimit headers (SharePoint sends them to app-only calls)', async () => {
    emu.resourceUnits.set({ perMinute: 4 });
    const first = await call(`${items}?$expand=fields`, { token: userToken });
    const second = await call(`${items}?$expand=fields`, { token: userToken });
    const third = await call(`${items}?$expand=fields`, { token: userToken });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect([first, second, third].map((a) => a.headers.get('ratelimit-limit'))).toEqual([null, null, null]);
    expect(third.headers.get('retry-after')).toBe('60');
  });

  test('inside a batch each step is throttled on its own, with its headers in the step; the batch answers 200', async () => {
    emu.resourceUnits.set({ perMinute: 5 });
    const requests = ['1', '2', '3'].map((id) => ({ id, method: 'GET', url: `${items}?$top=1` }));
    const batch = await call('/$batch', { method: 'POST', token: appToken, body: { requests } });
    expect(batch.status).toBe(200);
    const responses = (batch.body as { responses: Array<{ id: string; status: number; headers: Record<string, string> }> }).responses;
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const throttled = responses.find((r) => r.status === 429);
    expect(throttled?.headers).toMatchObject({ 'Retry-After': '60', 'RateLimit-Limit': '5', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '60' });
  });

  test('the budget is set and read through /_dev/resource-units; nonsense is refused', async () => {
    const set = await call('/_dev/resource-units', { method: 'PUT', body: { perMinute: 1200 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ perMinute: 1200 });
    expect(emu.resourceUnits.get().perMinute).toBe(1200);
    expect((await call('/_dev/resource-units', { method: 'PUT', body: { perMinute: 0 } })).status).toBe(400);
    expect((await call('/_dev/resource-units', { method: 'PUT', body: { perMinute: 10, window: 5 } })).status).toBe(400);
    expect((await call('/_dev/resource-units', { method: 'PUT', body: { perMinute: null } })).body).toMatchObject({ perMinute: null });
  });

  test('the option sets the budget from the start', async () => {
    const other = await startEmulator({ port: 0, dbPath: ':memory:', resourceUnitsPerMinute: 3600 });
    try {
      expect(other.resourceUnits.get().perMinute).toBe(3600);
    } finally {
      await other.close();
    }
  });
});
