// Refresh in place: only the tables the workbook remembers are rewritten; the user's sheets and
// notes stay exactly as they were.
import { columnLetters, refreshWorkbook, writeReport } from '../../src/excel/office';
import type { Report } from '../../src/report';
import { report2025, section } from '../report/helpers';
import { createFakeExcel } from './fake-excel';

const report = report2025();

function withComment(r: Report, comment: string): Report {
  return {
    ...r,
    sections: r.sections.map((s) =>
      s.kind !== 'data'
        ? s
        : { ...s, tables: [{ ...s.tables[0], rows: s.tables[0].rows.map((row, i) => (i === 0 ? { ...row, cells: { ...row.cells, comment: { value: comment, text: comment } } } : row)) }] as const },
    ),
  };
}

test('refresh rewrites the registered tables with fresh data and leaves other sheets untouched', async () => {
  const excel = createFakeExcel();
  excel.type('Mina anteckningar', 'A1:B2', [
    ['Att göra', 'Kolla styrtal 3'],
    [42, '=inte en formel'],
  ]);
  await writeReport(excel.context, report, { sectionIds: ['sammanfattning', 'data'] });
  const before = JSON.stringify([...excel.sheet('Mina anteckningar').cells.entries()]);
  const asked: string[] = [];
  const result = await refreshWorkbook(excel.context, async (planKey, periodKey) => {
    asked.push(`${planKey} ${periodKey}`);
    return withComment(report, 'Uppdaterad kommentar');
  });
  expect(asked).toEqual(['RS:2025 2025-annual']);
  expect(result.reports[0]?.result.sections.map((s) => s.sectionId)).toEqual(['sammanfattning', 'data']);
  // Only what was inserted is refreshed: no goal sheets appear.
  expect(excel.sheets.size).toBe(3);
  expect(JSON.stringify([...excel.sheet('Mina anteckningar').cells.entries()])).toBe(before);
  const body = excel.tableBody('Data');
  const data = section(report, 'data').tables[0];
  const commentColumn = data.columns.findIndex((c) => c.key === 'comment');
  expect(excel.values(body.sheet, body.address)[0]?.[commentColumn]).toBe('Uppdaterad kommentar');
  expect([...excel.tables.keys()].sort()).toEqual(['data', 'sammanfattning']);
});

test('a shorter refresh clears the rows the section wrote before, but not a note beside it', async () => {
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const data = section(report, 'data');
  const rows = data.tables[0].rows.length;
  const width = data.tables[0].columns.length;
  // The user's note to the right of the table, outside the section's block.
  const noteColumn = columnLetters(width + 1);
  excel.type('Data', `${noteColumn}2`, [['min anteckning']]);
  const shorter: Report = { ...report, sections: [{ ...data, tables: [{ ...data.tables[0], rows: data.tables[0].rows.slice(0, 3) }] as const }] };
  await refreshWorkbook(excel.context, async () => shorter);
  expect(excel.cell('Data', `A${rows + 1}`)?.value ?? '').toBe('');
  expect(excel.cell('Data', `${noteColumn}2`)?.value).toBe('min anteckning');
  expect(excel.tableBody('Data').address).toBe(`A2:${columnLetters(width - 1)}4`);
});

test('a section gone from the fresh report is reported and left alone', async () => {
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['mal-g1', 'data'] });
  const result = await refreshWorkbook(excel.context, async () => ({ ...report, sections: report.sections.filter((s) => s.id !== 'mal-g1') }));
  expect(result.missing).toEqual([expect.objectContaining({ sectionId: 'mal-g1' })]);
  expect(excel.tables.has(section(report, 'goal', 'mal-g1').tables[0]?.id.toLocaleLowerCase('sv') ?? '')).toBe(true);
});
