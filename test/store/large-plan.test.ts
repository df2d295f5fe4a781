// A plan with more items than SharePoint's list view threshold: its own filter (PlanLookupId eq N)
// selects too many and is refused, so the store reads such a list whole, page by page, and keeps the
// plan's items. Here at a threshold of 50, with a plan of 60 goals beside a small one.
import type { GoalDoc, PlanDocument } from '../../src/core';
import { importPlan } from '../../src/store';
import type { Harness } from './harness';
import { startHarness } from './harness';

let h: Harness;

function planOf(code: string, goals: number): PlanDocument {
  const list: GoalDoc[] = Array.from({ length: goals }, (_, i) => ({ ref: `g${i + 1}`, kind: 'goal', title: `Mål ${i + 1}`, origin: 'board' }));
  return { formatVersion: 1, organisation: { code, name: code, parentCode: null, managerUpn: null }, year: 2025, title: `Plan ${code}`, status: 'adopted', periods: [{ key: '2025-annual' }], goals: list, risks: [], followUps: [], people: [] };
}

beforeAll(async () => {
  h = await startHarness({ listViewThreshold: 50, defaultPageSize: 20 });
  const store = await h.store();
  await importPlan(store, planOf('STOR', 60));
  await importPlan(store, planOf('LITEN', 3));
});

afterAll(async () => {
  await h.close();
});

test('a plan past the threshold loads whole, and only its own items', async () => {
  const store = await h.store();
  const big = await store.loadPlan('STOR:2025');
  expect(big.goals).toHaveLength(60);
  expect(new Set(big.goals.map((g) => g.ref)).size).toBe(60);
  const small = await store.loadPlan('LITEN:2025');
  expect(small.goals.map((g) => g.ref)).toEqual(['g1', 'g2', 'g3']);
});
