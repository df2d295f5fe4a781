// Imports that finish or do nothing visible: imports of one plan at once serialise through the
// plan's lease and end with the plan whole; a document the lists would refuse writes nothing; an
// import that meets a live lease waits, one that meets a dead run's lease takes it over.
import type { PlanDocument } from '../../src/core';
import { InvalidPlanDocumentError, exportPlan, importPlan } from '../../src/store';
import type { FollowUpStore } from '../../src/store';
import { acquireLease, readLease, releaseLease } from '../../src/store/lease';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

/** Every item of every list, as `List:Key` (Code for organisations). */
async function everything(store: FollowUpStore): Promise<string[]> {
  const client = h.client();
  const all: string[] = [];
  for (const [name, id] of Object.entries(store.site.listIds)) {
    for await (const item of client.items<{ fields: Record<string, unknown> }>(`/sites/${store.site.siteId}/lists/${id}/items?$expand=fields`)) {
      all.push(`${name}:${String(item.fields.Key ?? item.fields.Code ?? '')}`);
    }
  }
  return all.sort();
}

function plan(year: number): PlanDocument {
  return { ...fixture('rs-2025.json'), year, periods: (fixture('rs-2025.json').periods ?? []).map((p) => ({ ...p, key: p.key.replace('2025', String(year)) })), followUps: (fixture('rs-2025.json').followUps ?? []).map((f) => ({ ...f, period: f.period.replace('2025', String(year)) })) };
}

test('refs g1 and G1 are refused by validate, and nothing is written, not even a lease', async () => {
  const store = await h.store();
  const doc = fixture('rs-2025.json');
  const [first] = doc.goals ?? [];
  if (!first) throw new Error('the fixture has goals');
  const clash = { ...doc, goals: [{ ...first, ref: 'g1' }, { ...first, ref: 'G1', indicators: [], assignments: [], activities: [] }], followUps: [] };
  const before = await everything(store);
  const refused = importPlan(store, clash);
  await expect(refused).rejects.toBeInstanceOf(InvalidPlanDocumentError);
  await expect(refused).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'goals[1].ref', message: expect.stringContaining('bara i stora och små bokstäver från "g1"') })] });
  expect(await everything(store)).toEqual(before);
});

test('three concurrent imports of one new plan end with the plan whole; a second import changes nothing', async () => {
  const doc = plan(2030);
  registerPeople(h.emulator, doc);
  const stores = await Promise.all([h.store(h.client()), h.store(h.client()), h.store(h.client())]);
  const waited: string[] = [];
  const reports = await Promise.all(stores.map((store) => importPlan(store, doc, undefined, { onWait: (message) => waited.push(message) })));
  // One created the plan; the others waited for it and found everything in place.
  expect(reports.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, 0, reports.reduce((n, r) => n + r.created, 0)]);
  expect(reports.every((r) => r.updated === 0)).toBe(true);
  expect(waited).toHaveLength(2);
  expect(waited[0]).toMatch(/^En annan import av RS:2030 pågår \(körning [0-9a-f]{8}, lånet gäller till \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  const [store] = stores;
  if (!store) throw new Error('three stores');
  expect(normalise(await exportPlan(store, 'RS:2030'))).toEqual(normalise(doc));
  expect(await readLease(store, 'import:RS:2030')).toBeUndefined();

  const before = await everything(store);
  expect(await importPlan(store, doc)).toMatchObject({ created: 0, updated: 0 });
  expect(await everything(store)).toEqual(before);
});

test('an import that may not wait for a running import of the plan says so in Swedish and writes nothing', async () => {
  const store = await h.store();
  const doc = plan(2031);
  const held = await acquireLease(store, 'import:RS:2031', { holder: 'abcdef12-other-run', ttlMs: 60_000 });
  if (held.status !== 'held') throw new Error('the lease is free');
  const before = await everything(store);
  await expect(importPlan(store, doc, undefined, { waitMs: 0 })).rejects.toThrow(
    /^En annan import av RS:2031 pågår fortfarande \(körning abcdef12, lånet gäller till .* UTC om den inte blir klar före dess\); inget har skrivits\. Kör importen igen när den är klar\.$/,
  );
  expect(await everything(store)).toEqual(before);
  await releaseLease(store, held.lease);
});

test('the lease of an import that died is taken over once it has expired, and the import finishes', async () => {
  const store = await h.store();
  const doc = plan(2032);
  registerPeople(h.emulator, doc);
  await acquireLease(store, 'import:RS:2032', { holder: 'dead-run', ttlMs: -1000 });
  const report = await importPlan(store, doc, undefined, { waitMs: 0 });
  expect(report.created).toBeGreaterThan(10);
  expect(normalise(await exportPlan(store, 'RS:2032'))).toEqual(normalise(doc));
  expect(await readLease(store, 'import:RS:2032')).toBeUndefined();
});

test('of runs taking over one expired lease together, exactly one holds it', async () => {
  const store = await h.store();
  await acquireLease(store, 'race', { holder: 'dead-run', ttlMs: -1000 });
  const attempts = await Promise.all(['a', 'b', 'c', 'd'].map(async (holder) => acquireLease(await h.store(), 'race', { holder, ttlMs: 60_000 })));
  expect(attempts.filter((a) => a.status === 'held')).toHaveLength(1);
  expect(attempts.filter((a) => a.status === 'busy')).toHaveLength(3);
});
