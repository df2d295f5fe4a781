// Plan writes in the store: create, update, reorder and remove the things of a plan, each checked
// by the one validator (refused at the field, nothing written), every update with If-Match (a
// conflict shows the server's version), and a thing that was reported on archived, never deleted.
import { buildReport } from '../../src/report';
import type { FollowUpStore, LoadedPlan } from '../../src/store';
import { createPlanItem, importPlan, removePlanItem, reorderPlanItems, updatePlanItem } from '../../src/store';
import type { Harness } from './harness';
import { fixture, startHarness } from './harness';

const KEY = 'RS:2025';
const CONTROLLER = 'karin.controller@region.example';
let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
  await importPlan(store, fixture('rs-2025.json'));
});

afterAll(async () => {
  await h.close();
});

const load = (): Promise<LoadedPlan> => store.loadPlan(KEY);
const indicatorsOf = (plan: LoadedPlan, goalRef: string) => plan.indicators.filter((i) => i.goalRef === goalRef && !i.archived).map((i) => i.ref);

describe('create', () => {
  test('a styrtal with a range target under a goal gets a new ref, its owner, and the last place', async () => {
    const before = await load();
    const result = await createPlanItem(
      store,
      before,
      {
        kind: 'indicator',
        parent: { kind: 'goal', ref: 'g2' },
        draft: { title: 'Andel patienter med fast vårdkontakt', valueType: 'numeric', unit: '%', direction: 'increase', target: 77, targetMax: 80, targetKind: 'range', ownerUpn: 'johan.ekstrom@region.example' },
      },
      CONTROLLER,
    );
    expect(result).toMatchObject({ status: 'saved', saved: { ref: 'g2-i7', goalRef: 'g2', targetKind: 'range', target: 77, targetMax: 80, ownerUpn: 'johan.ekstrom@region.example' } });
    const after = await load();
    expect(indicatorsOf(after, 'g2')).toEqual([...indicatorsOf(before, 'g2'), 'g2-i7']);
    expect(after.indicators.find((i) => i.ref === 'g2-i7')).toMatchObject({ title: 'Andel patienter med fast vårdkontakt', targetKind: 'range', targetMax: 80 });
  });

  test('a risk with sannolikhet 5 is refused at the field, and nothing is written', async () => {
    const before = await load();
    const result = await createPlanItem(store, before, { kind: 'risk', draft: { area: 'HR', title: 'Kompetensförsörjning', probability: 5, consequence: 3 } }, CONTROLLER);
    expect(result).toEqual({ status: 'refused', issues: [{ field: 'probability', message: 'ett heltal 1–4 förväntades, fick talet 5' }] });
    const after = await load();
    expect(after.risks.map((r) => r.ref)).toEqual(before.risks.map((r) => r.ref));
  });

  test('a ref the plan already uses is refused at ref, naming the thing that has it', async () => {
    const plan = await load();
    const result = await createPlanItem(store, plan, { kind: 'goal', draft: { ref: 'G1', kind: 'goal', title: 'Ny', origin: 'board' } }, CONTROLLER);
    expect(result).toMatchObject({ status: 'refused', issues: [{ field: 'ref', message: expect.stringContaining('skiljer sig bara i stora och små bokstäver från "g1" (målet "Hälso- och sjukvården') }] });
  });

  test('an åtgärd goes under a risk, with its owner and due date, not started', async () => {
    const result = await createPlanItem(store, await load(), { kind: 'action', parent: { kind: 'risk', ref: 'r2' }, draft: { title: 'Utbilda chefer i SAM', ownerUpn: 'maria.holm@region.example', dueDate: '2025-11-30' } }, CONTROLLER);
    expect(result).toMatchObject({ status: 'saved', saved: { ref: 'r2-a2', riskRef: 'r2', status: 'not-started', ownerUpn: 'maria.holm@region.example', dueDate: '2025-11-30' } });
  });
});

