/** ISO 8601 date/time literals as used in `fields/Created ge '2024-01-01T00:00:00Z'`. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?)?$/i;

/**
 * The literal as a UTC instant in Graph's form `YYYY-MM-DDTHH:MM:SSZ`, or undefined when it is not
 * a valid date. A date without a time is midnight UTC; a time without a zone is read as UTC
 * (SharePoint would use the site's time zone). Fractions of a second are dropped: SharePoint
 * stores whole seconds.
 */
export function canonicalDateTime(text: string): string | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const part = (i: number): number => Number(m[i] ?? '0');
  const year = part(1);
  const month = part(2);
  const day = part(3);
  const hour = part(4);
  const minute = part(5);
  const second = part(6);
  const offsetHours = part(9);
  const offsetMinutes = part(10);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined; // e.g. 2023-02-30
  const sign = m[8] === '-' ? -1 : 1;
  date.setUTCHours(hour, minute - sign * (offsetHours * 60 + offsetMinutes), second, 0);
  const iso = date.toISOString();
  return /^\d{4}-/.test(iso) ? iso.replace(/\.\d{3}Z$/, 'Z') : undefined;
}
