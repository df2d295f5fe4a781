// One layout, two writers: the add-in's office-js workbook and the command line's xlsx file put the
// same text in the same cells with the same formats; and what the layout decides where the two
// writers used to differ.
import type ExcelJS from 'exceljs';
import { excelSerialDay, layoutSection } from '../../src/excel/layout';
import { withoutQuotePrefix, writeReport } from '../../src/excel/office';
import { reportXlsx } from '../../src/excel/xlsx';
import type { Report, ReportSection } from '../../src/report';
import { report2025, section } from '../report/helpers';
import type { FakeExcel } from './fake-excel';
import { createFakeExcel, formatAddress, parseAddress } from './fake-excel';
import { readTables, readWorkbook } from './read-xlsx';

const report = report2025();

/** What a reader sees in a cell, in terms both writers can be compared in. */
function officeCell(excel: FakeExcel, sheet: string, row: number, column: number) {
  const c = excel.cell(sheet, formatAddress({ row, column, rows: 1, columns: 1, wholeColumns: false }));
  return {
    value: typeof c?.value === 'string' ? withoutQuotePrefix(c.value) : (c?.value ?? ''),
    numberFormat: c?.numberFormat ?? 'General',
    bold: Boolean(c?.bold),
    italic: Boolean(c?.italic),
    // Excel's body size where nothing was set; an xlsx file states it for every styled cell.
    size: c?.size ?? 11,
    wrap: Boolean(c?.wrap),
    align: c?.align?.toLowerCase(),
    fill: c?.fill?.replace('#', 'FF'),
  };
}

function xlsxCell(sheet: ExcelJS.Worksheet, row: number, column: number): ReturnType<typeof officeCell> {
  const c = sheet.getCell(row + 1, column + 1);
  const fill = c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined;
  // exceljs reads a day back as a Date; the add-in writes its serial number.
  const value = c.value instanceof Date ? excelSerialDay(c.value.toISOString().slice(0, 10)) : c.value;
  return {
    value: typeof value === 'number' || typeof value === 'string' ? value : '',
    numberFormat: c.numFmt ?? 'General',
    bold: Boolean(c.font?.bold),
    italic: Boolean(c.font?.italic),
    size: c.font?.size ?? 11,
    wrap: Boolean(c.alignment?.wrapText),
    align: c.alignment?.horizontal,
    fill,
  };
}

describe('both writers place the report from the same layout', () => {
  let excel: FakeExcel;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    excel = createFakeExcel();
    await writeReport(excel.context, report);
    workbook = await readWorkbook(await reportXlsx(report));
  });

  it('tables stand at the same addresses', () => {
    const files = readTables(workbook);
    for (const s of report.sections) {
      for (const t of s.tables) {
        const office = excel.tables.get(t.id.toLocaleLowerCase('sv'));
        expect([office?.sheet, office ? formatAddress(office.address) : undefined]).toEqual([s.sheetName, files.find((f) => f.name === t.id)?.ref]);
      }
    }
  });

  it('every cell of every section block has the same value, number format, font, wrapping, alignment and fill', () => {
    for (const s of report.sections) {
      const layout = layoutSection(s);
      const sheet = workbook.getWorksheet(s.sheetName);
      if (!sheet) throw new Error(`no sheet ${s.sheetName}`);
      for (let row = 0; row < layout.rowCount; row++) {
        for (let column = 0; column < layout.columnCount; column++) {
          // A merged paragraph's other cells read as its first one in exceljs: compared there.
          if (sheet.getCell(row + 1, column + 1).master.address !== sheet.getCell(row + 1, column + 1).address) continue;
          const where = `${s.sheetName}!${formatAddress({ row, column, rows: 1, columns: 1, wholeColumns: false })}`;
          expect({ where, ...xlsxCell(sheet, row, column) }).toEqual({ where, ...officeCell(excel, s.sheetName, row, column) });
        }
      }
    }
  });

  it('status colours: what a conditional format colours in the add-in is coloured in the file', () => {
    let checked = 0;
    for (const s of report.sections) {
      const sheet = workbook.getWorksheet(s.sheetName);
      for (const rule of excel.sheet(s.sheetName).conditionalFormats) {
        const text = /="((?:[^"]|"")*)"$/.exec(rule.formula ?? '')?.[1]?.replace(/""/g, '"');
        const block = parseAddress(rule.address);
        for (let r = block.row; r < block.row + block.rows; r++) {
          const cell = sheet?.getCell(r + 1, block.column + 1);
          if (cell?.value !== text) continue;
          expect(cell?.font?.color?.argb).toBe(rule.color?.replace('#', 'FF'));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('paragraphs are merged across the tables and get the same heights', () => {
    const goal = section(report, 'goal', 'mal-g1');
    const sheet = workbook.getWorksheet(goal.sheetName);
    const office = excel.sheet(goal.sheetName);
    const span = layoutSection(goal).columnCount;
    goal.paragraphs.forEach((_, row) => {
      expect(office.merges).toContain(formatAddress({ row, column: 0, rows: 1, columns: span, wholeColumns: false }));
      expect(sheet?.getCell(row + 1, span).isMerged).toBe(true);
      expect(sheet?.getRow(row + 1).height).toBe(office.rowHeights.get(row));
    });
  });
});

