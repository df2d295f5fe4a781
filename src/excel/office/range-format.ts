/// <reference types="office-js" />
// The layout's cell formats in office-js terms: property writes on a range's format, queued until
// the next sync.
import type { CellFormat, HorizontalAlignment } from '../layout';

const HORIZONTAL: Readonly<Record<HorizontalAlignment, 'Left' | 'Center' | 'Right'>> = { left: 'Left', center: 'Center', right: 'Right' };

export function applyFormat(target: Excel.RangeFormat, { font, fill, wrap, horizontal, vertical }: CellFormat): void {
  if (font) {
    const { bold, italic, size, colour } = font;
    if (bold !== undefined) target.font.bold = bold;
    if (italic !== undefined) target.font.italic = italic;
    if (size !== undefined) target.font.size = size;
    if (colour !== undefined) target.font.color = colour;
  }
  if (fill !== undefined) target.fill.color = fill;
  if (wrap !== undefined) target.wrapText = wrap;
  if (horizontal !== undefined) target.horizontalAlignment = HORIZONTAL[horizontal];
  if (vertical !== undefined) target.verticalAlignment = vertical === 'top' ? 'Top' : 'Bottom';
}
