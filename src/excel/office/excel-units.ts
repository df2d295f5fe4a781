// A1 addresses and Excel's units for the office-js writer, kept apart from office-js itself.

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a block from 0-based row and column, e.g. (4, 0, 3, 6) → "A5:F7". */
export function blockAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  const first = `${columnLetters(column)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${columnLetters(column + columnCount - 1)}${row + rowCount}`;
}

/** Whole columns, e.g. (0, 3) → "A:C". */
export function columnsAddress(column: number, columnCount: number): string {
  return `${columnLetters(column)}:${columnLetters(column + columnCount - 1)}`;
}

/**
 * office-js takes column widths in points, the report gives characters (Excel's own width unit, as
 * the column-width dialog shows it). One character of the default font is 7 px plus 5 px padding,
 * and 1 pt = 4/3 px.
 */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