describe('update', () => {
  test('a change from the version loaded is saved; the same change from an older version is a conflict showing the server', async () => {
    const mine = await load();
    const theirs = await load();
    const goal = mine.goals.find((g) => g.ref === 'g1');
    if (!goal) throw new Error('the fixture has g1');
    const first = await updatePlanItem(store, theirs, { kind: 'goal', ref: 'g1', eTag: goal.eTag, draft: { kind: goal.kind, title: 'God och säker vård', origin: goal.origin } }, CONTROLLER);
    expect(first).toMatchObject({ status: 'saved', saved: { ref: 'g1', title: 'God och säker vård' } });
    const second = await updatePlanItem(store, mine, { kind: 'goal', ref: 'g1', eTag: goal.eTag, draft: { kind: goal.kind, title: 'Jämlik vård', origin: goal.origin } }, CONTROLLER);
    expect(second).toMatchObject({ status: 'conflict', server: { ref: 'g1', title: 'God och säker vård' }, mine: { title: 'Jämlik vård' } });
    expect((await load()).goals.find((g) => g.ref === 'g1')?.title).toBe('God och säker vård');
  });

  test('a range target without its upper bound is refused at targetMax, and the styrtal is left as it was', async () => {
    const plan = await load();
    const indicator = plan.indicators.find((i) => i.ref === 'g1-i1');
    if (!indicator) throw new Error('the fixture has g1-i1');
    const { ref: _ref, goalRef: _goal, itemId: _id, eTag, ...fields } = indicator;
    const result = await updatePlanItem(store, plan, { kind: 'indicator', ref: 'g1-i1', eTag, draft: { ...fields, targetKind: 'range' } }, CONTROLLER);
    expect(result).toEqual({ status: 'refused', issues: [{ field: 'targetMax', message: 'ett intervall behöver targetMax, den övre gränsen' }] });
    expect((await load()).indicators.find((i) => i.ref === 'g1-i1')).toMatchObject({ targetKind: 'at-least', eTag });
  });

  test("editing an åtgärd's title leaves the status staff reported", async () => {
    const plan = await load();
    const action = plan.actions.find((a) => a.ref === 'r1-a1');
    if (!action) throw new Error('the fixture has r1-a1');
    const result = await updatePlanItem(store, plan, { kind: 'action', ref: 'r1-a1', eTag: action.eTag, draft: { title: 'Ny lydelse', ownerUpn: 'maria.holm@region.example', dueDate: '2026-03-31' } }, CONTROLLER);
    expect(result).toMatchObject({ status: 'saved', saved: { title: 'Ny lydelse', status: action.status, dueDate: '2026-03-31' } });
  });

  test('a ref cannot be changed: it is how last year and the reports find the thing', async () => {
    const plan = await load();
    const goal = plan.goals.find((g) => g.ref === 'g2');
    const result = await updatePlanItem(store, plan, { kind: 'goal', ref: 'g2', eTag: goal?.eTag ?? '', draft: { ref: 'g22' } }, CONTROLLER);
    expect(result).toMatchObject({ status: 'refused', issues: [{ field: 'ref', message: expect.stringContaining('ref kan inte ändras') }] });
  });
});

describe('reorder', () => {
  test("a goal's styrtal in a new order, kept after a reload; a list missing one is refused", async () => {
    const plan = await load();
    const order = indicatorsOf(plan, 'g1');
    const reversed = [...order].reverse();
    const result = await reorderPlanItems(store, plan, { kind: 'indicator', parent: { kind: 'goal', ref: 'g1' }, refs: reversed }, CONTROLLER);
    expect(result.status).toBe('saved');
    expect(indicatorsOf(await load(), 'g1')).toEqual(reversed);
    // The other goals' styrtal keep their places.
    expect(indicatorsOf(await load(), 'g4')).toEqual(indicatorsOf(plan, 'g4'));
    const partial = await reorderPlanItems(store, await load(), { kind: 'indicator', parent: { kind: 'goal', ref: 'g1' }, refs: reversed.slice(1) }, CONTROLLER);
    expect(partial).toMatchObject({ status: 'refused', issues: [{ field: 'refs' }] });
  });

  test('an order from a version someone has since changed is a conflict', async () => {
    const plan = await load();
    const [first, second] = plan.risks;
    if (!first || !second) throw new Error('the fixture has risks');
    const { ref: _ref, itemId: _id, eTag, ...fields } = first;
    expect((await updatePlanItem(store, plan, { kind: 'risk', ref: first.ref, eTag, draft: { ...fields, consequence: 2 } }, CONTROLLER)).status).toBe('saved');
    const refs = plan.risks.filter((r) => !r.archived).map((r) => r.ref);
    const swapped = [second.ref, first.ref, ...refs.slice(2)];
    const result = await reorderPlanItems(store, plan, { kind: 'risk', refs: swapped }, CONTROLLER);
    expect(result).toMatchObject({ status: 'conflict', server: [{ ref: first.ref, consequence: 2 }] });
  });
});

