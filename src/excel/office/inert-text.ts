// Text written to a cell must stay text. Excel reads a value beginning with "=", "+", "-" or "@" as
// a formula (range.values behaves like typing), so a comment "=SUMMA(A1)" or "- se bilaga" would
// be evaluated or refused. Two guards, both applied: text cells get the number format "@" before
// their values are set, and such text is prefixed with an apostrophe, which Excel keeps as the
// cell's quote prefix and does not show or return as part of the value.

const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The value to write for a text: unchanged unless Excel would read it as a formula. */
export function inertText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * Undoes `inertText` on a value read back: a host that returns the quote prefix with the value
 * must not make an untouched comment look edited.
 */
export function withoutQuotePrefix(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}
