// Where a report section goes on its worksheet: paragraphs on top, a blank row, then each table
// with its caption above it, one blank row apart.
import { fitCellText } from './cell-text';
import type { ReportParagraph, ReportSection, ReportTable } from '../../report';
import { CAPTION_FORMAT, HEADING_SIZE, paragraphFormat } from './formats';
import { layoutTable } from './layout-table';
import type { SectionLayout, TableLayout, TextLine } from './model';
import type { PrintContext } from './print-setup';
import { printSetup } from './print-setup';
import { textHeight } from './text-size';

/** What a paragraph wraps in when the section has no table to take the width from. */
const DEFAULT_TEXT_WIDTH = 60;

/** A sheet column shared by several tables takes the widest of their widths. */
function sheetWidths(tables: readonly ReportTable[]): number[] {
  const widths: number[] = [];
  for (const table of tables) table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
  return widths;
}

function paragraphLine(paragraph: ReportParagraph, row: number, span: number, textWidth: number): TextLine {
  const height = textHeight(paragraph.text, textWidth, paragraph.style === 'heading' ? HEADING_SIZE : undefined);
  const line: TextLine = { row, text: fitCellText(paragraph.text), kind: paragraph.style, span, format: paragraphFormat(paragraph) };
  return height === undefined ? line : { ...line, height };
}

/**
 * A caption only where neither the section heading nor the table's first header already says it
 * (the styrtal table's first header is its caption, as in the printed report).
 */
function needsCaption(section: ReportSection, table: ReportTable): boolean {
  return table.title !== section.title && table.title !== table.columns[0]?.header;
}

/** A sheet column is hidden when every table that reaches it has a technical column there. */
function hiddenColumns(tables: readonly ReportTable[], width: number): number[] {
  const hidden: number[] = [];
  for (let c = 0; c < width; c++) {
    const there = tables.map((t) => t.columns[c]).filter((column) => column !== undefined);
    if (there.length > 0 && there.every((column) => column.hidden === true)) hidden.push(c);
  }
  return hidden;
}

/**
 * `sheetName` is the section's own unless the workbook already has a sheet of that name; `print`
 * names the plan, period and day on every printed page (without it the header is left empty).
 */
export function layoutSection(section: ReportSection, sheetName: string = section.sheetName, print?: PrintContext): SectionLayout {
  const tables: readonly ReportTable[] = section.tables;
  const columnWidths = sheetWidths(tables);
  const span = Math.max(1, columnWidths.length);
  const textWidth = columnWidths.reduce((a, b) => a + b, 0) || DEFAULT_TEXT_WIDTH;
  const lines = section.paragraphs.map((p, row) => paragraphLine(p, row, span, textWidth));
  let row = lines.length > 0 ? lines.length + 1 : 0;
  const laidOut: TableLayout[] = [];
  tables.forEach((table, i) => {
    if (needsCaption(section, table)) {
      lines.push({ row, text: table.title, kind: 'caption', span: 1, format: CAPTION_FORMAT });
      row += 1;
    }
    const placed = layoutTable(table, row, columnWidths);
    laidOut.push(placed);
    row += 1 + placed.values.length;
    if (i < tables.length - 1) row += 1;
  });
  return {
    sectionId: section.id,
    sheetName,
    orientation: section.kind === 'data' || section.kind === 'internal-control' ? 'landscape' : 'portrait',
    frozenRows: laidOut[0]?.headerRow === 0 ? 1 : 0,
    columnWidths,
    hiddenColumns: hiddenColumns(tables, columnWidths.length),
    print: printSetup(laidOut, print),
    lines,
    tables: laidOut,
    rowCount: Math.max(1, row),
    columnCount: span,
  };
}
