// Figures as the reports print them, and the Excel number format that shows a number the same way.
// The reports mix units in one column ("1 102 tusen ton", "83 år", "Plats 6 av 7", "3,5"), so the
// format is derived per cell from the printed text: the number stays a number in Excel (sortable,
// usable in formulas) and still reads exactly like the report.
import { formatSwedishNumber } from '../core';
import type { ReportCell } from './types';

export { formatFigure, formatOutcome, formatTarget } from '../core';

const SPACES = /[\u00A0\u202F\u2009]/g;

function quoted(literal: string): string | undefined {
  if (literal === '') return '';
  // A double quote cannot be escaped inside an Excel format literal.
  return literal.includes('"') ? undefined : `"${literal}"`;
}

/**
 * The Excel number format that displays `value` as `text`: the text's words around the number
 * become quoted literals (`0" %"`, `"Plats "0" av 7"`, `">"0`). Undefined when the text does not
 * contain the number (a target worded freely): then the cell is written as text.
 */
export function excelFormatFor(value: number, text: string): string | undefined {
  const digits = formatSwedishNumber(Math.abs(value), { maxDecimals: 6 });
  const plainText = text.replace(SPACES, ' ');
  const plainDigits = digits.replace(SPACES, ' ');
  const at = plainText.indexOf(plainDigits);
  if (at < 0) return undefined;
  let prefix = text.slice(0, at);
  if (value < 0) {
    // Excel prints the minus sign itself.
    if (!/[-\u2212]$/.test(prefix)) return undefined;
    prefix = prefix.slice(0, -1);
  }
  const suffix = text.slice(at + digits.length);
  const decimals = (digits.split(',')[1] ?? '').length;
  const number = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  const before = quoted(prefix);
  const after = quoted(suffix);
  if (before === undefined || after === undefined) return undefined;
  return `${before}${number}${after}`;
}

/** A cell holding a number printed as `text`; falls back to a text cell when no format can show it. */
export function figureCell(value: number, text: string): ReportCell {
  const numberFormat = excelFormatFor(value, text);
  return numberFormat === undefined ? { value: text, text } : { value, text, numberFormat };
}

/** A plain number without unit (the Data table: the unit has a column of its own). */
export function plainNumberCell(value: number | undefined): ReportCell {
  if (value === undefined) return EMPTY;
  return figureCell(value, formatSwedishNumber(value, { maxDecimals: 6 }));
}

export const EMPTY: ReportCell = Object.freeze({ value: null, text: '' });

export function textCell(text: string | undefined): ReportCell {
  return text === undefined || text === '' ? EMPTY : { value: text, text };
}
