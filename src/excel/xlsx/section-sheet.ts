// One report section on one worksheet: title and paragraphs on top, then each table as a named
// Excel table with its caption above it.
import type { Worksheet } from 'exceljs';
import type { ReportColumn, ReportSection, ReportTable } from '../../report';
import { argb, cellValue, linesNeeded, styleCell } from './cell-style';

const LINE_HEIGHT = 15;
/** Excel's limit on a row's height in points. */
const MAX_ROW_HEIGHT = 409;

/** A sheet column shared by several tables takes the widest of their widths. */
function sheetWidths(tables: readonly ReportTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
  return widths;
}

function setHeight(sheet: Worksheet, rowNumber: number, lines: number): void {
  if (lines > 1) sheet.getRow(rowNumber).height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** Top left corner address, e.g. "A5". */
function address(row: number): string {
  return `A${row}`;
}

function writeTable(sheet: Worksheet, table: ReportTable, firstRow: number, widths: readonly number[]): number {
  const columns: readonly ReportColumn[] = table.columns;
  sheet.addTable({
    name: table.id,
    displayName: table.id,
    ref: address(firstRow),
    headerRow: true,
    totalsRow: false,
    // No stripes: comment and heading rows would make the banding misleading.
    style: { theme: 'TableStyleLight1', showRowStripes: false },
    columns: columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: table.rows.map((row) => columns.map((c) => cellValue(row.cells[c.key]))),
  });
  const header = sheet.getRow(firstRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'bottom', horizontal: c.align ?? 'left', wrapText: true };
  });
  setHeight(sheet, firstRow, Math.max(...columns.map((c, i) => linesNeeded(c.header, widths[i] ?? c.width))));
  table.rows.forEach((row, r) => {
    const rowNumber = firstRow + 1 + r;
    const excelRow = sheet.getRow(rowNumber);
    let lines = 1;
    columns.forEach((c, i) => {
      const cell = row.cells[c.key];
      styleCell(excelRow.getCell(i + 1), c, row.style, cell);
      const wraps = row.style === 'comment' || row.style === 'header' || c.wrap;
      if (wraps && cell && cell.text !== '') lines = Math.max(lines, linesNeeded(cell.text, widths[i] ?? c.width));
    });
    setHeight(sheet, rowNumber, lines);
  });
  return firstRow + 1 + table.rows.length;
}

export function writeSectionSheet(sheet: Worksheet, section: ReportSection): void {
  const tables: readonly ReportTable[] = section.tables;
  const widths = sheetWidths(tables);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const span = Math.max(1, widths.length);
  const textWidth = widths.reduce((a, b) => a + b, 0);
  let row = 1;
  for (const paragraph of section.paragraphs) {
    const cell = sheet.getCell(row, 1);
    cell.value = paragraph.text;
    cell.numFmt = '@';
    cell.alignment = { vertical: 'top', wrapText: true };
    if (paragraph.style === 'heading') cell.font = { bold: true, size: 14 };
    if (paragraph.status?.colour) cell.font = { bold: true, color: { argb: argb(paragraph.status.colour) } };
    if (span > 1) sheet.mergeCells(row, 1, row, span);
    setHeight(sheet, row, linesNeeded(paragraph.text, textWidth));
    row += 1;
  }
  if (section.paragraphs.length > 0) row += 1;
  tables.forEach((table, i) => {
    // A caption only where neither the section heading nor the table's first header already says it
    // (the styrtal table's first header is its caption, as in the printed report).
    if (table.title !== section.title && table.title !== table.columns[0]?.header) {
      const caption = sheet.getCell(row, 1);
      caption.value = table.title;
      caption.font = { bold: true, size: 12 };
      row += 1;
    }
    row = writeTable(sheet, table, row, widths);
    if (i < tables.length - 1) row += 1;
  });
}
