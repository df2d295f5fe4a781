// A remind run's outcome as data: the periods that owed a reminder, what was sent (or would be),
// what failed, who could not be resolved, what a record said went already, and the run's figures.
import type { ActivityType } from '../../core';
import type { Person } from '../notify/directory';
import type { JobRunResult, NotificationStatus, PhaseFigures } from '../notify/result';
import type { SkippedReminder, UnresolvedReminder } from './compose';
import type { ReminderItem, ReminderRole } from './message';
import type { SkippedPeriod } from './scan';

export interface ReminderPartOutcome {
  readonly role: ReminderRole;
  readonly planKey: string;
  readonly planTitle: string;
  readonly periodKey: string;
  readonly deadline: string;
  /** `before-7`, `late-2026-02-02`, `escalation` */
  readonly occasion: string;
  readonly daysLeft: number;
  readonly items: readonly ReminderItem[];
}

export interface ReminderOutcome {
  readonly recipient: Person;
  readonly status: NotificationStatus;
  readonly activityType: ActivityType;
  /** The manifest template filled in: what Teams shows after the app's name. */
  readonly text: string;
  readonly webUrl: string;
  readonly chainId: number;
  readonly parts: readonly ReminderPartOutcome[];
  /** Why it failed, did not reach the recipient, or was not sent again (Swedish). */
  readonly error?: string;
  readonly failure?: { readonly status: number; readonly code: string };
  readonly installed?: boolean;
  /** Sent, but these records could not be marked sent: a later run does not send them again (at most once). */
  readonly unrecorded?: readonly string[];
}

export interface PeriodSummary {
  readonly planKey: string;
  readonly periodKey: string;
  readonly deadline: string;
  readonly daysLeft: number;
  readonly reporterOccasion?: string;
  readonly managerOccasion?: string;
  /** Items not yet klar, of `items`. */
  readonly unfinished: number;
  readonly items: number;
}

export interface RemindRunResult extends JobRunResult {
  /** Adopted plans read. */
  readonly plans: number;
  /** Periods (of plans) that owed a reminder today. */
  readonly periods: readonly PeriodSummary[];
  /** Periods that would have owed one, but are locked. */
  readonly lockedPeriods: readonly SkippedPeriod[];
  /** By recipient. */
  readonly notifications: readonly ReminderOutcome[];
  readonly skipped: readonly SkippedReminder[];
  readonly unresolved: readonly UnresolvedReminder[];
  /** Records of occasions past deleted by this run. */
  readonly pruned: number;
}

export type { PhaseFigures };
