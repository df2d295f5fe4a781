// One report section on one worksheet, placed from the layout: the text lines, then each table as
// a named Excel table with its number formats, format blocks, status colours and row heights.
import type { Worksheet } from 'exceljs';
import type { SectionLayout, TableLayout, TextLine } from '../layout';
import { TABLE_STYLE, TEXT_FORMAT } from '../layout';
import { colourMatches, formatBlocks, formatCell } from './cell-style';

function writeLine(sheet: Worksheet, line: TextLine): void {
  const row = line.row + 1;
  const cell = sheet.getCell(row, 1);
  // A string value is text to exceljs, never a formula: it needs no quote prefix.
  cell.value = line.text === '' ? null : line.text;
  cell.numFmt = TEXT_FORMAT;
  if (line.span > 1) sheet.mergeCells(row, 1, row, line.span);
  formatCell(cell, line.format);
  if (line.height !== undefined) sheet.getRow(row).height = line.height;
}

function writeTable(sheet: Worksheet, table: TableLayout): void {
  const headerRow = table.headerRow + 1;
  sheet.addTable({
    name: table.id,
    displayName: table.id,
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE.name, showRowStripes: TABLE_STYLE.bandedRows },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows: table.values.map((row) => row.map((v) => (v === '' ? null : v))),
  });
  const header = sheet.getRow(headerRow);
  table.headers.forEach((_, c) => (header.getCell(c + 1).numFmt = TEXT_FORMAT));
  table.numberFormats.forEach((formats, r) => {
    const row = sheet.getRow(headerRow + 1 + r);
    formats.forEach((format, c) => (row.getCell(c + 1).numFmt = format));
  });
  formatBlocks(sheet, table.formats);
  colourMatches(sheet, table.colourRules);
  for (const { row, height } of table.rowHeights) sheet.getRow(row + 1).height = height;
}

export function writeSectionSheet(sheet: Worksheet, layout: SectionLayout): void {
  layout.columnWidths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  for (const c of layout.hiddenColumns) sheet.getColumn(c + 1).hidden = true;
  for (const line of layout.lines) writeLine(sheet, line);
  for (const table of layout.tables) writeTable(sheet, table);
}
