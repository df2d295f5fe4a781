// How tall a row must be to show its wrapped text whole, estimated from the text's length: Excel
// measures wrapped text itself only when it autofits a row, which a file writer cannot ask for and
// which does not work on merged cells.

/** The body text size of Excel's default font (Calibri 11, Aptos Narrow 11), in points. */
export const BODY_SIZE = 11;
/** One line of body text, in points. */
export const LINE_HEIGHT = 15;
/** Excel refuses rows taller than 409 points. */
export const MAX_ROW_HEIGHT = 409;

/** Rough line count of text wrapped in a cell `width` characters wide. */
export function linesNeeded(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/**
 * Points for a row holding `lines` lines of text at `size` points, or undefined where one line
 * fits the default height.
 */
export function heightForLines(lines: number, size: number = BODY_SIZE): number | undefined {
  if (lines <= 1) return undefined;
  return Math.min(MAX_ROW_HEIGHT, Math.round(lines * LINE_HEIGHT * (size / BODY_SIZE) * 100) / 100);
}

/** The height for `text` wrapped in `width` characters at `size` points (a bigger font fits fewer characters). */
export function textHeight(text: string, width: number, size: number = BODY_SIZE): number | undefined {
  return heightForLines(linesNeeded(text, (width * BODY_SIZE) / size), size);
}
