// Saving entries with concurrency control, "my work", overdue actions, and imports under throttling.
import { entryOf, exportPlan, importPlan, writeActionNotices } from '../../src/store';
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
  const save = (value: number, comment: string) => ({ subjectKind: 'indicator' as const, subjectRef: ref, periodKey: '2025-annual', edit: { value, comment }, base });
  const results = await Promise.all([anna.saveEntry(planA, save(75, 'Annas kommentar'), 'anna@region.example'), bertil.saveEntry(planB, save(76, 'Bertils kommentar'), 'bertil@region.example')]);
  const saved = results.filter((r) => r.status === 'saved');
  const conflicts = results.filter((r) => r.status === 'conflict');
  expect(saved).toHaveLength(1);
  expect(conflicts).toHaveLength(1);
  const winner = saved[0]?.status === 'saved' ? saved[0].saved : undefined;
  const conflict = conflicts[0];
  if (conflict?.status !== 'conflict' || !winner) throw new Error('unexpected');
  // The loser sees exactly what the winner saved, and their own text is handed back intact.
  expect(conflict.server.entry).toMatchObject({ value: winner.entry.value, comment: winner.entry.comment, eTag: winner.entry.eTag });
  expect(conflict.mine).toMatchObject({ comment: expect.stringMatching(/kommentar$/) });
  // Nothing lost: the loser can save again from the server's version.
  const mine = conflict.mine;
  const retry = await (winner.entry.comment === 'Annas kommentar' ? bertil : anna).saveEntry(
    planA,
    { subjectKind: 'indicator', subjectRef: ref, periodKey: '2025-annual', edit: { value: mine.value ?? null, comment: mine.comment ?? null }, base: conflict.server.entry },
    'anna@region.example',
  );
  expect(retry.status).toBe('saved');
  const reloaded = entryOf(await anna.loadPlan('RS:2025'), 'indicator', ref, '2025-annual');
  expect(reloaded?.comment).toBe(mine.comment);
});

test('two first reports of the same thing and period: one created, the other a conflict', async () => {
  const [a, b] = await Promise.all([h.store(), h.store()]);
  const plan = await a.loadPlan('RS:2025');
  const indicator = plan.indicators[0];
  if (!indicator) throw new Error('no indicator');
  const save = (comment: string) => ({ subjectKind: 'indicator' as const, subjectRef: indicator.ref, periodKey: '2025-interim', edit: { value: 70, comment } });
  const results = await Promise.all([a.saveEntry(plan, save('A'), 'a@region.example'), b.saveEntry(plan, save('B'), 'b@region.example')]);
  expect(results.map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
});

test("an åtgärd's reported status moves the Actions list; someone else's newer status is a conflict, a reminder record is not", async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const action = plan.actions.find((a) => a.riskRef !== undefined && a.status !== 'in-progress');
  if (!action) throw new Error('no action');
  const report = (status: 'in-progress' | 'done' | 'not-started') => ({ subjectKind: 'action' as const, subjectRef: action.ref, periodKey: '2025-interim', edit: { status } });
  const first = await store.saveEntry(plan, report('in-progress'), 'owner@region.example');
  expect(first).toMatchObject({ status: 'saved', saved: { entry: { status: 'in-progress' }, action: { status: 'in-progress' } } });
  // The notify job records a reminder on the action: a newer eTag, the status untouched.
  if (first.status !== 'saved' || !first.saved.action) throw new Error('unexpected');
  await writeActionNotices(store, [{ itemId: action.itemId, eTag: first.saved.action.eTag, level: 1, on: '2026-01-05' }]);
  const base = first.saved.entry;
  const seenInProgress = { ...plan, actions: plan.actions.map((a) => (a.ref === action.ref && first.saved.action ? first.saved.action : a)) };
  const later = await store.saveEntry(seenInProgress, { ...report('done'), base }, 'owner@region.example');
  expect(later).toMatchObject({ status: 'saved', saved: { action: { status: 'done' } } });
  // Someone who still sees "in progress" and sets it again meets the newer "done": a conflict.
  const entry = entryOf(await store.loadPlan('RS:2025'), 'action', action.ref, '2025-interim');
  const stale = await store.saveEntry(seenInProgress, { ...report('not-started'), base: entry }, 'owner@region.example');
  expect(stale).toMatchObject({ status: 'conflict', server: { action: { status: 'done' } } });
});

test('a save into a locked period is refused by the store, and nothing is written', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const indicator = plan.indicators[0];
  if (!indicator) throw new Error('no indicator');
  const locked = { ...plan, periods: plan.periods.map((p) => (p.key === '2025-annual' ? { ...p, locked: true } : p)) };
  const before = entryOf(plan, 'indicator', indicator.ref, '2025-annual');
  const result = await store.saveEntry(locked, { subjectKind: 'indicator', subjectRef: indicator.ref, periodKey: '2025-annual', edit: { comment: 'Ska inte sparas' }, base: before }, 'x@region.example');
  expect(result).toMatchObject({ status: 'refused', refusal: { code: 'locked', message: expect.stringMatching(/^Perioden är låst \(Helår 2025\)/) } });
  expect(entryOf(await store.loadPlan('RS:2025'), 'indicator', indicator.ref, '2025-annual')?.eTag).toBe(before?.eTag);
});

