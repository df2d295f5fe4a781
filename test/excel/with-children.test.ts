// The task pane's "med bilagor": Regionstyrelsen's report with Regionkansliet's appended as
// Bilaga 1, the same loader as `malkoll report --with-children`.
import type { ExcelHost } from '../../src/addin/office-host';
import { ALL_GROUPS, insertSections, refreshAll } from '../../src/addin/workbook-actions';
import { entryOf } from '../../src/store';
import { importPlan } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, registerPeople, startHarness } from '../store/harness';
import { createFakeExcel } from './fake-excel';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['rs-2025.json', 'rs-2025-regionkansliet.json']) {
    const doc = fixture(name);
    registerPeople(h.emulator, doc);
    await importPlan(await h.store(), doc);
  }
});

afterAll(async () => {
  await h.close();
});

test('with bilagor the workbook gets the child\'s sheets after the parent\'s; without, none', async () => {
  const store = await h.store();
  const host = (excel: ReturnType<typeof createFakeExcel>): ExcelHost => ({ inExcel: true, supportsColours: true, supportsPageLayout: false, run: (work) => work(excel.context) });
  const plain = createFakeExcel();
  const without = await insertSections(host(plain), store, 'RS:2025', '2025-annual', ALL_GROUPS);
  expect(without.report.sections.some((s) => s.title.startsWith('Bilaga'))).toBe(false);
  const excel = createFakeExcel();
  const withChildren = await insertSections(host(excel), store, 'RS:2025', '2025-annual', ALL_GROUPS, undefined, store);
  const bilagor = withChildren.report.sections.filter((s) => s.title.startsWith('Bilaga 1, Regionkansliet'));
  expect(bilagor.length).toBeGreaterThan(0);
  expect(bilagor.map((s) => s.sheetName)).toEqual(expect.arrayContaining(['B1 Sammanfattning', 'B1 Målsättning 8']));
  // After the parent's own sheets, and written into the workbook.
  expect(withChildren.report.sections.findIndex((s) => s.sheetName === 'B1 Sammanfattning')).toBeGreaterThan(withChildren.report.sections.findIndex((s) => s.sheetName === 'Data'));
  for (const s of bilagor) expect(excel.sheets.has(s.sheetName.toLowerCase())).toBe(true);
});

test('a refresh of a workbook with bilagor renews them, nothing left behind as gone', async () => {
  const store = await h.store();
  const excel = createFakeExcel();
  const host: ExcelHost = { inExcel: true, supportsColours: true, supportsPageLayout: false, run: (work) => work(excel.context) };
  await insertSections(host, store, 'RS:2025', '2025-annual', ALL_GROUPS, undefined, store);
  // Regionkansliet's report changes in Målkoll after the insert.
  const child = await store.loadPlan('RK:2025');
  const target = child.indicators[0];
  if (!target) throw new Error('fixture');
  const saved = await store.saveEntry(child, { subjectKind: 'indicator', subjectRef: target.ref, periodKey: '2025-annual', edit: { comment: 'Ny kommentar efter infogningen' }, base: entryOf(child, 'indicator', target.ref, '2025-annual') }, 'elin.strom@region.example');
  expect(saved.status).toBe('saved');
  const result = await refreshAll(host, store, undefined, store);
  expect(result.missing).toEqual([]);
  const texts = [...excel.sheets.values()].flatMap((sheet) => [...sheet.cells.values()].map((c) => c.value));
  expect(texts).toContain('Ny kommentar efter infogningen');
});
