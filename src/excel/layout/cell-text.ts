// Excel holds at most 32 767 characters in a cell. A longer text (a comment pasted whole) is cut
// with a visible marker; the list keeps the whole text, and write-back reads a cut cell left as it
// was as unchanged, so the cut never travels back.

/** Excel's limit for one cell ("Total number of characters that a cell can contain"). */
export const CELL_TEXT_LIMIT = 32_767;

export const CUT_MARKER = ' … [avkortad: hela texten finns i Målkoll]';

/** The text as a cell can hold it. */
export function fitCellText(text: string): string {
  return text.length <= CELL_TEXT_LIMIT ? text : `${text.slice(0, CELL_TEXT_LIMIT - CUT_MARKER.length)}${CUT_MARKER}`;
}

export function isCut(text: string): boolean {
  return text.length > CELL_TEXT_LIMIT;
}

/** How many texts of a report Excel could not hold whole (each is cut, with the marker). */
export function cutTexts(report: { readonly sections: ReadonlyArray<{ readonly paragraphs: ReadonlyArray<{ readonly text: string }>; readonly tables: ReadonlyArray<{ readonly rows: ReadonlyArray<{ readonly cells: Readonly<Record<string, { readonly text: string }>> }> }> }> }): number {
  let count = 0;
  for (const section of report.sections) {
    for (const p of section.paragraphs) if (isCut(p.text)) count += 1;
    for (const table of section.tables) for (const row of table.rows) for (const cell of Object.values(row.cells)) if (isCut(cell.text)) count += 1;
  }
  return count;
}
