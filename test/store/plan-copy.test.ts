// Copying RS:2025 to 2026: a draft with the same goals and styrtal, the multi-year uppdrag not yet
// carried out, the risks with their åtgärder not yet done (due a year later), no follow-ups, the
// same refs; in 2026 the Delår editor's "Föregående" is Delår 2025's value.
import type { ActionDoc, PlanDocument } from '../../src/core';
import { comparisonFor } from '../../src/core';
import type { FollowUpStore } from '../../src/store';
import { entryOf, exportPlan, importPlan } from '../../src/store';
import { graphClientOf } from '../../src/store/follow-up-store';
import { copyPlan, laterByYears } from '../../src/store/plan-copy';
import { listPath } from '../../src/store/site';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;
let store: FollowUpStore;
const doc = fixture('rs-2025.json');

beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, doc);
  store = await h.store();
  await importPlan(store, doc);
  const plan = await store.loadPlan('RS:2025');
  // Delår 2025: an outcome to compare with next year (the fixture has 102 entries of Helår); one
  // åtgärd reopened, so it is not done.
  const saves = [
    { subjectKind: 'indicator' as const, subjectRef: 'g1-i1', periodKey: '2025-interim', edit: { value: 76 } },
    { subjectKind: 'action' as const, subjectRef: 'r1-a1', periodKey: '2025-annual', edit: { status: 'in-progress' as const }, base: entryOf(plan, 'action', 'r1-a1', '2025-annual') },
  ];
  for (const save of saves) expect((await store.saveEntry(await store.loadPlan('RS:2025'), save, 'johan.ekstrom@region.example')).status).toBe('saved');
});

afterAll(async () => {
  await h.close();
});

const done = (a: ActionDoc) => a.status === 'done' || a.status === 'done-with-deviation';

test('copy, then export: the structure is equal apart from follow-ups, done actions and finished uppdrag', async () => {
  const result = await copyPlan(store, { from: 'RS:2025', toYear: 2026 }, 'karin.lindqvist@region.example');
  expect(result.status).toBe('copied');
  if (result.status !== 'copied') return;
  const source = await exportPlan(store, 'RS:2025');
  const copy = await exportPlan(store, 'RS:2026');

  // What this year's plan says, with next year's dates, as the copy should be.
  const carriedOut = new Set(['a37']);
  const expected: PlanDocument = {
    ...source,
    year: 2026,
    title: source.title.replace('2025', '2026'),
    status: 'draft',
    periods: [
      { key: '2026-interim', deadline: '2026-08-20' },
      { key: '2026-annual', deadline: '2027-01-31' },
    ],
    goals: (source.goals ?? []).map((g) => ({ ...g, assignments: (g.assignments ?? []).filter((a) => a.multiYear === true && !carriedOut.has(a.ref)) })),
    risks: (source.risks ?? []).map((r) => ({ ...r, actions: (r.actions ?? []).filter((a) => !done(a)).map((a) => ({ ...a, dueDate: laterByYears(a.dueDate ?? '', 1) })) })),
    followUps: [],
  };
  expect(normalise(copy)).toEqual(normalise(expected));
  // The figures the test relies on, as they are.
  expect(copy.risks?.flatMap((r) => r.actions ?? [])).toEqual([expect.objectContaining({ ref: 'r1-a1', status: 'in-progress', dueDate: '2026-12-31' })]);
  expect(copy.goals?.find((g) => g.ref === 'g1')?.indicators?.find((i) => i.ref === 'g1-i1')).toEqual(source.goals?.find((g) => g.ref === 'g1')?.indicators?.find((i) => i.ref === 'g1-i1'));

  // The account: what went, and what stayed, each named.
  const { report } = result;
  expect(report.carried).toMatchObject({ goals: source.goals?.length, risks: source.risks?.length });
  expect(report.carried.actions).toEqual([expect.objectContaining({ ref: 'r1-a1', dueDate: '2026-12-31' })]);
  expect(report.left).toContainEqual(expect.objectContaining({ kind: 'assignment', ref: 'a37', because: 'carried-out' }));
  expect(report.left).toContainEqual(expect.objectContaining({ kind: 'assignment', ref: 'a1', because: 'one-year' }));
  expect(report.left).toContainEqual(expect.objectContaining({ kind: 'action', ref: 'r1-a2', because: 'done', status: 'done-with-deviation' }));
  expect(report.followUpsLeft).toBe(103);
  // Nothing of 2025 was touched.
  expect((await store.loadPlan('RS:2025')).entries).toHaveLength(103);
});

test("in 2026, the Delår 2026 editor's Föregående is Delår 2025's value, by the same refs", async () => {
  const plan = await store.loadPlan('RS:2026');
  expect(plan.plan.status).toBe('draft');
  expect(plan.entries).toEqual([]);
  expect(comparisonFor('indicator', 'g1-i1', '2026-interim', plan.entries, plan.previousYearEntries)).toMatchObject({ periodKey: '2025-interim', entry: { value: 76 } });
  // Adopted, the plan is in its owner's Att göra, with the same comparison.
  const planItem = `${listPath(store.site, 'Plans')}/items/${plan.planItemId}/fields`;
  await graphClientOf(store).patch(planItem, { Status: 'adopted' }, { ifMatch: plan.plan.eTag });
  const adopted = await store.loadPlan('RS:2026');
  const work = store.myWork(adopted, 'johan.ekstrom@region.example', '2026-interim').find((w) => w.ref === 'g1-i1');
  expect(work?.comparison).toMatchObject({ periodKey: '2025-interim', entry: { value: 76 } });
});

test('a copy never writes over a plan, and the year must be later', async () => {
  expect(await copyPlan(store, { from: 'RS:2025', toYear: 2026 }, 'karin.lindqvist@region.example')).toEqual({
    status: 'refused',
    message: 'Planen RS:2026 finns redan; en kopia skriver aldrig över en plan. Ändra den med malkoll import, eller kopiera till ett annat år.',
  });
  expect(await copyPlan(store, { from: 'RS:2025', toYear: 2025 }, 'karin.lindqvist@region.example')).toMatchObject({ status: 'refused' });
  expect(laterByYears('2024-02-29', 1)).toBe('2025-02-28');
});
