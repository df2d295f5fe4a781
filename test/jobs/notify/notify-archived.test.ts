// Notify chases neither an åtgärd archived out of the plan nor any åtgärd of an archived plan: the
// 2025 fixture with six actions reopened, as the other notify tests have it.
import { runNotify } from '../../../src/jobs/notify';
import { changeStatusOfPlan, removePlanItem } from '../../../src/store';
import type { NotifyHarness } from './notify-harness';
import { SETTINGS, startNotifyHarness } from './notify-harness';

let n: NotifyHarness;

beforeAll(async () => {
  n = await startNotifyHarness();
});

afterAll(async () => {
  await n.close();
});

test('an åtgärd archived out of the plan is not chased; the others still are', async () => {
  const plan = await n.store.loadPlan('RS:2025');
  const action = plan.actions.find((a) => a.ref === 'r5-a1');
  if (!action) throw new Error('the fixture has r5-a1');
  const removed = await removePlanItem(n.store, plan, { kind: 'action', ref: 'r5-a1', eTag: action.eTag, confirmed: true }, 'karin.controller@region.example');
  expect(removed).toMatchObject({ status: 'removed', archived: [{ ref: 'r5-a1' }] });
  expect([...(await n.actions('2026-01-05')).keys()].sort()).toEqual(['r14-a1', 'r16-a1', 'r17-a1', 'r2-a1', 'r3-a1']);
});

test('once the plan is archived, a run finds nothing overdue and sends nothing', async () => {
  expect(await changeStatusOfPlan(n.store, { planKey: 'RS:2025', change: 'archive' }, 'karin.controller@region.example')).toMatchObject({ status: 'saved' });
  const result = await runNotify(n.store, { asOf: '2026-01-05', settings: SETTINGS });
  expect(result.overdueActions).toBe(0);
  expect(result.notifications).toEqual([]);
  expect(await n.activity()).toEqual([]);
});
