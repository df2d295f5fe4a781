/**
 * The site's regional time zone, as date-only columns need it. SharePoint keeps a date-only value as
 * midnight of its day in the site's zone and Graph returns that instant in UTC: 14 March on a
 * Stockholm site reads `2025-03-13T23:00:00Z`, in summer `…T22:00:00Z` (docs/emulator.md, "Dates").
 */

/** What `npm start` and the tests use unless told otherwise: a Swedish region's site. */
export const DEFAULT_SITE_TIME_ZONE = 'Europe/Stockholm';

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The IANA zone name (`Europe/Stockholm`, `UTC`, `America/New_York`), or an error naming it. */
export function checkTimeZone(timeZone: string): string {
  try {
    wallClock(timeZone);
  } catch {
    throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as Europe/Stockholm, UTC or America/New_York.`);
  }
  return timeZone;
}

/** The zone's wall-clock time at `instantMs`, read as if it were UTC. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts = Object.fromEntries(wallClock(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  const n = (type: string): number => Number(parts[type] ?? '0');
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/**
 * A written instant (Graph's UTC form) as SharePoint keeps it in a date-only column: midnight, in
 * the site's zone, of the day the instant falls on there; in Graph's UTC form.
 */
export function dateOnlyInstant(canonical: string, timeZone: string): string {
  const instant = Date.parse(canonical);
  const localDay = new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 10);
  const midnightAsUtc = Date.parse(`${localDay}T00:00:00Z`);
  // Midnight's offset is the zone's offset at midnight, not at the instant written (a DST change
  // may lie between): correct once with the offset found at the first guess.
  const guess = midnightAsUtc - (wallClockMs(midnightAsUtc, timeZone) - midnightAsUtc);
  const midnight = midnightAsUtc - (wallClockMs(guess, timeZone) - guess);
  return new Date(midnight).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
