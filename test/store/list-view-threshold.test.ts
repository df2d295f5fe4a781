// The overdue scan under SharePoint's list view threshold, at 50 (docs/architecture.md, Graph usage
// rules): more past-due actions than the threshold, but each query narrowed first by one plan.
import type { PlanDocument } from '../../src/core';
import { graphClientOf, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, startHarness } from './harness';

const THRESHOLD = 50;
let h: Harness;

/** rs-2025 as another organisation's plan: every other action still in progress, all due 2025-12-31, no reports. */
function planOf(code: string, status: NonNullable<PlanDocument['status']>): PlanDocument {
  const doc = fixture('rs-2025.json');
  let n = 0;
  const risks = (doc.risks ?? []).map((risk) => ({
    ...risk,
    actions: (risk.actions ?? []).map((action) => ({ ...action, ...(n++ % 2 === 0 ? { status: 'in-progress' as const } : {}) })),
  }));
  return { ...doc, organisation: { ...doc.organisation, code, name: `Nämnd ${code}` }, status, risks, followUps: [] };
}

const actionsOf = (doc: PlanDocument) => (doc.risks ?? []).flatMap((r) => r.actions ?? []);

beforeAll(async () => {
  h = await startHarness({ listViewThreshold: THRESHOLD, defaultPageSize: 20 });
  const store = await h.store();
  for (const [code, status] of [['T1', 'adopted'], ['T2', 'adopted'], ['T3', 'draft'], ['T4', 'archived']] as const) await importPlan(store, planOf(code, status));
});

afterAll(async () => {
  await h.close();
});

test('there are more past-due actions than the threshold: a query by due date alone is refused', async () => {
  const store = await h.store();
  const total = 4 * actionsOf(planOf('X', 'adopted')).length;
  expect(total).toBeGreaterThan(THRESHOLD);
  const byDueDate = `/sites/${store.site.siteId}/lists/${store.site.listIds.Actions}/items?$filter=${encodeURIComponent("fields/DueDate lt '2026-01-15T00:00:00Z'")}`;
  await expect(graphClientOf(store).get(byDueDate)).rejects.toMatchObject({ status: 500 });
});

test('the overdue scan finds every unfinished past-due action of the plans that are not archived', async () => {
  const store = await h.store();
  const { actions } = await store.overdueActions('2026-01-15');
  const open = actionsOf(planOf('X', 'adopted')).filter((a) => a.status === 'in-progress').length;
  expect(actions).toHaveLength(3 * open);
  expect(actions.every((a) => a.status === 'in-progress' && (a.dueDate ?? '') < '2026-01-15')).toBe(true);
  const plans = await store.listPlans();
  const archived = plans.find((p) => p.organisationCode === 'T4');
  expect(archived).toBeDefined();
  expect(actions.some((a) => a.planItemId === archived?.itemId)).toBe(false);
});

test('what the caller also asks for comes back beside the actions', async () => {
  const store = await h.store();
  const organisations = `/sites/${store.site.siteId}/lists/${store.site.listIds.Organisations}/items?$expand=fields&$top=5000`;
  const { also } = await store.overdueActions('2026-01-15', [organisations]);
  expect(also).toHaveLength(1);
  expect(also[0]?.map((item) => item.fields.Code).sort()).toEqual(['T1', 'T2', 'T3', 'T4']);
});
