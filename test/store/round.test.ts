// The reporting round through the store against the emulator: a reporter saves and marks klar and
// finds the entry read-only; the controller sends it back with a comment; the reporter edits and
// marks klar again; the controller approves; stale eTags are conflicts.
import { FollowUpStore, entryOf, importPlan, openSite } from '../../src/store';
import type { LoadedPlan, StoredEntry } from '../../src/store';
import { approve, approveAll, markDone, reopen, sendBack } from '../../src/store/round';
import type { Harness } from './harness';
import { SITE, fixture, registerPeople, startHarness } from './harness';

let h: Harness;
let store: FollowUpStore;
const doc = fixture('rs-2025.json');
const at = new Date('2026-01-20T08:15:00Z');
const reporter = { upn: 'johan.ekstrom@region.example', role: 'reporter' as const };
const controller = { upn: 'elin.strom@region.example', role: 'controller' as const };

beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
  const client = h.client();
  store = new FollowUpStore(client, await openSite(client, SITE), () => at);
});

afterAll(async () => {
  await h.close();
});

const load = () => store.loadPlan('RS:2025');
function entry(plan: LoadedPlan, ref: string): StoredEntry {
  const found = entryOf(plan, 'goal', ref, '2025-annual');
  if (!found) throw new Error(`no entry for ${ref}`);
  return found;
}
function saved<T extends { status: string }>(result: T): Extract<T, { status: 'saved' }> {
  if (result.status !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(result)}`);
  return result as Extract<T, { status: 'saved' }>;
}

test('the round: save, klar and read-only, sent back with a comment, edited, klar again, approved', async () => {
  let plan = await load();
  const ref = plan.goals[0]?.ref ?? '';
  const step = { subjectKind: 'goal' as const, subjectRef: ref, periodKey: '2025-annual' };
  const draft = saved(await store.saveEntry(plan, { ...step, edit: { assessment: 'achieved' }, base: entry(plan, ref) }, reporter.upn));
  expect(draft.saved.entry).toMatchObject({ state: 'draft', stateByUpn: reporter.upn });

  const done = saved(await markDone(store, plan, { ...step, base: draft.saved.entry }, reporter));
  expect(done.saved).toMatchObject({ state: 'done', stateByUpn: reporter.upn, stateAt: '2026-01-20T08:15:00Z' });
  expect(await store.saveEntry(plan, { ...step, edit: { comment: 'ändrat' }, base: done.saved }, reporter.upn)).toMatchObject({
    status: 'refused',
    refusal: { code: 'round-state', message: 'Uppföljningen är markerad som klar. Öppna den igen om något behöver ändras.' },
  });

  expect(await sendBack(store, plan, { ...step, base: done.saved }, ' ', controller)).toMatchObject({ status: 'refused', refusal: { code: 'comment-required' } });
  expect(await sendBack(store, plan, { ...step, base: done.saved }, 'Beskriv vad som hindrade', reporter)).toMatchObject({ status: 'refused', refusal: { code: 'role' } });
  const returned = saved(await sendBack(store, plan, { ...step, base: done.saved }, 'Beskriv vad som hindrade', controller));
  expect(returned.saved).toMatchObject({ state: 'returned', returnComment: 'Beskriv vad som hindrade', stateByUpn: controller.upn });

  // What anyone loading the plan now sees.
  plan = await load();
  expect(entry(plan, ref)).toMatchObject({ state: 'returned', returnComment: 'Beskriv vad som hindrade', assessment: 'achieved' });

  const edited = saved(await store.saveEntry(plan, { ...step, edit: { comment: 'Bristen på läkare hindrade' }, base: entry(plan, ref) }, reporter.upn));
  expect(edited.saved.entry).toMatchObject({ state: 'draft', comment: 'Bristen på läkare hindrade' });
  const again = saved(await markDone(store, plan, { ...step, base: edited.saved.entry }, reporter));
  expect(again.saved.returnComment).toBeUndefined();

  expect(await approve(store, plan, { ...step, base: again.saved }, reporter)).toMatchObject({ status: 'refused', refusal: { code: 'role' } });
  const approved = saved(await approve(store, plan, { ...step, base: again.saved }, controller));
  expect(approved.saved).toMatchObject({ state: 'approved', stateByUpn: controller.upn });
  expect(await store.saveEntry(plan, { ...step, edit: { comment: 'x' }, base: approved.saved }, reporter.upn)).toMatchObject({ status: 'refused', refusal: { code: 'round-state', state: 'approved' } });
  expect(await reopen(store, plan, { ...step, base: approved.saved }, reporter)).toMatchObject({ status: 'refused', refusal: { code: 'role' } });

  // A controller's correction leaves it approved.
  const corrected = saved(await store.saveEntry(plan, { ...step, edit: { comment: 'Rättat av controller' }, base: approved.saved, actorRole: 'controller' }, controller.upn));
  expect(corrected.saved.entry).toMatchObject({ state: 'approved', comment: 'Rättat av controller' });
});

test('a round action from a stale eTag is a conflict and writes nothing', async () => {
  const plan = await load();
  const ref = plan.goals[1]?.ref ?? '';
  const step = { subjectKind: 'goal' as const, subjectRef: ref, periodKey: '2025-annual' };
  const stale = entry(plan, ref);
  saved(await store.saveEntry(plan, { ...step, edit: { comment: 'Någon annan hann före' }, base: stale }, 'annan@region.example'));
  const result = await markDone(store, plan, { ...step, base: stale }, reporter);
  expect(result).toMatchObject({ status: 'conflict', server: { comment: 'Någon annan hann före', state: 'draft' }, mine: { state: 'done' } });
  expect(entry(await load(), ref).state).toBe('draft');
});

test('reopening a klar entry makes it editable again', async () => {
  const plan = await load();
  const ref = plan.goals[2]?.ref ?? '';
  const step = { subjectKind: 'goal' as const, subjectRef: ref, periodKey: '2025-annual' };
  const done = saved(await markDone(store, plan, step, reporter));
  const reopened = saved(await reopen(store, plan, { ...step, base: done.saved }, reporter));
  expect(reopened.saved.state).toBe('draft');
  expect((await store.saveEntry(plan, { ...step, edit: { comment: 'Efter ny analys' }, base: reopened.saved }, reporter.upn)).status).toBe('saved');
});

test('approve all approves every klar entry of the period and leaves the rest alone', async () => {
  let plan = await load();
  const refs = plan.goals.slice(3, 6).map((g) => g.ref);
  for (const ref of refs) saved(await markDone(store, plan, { subjectKind: 'goal', subjectRef: ref, periodKey: '2025-annual' }, reporter));
  plan = await load();
  const klar = plan.entries.filter((e) => e.periodKey === '2025-annual' && e.state === 'done').map((e) => e.subjectRef);
  const result = await approveAll(store, plan, '2025-annual', controller);
  expect(result.approved.map((e) => e.subjectRef).sort()).toEqual([...klar].sort());
  expect(result.conflicts).toEqual([]);
  plan = await load();
  for (const ref of refs) expect(entry(plan, ref)).toMatchObject({ state: 'approved', stateByUpn: controller.upn });
  const untouched = plan.entries.filter((e) => e.periodKey === '2025-annual' && !klar.includes(e.subjectRef) && e.state !== 'approved');
  expect(untouched.length).toBeGreaterThan(0);
});