function withSection(base: Report, s: ReportSection): Report {
  return { ...base, sections: [s] };
}

describe('where the writers used to differ', () => {
  it('an empty table keeps one empty body row, so Excel opens the file without repairing it', async () => {
    const goal = section(report, 'goal', 'mal-g1');
    const [styrtal] = goal.tables;
    if (!styrtal) throw new Error('no styrtal');
    const empty = { ...goal, tables: [{ ...styrtal, rows: [] }] };
    const [file] = readTables(await readWorkbook(await reportXlsx(withSection(report, empty))));
    expect(file?.rows).toHaveLength(1);
    expect(file?.rows[0]?.every((c) => c.value === null)).toBe(true);
    const excel = createFakeExcel();
    await writeReport(excel.context, withSection(report, empty));
    expect(excel.tables.get(styrtal.id.toLocaleLowerCase('sv'))?.address.rows).toBe(2);
  });

  it('a long heading wraps in its merged row with a height for its larger font; a coloured assessment keeps bold', () => {
    const goal = section(report, 'goal', 'mal-g1');
    const long = { ...goal, paragraphs: [{ style: 'heading' as const, text: 'Målsättning nr 1: ' + 'en mycket lång rubrik '.repeat(12) }, ...goal.paragraphs.slice(1)] };
    const layout = layoutSection(long);
    const [heading] = layout.lines;
    expect(heading).toMatchObject({ kind: 'heading', span: layout.columnCount, format: { font: { bold: true, size: 14 }, wrap: true } });
    expect(heading?.height).toBeGreaterThan(2 * 15 * (14 / 11));
    const assessment = layout.lines.find((l) => l.kind === 'assessment');
    expect(assessment?.format.font).toEqual({ bold: true, colour: goal.assessment?.colour });
  });

  it('an empty cell takes its column number format, so a number typed into an empty Utfall stays a number', async () => {
    const data = section(report, 'data');
    const [table] = data.tables;
    const outcome = table.columns.findIndex((c) => c.key === 'value');
    const emptyRow = table.rows.findIndex((r) => r.cells.value === undefined);
    expect(emptyRow).toBeGreaterThanOrEqual(0);
    const layout = layoutSection(data);
    expect(layout.tables[0]?.numberFormats[emptyRow]?.[outcome]).toBe(table.columns[outcome]?.numberFormat);
    const sheet = (await readWorkbook(await reportXlsx(withSection(report, data)))).getWorksheet('Data');
    // exceljs reads the General format back as none.
    expect(sheet?.getCell(emptyRow + 2, outcome + 1).numFmt ?? 'General').toBe(table.columns[outcome]?.numberFormat);
  });

  it('symbol columns are one size up, their headers at the body size and aligned with the column', () => {
    const goal = section(report, 'goal', 'mal-g1');
    const layout = layoutSection(goal);
    const [styrtal] = layout.tables;
    const status = goal.tables[0]?.columns.findIndex((c) => c.key === 'status') ?? -1;
    const statusBlock = styrtal?.formats.find((b) => b.column === status && b.columnCount === 1);
    expect(statusBlock?.format).toMatchObject({ horizontal: 'center', font: { size: 13 } });
    expect(statusBlock?.row).toBe(styrtal?.headerRow);
    const header = styrtal?.formats.find((b) => b.rowCount === 1 && b.row === styrtal.headerRow && b.columnCount > 1);
    expect(header?.format.font).toEqual({ bold: true, size: 11 });
  });

  it('the Data sheet keeps its header in view and prints landscape; goal sheets print portrait', () => {
    expect(layoutSection(section(report, 'data'))).toMatchObject({ frozenRows: 1, orientation: 'landscape' });
    expect(layoutSection(section(report, 'goal', 'mal-g1'))).toMatchObject({ frozenRows: 0, orientation: 'portrait' });
  });
});
