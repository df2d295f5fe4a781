// Typed targets through the lists: import → export gives each kind back, an older document gets the
// kind its words leave no doubt about, and a reference is saved beside the outcome.
import type { IndicatorDoc, PlanDocument } from '../../src/core';
import { suggestAssessment, outcomeOf } from '../../src/core';
import { entryOf, exportPlan, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ defaultPageSize: 50 });
});

afterAll(async () => {
  await h.close();
});

const typed: IndicatorDoc[] = [
  { ref: 'i-least', title: 'Telefontillgänglighet', valueType: 'numeric', unit: '%', direction: 'increase', target: 90, targetKind: 'at-least' },
  { ref: 'i-most', title: 'Sjukfrånvaro', valueType: 'numeric', unit: '%', direction: 'decrease', target: 6.1, targetKind: 'at-most' },
  { ref: 'i-more', title: 'Budgetavvikelse', valueType: 'numeric', unit: 'mnkr', direction: 'increase', target: 0, targetText: '>0', targetKind: 'more-than' },
  { ref: 'i-less', title: 'Väntande', valueType: 'numeric', unit: 'st', direction: 'decrease', target: 5, targetKind: 'less-than' },
  { ref: 'i-range', title: 'HME', valueType: 'numeric', unit: 'index', direction: 'increase', target: 77, targetKind: 'range', targetMax: 80 },
  { ref: 'i-rank', title: 'Forskning per capita', valueType: 'numeric', unit: 'plats', direction: 'decrease', target: 3, targetKind: 'rank', targetMax: 7 },
  { ref: 'i-prev', title: 'Frisktal', valueType: 'numeric', direction: 'increase', targetKind: 'previous-year' },
  { ref: 'i-ref', title: 'Förtroende', valueType: 'numeric', unit: '%', direction: 'increase', target: 63, targetKind: 'reference', targetOffset: 1 },
];

function plan(code: string, indicators: IndicatorDoc[], extra: Partial<PlanDocument> = {}): PlanDocument {
  return {
    formatVersion: 1,
    organisation: { code, name: `Nämnd ${code}` },
    year: 2025,
    title: `Verksamhetsplan ${code} 2025`,
    status: 'adopted',
    periods: [{ key: '2025-annual', deadline: '2026-01-31' }],
    goals: [{ ref: 'g1', kind: 'objective', title: 'Målsättning', origin: 'board', indicators }],
    ...extra,
  };
}

const indicatorsOf = (doc: PlanDocument) => (doc.goals ?? []).flatMap((g) => g.indicators ?? []);

test('import then export gives every kind of target back, and the reference reported beside an outcome', async () => {
  const store = await h.store();
  const doc = plan('TT1', typed, { followUps: [{ subject: 'i-ref', period: '2025-annual', value: 61, reference: 60 }] });
  await importPlan(store, doc);
  const exported = await exportPlan(store, 'TT1:2025');
  expect(indicatorsOf(exported)).toEqual(typed);
  expect(exported.followUps).toEqual([expect.objectContaining({ subject: 'i-ref', value: 61, reference: 60 })]);
});

test('a changed reference value is saved on an entry that already exists', async () => {
  const store = await h.store();
  await importPlan(store, plan('TT9', typed, { followUps: [{ subject: 'i-ref', period: '2025-annual', value: 61, reference: 60 }] }));
  const loaded = await store.loadPlan('TT9:2025');
  const base = entryOf(loaded, 'indicator', 'i-ref', '2025-annual');
  const saved = await store.saveEntry(loaded, { subjectKind: 'indicator', subjectRef: 'i-ref', periodKey: '2025-annual', edit: { reference: 62 }, base }, 'anna@region.example');
  expect(saved.status).toBe('saved');
  expect(entryOf(await store.loadPlan('TT9:2025'), 'indicator', 'i-ref', '2025-annual')).toMatchObject({ value: 61, reference: 62 });
});

test('an older document without kinds imports with the kinds its words say, and exports them', async () => {
  const store = await h.store();
  const older: IndicatorDoc[] = [
    { ref: 'o-plain', title: 'Andel', valueType: 'numeric', unit: '%', direction: 'increase', target: 90 },
    { ref: 'o-range', title: 'HME', valueType: 'numeric', unit: 'index', direction: 'increase', target: 77, targetText: '77–80' },
    { ref: 'o-words', title: 'Insatser', valueType: 'numeric', unit: '%', direction: 'increase', target: 5, targetText: 'Ökning 5 %' },
  ];
  await importPlan(store, plan('TT2', older));
  const exported = indicatorsOf(await exportPlan(store, 'TT2:2025'));
  expect(exported.map((i) => [i.ref, i.targetKind, i.targetMax])).toEqual([
    ['o-plain', 'at-least', undefined],
    ['o-range', 'range', 80],
    ['o-words', undefined, undefined],
  ]);
});

test('a reference is saved with the outcome for a "riket + 1 %" target, and the suggestion reads against it', async () => {
  const store = await h.store();
  await importPlan(store, plan('TT3', typed));
  const loaded = await store.loadPlan('TT3:2025');
  const result = await store.saveEntry(loaded, { subjectKind: 'indicator', subjectRef: 'i-ref', periodKey: '2025-annual', edit: { value: 61, reference: 60.5 } }, 'anna@region.example');
  expect(result.status).toBe('saved');
  const entry = entryOf(await store.loadPlan('TT3:2025'), 'indicator', 'i-ref', '2025-annual');
  expect(entry).toMatchObject({ value: 61, reference: 60.5 });
  const indicator = loaded.indicators.find((i) => i.ref === 'i-ref');
  if (!indicator) throw new Error('indicator missing');
  expect(suggestAssessment(indicator, outcomeOf(entry))).toBe('not-achieved');
});

test('a reference is refused for a target of another kind', async () => {
  const store = await h.store();
  await importPlan(store, plan('TT4', typed));
  const loaded = await store.loadPlan('TT4:2025');
  const result = await store.saveEntry(loaded, { subjectKind: 'indicator', subjectRef: 'i-least', periodKey: '2025-annual', edit: { value: 91, reference: 60 } }, 'anna@region.example');
  expect(result).toMatchObject({ status: 'refused' });
});
