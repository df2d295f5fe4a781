// Text that looks like a formula stays text: in the report's cells, in paragraphs, in headers.
import { inertText, withoutQuotePrefix, writeReport } from '../../src/excel/office';
import { report2025, section } from '../report/helpers';
import { createFakeExcel } from './fake-excel';

const dangerous = ['=SUMMA(A1:A9)', '+46 70 123 45 67', '-3 % mot förra året', '@kontroller titta här', '=HYPERLINK("http://x","klicka")'];

test('inertText prefixes exactly the texts Excel would read as formulas, and reading back undoes it', () => {
  for (const text of dangerous) {
    expect(inertText(text)).toBe(`'${text}`);
    expect(withoutQuotePrefix(inertText(text))).toBe(text);
  }
  for (const text of ['Bra resultat', '74 %', "'citat'", '']) expect(inertText(text)).toBe(text);
});

test('comments beginning with =, +, - or @ are written as inert text into text-formatted cells', async () => {
  const report = report2025();
  const data = section(report, 'data');
  const table = data.tables[0];
  const rows = table.rows.map((row, i) => {
    const text = dangerous[i % dangerous.length] ?? '';
    return i < dangerous.length ? { ...row, cells: { ...row.cells, comment: { value: text, text } } } : row;
  });
  const excel = createFakeExcel();
  // The fake refuses a formula-like value in a cell not formatted as text.
  await writeReport(excel.context, { ...report, sections: [{ ...data, paragraphs: [{ style: 'text', text: '=1+1 är ingen formel' }], tables: [{ ...table, rows }] as const }] });
  const body = excel.tableBody('Data');
  const commentColumn = table.columns.findIndex((c) => c.key === 'comment');
  const values = excel.values(body.sheet, body.address);
  const formats = excel.numberFormats(body.sheet, body.address);
  dangerous.forEach((text, i) => {
    expect(values[i]?.[commentColumn]).toBe(`'${text}`);
    expect(formats[i]?.[commentColumn]).toBe('@');
  });
  expect(excel.cell('Data', 'A1')).toMatchObject({ value: "'=1+1 är ingen formel", numberFormat: '@' });
});
