// The organisation tree with every plan of a year, as the tab's children view and the region view
// load it: in at most three round trips, every plan whole (the same goals, styrtal and entries as
// loading it alone), the tree's parents as imported.
import { organisationTree } from '../../src/core/org-tree';
import type { FollowUpStore, LoadedPlan } from '../../src/store';
import { importPlan } from '../../src/store';
import { loadOrganisationTree, organisationsOfPlan } from '../../src/store/org-tree';
import { regionTreeDataset } from '../fixtures/region-tree';
import type { Harness } from './harness';
import { registerPeople, startHarness } from './harness';

// Two nämnder with two förvaltningar each, under regionfullmäktige: 7 plans of 2025.
const dataset = regionTreeDataset({ boards: 2, administrationsPerBoard: 2 });
let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
  for (const doc of dataset.documents) {
    registerPeople(h.emulator, doc);
    await importPlan(store, doc);
  }
}, 180_000);

afterAll(async () => {
  await h.close();
});

/** What a plan holds, by ref, so two loads compare by content rather than by order of reading. */
function contentOf(plan: LoadedPlan) {
  const refs = (things: ReadonlyArray<{ ref: string }>) => things.map((t) => t.ref).sort();
  return {
    goals: refs(plan.goals),
    indicators: refs(plan.indicators),
    assignments: refs(plan.assignments),
    risks: refs(plan.risks),
    actions: refs(plan.actions),
    periods: plan.periods.map((p) => p.key),
    entries: plan.entries.map((e) => `${e.subjectKind}:${e.subjectRef}:${e.periodKey}:${e.value ?? ''}:${e.assessment ?? ''}:${e.status ?? ''}:${e.comment ?? ''}`).sort(),
  };
}

test('the whole tree of 2025 loads in at most three round trips, with every plan and its entries', async () => {
  const client = h.client();
  const counted = await h.store(client);
  client.stats.reset();
  const tree = await loadOrganisationTree(counted, { year: 2025 });
  expect(client.stats.requests).toBeLessThanOrEqual(3);

  const expectedKeys = dataset.documents.map((d) => `${d.organisation.code}:${d.year}`).sort();
  expect(tree.plans.map((p) => `${p.plan.organisationCode}:${p.plan.year}`).sort()).toEqual(expectedKeys);
  for (const plan of tree.plans) {
    const alone = await store.loadPlan(`${plan.plan.organisationCode}:${plan.plan.year}`);
    expect(contentOf(plan)).toEqual(contentOf(alone));
  }
  // Every entry the documents hold is there (a förvaltning leaves some unreported; none is lost).
  const entries = tree.plans.reduce((n, p) => n + p.entries.length, 0);
  expect(entries).toBe(dataset.documents.reduce((n, d) => n + (d.followUps ?? []).length, 0));
}, 60_000);

test('the organisations come as a tree: regionfullmäktige, its nämnder, their förvaltningar', async () => {
  const tree = await loadOrganisationTree(store, { year: 2025 });
  const built = organisationTree(tree.organisations);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  const shape = built.tree.roots.map((root) => ({ code: root.organisation.code, children: root.children.map((c) => ({ code: c.organisation.code, children: c.children.map((g) => g.organisation.code) })) }));
  expect(shape).toEqual([
    {
      code: 'RF',
      children: dataset.boards.map((code) => ({ code, children: dataset.administrations.get(code) })),
    },
  ]);
});

test("the references between plans come with them: RF's goals given to the nämnder, the förvaltningar's contributions", async () => {
  const tree = await loadOrganisationTree(store, { year: 2025 });
  const planOf = (key: string) => tree.plans.find((p) => `${p.plan.organisationCode}:${p.plan.year}` === key);
  const [board = ''] = dataset.boards;
  const [administration = ''] = dataset.administrations.get(board) ?? [];
  expect(planOf(`${board}:2025`)?.goals.find((g) => g.ref === 'g1')?.givenBy).toEqual({ plan: 'RF:2025', ref: 'm1' });
  expect(planOf(`${board}:2025`)?.indicators.find((i) => i.ref === 'g1-i4')?.rollUp).toEqual({ method: 'weighted', weightedBy: 'g1-i5' });
  expect(planOf(`${administration}:2025`)?.goals.find((g) => g.ref === 'f1')?.contributesTo).toEqual({ ref: 'g1' });
  expect(tree.organisations.find((o) => o.code === administration)?.kind).toBe('administration');
});

test('a loaded plan carries every organisation, so who sees the tree views needs no request of its own', async () => {
  const plan = await store.loadPlan(`${dataset.boards[0] ?? ''}:2025`);
  const client = h.client();
  const counted = await h.store(client);
  client.stats.reset();
  const organisations = organisationsOfPlan(plan);
  expect(client.stats.requests).toBe(0);
  expect(organisations).toEqual(await counted.organisations());
});

test('a year without plans loads the organisations and no plans, in one round trip', async () => {
  const client = h.client();
  const counted = await h.store(client);
  client.stats.reset();
  const tree = await loadOrganisationTree(counted, { year: 2031 });
  expect(tree.plans).toEqual([]);
  expect(tree.organisations.length).toBe(1 + dataset.boards.length * 3);
  expect(client.stats.requests).toBe(1);
});
