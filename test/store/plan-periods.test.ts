// Each plan's own reporting schedule (Planperioder): a plan's deadline and lock overlay the shared
// period's, in loadPlan, loadAllPlans and a delta refresh; a plan without a row of its own (older
// data) keeps the shared period's; a site provisioned before the list still opens and loads.
import { startEmulator } from '../../src/emulator';
import { createGraphClient } from '../../src/graph';
import { LISTS, provision } from '../../src/lists';
import { planPeriodFields } from '../../src/lists/mapping';
import type { FollowUpStore } from '../../src/store';
import { FollowUpStore as Store, importPlan, openSite } from '../../src/store';
import { graphClientOf } from '../../src/store/follow-up-store';
import { listPath } from '../../src/store/site';
import type { Harness } from './harness';
import { SITE, fixture, startHarness } from './harness';

let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
  await importPlan(store, fixture('rs-2025.json'));
  await importPlan(store, fixture('rs-2024.json'));
});

afterAll(async () => {
  await h.close();
});

/** Writes the plan's own row for a period as the lock command would. */
async function setOwnSchedule(planKeyText: string, fields: Parameters<typeof planPeriodFields>[0]): Promise<void> {
  const plan = await store.loadPlan(planKeyText);
  const items = `${listPath(store.site, 'PlanPeriods')}/items`;
  const own = plan.planPeriods.find((p) => p.periodKey === fields.periodKey);
  const written = planPeriodFields(fields, plan.planItemId);
  // An existing row is changed in what the setting names only (a lock leaves the deadline alone).
  const named = Object.fromEntries(Object.entries(written).filter(([name]) => name.startsWith('Lock') || (name === 'Deadline' && fields.deadline !== undefined)));
  if (own) await graphClientOf(store).patch(`${items}/${own.itemId}/fields`, named, { ifMatch: own.eTag });
  else await graphClientOf(store).post(items, { fields: written });
}

test("a plan's own deadline and lock are what its periods say, with who locked and when", async () => {
  await setOwnSchedule('RS:2024', { periodKey: '2024-annual', deadline: '2025-02-14', locked: true, lockedByUpn: 'karin.lindqvist@region.example', lockedAt: '2025-02-20T09:30:00Z' });
  const plan = await store.loadPlan('RS:2024');
  expect(plan.periods.find((p) => p.key === '2024-annual')).toMatchObject({ deadline: '2025-02-14', locked: true, lockedByUpn: 'karin.lindqvist@region.example', lockedAt: '2025-02-20T09:30:00Z' });
  // Its other period, and the other plan, are as before.
  expect(plan.periods.find((p) => p.key === '2024-interim')).toMatchObject({ deadline: '2024-08-20' });
  expect(plan.periods.find((p) => p.key === '2024-interim')?.locked).toBeUndefined();
  const rs2025 = await store.loadPlan('RS:2025');
  expect(rs2025.periods.find((p) => p.key === '2025-annual')).toMatchObject({ deadline: '2026-01-31' });
  expect(rs2025.periods.find((p) => p.key === '2025-annual')?.locked).toBeUndefined();

  const all = await store.loadAllPlans();
  expect(all.find((p) => p.plan.year === 2024)?.periods.find((p) => p.key === '2024-annual')).toMatchObject({ deadline: '2025-02-14', locked: true });
});

test('an unlock of its own wins over a shared lock (older data), and a lock set meanwhile arrives by refresh', async () => {
  // Older data: the lock on the shared period, the list Periods.
  const [shared] = await graphClientOf(store)
    .get<{ value: Array<{ id: string; fields: { Key: string } }> }>(`${listPath(store.site, 'Periods')}/items?$expand=fields&$top=50`)
    .then((r) => r.value.filter((i) => i.fields.Key === '2025-interim'));
  await graphClientOf(store).patch(`${listPath(store.site, 'Periods')}/items/${shared?.id ?? ''}/fields`, { Locked: true });
  expect((await store.loadPlan('RS:2025')).periods.find((p) => p.key === '2025-interim')?.locked).toBe(true);

  await setOwnSchedule('RS:2025', { periodKey: '2025-interim', locked: false });
  const unlocked = await store.loadPlan('RS:2025');
  expect(unlocked.periods.find((p) => p.key === '2025-interim')?.locked).toBeUndefined();
  expect(unlocked.periods.find((p) => p.key === '2025-interim')?.deadline).toBe('2025-08-20');

  const tracker = await store.track();
  await setOwnSchedule('RS:2025', { periodKey: '2025-interim', locked: true, lockedByUpn: 'karin.lindqvist@region.example', lockedAt: '2025-09-01T08:00:00Z' });
  const refreshed = await store.refresh(unlocked, tracker);
  expect(refreshed.status).toBe('refreshed');
  if (refreshed.status === 'refreshed') expect(refreshed.plan.periods.find((p) => p.key === '2025-interim')).toMatchObject({ locked: true, lockedByUpn: 'karin.lindqvist@region.example' });
});

test('a site provisioned before Planperioder opens, loads, refreshes, with the shared deadlines', async () => {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
  try {
    const token = emulator.issueToken({ app: true }).access_token;
    const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
    await provision(client, SITE);
    const full = new Store(client, await openSite(client, SITE));
    await importPlan(full, fixture('rs-2024.json'));
    // The same site as if it had never had the list: the tab's store opened without it.
    const site = await openSite(client, SITE);
    const older = new Store(client, { ...site, listIds: { ...site.listIds, PlanPeriods: '' } });
    const plan = await older.loadPlan('RS:2024');
    expect(plan.planPeriods).toEqual([]);
    expect(plan.periods.map((p) => p.key)).toEqual(['2024-interim', '2024-annual']);
    expect((await older.loadAllPlans())[0]?.periods).toHaveLength(2);
    const tracker = await older.track();
    expect((await older.refresh(plan, tracker)).status).toBe('refreshed');
  } finally {
    await emulator.close();
  }
  const bare = await startEmulator({ port: 0, dbPath: ':memory:' });
  try {
    const token = bare.issueToken({ app: true }).access_token;
    const client = createGraphClient({ baseUrl: bare.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
    await provision(client, SITE, { lists: LISTS.filter((l) => l.name !== 'PlanPeriods') });
    const site = await openSite(client, SITE);
    expect(site.listIds.PlanPeriods).toBe('');
    expect(() => listPath(site, 'PlanPeriods')).toThrow('Listorna Planperioder finns inte på webbplatsen. Kör "malkoll provision" först.');
  } finally {
    await bare.close();
  }
});
