// The overdue rule for åtgärder and aktiviteter.
import type { Action } from './model';
import type { ActionStatus } from './vocabularies';

const FINISHED: ReadonlySet<ActionStatus> = new Set(['done', 'done-with-deviation']);

export function isFinished(status: ActionStatus): boolean {
  return FINISHED.has(status);
}

/** Overdue: the due date has passed (the day after it, as of `asOf`) and it is not finished. */
export function isOverdue(action: Pick<Action, 'dueDate' | 'status'>, asOf: string): boolean {
  return action.dueDate !== undefined && action.dueDate < asOf && !isFinished(action.status);
}

/** Whole days from the due date to `asOf` (both YYYY-MM-DD); 0 or less when not yet due. */
export function daysOverdue(dueDate: string, asOf: string): number {
  const day = 24 * 60 * 60 * 1000;
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / day);
}
