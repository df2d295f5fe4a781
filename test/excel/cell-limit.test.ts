// Excel holds 32 767 characters in a cell: a longer comment is cut with a visible marker in both
// writers, the command line warns, and write-back does not send the cut text back over the whole one.
import { CELL_TEXT_LIMIT, CUT_MARKER, cutTexts } from '../../src/excel/layout';
import { readDataTable, writeReport } from '../../src/excel/office';
import { diffDataRows } from '../../src/excel/write-back';
import { reportXlsx } from '../../src/excel/xlsx';
import { buildReport } from '../../src/report';
import { fixtureModel } from '../report/helpers';
import { createFakeExcel } from './fake-excel';
import { readTables, readWorkbook } from './read-xlsx';

const HUGE = 'Lång kommentar. '.repeat(65_536); // 1 MiB

function reportWithHugeComment() {
  const { contents, entries } = fixtureModel();
  const target = entries.find((e) => e.subjectKind === 'indicator' && e.periodKey === '2025-annual');
  if (!target) throw new Error('fixture');
  const edited = entries.map((e) => (e === target ? { ...e, comment: HUGE } : e));
  return { report: buildReport(contents, edited, '2025-annual'), ref: target.subjectRef };
}

test('the xlsx cell holds Excel’s limit, ending in the marker, and the report counts the cut', async () => {
  const { report } = reportWithHugeComment();
  expect(cutTexts(report)).toBeGreaterThan(0);
  const tables = readTables(await readWorkbook(await reportXlsx(report)));
  const texts = tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => (typeof c.value === 'string' ? c.value : ''))));
  const cut = texts.filter((t) => t.endsWith(CUT_MARKER));
  expect(cut.length).toBeGreaterThan(0);
  for (const text of cut) expect(text.length).toBe(CELL_TEXT_LIMIT);
  expect(texts.every((t) => t.length <= CELL_TEXT_LIMIT)).toBe(true);
});

test('write-back reads a cut comment left as it was as unchanged', async () => {
  const { report } = reportWithHugeComment();
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const read = await readDataTable(excel.context, 'Data');
  if (!read.snapshot) throw new Error('snapshot missing');
  expect(diffDataRows(read, read.snapshot).changes).toEqual([]);
});