describe('remove', () => {
  test('a styrtal with reported entries asks first, then is archived, not deleted: its entries stay and it leaves Att göra', async () => {
    const plan = await load();
    const indicator = plan.indicators.find((i) => i.ref === 'g1-i2');
    if (!indicator?.ownerUpn) throw new Error('the fixture has g1-i2 with an owner');
    const ask = await removePlanItem(store, plan, { kind: 'indicator', ref: 'g1-i2', eTag: indicator.eTag }, CONTROLLER);
    expect(ask).toMatchObject({ status: 'needs-confirmation', reportedPeriods: ['2025-annual'], message: expect.stringContaining('arkiveras i stället för att tas bort') });
    expect((await load()).indicators.find((i) => i.ref === 'g1-i2')?.archived).toBeUndefined();

    const done = await removePlanItem(store, plan, { kind: 'indicator', ref: 'g1-i2', eTag: indicator.eTag, confirmed: true }, CONTROLLER);
    expect(done).toEqual({ status: 'removed', deleted: [], archived: [{ kind: 'indicator', ref: 'g1-i2', title: indicator.title }] });
    const after = await load();
    expect(after.indicators.find((i) => i.ref === 'g1-i2')).toMatchObject({ archived: true, title: indicator.title });
    expect(after.entries.filter((e) => e.subjectRef === 'g1-i2')).toHaveLength(plan.entries.filter((e) => e.subjectRef === 'g1-i2').length);
    expect(store.myWork(after, indicator.ownerUpn, '2025-annual').map((w) => w.ref)).not.toContain('g1-i2');
    // The period it was reported for still reports it.
    const data = buildReport(after, after.entries, '2025-annual').sections.find((s) => s.kind === 'data');
    expect(data?.tables[0]?.rows.some((r) => r.subject.ref === 'g1-i2')).toBe(true);
    expect(store.myWork(plan, indicator.ownerUpn, '2025-annual').map((w) => w.ref)).toContain('g1-i2');
  });

  test('an uppdrag never reported on is deleted without asking', async () => {
    const created = await createPlanItem(store, await load(), { kind: 'assignment', parent: { kind: 'goal', ref: 'g1' }, draft: { title: 'Utred vårdkedjan', origin: 'board' } }, CONTROLLER);
    if (created.status !== 'saved') throw new Error(`create answered ${created.status}`);
    const result = await removePlanItem(store, await load(), { kind: 'assignment', ref: created.saved.ref, eTag: created.saved.eTag }, CONTROLLER);
    expect(result).toEqual({ status: 'removed', deleted: [{ kind: 'assignment', ref: created.saved.ref, title: 'Utred vårdkedjan' }], archived: [] });
    expect((await load()).assignments.map((a) => a.ref)).not.toContain(created.saved.ref);
  });

  test('a goal with styrtal under it asks first, then deletes them all when none was reported on', async () => {
    const goal = await createPlanItem(store, await load(), { kind: 'goal', draft: { kind: 'effect-goal', title: 'Nytt effektmål', origin: 'board' } }, CONTROLLER);
    if (goal.status !== 'saved') throw new Error(`create answered ${goal.status}`);
    const under = await createPlanItem(store, await load(), { kind: 'indicator', parent: { kind: 'goal', ref: goal.saved.ref }, draft: { title: 'Styrtal', valueType: 'qualitative' } }, CONTROLLER);
    if (under.status !== 'saved') throw new Error(`create answered ${under.status}`);
    const ask = await removePlanItem(store, await load(), { kind: 'goal', ref: goal.saved.ref, eTag: goal.saved.eTag }, CONTROLLER);
    expect(ask).toMatchObject({ status: 'needs-confirmation', reportedPeriods: [], message: expect.stringContaining('det som ligger under (1 sak)') });
    const done = await removePlanItem(store, await load(), { kind: 'goal', ref: goal.saved.ref, eTag: goal.saved.eTag, confirmed: true }, CONTROLLER);
    expect(done).toMatchObject({ status: 'removed', archived: [], deleted: [{ ref: goal.saved.ref }, { ref: under.saved.ref }] });
    const after = await load();
    expect(after.goals.map((t) => t.ref)).not.toContain(goal.saved.ref);
    expect(after.indicators.map((t) => t.ref)).not.toContain(under.saved.ref);
  });

  test('removing from a version someone has since changed is a conflict, and nothing is removed', async () => {
    const plan = await load();
    const assignment = plan.assignments.find((a) => a.ref === 'a2');
    if (!assignment) throw new Error('the fixture has a2');
    const { ref: _ref, goalRef: _goal, itemId: _id, eTag, ...fields } = assignment;
    expect((await updatePlanItem(store, plan, { kind: 'assignment', ref: 'a2', eTag, draft: { ...fields, multiYear: true } }, CONTROLLER)).status).toBe('saved');
    const result = await removePlanItem(store, plan, { kind: 'assignment', ref: 'a2', eTag, confirmed: true }, CONTROLLER);
    expect(result).toMatchObject({ status: 'conflict', server: { ref: 'a2', multiYear: true } });
    expect((await load()).assignments.find((a) => a.ref === 'a2')?.archived).toBeUndefined();
  });
});