test('a percentage over 100 waits for confirmation; a trend on a goal and an absurd number are refused', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const percent = plan.indicators.filter((i) => i.unit === '%' && i.valueType === 'numeric').at(-1);
  const goal = plan.goals[0];
  if (!percent || !goal) throw new Error('fixture');
  const save = { subjectKind: 'indicator' as const, subjectRef: percent.ref, periodKey: '2025-interim', edit: { value: 1545 } };
  const asked = await store.saveEntry(plan, save, 'x@region.example');
  expect(asked).toMatchObject({ status: 'refused', refusal: { code: 'implausible', message: expect.stringMatching(/^1\s545 % är mer än 100 %\. Stämmer det\? Bekräfta för att spara ändå\.$/) } });
  expect(entryOf(await store.loadPlan('RS:2025'), 'indicator', percent.ref, '2025-interim')).toBeUndefined();
  expect(await store.saveEntry(plan, { ...save, confirmed: true }, 'x@region.example')).toMatchObject({ status: 'saved', saved: { entry: { value: 1545 } } });
  expect(await store.saveEntry(plan, { subjectKind: 'goal', subjectRef: goal.ref, periodKey: '2025-interim', edit: { trend: 'improved' } }, 'x@region.example')).toMatchObject({
    status: 'refused',
    refusal: { code: 'field-not-editable', message: 'Trend kan inte anges för en målsättning.' },
  });
  expect(await store.saveEntry(plan, { ...save, edit: { value: 1e21 }, confirmed: true }, 'x@region.example')).toMatchObject({ status: 'refused', refusal: { code: 'invalid-value' } });
});

test('the reporter and the time are the store\'s, whatever the edit carries', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const goal = plan.goals[1];
  if (!goal) throw new Error('fixture');
  const result = await store.saveEntry(plan, { subjectKind: 'goal', subjectRef: goal.ref, periodKey: '2025-interim', edit: { assessment: 'partly' } }, 'real@region.example');
  expect(result).toMatchObject({ status: 'saved', saved: { entry: { reportedByUpn: 'real@region.example' } } });
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

test('overdue actions as of a date: due before it and not finished in their latest report, across plans', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const target = plan.actions.find((a) => a.status === 'done-with-deviation');
  if (!target) throw new Error('fixture has no action done with deviation');
  const ids = async (asOf: string) => (await store.overdueActions(asOf)).actions.map((a) => a.itemId);
  expect(await ids('2026-01-15')).not.toContain(target.itemId);
  const base = entryOf(plan, 'action', target.ref, '2025-annual');
  expect(await store.saveEntry(plan, { subjectKind: 'action', subjectRef: target.ref, periodKey: '2025-annual', edit: { status: 'deviation' }, base }, 'x@region.example')).toMatchObject({ status: 'saved' });
  const { actions: overdue } = await store.overdueActions('2026-01-15');
  expect(overdue.map((a) => a.itemId)).toContain(target.itemId);
  expect(overdue.every((a) => (a.dueDate ?? '') < '2026-01-15')).toBe(true);
  expect(await ids('2025-12-31')).toEqual([]);
});

test('with 30 % injected 429s an import completes and the exported document is identical', async () => {
  const throttled = await startHarness({ defaultPageSize: 20 });
  try {
    registerPeople(throttled.emulator, doc);
    throttled.emulator.faults.set({ throttleRate: 0.3, retryAfterSeconds: 0, seed: 11 });
    const store = await throttled.store();
    await importPlan(store, doc);
    expect(normalise(await exportPlan(store, 'RS:2025'))).toEqual(normalise(doc));
  } finally {
    await throttled.close();
  }
});

test("an entry's history: every version with its values, across pages", async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const goal = plan.goals[2];
  if (!goal) throw new Error('fixture');
  let base = entryOf(plan, 'goal', goal.ref, '2025-interim');
  // More versions than the emulator's page size (20 here): the history reads every page.
  for (let n = 0; n < 22; n++) {
    const result = await store.saveEntry(plan, { subjectKind: 'goal', subjectRef: goal.ref, periodKey: '2025-interim', edit: { comment: `Version ${n}`, assessment: 'partly' }, base }, 'x@region.example');
    if (result.status !== 'saved') throw new Error(result.status);
    base = result.saved.entry;
  }
  if (!base) throw new Error('unsaved');
  const versions = await store.entryVersions(base);
  expect(versions).toHaveLength(22);
  expect(versions[0]?.values).toEqual({ assessment: 'partly', comment: 'Version 21' });
});
