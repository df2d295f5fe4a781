// Delta-based refresh of a loaded plan.
import { entryOf, graphClientOf, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, registerPeople, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ defaultPageSize: 20 });
  for (const name of ['rs-2025.json', 'rs-2024.json']) {
    const doc = fixture(name);
    registerPeople(h.emulator, doc);
    await importPlan(await h.store(), doc);
  }
});

afterAll(async () => {
  await h.close();
});

test("a refresh brings in what others changed in this plan, and nothing of other plans", async () => {
  const mine = await h.store();
  const plan = await mine.loadPlan('RS:2025');
  const tracker = await mine.track();

  const other = await h.store();
  const theirs = await other.loadPlan('RS:2025');
  const indicator = theirs.indicators[0];
  const base = indicator ? entryOf(theirs, 'indicator', indicator.ref, '2025-annual') : undefined;
  if (!indicator || !base) throw new Error('fixture entry missing');
  await other.saveEntry(theirs, { subjectKind: 'indicator', subjectRef: indicator.ref, periodKey: '2025-annual', edit: { comment: 'Ändrad av någon annan' }, base }, 'other@region.example');
  const otherPlan = await other.loadPlan('RS:2024');
  const otherIndicator = otherPlan.indicators[0];
  if (!otherIndicator) throw new Error('no indicator in 2024');
  await other.saveEntry(otherPlan, { subjectKind: 'indicator', subjectRef: otherIndicator.ref, periodKey: '2024-annual', edit: { comment: 'Annan plan' } }, 'other@region.example');

  const result = await mine.refresh(plan, tracker);
  if (result.status !== 'refreshed') throw new Error('expected a refresh');
  expect(result.changed).toBe(1);
  expect(entryOf(result.plan, 'indicator', indicator.ref, '2025-annual')?.comment).toBe('Ändrad av någon annan');
  expect(result.plan.entries).toHaveLength(plan.entries.length);

  const again = await mine.refresh(result.plan, result.tracker);
  expect(again).toMatchObject({ status: 'refreshed', changed: 0 });
});

test('deleted entries disappear from the refreshed plan', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const tracker = await store.track();
  const victim = plan.entries[0];
  if (!victim) throw new Error('no entry');
  await graphClientOf(store).delete(`/sites/${store.site.siteId}/lists/${store.site.listIds.FollowUps}/items/${victim.itemId}`);
  const result = await store.refresh(plan, tracker);
  if (result.status !== 'refreshed') throw new Error('expected a refresh');
  expect(result.plan.entries.map((e) => e.itemId)).not.toContain(victim.itemId);
});

test('an expired or unknown change token asks for a full reload', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const tracker = await store.track();
  const broken = { ...tracker, goals: tracker.goals.replace(/token=[^&]+/, 'token=utgangen') };
  await expect(store.refresh(plan, broken)).resolves.toEqual({ status: 'resync-required' });
});
