import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildReport } from '../../src/report';
import type { Report, ReportTable } from '../../src/report';
import { reportXlsx } from '../../src/excel/xlsx';
import { fixtureModel, report2025 } from '../report/helpers';
import { readTables, readWorkbook } from './read-xlsx';
import type { ReadTable } from './read-xlsx';

/** What a report table should look like once in Excel: numbers as numbers, days as dates, everything else as its printed text. */
function expectedCells(table: ReportTable): Array<Array<number | string | Date | null>> {
  return table.rows.map((row) =>
    table.columns.map((c) => {
      const cell = row.cells[c.key];
      if (!cell) return null;
      if (typeof cell.value === 'number') return cell.value;
      if (c.type === 'date' && typeof cell.value === 'string') return new Date(`${cell.value}T00:00:00Z`);
      return cell.text === '' ? null : cell.text;
    }),
  );
}

describe('xlsx writer', () => {
  let report: Report;
  let tables: ReadTable[];
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    report = report2025();
    workbook = await readWorkbook(await reportXlsx(report));
    tables = readTables(workbook);
  });

  it('writes one sheet per section, in order', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(report.sections.map((s) => s.sheetName));
  });

  it('writes every table as a named Excel table on its section sheet with the same headers and values', () => {
    const expected = report.sections.flatMap((s) => s.tables.map((t) => ({ sheet: s.sheetName, table: t })));
    expect(tables.map((t) => t.name).sort()).toEqual(expected.map((e) => e.table.id).sort());
    for (const { sheet, table } of expected) {
      const read = tables.find((t) => t.name === table.id);
      expect(read?.sheet).toBe(sheet);
      expect(read?.headers).toEqual(table.columns.map((c) => c.header));
      expect(read?.rows.map((r) => r.map((c) => c.value))).toEqual(expectedCells(table));
    }
  });

  it('keeps the sv-SE number formats, per cell where the unit differs', () => {
    const styrtal = tables.find((t) => t.name === 'Styrtal_g1');
    // "Medicinsk bedömning primärvård inom 3 dagar. | 74 % | 90 % | 95 %"
    const row = styrtal?.rows[2];
    expect(row?.[0]?.value).toBe('Medicinsk bedömning primärvård inom 3 dagar.');
    expect(row?.slice(1, 4).map((c) => [c.value, c.numFmt])).toEqual([
      [74, '#,##0"\u00A0%"'],
      [90, '#,##0"\u00A0%"'],
      [95, '#,##0"\u00A0%"'],
    ]);
    const target = styrtal?.rows[4]?.[2];
    expect([target?.value, target?.numFmt]).toEqual([63, '#,##0" % (riket + 1 %)"']);
    const g9 = tables.find((t) => t.name === 'Styrtal_g9')?.rows[0];
    expect(g9?.slice(1, 3).map((c) => [c.value, c.numFmt])).toEqual([
      [131.8, '#,##0.0"\u00A0mnkr"'],
      [0, '">"#,##0'],
    ]);
    // Text columns are text-formatted so that typing into them stays text.
    expect(styrtal?.rows[2]?.[0]?.numFmt).toBe('@');
  });

  it('shows status symbols in their colours', () => {
    const styrtal = tables.find((t) => t.name === 'Styrtal_g1');
    // Nobody assessed these styrtal: the rule's suggestions, in their colours and marked as such.
    const status = styrtal?.rows[8]?.[4];
    expect([status?.value, status?.colour]).toEqual(['● förslag', 'FF2E7D32']);
    const suggestion = styrtal?.rows[2]?.[4];
    expect([suggestion?.value, suggestion?.colour]).toEqual(['■ förslag', 'FFC62828']);
    const ic = tables.find((t) => t.name === 'Internkontrollplan');
    expect(ic?.rows[1]?.[5]).toMatchObject({ value: '✓ Avslutad', colour: 'FF2E7D32' });
  });

  it('sets widths and wrapping that print', () => {
    const sheet = workbook.getWorksheet('Målsättning 1');
    expect(sheet?.getColumn(1).width).toBe(52);
    const styrtal = tables.find((t) => t.name === 'Styrtal_g1');
    const [start = ''] = (styrtal?.ref ?? '').split(':');
    const commentRow = Number(sheet?.getCell(start).row) + 2;
    expect(sheet?.getCell(commentRow, 1).alignment?.wrapText).toBe(true);
    expect(sheet?.getRow(commentRow).height).toBeGreaterThan(15);
    expect(workbook.getWorksheet('Data')?.pageSetup.orientation).toBe('landscape');
  });

  it('writes formula-looking text as text, never as a formula', async () => {
    const { contents, entries } = fixtureModel();
    const dangerous = ['=SUMMA(A1:A9)', '+46 70 123 45 67', '-1 jämfört med 2024', '@Anna se över', '=HYPERLINK("http://x","klicka")'];
    const edited = entries.map((e, n) => (e.subjectRef.startsWith('g1-i') ? { ...e, comment: dangerous[n % dangerous.length] ?? '' } : e));
    const bytes = await reportXlsx(buildReport(contents, edited, '2025-annual'));
    const read = readTables(await readWorkbook(bytes));
    const comments = read.find((t) => t.name === 'Styrtal_g1')?.rows.filter((_, i) => i % 2 === 1).flatMap((r) => (r[0] ? [r[0]] : [])) ?? [];
    expect(comments).toHaveLength(6);
    for (const cell of comments) {
      expect(dangerous).toContain(cell.value);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    for (const f of sheets) expect(await zip.file(f)?.async('string')).not.toMatch(/<f[ >]/);
  });
});
