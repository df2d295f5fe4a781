// The office-js writer's side of the readable workbook, against the fake Excel: technical columns
// hidden, dates as date serials in a Swedish format, and the print setup applied exactly when the
// host says it has ExcelApi 1.9 (the manifest asks for 1.4).
import { writeReport } from '../../src/excel/office';
import { excelSerialDay } from '../../src/excel/layout';
import { report2025, section } from '../report/helpers';
import { createFakeExcel } from './fake-excel';

const report = report2025();
const data = section(report, 'data').tables[0];
const now = () => new Date('2026-01-15T09:30:00Z');

test('the Data sheet keeps its technical columns but hides them, and holds days as dates', async () => {
  const excel = createFakeExcel({ excelApi: '1.4' });
  await writeReport(excel.context, report, { sectionIds: ['data'], now });
  const hidden = data.columns.flatMap((c, i) => (c.hidden ? [i] : []));
  expect(hidden).toHaveLength(4);
  expect([...excel.sheet('Data').hiddenColumns].sort((a, b) => a - b)).toEqual(hidden);
  const body = excel.tableBody('Data');
  const values = excel.values(body.sheet, body.address);
  const formats = excel.numberFormats(body.sheet, body.address);
  const row = data.rows.findIndex((r) => r.subject.ref === 'g1-i3');
  for (const key of ['deadline', 'reportedAt']) {
    const c = data.columns.findIndex((col) => col.key === key);
    expect([values[row]?.[c], formats[row]?.[c]]).toEqual([excelSerialDay('2026-01-31'), 'yyyy-mm-dd']);
  }
  const period = data.columns.findIndex((c) => c.key === 'period');
  const periodKey = data.columns.findIndex((c) => c.key === 'periodKey');
  expect([values[row]?.[period], values[row]?.[periodKey]]).toEqual(['Helår 2025', '2025-annual']);
});

test('without ExcelApi 1.9 the writer never touches pageLayout (a 1.4 host has none) and still writes every section', async () => {
  const excel = createFakeExcel({ excelApi: '1.4' });
  const result = await writeReport(excel.context, report, { now });
  expect(result.sections).toHaveLength(report.sections.length);
  for (const s of excel.sheets.values()) expect(s.pageLayout).toBeUndefined();
});

test('with ExcelApi 1.9: A4 one page wide, the header row repeated, plan, period and day in header and footer', async () => {
  const excel = createFakeExcel({ excelApi: '1.9' });
  await writeReport(excel.context, report, { pageLayout: true, now });
  expect(excel.sheet('Data').pageLayout).toEqual({
    orientation: 'Landscape',
    paperSize: 'A4',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printTitleRows: '$1:$1',
    leftHeader: 'Regionstyrelsens verksamhetsplan med budget 2025',
    centerHeader: '',
    rightHeader: 'Helår 2025',
    leftFooter: 'Hämtad ur Målkoll 2026-01-15',
    centerFooter: 'Sida &P av &N',
    rightFooter: '&A',
  });
  const goal = section(report, 'goal', 'mal-g1');
  // Two tables on a goal sheet: no repeated header, which would mislabel the second table.
  expect(excel.sheet(goal.sheetName).pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', rightHeader: 'Helår 2025' });
  expect(excel.sheet(goal.sheetName).pageLayout?.printTitleRows).toBeUndefined();
  const ic = excel.tables.get('internkontrollplan');
  expect(excel.sheet('Internkontrollplan').pageLayout?.printTitleRows).toBe(`$${(ic?.address.row ?? 0) + 1}:$${(ic?.address.row ?? 0) + 1}`);
  for (const s of excel.sheets.values()) expect(s.pageLayout?.leftFooter).toBe('Hämtad ur Målkoll 2026-01-15');
});

test('the print setup adds no sync', async () => {
  const without = createFakeExcel();
  const plain = await writeReport(without.context, report, { now });
  const withIt = createFakeExcel();
  const printed = await writeReport(withIt.context, report, { pageLayout: true, now });
  expect(printed.syncs).toBe(plain.syncs);
});
