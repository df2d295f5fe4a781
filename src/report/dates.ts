// Dates as the report shows them: calendar days (YYYY-MM-DD, the Swedish short date), a moment
// such as "reported at" taken as the day it was in Sweden.
import type { ReportCell } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Whether `text` is a real calendar day written YYYY-MM-DD (not 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The calendar day of a date or a moment: "2026-01-31" stays as it is; "2026-01-31T23:30:00Z" is
 * 1 February in Sweden. Undefined for anything that is not a date.
 */
export function calendarDay(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const parts = Object.fromEntries(SWEDISH_DAY.formatToParts(new Date(time)).map((p) => [p.type, p.value]));
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

/**
 * A date cell: the ISO day as value and text, which the writers turn into an Excel date. A value
 * that is no date at all stays visible as the text it is, rather than being dropped.
 */
export function dateCell(value: string | undefined): ReportCell {
  if (value === undefined || value.trim() === '') return { value: null, text: '' };
  const day = calendarDay(value);
  return day === undefined ? { value, text: value } : { value: day, text: day };
}
