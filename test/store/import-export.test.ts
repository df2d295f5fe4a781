// Import and export of the plan fixtures against the emulator, over HTTP, through the product's client.
import { importPlan, exportPlan, InvalidPlanDocumentError } from '../../src/store';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ defaultPageSize: 50 });
});

afterAll(async () => {
  await h.close();
});

describe.each([
  ['rs-2025.json', 'RS:2025'],
  ['rs-2024.json', 'RS:2024'],
  ['hsn-2022.json', 'HSN:2022'],
])('%s', (file, key) => {
  const doc = fixture(file);

  test('import then export gives the document back', async () => {
    registerPeople(h.emulator, doc);
    const store = await h.store();
    const report = await importPlan(store, doc);
    expect(report).toMatchObject({ planKey: key, updated: 0 });
    expect(report.created).toBeGreaterThan(10);
    expect(normalise(await exportPlan(store, key))).toEqual(normalise(doc));
  });

  test('a second import changes nothing and writes nothing', async () => {
    const store = await h.store();
    const client = h.client();
    // The plan's lists; the import's lease in Körningar comes and goes (src/store/lease.ts).
    const lists = Object.entries(store.site.listIds).flatMap(([name, id]) => (name === 'Leases' ? [] : [id]));
    const links = await Promise.all(lists.map(async (id) => (await client.delta(`/sites/${store.site.siteId}/lists/${id}/items/delta?token=latest`)).deltaLink));
    const report = await importPlan(store, doc);
    expect(report).toMatchObject({ created: 0, updated: 0 });
    const changes = await Promise.all(links.map((link) => client.delta(link)));
    expect(changes.flatMap((c) => [...c.changed, ...c.deletedIds])).toEqual([]);
  });
});

test('an invalid document is refused before anything is written', async () => {
  const doc = fixture('rs-2025.json');
  const broken = { ...doc, year: 2031, goals: [...(doc.goals ?? []), { ref: 'g1', kind: 'objective', title: 'Dubblett', origin: 'council' }] };
  const requests: string[] = [];
  const store = await h.store(h.client({ onRequest: (e) => requests.push(`${e.method} ${e.url}`) }));
  const before = requests.length;
  await expect(importPlan(store, broken)).rejects.toBeInstanceOf(InvalidPlanDocumentError);
  expect(requests.length).toBe(before);
  await expect(store.listPlans({ year: 2031 })).resolves.toEqual([]);
});

test('loading the 2025 plan takes at most 2 HTTP round trips', async () => {
  let requests = 0;
  const store = await h.store(h.client({ onRequest: () => (requests += 1) }));
  requests = 0;
  const plan = await store.loadPlan('RS:2025');
  expect(requests).toBeLessThanOrEqual(2);
  expect(plan.goals.length).toBe(13);
  expect(plan.entries.length).toBe(102);
});

test('loading every plan at once gives the same plans as loading them one by one', async () => {
  let requests = 0;
  const store = await h.store(h.client({ onRequest: () => (requests += 1) }));
  requests = 0;
  const all = await store.loadAllPlans();
  expect(requests).toBe(1);
  expect(all.map((p) => `${p.plan.organisationCode}:${p.plan.year}`).sort()).toEqual(['HSN:2022', 'RS:2024', 'RS:2025']);
  for (const plan of all) {
    const single = await store.loadPlan(`${plan.plan.organisationCode}:${plan.plan.year}`);
    expect({ ...plan, source: undefined }).toEqual({ ...single, source: undefined });
  }
});

test('every entry of a period in one indexed query', async () => {
  const store = await h.store();
  const entries = await store.entriesOfPeriod('2025-annual');
  expect(entries).toHaveLength(102);
});
