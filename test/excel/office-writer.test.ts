// The office-js writer against office-addin-mock: values, formats, named tables, colours, sync count.
import { plainSpaces } from '../../src/core';
import { writeReport } from '../../src/excel/office';
import { parseRegistry, SECTIONS_SETTING } from '../../src/excel/office/workbook-registry';
import { report2025, section } from '../report/helpers';
import { createFakeExcel } from './fake-excel';

const report = report2025();

test('every section becomes a sheet with named Excel tables, in at most 3 syncs per section', async () => {
  const excel = createFakeExcel();
  const result = await writeReport(excel.context, report, { now: () => new Date('2026-01-15T10:00:00Z') });
  expect(result.sections).toHaveLength(report.sections.length);
  expect(result.maxSyncsPerSection).toBeLessThanOrEqual(3);
  // One read, then the whole 2025 report fits one batch.
  expect(result.syncs).toBe(excel.syncs.length);
  expect(result.syncs).toBeLessThanOrEqual(3);
  for (const s of report.sections) {
    expect(excel.sheets.has(s.sheetName.toLocaleLowerCase('sv'))).toBe(true);
    for (const t of s.tables) expect(excel.tables.get(t.id.toLocaleLowerCase('sv'))).toMatchObject({ name: t.id, sheet: s.sheetName, style: 'TableStyleLight1' });
  }
});

test('the styrtal table of målsättning nr 1 reads as the seed prints it, numbers as numbers with unit formats', async () => {
  const excel = createFakeExcel();
  await writeReport(excel.context, report);
  const goal = section(report, 'goal', 'mal-g1');
  const styrtal = goal.tables[0];
  if (!styrtal) throw new Error('no styrtal table');
  const body = excel.tableBody(styrtal.id);
  const header = excel.tables.get(styrtal.id.toLocaleLowerCase('sv'));
  if (!header) throw new Error('table missing');
  const values = excel.values(body.sheet, body.address);
  const formats = excel.numberFormats(body.sheet, body.address);
  const first = values.findIndex((row) => String(row[0]).startsWith('Medicinsk bedömning primärvård inom 3 dagar'));
  expect(first).toBeGreaterThanOrEqual(0);
  const row = values[first] ?? [];
  // "Medicinsk bedömning primärvård inom 3 dagar. | 74 % | 90 % | 95 %": 74 is a number shown with " %".
  expect(row.slice(1, 4)).toEqual([74, 90, 95]);
  expect(formats[first]?.slice(1, 4).every((f) => /%/.test(f))).toBe(true);
  expect(formats[first]?.[0]).toBe('@');
  // Every cell written agrees with the report's printed text.
  styrtal.rows.forEach((reportRow, r) => {
    styrtal.columns.forEach((c, i) => {
      const cell = reportRow.cells[c.key];
      const written = values[r]?.[i];
      if (cell && typeof cell.value === 'number') expect(written).toBe(cell.value);
      else expect(plainSpaces(String(written ?? ''))).toBe(plainSpaces(cell?.text ?? ''));
    });
  });
});

test('formats: column widths in points, wrapping text columns, symbol colours as conditional formats, header rows bold', async () => {
  const excel = createFakeExcel();
  await writeReport(excel.context, report);
  const goal = section(report, 'goal', 'mal-g1');
  const sheet = excel.sheet(goal.sheetName);
  const styrtal = goal.tables[0];
  if (!styrtal) throw new Error('no styrtal table');
  // 50 characters ≈ 266 points: wide enough for the styrtal titles on an A4 page.
  styrtal.columns.forEach((c, i) => expect(sheet.columnWidths.get(i)).toBeGreaterThanOrEqual(Math.round((c.width * 7 + 5) * 0.75) - 1));
  const titleColumn = styrtal.columns.findIndex((c) => c.wrap);
  const body = excel.tableBody(styrtal.id);
  const firstBody = Number(/\d+/.exec(body.address)?.[0]);
  expect(excel.cell(goal.sheetName, `${String.fromCharCode(65 + titleColumn)}${firstBody}`)?.wrap).toBe(true);
  expect(sheet.autofitted).toBeGreaterThan(0);
  // Each distinct coloured status text has a rule on its column, in the vocabulary's colour.
  const coloured = styrtal.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.status?.colour);
  expect(coloured.length).toBeGreaterThan(0);
  for (const cell of coloured) {
    const rule = sheet.conditionalFormats.find((f) => f.formula?.endsWith(`="${cell.text}"`));
    expect(rule?.color).toBe(cell.status?.colour);
  }
  // The summary's table header is bold and its paragraphs are on top.
  const summary = section(report, 'summary');
  expect(excel.cell(summary.sheetName, 'A1')?.value).toBe(summary.paragraphs[0]?.text);
});

test('the registry remembers plan, period, section, sheet and tables', async () => {
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { now: () => new Date('2026-01-15T10:00:00Z') });
  const registry = parseRegistry(excel.settings.get(SECTIONS_SETTING));
  expect(registry.sections).toHaveLength(report.sections.length);
  expect(registry.sections[0]).toMatchObject({ planKey: 'RS:2025', periodKey: '2025-annual', sectionId: report.sections[0]?.id, writtenAt: '2026-01-15T10:00:00.000Z' });
  expect(excel.settings.has('malkoll.data.Data')).toBe(true);
});

// The 5 MB case itself is batching.test.ts, on `pack` alone; here a smaller budget makes the same
// cut through the mock with a tenth of the rows.
test('a section bigger than a batch is cut into chunks that each fit, every row lands, and it still takes at most 3 syncs', async () => {
  const budget = 512 * 1024;
  const data = section(report, 'data');
  const [table] = data.tables;
  const long = 'x'.repeat(1200);
  // About 600 kB of rows: more than one batch, within two.
  const rows = Array.from({ length: 400 }, (_, i) => {
    const base = table.rows[i % table.rows.length];
    if (!base) throw new Error('empty data');
    return { ...base, cells: { ...base.cells, ref: { value: `r${i}`, text: `r${i}` }, comment: { value: long, text: long } } };
  });
  const big = { ...report, sections: [{ ...data, tables: [{ ...table, rows }] as const }] };
  const excel = createFakeExcel();
  const result = await writeReport(excel.context, big, { batchBudget: budget });
  expect(result.syncs).toBe(3);
  expect(result.maxSyncsPerSection).toBeLessThanOrEqual(3);
  for (const s of excel.syncs) expect(s.bytes).toBeLessThan(budget);
  const body = excel.tableBody('Data');
  const values = excel.values(body.sheet, body.address);
  expect(values.map((r) => r[table.columns.findIndex((c) => c.key === 'ref')])).toEqual(rows.map((_, i) => `r${i}`));
});

test('two plans in one workbook: the second gets its own table names, the first stays', async () => {
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const other = { ...report, planKey: 'HSN:2025', sections: report.sections.filter((s) => s.id === 'data') };
  const result = await writeReport(excel.context, other);
  expect(result.sections[0]).toMatchObject({ sheetName: 'Data (2)', tables: [{ id: 'Data', name: 'Data_2' }] });
  expect(excel.tables.get('data')?.sheet).toBe('Data');
  expect(excel.tables.get('data_2')?.sheet).toBe('Data (2)');
});
