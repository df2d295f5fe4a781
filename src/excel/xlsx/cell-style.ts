// Fonts, fills and alignment for report cells in exceljs terms.
import type { Alignment, Cell, Font } from 'exceljs';
import type { ReportCell, ReportColumn, RowStyle } from '../../report';

/** exceljs wants ARGB; the report gives #RRGGBB. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

const HEADER_FILL = 'FFE7EEF5';
const COMMENT_COLOUR = 'FF404040';

function fontFor(style: RowStyle, cell: ReportCell | undefined): Partial<Font> {
  const font: Partial<Font> = {};
  if (style === 'header' || style === 'subtotal' || style === 'total') font.bold = true;
  if (style === 'comment') {
    font.italic = true;
    font.color = { argb: COMMENT_COLOUR };
  }
  const colour = cell?.status?.colour;
  if (colour) {
    font.color = { argb: argb(colour) };
    // Symbols are small in the default font; one size up makes ●/◆/■ tell apart when printed.
    if (cell.text === cell.status?.symbol) font.size = 13;
  }
  return font;
}

function alignmentFor(column: ReportColumn, style: RowStyle): Partial<Alignment> {
  // Comments run long under their row: always wrapped, always left.
  const wrap = style === 'comment' || style === 'header' || column.wrap;
  return { vertical: 'top', horizontal: style === 'comment' ? 'left' : (column.align ?? 'left'), wrapText: wrap };
}

/** Writes a report cell's value and style into an exceljs cell. Text always goes in as a string value. */
export function styleCell(target: Cell, column: ReportColumn, style: RowStyle, cell: ReportCell | undefined): void {
  const isNumber = typeof cell?.value === 'number';
  target.numFmt = isNumber ? (cell?.numberFormat ?? column.numberFormat) : '@';
  const font = fontFor(style, cell);
  if (Object.keys(font).length > 0) target.font = font;
  target.alignment = alignmentFor(column, style);
  if (style === 'header') target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
}

/** The value exceljs stores: a number, or the printed text as a plain string (never a formula object). */
export function cellValue(cell: ReportCell | undefined): number | string | null {
  if (!cell) return null;
  if (typeof cell.value === 'number') return cell.value;
  return cell.text === '' ? null : cell.text;
}

/** Rough line count of a wrapped cell, so rows get a height that shows the whole text when printed. */
export function linesNeeded(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}
