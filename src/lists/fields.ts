// Reading and writing single field values the way Graph represents them in a list item's `fields`.
import type { ColumnKind } from './schema';

export type Fields = Readonly<Record<string, unknown>>;

export function readText(fields: Fields, name: string): string | undefined {
  const v = fields[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function readNumber(fields: Fields, name: string): number | undefined {
  const v = fields[name];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // SharePoint hands some numbers back as strings (calculated and lookup values).
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function readBoolean(fields: Fields, name: string): boolean | undefined {
  const v = fields[name];
  return typeof v === 'boolean' ? v : undefined;
}

// Date-only columns. SharePoint keeps a date as midnight in the *site's* time zone and Graph returns
// that instant in UTC: 14 March on a Stockholm site reads 2025-03-13T23:00:00Z, on a New York site
// 2025-03-14T04:00:00Z. Graph v1.0 does not tell the site's zone, so nothing here depends on it:
// for any zone from UTC−11 to UTC+12, local midnight of a day lies within −12 h … +11 h of that
// day's UTC midnight, so rounding to the nearest UTC midnight gives the day back.
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day (YYYY-MM-DD) a date-only column's instant stands for, in any site zone −11 … +12. */
export function dayOfDateOnly(value: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return new Date(Math.floor((time + DAY_MS / 2) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** A date-only column as the domain's YYYY-MM-DD: the day the user entered, whatever the site's zone. */
export function readDate(fields: Fields, name: string): string | undefined {
  const v = readText(fields, name);
  return v ? dayOfDateOnly(v) : undefined;
}

/** A date-time; midnight UTC reads back as the plain date it was most likely written as. */
export function readDateTime(fields: Fields, name: string): string | undefined {
  const v = readText(fields, name);
  return v?.endsWith('T00:00:00Z') ? v.slice(0, 10) : v;
}

/** SharePoint stores date-times to the second, in UTC: write them that way so re-imports compare equal. */
export function writeDateTime(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? value : `${new Date(time).toISOString().slice(0, 19)}Z`;
}

/** A lookup's target item id: Graph returns and accepts `{Name}LookupId` as a string. */
export function readLookup(fields: Fields, name: string): string | undefined {
  const v = fields[`${name}LookupId`];
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

export function readChoice<C extends string>(fields: Fields, name: string, codes: readonly C[]): C | undefined {
  const v = fields[name];
  return typeof v === 'string' && (codes as readonly string[]).includes(v) ? (v as C) : undefined;
}

/**
 * A day as written to a date-only column: 11:00 UTC that day, which is the same calendar day in
 * every zone from UTC−11 (00:00) to UTC+12 (23:00). SharePoint turns the instant into the site's
 * local day and keeps that day's midnight, so the day is kept on any such site; and should it read
 * the time as the site's own (zone ignored), 11:00 local is still that day. UTC midnight, written
 * before, would become the day before on every site west of UTC.
 */
export function writeDate(date: string | undefined): string | null {
  return date ? `${date}T11:00:00Z` : null;
}

/**
 * The `$filter` literal that splits a date-only column at a day: `lt` it matches the days before
 * `date`, `ge` it the day itself and later, on a site in any zone from UTC−11 to UTC+12. Local
 * midnight of `date` is at the earliest 12:00 UTC the day before (UTC+12); of the day before, at the
 * latest 11:00 UTC that day (UTC−11).
 */
export function dateOnlyBoundary(date: string): string {
  return `${new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS / 2).toISOString().slice(0, 19)}Z`;
}

/**
 * Whether a value about to be written and the value a column holds mean the same, so an import
 * leaves the item alone: date-only columns by their day, date-times by their instant, anything
 * else by its text (absent, null and "" are the same).
 */
export function sameFieldValue(kind: ColumnKind | undefined, wanted: unknown, stored: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(wanted) || empty(stored)) return empty(wanted) && empty(stored);
  if ((kind === 'date' || kind === 'dateTime') && typeof wanted === 'string' && typeof stored === 'string') {
    if (kind === 'date') return dayOfDateOnly(wanted) === dayOfDateOnly(stored);
    const [a, b] = [Date.parse(wanted), Date.parse(stored)];
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
  }
  return (typeof wanted === 'number' ? wanted : String(wanted)) === (typeof stored === 'number' ? stored : String(stored));
}

export function writeLookup(name: string, itemId: string | undefined): Record<string, string | null> {
  return { [`${name}LookupId`]: itemId ?? null };
}
