// How report text looks on the sheet, the same in both writers: headings, captions, table headers,
// columns by type, and rows by style.
import type { ReportColumn, ReportParagraph, RowStyle } from '../../report';
import type { CellFormat } from './model';
import { BODY_SIZE } from './text-size';

export const HEADING_SIZE = 14;
const CAPTION_SIZE = 12;
/** Symbols are small in the default font; one size up tells ●, ◆ and ■ apart on paper. */
const SYMBOL_SIZE = 13;
const HEADER_FILL = '#E7EEF5';
const COMMENT_COLOUR = '#404040';

/** Paragraphs wrap within the section's width; a heading is large, a coloured assessment bold. */
export function paragraphFormat(paragraph: ReportParagraph): CellFormat {
  const colour = paragraph.status?.colour;
  const heading = paragraph.style === 'heading';
  if (!heading && colour === undefined) return { wrap: true, vertical: 'top' };
  const font = { bold: true, ...(heading ? { size: HEADING_SIZE } : {}), ...(colour !== undefined ? { colour } : {}) };
  return { font, wrap: true, vertical: 'top' };
}

export const CAPTION_FORMAT: CellFormat = { font: { bold: true, size: CAPTION_SIZE } };

/** A column's cells, its header included: alignment and wrapping by the column, symbols one size up. */
export function columnFormat(column: ReportColumn): CellFormat {
  const base: CellFormat = { horizontal: column.align ?? 'left', wrap: column.wrap, vertical: 'top' };
  return column.type === 'symbol' ? { ...base, font: { size: SYMBOL_SIZE } } : base;
}

/** Laid over the column formats: bold and wrapped at the body size, whatever the column's symbols take. */
export const HEADER_FORMAT: CellFormat = { font: { bold: true, size: BODY_SIZE }, wrap: true, vertical: 'bottom' };

/** Rows inside a table that are not ordinary items. Comments run long under their row: wrapped, left. */
export const ROW_STYLE_FORMAT: Readonly<Record<Exclude<RowStyle, 'item'>, CellFormat>> = {
  header: { font: { bold: true }, fill: HEADER_FILL, wrap: true },
  comment: { font: { italic: true, colour: COMMENT_COLOUR }, wrap: true, horizontal: 'left' },
  subtotal: { font: { bold: true } },
  total: { font: { bold: true } },
};

/** Whether a body cell wraps: by its row's style where that says so, else by its column. */
export function cellWraps(column: ReportColumn, style: RowStyle): boolean {
  return (style === 'item' ? undefined : ROW_STYLE_FORMAT[style].wrap) ?? column.wrap;
}

/** Every table's style. No banded rows: heading and comment rows inside a table would make them misleading. */
export const TABLE_STYLE = { name: 'TableStyleLight1', bandedRows: false } as const;
