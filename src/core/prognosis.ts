// When an assessment is a forecast. A goal or an uppdrag is about the whole year, so at a period
// that ends before the year does (delår, tertial 1–2, a month before December) what the reporter
// assesses is how the year will end: the seed reports print it as "Prognos måluppfyllelse".
// Styrtal keep their outcome for the period, and åtgärder their status.
import type { Period } from './model';
import { parsePeriodKey } from './periods';
import type { SubjectKind } from './vocabularies';

const ASSESSED_FOR_THE_YEAR: ReadonlySet<SubjectKind> = new Set(['goal', 'assignment']);

/** The period ends before the year does. */
export function isPartOfYear(period: Pick<Period, 'kind' | 'index'>): boolean {
  switch (period.kind) {
    case 'interim':
      return true;
    case 'annual':
      return false;
    case 'tertial':
      return (period.index ?? 1) < 3;
    case 'month':
      return (period.index ?? 1) < 12;
  }
}

/** The assessment of `subjectKind` at `period` (a period or its key) is the prognosis for the year. */
export function isPrognosis(period: Pick<Period, 'kind' | 'index'> | string, subjectKind: SubjectKind): boolean {
  const p = typeof period === 'string' ? parsePeriodKey(period) : period;
  return p !== undefined && ASSESSED_FOR_THE_YEAR.has(subjectKind) && isPartOfYear(p);
}
