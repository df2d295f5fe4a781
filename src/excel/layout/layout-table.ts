// One report table as placed: header, body values and number formats, the format blocks over it,
// colour rules for status texts and the rows' estimated heights.
import type { ReportCell, ReportColumn, ReportTable, RowStyle } from '../../report';
import { cellWraps, columnFormat, HEADER_FORMAT, ROW_STYLE_FORMAT } from './formats';
import { excelSerialDay } from './excel-date';
import type { ColourRule, ExcelValue, FormatBlock, RowHeight, TableLayout } from './model';
import { TEXT_FORMAT } from './model';
import { fitCellText } from './cell-text';
import { heightForLines, linesNeeded } from './text-size';

/** A date column's day as Excel's serial number; undefined for any other cell. */
function serialDay(cell: ReportCell | undefined, column: ReportColumn | undefined): number | undefined {
  return column?.type === 'date' && typeof cell?.value === 'string' ? excelSerialDay(cell.value) : undefined;
}

/** The value written for a report cell: the number (a date as its serial day), else its printed text. */
export function cellValue(cell: ReportCell | undefined, column?: ReportColumn): ExcelValue {
  if (!cell) return '';
  if (typeof cell.value === 'number') return cell.value;
  return serialDay(cell, column) ?? fitCellText(cell.text);
}

/**
 * A number keeps its unit format ("74 %" is 74 with `0" %"`), a date the column's date format; any
 * text is '@' so it stays text; an empty cell takes the column's format, so a number typed into an
 * empty Utfall is a number.
 */
export function cellNumberFormat(cell: ReportCell | undefined, column: ReportColumn): string {
  if (cell && typeof cell.value === 'number') return cell.numberFormat ?? column.numberFormat;
  if (serialDay(cell, column) !== undefined) return cell?.numberFormat ?? column.numberFormat;
  if (cell && cell.text !== '') return TEXT_FORMAT;
  return column.numberFormat;
}

/** Consecutive body rows of one style other than 'item' share a block. */
function rowStyleBlocks(styles: readonly RowStyle[], firstBody: number, width: number): FormatBlock[] {
  const runs: Array<{ first: number; count: number; style: Exclude<RowStyle, 'item'> }> = [];
  styles.forEach((style, i) => {
    if (style === 'item') return;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.first + last.count === i) last.count += 1;
    else runs.push({ first: i, count: 1, style });
  });
  return runs.map((run) => ({ row: firstBody + run.first, column: 0, rowCount: run.count, columnCount: width, format: ROW_STYLE_FORMAT[run.style] }));
}

/**
 * `widths` are the sheet's columns, which tables on the same sheet share. One pass over the rows
 * gives values, number formats, heights and the colour rules (one per distinct coloured text of a
 * column: a conditional format in office-js).
 */
export function layoutTable(table: ReportTable, headerRow: number, widths: readonly number[]): TableLayout {
  const { columns, rows } = table;
  const firstBody = headerRow + 1;
  const bodyRows = Math.max(1, rows.length);
  const values: ExcelValue[][] = [];
  const numberFormats: string[][] = [];
  const rowHeights: RowHeight[] = [];
  const colourRules = new Map<string, ColourRule>();
  const addHeight = (row: number, lines: number) => {
    const height = heightForLines(lines);
    if (height !== undefined) rowHeights.push({ row, height });
  };
  addHeight(headerRow, Math.max(...columns.map((c, i) => linesNeeded(c.header, widths[i] ?? c.width))));
  rows.forEach((row, r) => {
    let lines = 1;
    const rowValues: ExcelValue[] = [];
    const rowFormats: string[] = [];
    columns.forEach((column, c) => {
      const cell = row.cells[column.key];
      rowValues.push(cellValue(cell, column));
      rowFormats.push(cellNumberFormat(cell, column));
      if (!cell || cell.text === '') return;
      if (cellWraps(column, row.style)) lines = Math.max(lines, linesNeeded(cell.text, widths[c] ?? column.width));
      const colour = cell.status?.colour;
      const key = `${c}\u0000${cell.text}`;
      if (colour && !colourRules.has(key)) colourRules.set(key, { row: firstBody, column: c, rowCount: bodyRows, columnCount: 1, text: cell.text, colour });
    });
    values.push(rowValues);
    numberFormats.push(rowFormats);
    addHeight(firstBody + r, lines);
  });
  if (rows.length === 0) {
    values.push(columns.map(() => ''));
    numberFormats.push(columns.map((c) => c.numberFormat));
  }
  const formats: FormatBlock[] = [
    ...columns.map((column, c) => ({ row: headerRow, column: c, rowCount: 1 + bodyRows, columnCount: 1, format: columnFormat(column) })),
    { row: headerRow, column: 0, rowCount: 1, columnCount: columns.length, format: HEADER_FORMAT },
    ...rowStyleBlocks(rows.map((r) => r.style), firstBody, columns.length),
  ];
  return { id: table.id, headerRow, headers: columns.map((c) => c.header), values, numberFormats, formats, colourRules: [...colourRules.values()], rowHeights };
}
