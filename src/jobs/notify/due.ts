// Who is owed a notification for one overdue action or uppdrag, from its record (NotifiedLevel,
// NotifiedOn), the days it is overdue and the settings. Pure: the run decides, the record remembers.
import { daysOverdue } from '../../core';
import type { OverdueAction } from '../../store';
import type { OverdueAssignment } from '../../store/action-notices';
import type { NotifySettings } from './settings';

/** What the job chases: an åtgärd, or an uppdrag past its due date and not carried out. */
export type OverdueItem = OverdueAction | OverdueAssignment;
export type OverdueKind = 'action' | 'assignment';

/** What NotifiedLevel records: the owner was told, or also the owner's manager. */
export const LEVEL = { owner: 1, manager: 2 } as const;

export interface DueAction {
  readonly action: OverdueItem;
  /** An åtgärd, or an uppdrag: which list carries its record, and what its link opens. */
  readonly kind: OverdueKind;
  readonly days: number;
  /** The level this action has reached: the manager's once overdue longer than the escalation delay. */
  readonly level: 1 | 2;
  readonly ownerDue: boolean;
  readonly managerDue: boolean;
}

/**
 * The record `(level n, date d)` reads "on day d, everyone up to level n was told". The owner is
 * owed a notification when never told or told at least `reminderDays` ago; the manager when the
 * action has escalated and the manager was never told, or was told that long ago.
 */
export function dueFor(action: OverdueItem, asOf: string, settings: Pick<NotifySettings, 'escalationDays' | 'reminderDays'>, kind: OverdueKind = 'action'): DueAction {
  const days = action.dueDate ? daysOverdue(action.dueDate, asOf) : 0;
  const level = days > settings.escalationDays ? LEVEL.manager : LEVEL.owner;
  const told = action.notifiedLevel ?? 0;
  // A record dated after asOf (a run "as of" an earlier day) counts as recent: never remind early.
  const recent = action.notifiedOn !== undefined && daysOverdue(action.notifiedOn, asOf) < settings.reminderDays;
  const ownerDue = told < LEVEL.owner || !recent;
  const managerDue = level === LEVEL.manager && (told < LEVEL.manager || !recent);
  return { action, kind, days, level, ownerDue, managerDue };
}

/**
 * The level to record after this run's successful sends for the action so far (`told`). Owners
 * are sent to before their managers (see `sendOrder`), so after the owner's send the level is 1
 * while the manager is still owed one: should the run stop there, the next run tells only the
 * manager. A manager told while the owner's send failed records 2: the owner's failure is reported,
 * and the manager is not told again each run because of it.
 */
export function recordAfter(due: DueAction, told: { readonly owner: boolean; readonly manager: boolean }): number | undefined {
  if (told.manager) return LEVEL.manager;
  if (!told.owner) return undefined;
  return due.managerDue ? LEVEL.owner : Math.max(due.action.notifiedLevel ?? 0, LEVEL.owner);
}
