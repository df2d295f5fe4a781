// Where a report section goes on its worksheet, as plain data: which rows hold the paragraphs,
// the captions and each table, the 2-D arrays of values and number formats, the styled row runs
// and the colour rules. Pure, so the office-js writer only turns it into a few batched calls and
// tests can check the layout without Excel.
import type { ReportCell, ReportColumn, ReportSection, ReportTable, RowStyle } from '../../report';
import { inertText } from './inert-text';
import { linesNeeded, rowHeightFor } from './excel-units';

/** What a cell of a `Range.values` array may hold here: never a formula, never undefined. */
export type ExcelValue = string | number;

export interface TextLine {
  /** 0-based sheet row. */
  readonly row: number;
  readonly text: ExcelValue;
  readonly style: 'heading' | 'text' | 'assessment' | 'caption';
  readonly colour?: string;
  /** Points, for a paragraph that wraps over several lines of the merged row. */
  readonly height?: number;
  /** Merged across the section's columns so a long paragraph wraps within the printed width. */
  readonly merge: boolean;
}

/** Consecutive body rows (0-based within the table body) sharing a row style other than 'item'. */
export interface RowRun {
  readonly first: number;
  readonly count: number;
  readonly style: Exclude<RowStyle, 'item'>;
}

/** A cell in `column` whose text is exactly `text` is shown in `colour` (a conditional format). */
export interface ColourRule {
  readonly column: number;
  readonly text: string;
  readonly colour: string;
}

export interface TableLayout {
  /** The report's table id: the Excel table name unless the workbook already uses it elsewhere. */
  readonly id: string;
  readonly headerRow: number;
  readonly columns: readonly ReportColumn[];
  readonly headers: readonly ExcelValue[];
  readonly values: readonly (readonly ExcelValue[])[];
  readonly numberFormats: readonly (readonly string[])[];
  readonly runs: readonly RowRun[];
  readonly colourRules: readonly ColourRule[];
  /** Some text wraps (a wrapping column or a comment row): row heights are autofitted. */
  readonly wraps: boolean;
}

export interface SectionLayout {
  readonly sectionId: string;
  readonly sheetName: string;
  readonly columnWidths: readonly number[];
  readonly lines: readonly TextLine[];
  readonly tables: readonly TableLayout[];
  /** Rows and columns the section occupies from A1: what a refresh clears first. */
  readonly rowCount: number;
  readonly columnCount: number;
}

/** The value written for a report cell: the number, or its printed text made inert. */
export function excelValue(cell: ReportCell | undefined): ExcelValue {
  if (!cell) return '';
  if (typeof cell.value === 'number') return cell.value;
  return cell.text === '' ? '' : inertText(cell.text);
}

/**
 * A number keeps its unit format ("74 %" is 74 with `0" %"`); any text is '@' so it stays text;
 * an empty cell takes the column's format, so a number typed into an empty Utfall is a number.
 */
export function excelNumberFormat(cell: ReportCell | undefined, column: ReportColumn): string {
  if (cell && typeof cell.value === 'number') return cell.numberFormat ?? column.numberFormat;
  if (cell && cell.text !== '') return '@';
  return column.numberFormat;
}

function runsOf(styles: readonly RowStyle[]): RowRun[] {
  const runs: RowRun[] = [];
  styles.forEach((style, i) => {
    if (style === 'item') return;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.first + last.count === i) runs[runs.length - 1] = { ...last, count: last.count + 1 };
    else runs.push({ first: i, count: 1, style });
  });
  return runs;
}

function colourRulesOf(table: ReportTable): ColourRule[] {
  const rules = new Map<string, ColourRule>();
  table.columns.forEach((column, c) => {
    for (const row of table.rows) {
      const cell = row.cells[column.key];
      const colour = cell?.status?.colour;
      if (!cell || !colour || cell.text === '') continue;
      const key = `${c}\u0000${cell.text}`;
      if (!rules.has(key)) rules.set(key, { column: c, text: cell.text, colour });
    }
  });
  return [...rules.values()];
}

function layoutTable(table: ReportTable, headerRow: number): TableLayout {
  const columns = table.columns;
  return {
    id: table.id,
    headerRow,
    columns,
    headers: columns.map((c) => inertText(c.header)),
    values: table.rows.map((row) => columns.map((c) => excelValue(row.cells[c.key]))),
    numberFormats: table.rows.map((row) => columns.map((c) => excelNumberFormat(row.cells[c.key], c))),
    runs: runsOf(table.rows.map((r) => r.style)),
    colourRules: colourRulesOf(table),
    wraps: columns.some((c) => c.wrap) || table.rows.some((r) => r.style === 'comment' || r.style === 'header'),
  };
}

/** A sheet column shared by several tables takes the widest of their widths. */
function sheetWidths(tables: readonly ReportTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
  return widths;
}

/** The same arrangement as the xlsx writer: paragraphs, a blank row, then captioned tables one blank row apart. */
export function layoutSection(section: ReportSection, sheetName: string = section.sheetName): SectionLayout {
  const tables: readonly ReportTable[] = section.tables;
  const columnWidths = sheetWidths(tables);
  const span = Math.max(1, columnWidths.length);
  const textWidth = columnWidths.reduce((a, b) => a + b, 0) || 60;
  const lines: TextLine[] = [];
  let row = 0;
  for (const paragraph of section.paragraphs) {
    const height = paragraph.style === 'heading' ? undefined : rowHeightFor(linesNeeded(paragraph.text, textWidth));
    lines.push({
      row,
      text: inertText(paragraph.text),
      style: paragraph.style,
      merge: span > 1,
      ...(paragraph.status?.colour ? { colour: paragraph.status.colour } : {}),
      ...(height !== undefined ? { height } : {}),
    });
    row += 1;
  }
  if (section.paragraphs.length > 0) row += 1;
  const laidOut: TableLayout[] = [];
  tables.forEach((table, i) => {
    // A caption only where neither the section heading nor the table's first header says it already.
    if (table.title !== section.title && table.title !== table.columns[0]?.header) {
      lines.push({ row, text: inertText(table.title), style: 'caption', merge: false });
      row += 1;
    }
    laidOut.push(layoutTable(table, row));
    // An Excel table has at least one body row, even when the report's table is empty.
    row += 1 + Math.max(1, table.rows.length);
    if (i < tables.length - 1) row += 1;
  });
  return { sectionId: section.id, sheetName, columnWidths, lines, tables: laidOut, rowCount: Math.max(1, row), columnCount: span };
}

