// An entry's history shows what each version said: Graph carries a version's values only with
// `$expand=fields` (listitem-list-versions.md; the emulator leaves them out otherwise).
import { entryOf, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, registerPeople, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const doc = fixture('rs-2025.json');
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
});

test('every version of an entry has the values saved in it, newest first', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const indicator = plan.indicators.find((i) => entryOf(plan, 'indicator', i.ref, '2025-interim') === undefined);
  if (!indicator) throw new Error('fixture has no indicator without an interim report');
  const save = { subjectKind: 'indicator' as const, subjectRef: indicator.ref, periodKey: '2025-interim' };
  const first = await store.saveEntry(plan, { ...save, edit: { value: 40, comment: 'Första' } }, 'johan.ekstrom@region.example');
  if (first.status !== 'saved') throw new Error(first.status);
  const second = await store.saveEntry(plan, { ...save, edit: { value: 45, comment: 'Rättad' }, base: first.saved.entry }, 'johan.ekstrom@region.example');
  if (second.status !== 'saved') throw new Error(second.status);

  const versions = await store.entryVersions(second.saved.entry);
  expect(versions.map((v) => v.values)).toEqual([
    { value: 45, comment: 'Rättad' },
    { value: 40, comment: 'Första' },
  ]);
});
