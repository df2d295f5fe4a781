// Locking a plan's period: refused while items are not approved (naming them), unless forced; the
// lock records who and when, makes the period read-only for saves and the round's writes, and is
// the plan's own (another plan's same period stays open); unlock opens it again.
import type { EntryEdit, SubjectKind } from '../../src/core';
import { FollowUpStore, entryOf, importPlan, openSite } from '../../src/store';
import type { LoadedPlan } from '../../src/store';
import { lockPeriod, unlockPeriod } from '../../src/store/period-lock';
import { approve, markDone } from '../../src/store/round';
import type { Harness } from './harness';
import { SITE, fixture, registerPeople, startHarness } from './harness';

let h: Harness;
let store: FollowUpStore;
const at = new Date('2026-02-03T14:00:00Z');
const controller = { upn: 'elin.strom@region.example', role: 'controller' as const };
const reporter = { upn: 'johan.ekstrom@region.example', role: 'reporter' as const };

beforeAll(async () => {
  h = await startHarness();
  const rs2025 = fixture('rs-2025.json');
  registerPeople(h.emulator, rs2025);
  await importPlan(await h.store(), rs2025);
  await importPlan(await h.store(), fixture('rs-2024.json'));
  const client = h.client();
  store = new FollowUpStore(client, await openSite(client, SITE), () => at);
});

afterAll(async () => {
  await h.close();
});

function things(plan: LoadedPlan): Array<{ kind: SubjectKind; ref: string; edit: EntryEdit }> {
  return [
    ...plan.goals.map((g) => ({ kind: 'goal' as const, ref: g.ref, edit: { assessment: 'achieved' as const } })),
    ...plan.indicators.map((i) => ({ kind: 'indicator' as const, ref: i.ref, edit: { comment: 'Rapporterat' } })),
    ...plan.assignments.map((a) => ({ kind: 'assignment' as const, ref: a.ref, edit: { assessment: 'partly' as const } })),
    ...plan.actions.map((a) => ({ kind: 'action' as const, ref: a.ref, edit: { comment: 'Pågår' } })),
  ];
}

test('a lock is refused while items are not approved, naming them; forced, it records who and when', async () => {
  const plan = await store.loadPlan('RS:2025');
  const refused = await lockPeriod(store, plan, '2025-annual', { byUpn: controller.upn });
  if (refused.status !== 'refused') throw new Error(`expected refused, got ${refused.status}`);
  expect(refused.refusal.code).toBe('not-approved');
  expect(refused.refusal.items?.length).toBe(things(plan).length);
  expect(refused.refusal.message).toMatch(/^Helår 2025 låstes inte: \d+ poster är inte godkända: Mål ”1 .+” \(utkast\);/);
  expect(refused.refusal.message).toMatch(/; och \d+ till\. Godkänn dem först, eller lås ändå\.$/);
  expect((await store.loadPlan('RS:2025')).periods.find((p) => p.key === '2025-annual')?.locked).toBeUndefined();

  const forced = await lockPeriod(store, plan, '2025-annual', { byUpn: controller.upn, force: true });
  expect(forced).toMatchObject({ status: 'saved', saved: { locked: true, lockedByUpn: controller.upn, lockedAt: '2026-02-03T14:00:00Z' } });
  const locked = await store.loadPlan('RS:2025');
  expect(locked.periods.find((p) => p.key === '2025-annual')).toMatchObject({ locked: true, lockedByUpn: controller.upn, deadline: '2026-01-31' });
  // The plan of the year before, with its own 2025 entries, is not locked by it.
  expect((await store.loadPlan('RS:2024')).periods.find((p) => p.key === '2024-annual')?.locked).toBeUndefined();
  expect(await lockPeriod(store, locked, '2025-annual', { byUpn: controller.upn })).toEqual({ status: 'unchanged' });

  // Read-only through the rules: a save, and the round's writes.
  const goal = locked.goals[0]?.ref ?? '';
  const step = { subjectKind: 'goal' as const, subjectRef: goal, periodKey: '2025-annual' };
  expect(await store.saveEntry(locked, { ...step, edit: { comment: 'sent' }, base: entryOf(locked, 'goal', goal, '2025-annual') }, reporter.upn)).toMatchObject({ status: 'refused', refusal: { code: 'locked' } });
  expect(await markDone(store, locked, step, reporter)).toMatchObject({ status: 'refused', refusal: { code: 'locked', message: expect.stringMatching(/^Perioden är låst \(Helår 2025\)/) } });

  expect(await unlockPeriod(store, locked, '2025-annual')).toMatchObject({ status: 'saved', saved: { locked: false } });
  const open = await store.loadPlan('RS:2025');
  expect(open.periods.find((p) => p.key === '2025-annual')?.locked).toBeUndefined();
  expect((await store.saveEntry(open, { ...step, edit: { comment: 'efter upplåsning' }, base: entryOf(open, 'goal', goal, '2025-annual') }, reporter.upn)).status).toBe('saved');
  expect(await unlockPeriod(store, open, '2025-annual')).toEqual({ status: 'unchanged' });
});

test('once every item is approved the period locks without force', async () => {
  let plan = await store.loadPlan('RS:2025');
  for (const t of things(plan)) {
    const step = { subjectKind: t.kind, subjectRef: t.ref, periodKey: '2025-interim' };
    const saved = await store.saveEntry(plan, { ...step, edit: t.edit }, reporter.upn);
    if (saved.status !== 'saved') throw new Error(`save of ${t.ref}: ${JSON.stringify(saved)}`);
    const done = await markDone(store, plan, { ...step, base: saved.saved.entry }, reporter);
    if (done.status !== 'saved') throw new Error(`klar ${t.ref}: ${JSON.stringify(done)}`);
    expect((await approve(store, plan, { ...step, base: done.saved }, controller)).status).toBe('saved');
  }
  plan = await store.loadPlan('RS:2025');
  expect(await lockPeriod(store, plan, '2025-interim', { byUpn: controller.upn })).toMatchObject({ status: 'saved', notApproved: [] });
});

test('a lock from a stale plan meets the lock someone set meanwhile as a conflict', async () => {
  const plan = await store.loadPlan('RS:2024');
  const other = new FollowUpStore(h.client(), store.site, () => at);
  expect((await lockPeriod(other, await other.loadPlan('RS:2024'), '2024-interim', { byUpn: 'karin.lindqvist@region.example', force: true })).status).toBe('saved');
  expect(await unlockPeriod(store, plan, '2024-interim')).toEqual({ status: 'unchanged' });
  expect(await lockPeriod(store, plan, '2024-interim', { byUpn: controller.upn, force: true })).toMatchObject({ status: 'conflict', server: { locked: true, lockedByUpn: 'karin.lindqvist@region.example' } });
});
