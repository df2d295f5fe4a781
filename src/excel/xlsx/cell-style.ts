// The layout's cell formats in exceljs terms.
import type { Alignment, Cell, Fill, Font, Worksheet } from 'exceljs';
import type { CellBlock, CellFormat, ColourRule, FormatBlock } from '../layout';

/** exceljs wants ARGB; the layout gives #RRGGBB. */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

interface CellStyle {
  readonly font?: Partial<Font>;
  readonly fill?: Fill;
  readonly alignment?: Partial<Alignment>;
}

function styleOf({ font, fill, wrap, horizontal, vertical }: CellFormat): CellStyle {
  const alignment: Partial<Alignment> = { ...(wrap !== undefined ? { wrapText: wrap } : {}), ...(horizontal ? { horizontal } : {}), ...(vertical ? { vertical } : {}) };
  const { colour, ...rest } = font ?? {};
  return {
    ...(font ? { font: colour === undefined ? rest : { ...rest, color: { argb: argb(colour) } } } : {}),
    ...(fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } } } : {}),
    ...(Object.keys(alignment).length > 0 ? { alignment } : {}),
  };
}

/** `top` laid over `base`: it overrides only what it states. */
function overlay(base: CellFormat, top: CellFormat): CellFormat {
  return { ...base, ...top, ...(base.font && top.font ? { font: { ...base.font, ...top.font } } : {}) };
}

/**
 * Lays a format over what the cell has. Style objects may be shared between cells: they are
 * replaced, never changed in place.
 */
export function formatCell(cell: Cell, format: CellFormat): void {
  const style = styleOf(format);
  if (style.font) cell.font = { ...cell.font, ...style.font };
  if (style.fill) cell.fill = style.fill;
  if (style.alignment) cell.alignment = { ...cell.alignment, ...style.alignment };
}

/** Calls `each` with every cell of a block (0-based block, exceljs's 1-based cells). */
export function eachCell(sheet: Worksheet, block: CellBlock, each: (cell: Cell) => void): void {
  for (let r = 0; r < block.rowCount; r++) {
    const row = sheet.getRow(block.row + r + 1);
    for (let c = 0; c < block.columnCount; c++) each(row.getCell(block.column + c + 1));
  }
}

/**
 * Formats the cells of fresh blocks (nothing styled them before). Cells under the same blocks
 * share one merged style, so a table's thousands of cells take a handful of style objects.
 */
export function formatBlocks(sheet: Worksheet, blocks: readonly FormatBlock[]): void {
  if (blocks.length === 0) return;
  const top = Math.min(...blocks.map((b) => b.row));
  const left = Math.min(...blocks.map((b) => b.column));
  const width = Math.max(...blocks.map((b) => b.column + b.columnCount)) - left;
  const height = Math.max(...blocks.map((b) => b.row + b.rowCount)) - top;
  // Each distinct sequence of formats over a cell is one entry; 0 is "none". Blocks of one style
  // (every comment row of a table) share their format object, and so their entries.
  const formats = [...new Set(blocks.map((b) => b.format))];
  const formatIndex = new Map(formats.map((f, i) => [f, i]));
  const sequences: CellFormat[] = [{}];
  const next = new Map<number, number>();
  const cover = new Int32Array(width * height);
  blocks.forEach((block) => {
    const i = formatIndex.get(block.format) ?? 0;
    for (let r = block.row - top; r < block.row - top + block.rowCount; r++) {
      for (let c = block.column - left; c < block.column - left + block.columnCount; c++) {
        const before = cover[r * width + c] ?? 0;
        const step = before * formats.length + i;
        let after = next.get(step);
        if (after === undefined) {
          after = sequences.push(overlay(sequences[before] ?? {}, block.format)) - 1;
          next.set(step, after);
        }
        cover[r * width + c] = after;
      }
    }
  });
  const styles = sequences.map(styleOf);
  cover.forEach((sequence, at) => {
    const style = styles[sequence];
    if (sequence === 0 || !style) return;
    // By row: a sheet's getCell(row, column) goes through an A1 address.
    const cell = sheet.getRow(top + Math.floor(at / width) + 1).getCell(left + (at % width) + 1);
    if (style.font) cell.font = style.font;
    if (style.fill) cell.fill = style.fill;
    if (style.alignment) cell.alignment = style.alignment;
  });
}

/**
 * Colours the cells whose text a rule names: what a conditional format would show, fixed in the
 * file. Rules over the same block are matched in one pass.
 */
export function colourMatches(sheet: Worksheet, rules: readonly ColourRule[]): void {
  const byBlock = new Map<string, { block: CellBlock; colours: Map<string, string> }>();
  for (const rule of rules) {
    const key = `${rule.row},${rule.column},${rule.rowCount},${rule.columnCount}`;
    const group = byBlock.get(key) ?? { block: rule, colours: new Map<string, string>() };
    if (!group.colours.has(rule.text)) group.colours.set(rule.text, rule.colour);
    byBlock.set(key, group);
  }
  for (const { block, colours } of byBlock.values()) {
    eachCell(sheet, block, (cell) => {
      const colour = typeof cell.value === 'string' ? colours.get(cell.value) : undefined;
      if (colour !== undefined) cell.font = { ...cell.font, color: { argb: argb(colour) } };
    });
  }
}
