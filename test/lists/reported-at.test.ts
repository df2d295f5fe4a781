// ReportedAt is a date and time: a save keeps when it was reported, to the second, and provisioning
// turns the date-only column an earlier version created into date and time, keeping its values.
import type { GraphClient } from '../../src/graph';
import { LISTS, provision } from '../../src/lists';
import type { ListSpec } from '../../src/lists';
import { FollowUpStore, entryOf, importPlan, openSite } from '../../src/store';
import { SITE, fixture, registerPeople, startHarness } from '../store/harness';
import type { Harness } from '../store/harness';

/** The schema with FollowUps.ReportedAt of another kind: what an earlier version provisioned. */
function withReportedAt(kind: 'date' | 'dateTime'): readonly ListSpec[] {
  return LISTS.map((l) => (l.name !== 'FollowUps' ? l : { ...l, columns: l.columns.map((c) => (c.name === 'ReportedAt' ? { ...c, kind } : c)) }));
}

async function reportedAtFormat(client: GraphClient, siteId: string, listId: string): Promise<string | undefined> {
  const columns = await client.get<{ value: Array<{ name: string; dateTime?: { format?: string } }> }>(`/sites/${siteId}/lists/${listId}/columns`);
  return columns.value.find((c) => c.name === 'ReportedAt')?.dateTime?.format;
}

describe('a save', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const doc = fixture('rs-2025.json');
    registerPeople(h.emulator, doc);
    await importPlan(await h.store(), doc);
  });
  afterAll(() => h.close());

  test('keeps the time it was reported, to the second', async () => {
    const client = h.client();
    const store = new FollowUpStore(client, await openSite(client, SITE), () => new Date('2026-01-20T10:23:45.678Z'));
    const plan = await store.loadPlan('RS:2025');
    const ref = plan.indicators[0]?.ref ?? '';
    const base = entryOf(plan, 'indicator', ref, '2025-annual');
    const saved = await store.saveEntry(plan, { subjectKind: 'indicator', subjectRef: ref, periodKey: '2025-annual', edit: { comment: 'Nu' }, ...(base ? { base } : {}) }, 'johan@region.example');
    expect(saved.status).toBe('saved');
    expect(entryOf(await store.loadPlan('RS:2025'), 'indicator', ref, '2025-annual')?.reportedAt).toBe('2026-01-20T10:23:45Z');
  });
});

describe('provisioning a site whose ReportedAt is date-only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('makes it date and time, keeping the values, and then finds nothing to do', async () => {
    const client = h.client();
    // The harness provisioned today's schema; start again from a site as an earlier version left it.
    const site = await openSite(client, SITE);
    const listId = site.listIds.FollowUps;
    const columns = await client.get<{ value: Array<{ id: string; name: string }> }>(`/sites/${site.siteId}/lists/${listId}/columns`);
    const column = columns.value.find((c) => c.name === 'ReportedAt');
    await client.patch(`/sites/${site.siteId}/lists/${listId}/columns/${column?.id ?? ''}`, { dateTime: { format: 'dateOnly' } });
    const { body: item } = await client.post<{ id: string }>(`/sites/${site.siteId}/lists/${listId}/items`, { fields: { Title: 'x', Key: 'x', ReportedAt: '2025-03-14T11:00:00Z' } });
    expect(await reportedAtFormat(client, site.siteId, listId)).toBe('dateOnly');

    const report = await provision(client, SITE);
    expect(report.changes).toEqual(['Ändrade kolumnen Uppföljningar.ReportedAt: date → dateTime']);
    expect(report.drift).toEqual([]);
    expect(await reportedAtFormat(client, site.siteId, listId)).toBe('dateTime');
    const kept = await client.get<{ fields: Record<string, unknown> }>(`/sites/${site.siteId}/lists/${listId}/items/${item.id}?$expand=fields`);
    expect(kept.fields.ReportedAt).toBe('2025-03-13T23:00:00Z');

    expect(await provision(client, SITE)).toMatchObject({ changes: [], drift: [] });
  });

  test('the other way, date and time to date-only, would lose the time: drift, left alone', async () => {
    const report = await provision(h.client(), SITE, { lists: withReportedAt('date') });
    expect(report.changes).toEqual([]);
    expect(report.drift).toEqual(['Uppföljningar.ReportedAt är av typen dateTime men ska vara date; ändras inte automatiskt']);
  });
});
