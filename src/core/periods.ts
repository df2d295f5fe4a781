// Follow-up periods: keys, Swedish and English labels, ordering, and the comparison period.
import type { Period } from './model';

const KEY = /^(\d{4})-(interim|annual|t([1-3])|m(0[1-9]|1[0-2]))$/;

export type Language = 'sv' | 'en';

export function parsePeriodKey(key: string): Period | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [, , kindText, tertial, month] = match;
  if (kindText === 'interim') return { key, year, kind: 'interim' };
  if (kindText === 'annual') return { key, year, kind: 'annual' };
  if (tertial) return { key, year, kind: 'tertial', index: Number(tertial) };
  return { key, year, kind: 'month', index: Number(month) };
}

export function isPeriodKey(key: string): boolean {
  return KEY.test(key);
}

export function periodKey(year: number, kind: Period['kind'], index?: number): string {
  switch (kind) {
    case 'interim':
    case 'annual':
      return `${year}-${kind}`;
    case 'tertial':
      return `${year}-t${index ?? 1}`;
    case 'month':
      return `${year}-m${String(index ?? 1).padStart(2, '0')}`;
  }
}

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  sv: ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "Delår 2025", "Helår 2025", "Tertial 1 2025", "Mars 2025" (or the English forms). */
export function periodLabel(period: Period | string, language: Language = 'sv'): string {
  const p = typeof period === 'string' ? parsePeriodKey(period) : period;
  if (!p) return String(period);
  switch (p.kind) {
    case 'interim':
      return language === 'sv' ? `Delår ${p.year}` : `Interim ${p.year}`;
    case 'annual':
      return language === 'sv' ? `Helår ${p.year}` : `Full year ${p.year}`;
    case 'tertial':
      return language === 'sv' ? `Tertial ${p.index} ${p.year}` : `Four-month period ${p.index} ${p.year}`;
    case 'month':
      return `${MONTHS[language][(p.index ?? 1) - 1]} ${p.year}`;
  }
}

/** The last day a period covers (delår: per 31 July), as YYYY-MM-DD. */
export function periodEndDate(period: Period): string {
  const lastDay = (month: number) => new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  const ymd = (month: number) => `${period.year}-${String(month).padStart(2, '0')}-${String(lastDay(month)).padStart(2, '0')}`;
  switch (period.kind) {
    case 'interim':
      return ymd(7);
    case 'annual':
      return ymd(12);
    case 'tertial':
      return ymd((period.index ?? 1) * 4);
    case 'month':
      return ymd(period.index ?? 1);
  }
}

/** When two periods end the same day, the one covering more comes later (annual after t3 and December). */
const KIND_RANK: Readonly<Record<Period['kind'], number>> = { month: 0, tertial: 1, interim: 2, annual: 3 };

/** Chronological order by end date; usable with Array.prototype.sort. */
export function comparePeriods(a: Period, b: Period): number {
  const byEnd = periodEndDate(a).localeCompare(periodEndDate(b));
  return byEnd !== 0 ? byEnd : KIND_RANK[a.kind] - KIND_RANK[b.kind];
}

/**
 * The period a trend compares with: the same period of the previous year, as the reports do
 * ("jämfört med 2024").
 */
export function comparisonPeriodKey(period: Period | string): string | undefined {
  const p = typeof period === 'string' ? parsePeriodKey(period) : period;
  if (!p) return undefined;
  return periodKey(p.year - 1, p.kind, p.index);
}

/** The calendar day of `now` where the person is (YYYY-MM-DD): "today" for deadlines and lateness. */
export function calendarDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
