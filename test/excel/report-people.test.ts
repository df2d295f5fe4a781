// People by name on the report path: a plan read from the lists holds UPNs only, so both loadReport
// functions (the add-in's and `malkoll report`'s) look everyone up in one batched directory round
// trip, and the workbook shows names, never an address, with the print setup where the host has it.
import type { ExcelHost } from '../../src/addin/office-host';
import { insertSections, ALL_GROUPS, loadReport as addinLoadReport } from '../../src/addin/workbook-actions';
import { ROUND_SHEET_NAME } from '../../src/report';
import { loadReport as cliLoadReport } from '../../src/cli/report.command';
import { importPlan } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, registerPeople, startHarness } from '../store/harness';
import { createFakeExcel } from './fake-excel';
import type { FakeExcel } from './fake-excel';

let h: Harness;
const doc = fixture('rs-2025.json');
// Someone who has left: owner of styrtal in the plan, gone from the directory.
const gone = doc.people?.find((p) => p.displayName === 'Maria Holm');

beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, { ...doc, people: (doc.people ?? []).filter((p) => p !== gone) });
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
});

function visibleTexts(excel: FakeExcel): string[] {
  return [...excel.sheets.values()].flatMap((sheet) =>
    [...sheet.cells.entries()].flatMap(([at, cell]) => {
      const column = Number(at.split(',')[1]);
      return typeof cell.value === 'string' && !sheet.hiddenColumns.has(column) ? [cell.value] : [];
    }),
  );
}

test.each([
  ['the add-in', addinLoadReport],
  ['malkoll report', cliLoadReport],
])('%s: names from the directory in one extra round trip; someone unknown by account name', async (_, loadReport) => {
  expect(gone).toBeDefined();
  const client = h.client();
  const store = await h.store(client);
  client.stats.reset();
  const { report, plan } = await loadReport(store, 'RS:2025', '2025-annual');
  // Two for the plan (each a $batch), one $batch for every person it names.
  expect(client.stats.requests).toBe(3);
  expect(plan.people).toEqual([]);
  const data = report.sections.find((s) => s.kind === 'data');
  if (data?.kind !== 'data') throw new Error('no data section');
  const owners = new Set(data.tables[0].rows.map((r) => r.cells.owner?.text));
  expect(owners).toContain('Johan Ekström');
  expect(owners).toContain(gone?.upn.split('@')[0]);
  const reporters = data.tables[0].rows.map((r) => r.cells.reportedBy?.text).filter((t) => t !== undefined);
  expect(reporters.length).toBeGreaterThan(0);
  for (const t of [...owners, ...reporters]) expect(t ?? '').not.toContain('@');
});

test.each([
  ['ExcelApi 1.9', true],
  ['ExcelApi 1.4', false],
])('insert all sections on a host with %s: no visible cell holds an address; print setup only where supported', async (_api, pageLayout) => {
  const excel = createFakeExcel({ excelApi: pageLayout ? '1.9' : '1.4' });
  const host: ExcelHost = { inExcel: true, supportsColours: true, supportsPageLayout: pageLayout, run: (work) => work(excel.context) };
  await insertSections(host, await h.store(), 'RS:2025', '2025-annual', ALL_GROUPS);
  const texts = visibleTexts(excel);
  expect(texts).toContain('Johan Ekström');
  expect(texts.filter((t) => t.includes('@'))).toEqual([]);
  const data = excel.sheet('Data');
  expect(data.hiddenColumns.size).toBe(4);
  // The Data choice brings the controller's other working sheet, Uppföljningsläge, by names too.
  expect(excel.sheets.has(ROUND_SHEET_NAME.toLowerCase())).toBe(true);
  expect(data.pageLayout?.rightHeader).toBe(pageLayout ? 'Helår 2025' : undefined);
});
