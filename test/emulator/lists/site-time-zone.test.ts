// The emulator's date-only columns follow the site's time zone, as SharePoint's do: a date is kept
// as midnight of its day on the site and Graph returns that instant in UTC (docs/emulator.md, Dates).
import { startEmulator } from '../../../src/emulator';
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator';
import { createGraphClient } from '../../../src/graph';
import type { GraphClient } from '../../../src/graph';

const SITE = 'localhost:/sites/malkoll';

interface Site {
  readonly emulator: RunningEmulator;
  readonly client: GraphClient;
  readonly items: string;
  readonly columns: string;
}

async function siteIn(options: EmulatorOptions): Promise<Site> {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:', ...options });
  const token = emulator.issueToken({ app: true }).access_token;
  const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) }, retry: { maxAttempts: 1 } });
  const { id: siteId } = await client.get<{ id: string }>(`/sites/${SITE}`);
  const { body } = await client.post<{ id: string }>(`/sites/${siteId}/lists`, {
    displayName: 'Dates',
    list: { template: 'genericList' },
    columns: [
      { name: 'Day', dateTime: { format: 'dateOnly' } },
      { name: 'When', dateTime: { format: 'dateTime' } },
    ],
  });
  const list = `/sites/${siteId}/lists/${body.id}`;
  return { emulator, client, items: `${list}/items`, columns: `${list}/columns` };
}

async function kept(site: Site, fields: Record<string, string>): Promise<Record<string, unknown>> {
  const { body } = await site.client.post<{ id: string }>(site.items, { fields });
  return (await site.client.get<{ fields: Record<string, unknown> }>(`${site.items}/${body.id}?$expand=fields`)).fields;
}

describe('a Stockholm site (the default)', () => {
  let site: Site;
  beforeAll(async () => {
    site = await siteIn({});
  });
  afterAll(() => site.emulator.close());

  test.each([['2025-03-14T00:00:00Z'], ['2025-03-14T11:00:00Z'], ['2025-03-14T12:00:00Z'], ['2025-03-14'], ['2025-03-14T00:30:00+01:00']])(
    '14 March written as %s reads 2025-03-13T23:00:00Z',
    async (written) => {
      expect((await kept(site, { Day: written })).Day).toBe('2025-03-13T23:00:00Z');
    },
  );

  test('in summer midnight is at 22:00 UTC; late on the 13th in UTC is already the 14th there', async () => {
    expect((await kept(site, { Day: '2025-06-14T11:00:00Z' })).Day).toBe('2025-06-13T22:00:00Z');
    expect((await kept(site, { Day: '2025-03-13T23:30:00Z' })).Day).toBe('2025-03-13T23:00:00Z');
  });

  test('a date-and-time column keeps the instant', async () => {
    expect((await kept(site, { When: '2026-01-20T10:23:45Z' })).When).toBe('2026-01-20T10:23:45Z');
  });

  test("a filter compares against the kept instant: lt 14 March's UTC midnight finds 14 March", async () => {
    const { body } = await site.client.post<{ id: string }>(site.items, { fields: { Title: 'filter', Day: '2025-03-14T11:00:00Z' } });
    const filter = encodeURIComponent("fields/Day lt '2025-03-14T00:00:00Z' and fields/Day ge '2025-03-13T22:00:00Z'");
    const found = await site.client.get<{ value: Array<{ id: string }> }>(`${site.items}?$filter=${filter}`, { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    expect(found.value.map((i) => i.id)).toContain(body.id);
  });

  test('turning a date-only column into date and time keeps each value as it was', async () => {
    const fields = await kept(site, { Title: 'widen', Day: '2025-03-14T11:00:00Z' });
    const columns = await site.client.get<{ value: Array<{ id: string; name: string }> }>(site.columns);
    const day = columns.value.find((c) => c.name === 'Day');
    await site.client.patch(`${site.columns}/${day?.id ?? ''}`, { dateTime: { format: 'dateTime' } });
    const after = await site.client.get<{ fields: Record<string, unknown> }>(`${site.items}/${String(fields.id)}?$expand=fields`);
    expect(after.fields.Day).toBe('2025-03-13T23:00:00Z');
    expect((await kept(site, { Day: '2025-03-14T11:00:00Z' })).Day).toBe('2025-03-14T11:00:00Z');
  });
});

describe.each([
  ['UTC', '2025-03-14T00:00:00Z', '2025-03-14T00:00:00Z'],
  ['America/New_York', '2025-03-14T04:00:00Z', '2025-03-13T04:00:00Z'],
  ['Asia/Tokyo', '2025-03-13T15:00:00Z', '2025-03-13T15:00:00Z'],
])('a site in %s', (siteTimeZone, elevenUtc, midnightUtc) => {
  let site: Site;
  beforeAll(async () => {
    site = await siteIn({ siteTimeZone });
  });
  afterAll(() => site.emulator.close());

  test(`11:00 UTC on 14 March is 14 March there: ${elevenUtc}`, async () => {
    expect((await kept(site, { Day: '2025-03-14T11:00:00Z' })).Day).toBe(elevenUtc);
  });

  test(`UTC midnight of 14 March is the day it falls on there: ${midnightUtc}`, async () => {
    expect((await kept(site, { Day: '2025-03-14T00:00:00Z' })).Day).toBe(midnightUtc);
  });
});

test('an unknown time zone is refused at start', async () => {
  await expect(startEmulator({ port: 0, dbPath: ':memory:', siteTimeZone: 'Mars/Olympus_Mons' })).rejects.toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
});
