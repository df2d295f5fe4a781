// Plan status in the store: adopting and archiving record who and when with If-Match; a draft is
// in no one's Att göra and hidden from staff it does not name; an archived plan is edited no more.
import { planVisibleTo } from '../../src/core';
import type { FollowUpStore } from '../../src/store';
import { changeStatusOfPlan, createPlanItem, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, startHarness } from './harness';

const KEY = 'RS:2025';
const CONTROLLER = 'karin.controller@region.example';
const OWNER = 'johan.ekstrom@region.example';
const STRANGER = 'okand.person@region.example';
let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
  await importPlan(store, { ...fixture('rs-2025.json'), status: 'draft' });
});

afterAll(async () => {
  await h.close();
});

test('a draft: in no one’s Att göra, hidden from a staff member it does not name, shown to an owner it names and to controllers', async () => {
  const plan = await store.loadPlan(KEY);
  expect(plan.plan.status).toBe('draft');
  expect(planVisibleTo(plan, STRANGER, { isController: false })).toBe(false);
  expect(store.myWork(plan, STRANGER, '2025-annual')).toEqual([]);
  expect(planVisibleTo(plan, OWNER, { isController: false })).toBe(true);
  expect(planVisibleTo(plan, STRANGER, { isController: true })).toBe(true);
  expect(store.myWork(plan, OWNER, '2025-annual')).toEqual([]);
});

test('a stale version is a conflict and nothing changes', async () => {
  const plan = await store.loadPlan(KEY);
  const result = await changeStatusOfPlan(store, { planKey: KEY, change: 'adopt', eTag: '"stale,1"' }, CONTROLLER);
  expect(result).toMatchObject({ status: 'conflict', server: { status: 'draft', eTag: plan.plan.eTag } });
  expect((await store.loadPlan(KEY)).plan.status).toBe('draft');
});

test('archiving a draft is refused: it is adopted first', async () => {
  expect(await changeStatusOfPlan(store, { planKey: KEY, change: 'archive' }, CONTROLLER)).toEqual({
    status: 'refused',
    refusal: { code: 'order', message: 'Planen Regionstyrelsens verksamhetsplan med budget 2025 är ett utkast; fastställ den innan den arkiveras.' },
  });
});

test('adopting records who and when; the owner then finds the plan in Att göra', async () => {
  const before = await store.loadPlan(KEY);
  const result = await changeStatusOfPlan(store, { planKey: KEY, change: 'adopt', eTag: before.plan.eTag }, CONTROLLER, new Date('2026-01-20T08:15:00Z'));
  expect(result).toMatchObject({ status: 'saved', saved: { status: 'adopted', adoptedByUpn: CONTROLLER, adoptedAt: '2026-01-20T08:15:00Z' } });
  const plan = await store.loadPlan(KEY);
  expect(plan.plan).toMatchObject({ status: 'adopted', adoptedByUpn: CONTROLLER, adoptedAt: '2026-01-20T08:15:00Z' });
  expect(store.myWork(plan, OWNER, '2025-annual').length).toBeGreaterThan(0);
  expect(planVisibleTo(plan, STRANGER, { isController: false })).toBe(true);
  expect(await changeStatusOfPlan(store, { planKey: KEY, change: 'adopt' }, CONTROLLER)).toMatchObject({ status: 'refused', refusal: { code: 'already' } });
});

test('archiving records who and when, keeps the adoption, and ends Att göra and plan editing', async () => {
  const result = await changeStatusOfPlan(store, { planKey: KEY, change: 'archive' }, 'eva.ek@region.example', new Date('2027-02-01T10:00:00Z'));
  expect(result).toMatchObject({ status: 'saved', saved: { status: 'archived', archivedByUpn: 'eva.ek@region.example', archivedAt: '2027-02-01T10:00:00Z' } });
  const plan = await store.loadPlan(KEY);
  expect(plan.plan).toMatchObject({ adoptedByUpn: CONTROLLER, adoptedAt: '2026-01-20T08:15:00Z', archivedByUpn: 'eva.ek@region.example' });
  expect(store.myWork(plan, OWNER, '2025-annual')).toEqual([]);
  const edit = await createPlanItem(store, plan, { kind: 'risk', draft: { area: 'HR', title: 'Sent påkommen risk' } }, CONTROLLER);
  expect(edit).toEqual({ status: 'refused', issues: [{ field: 'plan', message: 'Planen Regionstyrelsens verksamhetsplan med budget 2025 är arkiverad och kan inte ändras.' }] });
});

test('a plan that does not exist says so in Swedish', async () => {
  await expect(changeStatusOfPlan(store, { planKey: 'XX:2031', change: 'adopt' }, CONTROLLER)).rejects.toThrow('Planen XX:2031 finns inte');
});
