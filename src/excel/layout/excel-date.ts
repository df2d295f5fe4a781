// Calendar days as Excel holds them: a serial day number (1900 date system) shown through a date
// format, so a date sorts, filters and subtracts as a date in both writers.
import { isIsoDate } from '../../report';

/** Day 0 of Excel's 1900 system is 1899-12-30 (Excel counts the non-existent 1900-02-29). */
const EPOCH_OFFSET_DAYS = 25569;
const DAY_MS = 86_400_000;

/** The serial number of a YYYY-MM-DD day, or undefined for anything else. */
export function excelSerialDay(iso: string): number | undefined {
  if (!isIsoDate(iso)) return undefined;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS + EPOCH_OFFSET_DAYS;
}

/** The YYYY-MM-DD day of a serial number. */
export function isoDayOfSerial(serial: number): string {
  return new Date(Math.round((serial - EPOCH_OFFSET_DAYS) * DAY_MS)).toISOString().slice(0, 10);
}
