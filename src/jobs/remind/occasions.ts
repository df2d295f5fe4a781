// When a plan's period is owed a reminder, as of a date: pure. Each reminder is an *occasion* with
// an id; the job records per occasion and person that it went, so a rerun, or a later run in the
// same window, never sends it twice (docs/notify.md, "Remind").
//
// - `before-N`: N days before the deadline (7 and 1 by default). Its window runs from N days
//   before down to the next offset, so a day without a run (a weekend) is caught up the next run.
// - `late-DATE`: each day after the deadline, for `afterDays` days: at most one a day.
// - `escalation`: the managers, once, when the deadline is more than `escalationDays` past (caught
//   up for a week).
import { daysOverdue } from '../../core';
import type { RemindSettings } from './settings';
import { ESCALATION_CATCH_UP_DAYS } from './settings';

export interface Occasion {
  /** `before-7`, `late-2026-02-02`, `escalation`: part of the record's key. */
  readonly id: string;
  readonly kind: 'before' | 'late' | 'escalation';
  /** The period's deadline, YYYY-MM-DD. */
  readonly deadline: string;
  /** Calendar days from asOf to the deadline: 0 on the day, negative once passed. */
  readonly daysLeft: number;
  /** The last day this occasion can be due: its record is of no use after it. */
  readonly lastDay: string;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

type OccasionSettings = Pick<RemindSettings, 'beforeDays' | 'afterDays' | 'escalationDays'>;

/** The reporters' occasion on `asOf` for a deadline, if any. */
export function reporterOccasion(deadline: string, asOf: string, settings: OccasionSettings): Occasion | undefined {
  const day = deadline.slice(0, 10);
  const daysLeft = daysOverdue(asOf, day);
  if (daysLeft >= 0) {
    const offsets = settings.beforeDays;
    for (const [i, n] of offsets.entries()) {
      const next = offsets[i + 1];
      const lowest = next === undefined ? 0 : next + 1;
      if (daysLeft <= n && daysLeft >= lowest) return { id: `before-${n}`, kind: 'before', deadline: day, daysLeft, lastDay: addDays(day, -lowest) };
    }
    return undefined;
  }
  if (-daysLeft <= settings.afterDays) return { id: `late-${asOf}`, kind: 'late', deadline: day, daysLeft, lastDay: asOf };
  return undefined;
}

/** The managers' occasion on `asOf` for a deadline, if any. */
export function managerOccasion(deadline: string, asOf: string, settings: OccasionSettings): Occasion | undefined {
  const day = deadline.slice(0, 10);
  const daysLeft = daysOverdue(asOf, day);
  const late = -daysLeft;
  if (late <= settings.escalationDays || late > settings.escalationDays + ESCALATION_CATCH_UP_DAYS) return undefined;
  return { id: 'escalation', kind: 'escalation', deadline: day, daysLeft, lastDay: addDays(day, settings.escalationDays + ESCALATION_CATCH_UP_DAYS) };
}

/** What a reminder says of the deadline: "sista dag 31 januari, om 7 dagar", "sista dag var 31 januari, för 3 dagar sedan". */
export function whenText(occasion: Pick<Occasion, 'daysLeft'>, label: string): string {
  const n = occasion.daysLeft;
  if (n > 1) return `sista dag ${label}, om ${n} dagar`;
  if (n === 1) return `sista dag i morgon, ${label}`;
  if (n === 0) return `sista dag i dag, ${label}`;
  if (n === -1) return `sista dag var i går, ${label}`;
  return `sista dag var ${label}, för ${-n} dagar sedan`;
}
