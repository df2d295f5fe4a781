// Saving entries with concurrency control, "my work", overdue actions, and imports under throttling.
import { entryOf, exportPlan, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;
const doc = fixture('rs-2025.json');

beforeAll(async () => {
  h = await startHarness({ defaultPageSize: 20 });
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
});

test('two people saving the same entry from the same eTag: one is saved, the other gets a conflict with the server version', async () => {
  const [anna, bertil] = await Promise.all([h.store(), h.store()]);
  const [planA, planB] = await Promise.all([anna.loadPlan('RS:2025'), bertil.loadPlan('RS:2025')]);
  const ref = planA.indicators[1]?.ref ?? '';
  const base = entryOf(planA, 'indicator', ref, '2025-annual');
  if (!base) throw new Error('fixture entry missing');
  const results = await Promise.all([
    anna.saveEntry(planA, { ...base, value: 75, comment: 'Annas kommentar' }, base),
    bertil.saveEntry(planB, { ...base, value: 76, comment: 'Bertils kommentar' }, base),
  ]);
  const saved = results.filter((r) => r.status === 'saved');
  const conflicts = results.filter((r) => r.status === 'conflict');
  expect(saved).toHaveLength(1);
  expect(conflicts).toHaveLength(1);
  const winner = saved[0]?.status === 'saved' ? saved[0].saved : undefined;
  const conflict = conflicts[0];
  if (conflict?.status !== 'conflict' || !winner) throw new Error('unexpected');
  // The loser sees exactly what the winner saved, and their own text is handed back intact.
  expect(conflict.server).toMatchObject({ value: winner.value, comment: winner.comment, eTag: winner.eTag });
  expect(conflict.mine).toMatchObject({ comment: expect.stringMatching(/kommentar$/) });
  // Nothing lost: the loser can save again from the server's version.
  const mine = conflict.mine as typeof base;
  const retry = await (winner.comment === 'Annas kommentar' ? bertil : anna).saveEntry(planA, { ...mine }, conflict.server);
  expect(retry.status).toBe('saved');
  const reloaded = entryOf(await anna.loadPlan('RS:2025'), 'indicator', ref, '2025-annual');
  expect(reloaded?.comment).toBe(mine.comment);
});

test('two first reports of the same thing and period: one created, the other a conflict', async () => {
  const [a, b] = await Promise.all([h.store(), h.store()]);
  const plan = await a.loadPlan('RS:2025');
  const indicator = plan.indicators[0];
  if (!indicator) throw new Error('no indicator');
  const entry = { subjectKind: 'indicator' as const, subjectRef: indicator.ref, periodKey: '2025-interim', value: 70 };
  const results = await Promise.all([a.saveEntry(plan, { ...entry, comment: 'A' }), b.saveEntry(plan, { ...entry, comment: 'B' })]);
  expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
});

test('an action status change from a stale eTag is a conflict', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const action = plan.actions.find((a) => a.riskRef !== undefined);
  if (!action) throw new Error('no action');
  expect((await store.saveActionStatus(action, 'in-progress')).status).toBe('saved');
  const stale = await store.saveActionStatus(action, 'done');
  expect(stale).toMatchObject({ status: 'conflict', server: { status: 'in-progress' }, mine: 'done' });
});

test("my work: what a person owns, with this period's and the comparison period's entries", async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const owner = plan.indicators[2]?.ownerUpn ?? '';
  const work = store.myWork(plan, owner.toUpperCase(), '2025-annual');
  expect(work.length).toBeGreaterThan(0);
  expect(work.every((w) => [...plan.goals, ...plan.indicators, ...plan.assignments, ...plan.actions].some((t) => t.itemId === w.itemId && t.ownerUpn === owner))).toBe(true);
  expect(work.some((w) => w.current !== undefined)).toBe(true);
});

test('overdue actions as of a date: due before it and not finished, across plans', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const target = plan.actions.find((a) => a.status === 'done-with-deviation');
  if (!target) throw new Error('fixture has no action done with deviation');
  expect(await store.overdueActions('2026-01-15')).toEqual(expect.not.arrayContaining([expect.objectContaining({ itemId: target.itemId })]));
  await store.saveActionStatus(target, 'deviation');
  const overdue = await store.overdueActions('2026-01-15');
  expect(overdue.map((a) => a.itemId)).toContain(target.itemId);
  expect(overdue.every((a) => (a.dueDate ?? '') < '2026-01-15' && a.status !== 'done' && a.status !== 'done-with-deviation')).toBe(true);
  expect(await store.overdueActions('2025-12-31')).toEqual([]);
});

test('with 30 % injected 429s an import completes and the exported document is identical', async () => {
  const throttled = await startHarness({ defaultPageSize: 20 });
  try {
    registerPeople(throttled.emulator, doc);
    throttled.emulator.faults.set({ throttleRate: 0.3, retryAfterSeconds: 0, seed: 7 });
    const store = await throttled.store();
    await importPlan(store, doc);
    expect(normalise(await exportPlan(store, 'RS:2025'))).toEqual(normalise(doc));
  } finally {
    await throttled.close();
  }
});
