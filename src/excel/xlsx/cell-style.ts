// The layout's cell formats in exceljs terms.
import type { Alignment, Cell, Font, Worksheet } from 'exceljs';
import type { CellBlock, CellFormat } from '../layout';

/** exceljs wants ARGB; the layout gives #RRGGBB. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

function fontOf(font: NonNullable<CellFormat['font']>): Partial<Font> {
  const { colour, ...rest } = font;
  return colour === undefined ? rest : { ...rest, color: { argb: argb(colour) } };
}

function alignmentOf({ wrap, horizontal, vertical }: CellFormat): Partial<Alignment> {
  return { ...(wrap !== undefined ? { wrapText: wrap } : {}), ...(horizontal ? { horizontal } : {}), ...(vertical ? { vertical } : {}) };
}

/** Lays a format over what the cell has: a later format overrides only what it states. */
export function formatCell(cell: Cell, format: CellFormat): void {
  if (format.font) cell.font = { ...cell.font, ...fontOf(format.font) };
  if (format.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) } };
  const alignment = alignmentOf(format);
  if (Object.keys(alignment).length > 0) cell.alignment = { ...cell.alignment, ...alignment };
}

/** Calls `each` with every cell of a block (0-based block, exceljs's 1-based cells). */
export function eachCell(sheet: Worksheet, block: CellBlock, each: (cell: Cell) => void): void {
  for (let r = 0; r < block.rowCount; r++) {
    for (let c = 0; c < block.columnCount; c++) each(sheet.getCell(block.row + r + 1, block.column + c + 1));
  }
}
