// A period's deadline as the people who report see it: how many calendar days are left, and
// whether it has passed. Calendar days, not hours: "om 5 dagar" means five dates away, whatever
// the time of day, and the deadline day itself is still in time.
import type { Period } from './model';
import { daysOverdue } from './overdue';
import type { Language } from './periods';

export interface DeadlineStatus {
  /** The last day to report, YYYY-MM-DD. */
  readonly deadline: string;
  /** Calendar days from `asOf` to the deadline: 0 on the day itself, negative once it has passed. */
  readonly daysLeft: number;
  /** The deadline day has ended (it is the day after, or later). */
  readonly passed: boolean;
}

/** The period's deadline as of `asOf` (YYYY-MM-DD, `calendarDate(now)`); undefined when the plan sets none. */
export function deadlineStatus(period: Pick<Period, 'deadline'>, asOf: string): DeadlineStatus | undefined {
  if (period.deadline === undefined) return undefined;
  const deadline = period.deadline.slice(0, 10);
  // daysOverdue counts whole calendar days from its first date to its second: here, today to the deadline.
  const daysLeft = daysOverdue(asOf, deadline);
  return { deadline, daysLeft, passed: daysLeft < 0 };
}

/** Late: not reported and the deadline has passed. Something reported late is no longer late. */
export function isLateReport(status: DeadlineStatus | undefined, reported: boolean): boolean {
  return status !== undefined && status.passed && !reported;
}

const DAY_MONTH: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  sv: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
};

/**
 * "20 augusti" ("20 August"), with the year only when it is not the year of `asOf` (a delår
 * deadline in the autumn is read in the same year; an annual one in the next).
 */
export function deadlineDateLabel(date: string, asOf: string, language: Language = 'sv'): string {
  const day = DAY_MONTH[language].format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
  return date.slice(0, 4) === asOf.slice(0, 4) ? day : `${day} ${date.slice(0, 4)}`;
}
