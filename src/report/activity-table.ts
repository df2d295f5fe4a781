// A goal's aktiviteter as the reports print activity tables: aktivitet, slutdatum, status, kommentar.
import type { Action, Goal } from '../core';
import { actionStatusIn } from '../core';
import { column, tableId } from './columns';
import { dateCell } from './dates';
import type { EntryIndex } from './entries';
import { textCell } from './figures';
import { goalName } from './goal-section';
import { actionStatusMark, labelledCell } from './status-marks';
import type { ReportRow, ReportTable } from './types';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The goal's aktiviteter with their status in the period (as reported, else as planned) and comment; undefined when it has none. */
export function activityTable(goal: Goal, actions: readonly Action[], entries: EntryIndex, periodKey: string): ReportTable | undefined {
  const activities = actions.filter((a) => a.goalRef === goal.ref && a.riskRef === undefined);
  if (activities.length === 0) return undefined;
  const rows = activities.map((activity): ReportRow => {
    const entry = entries.get('action', activity.ref, periodKey);
    return {
      style: 'item',
      subject: { kind: 'action', ref: activity.ref },
      cells: {
        activity: textCell(activity.title),
        dueDate: dateCell(activity.dueDate),
        status: labelledCell(actionStatusMark(actionStatusIn(activity, entry))),
        comment: textCell(entry?.comment),
      },
    };
  });
  return {
    id: tableId('Aktiviteter', goal.ref),
    // An unnumbered goal (a prioriterat område, a målområde) is named by its title: there are several.
    title: goal.number === undefined ? `Aktiviteter, ${goal.title}` : `Aktiviteter, ${lowerFirst(goalName(goal))}`,
    columns: [column('activity', 'Aktivitet', 'text', 52), column('dueDate', 'Slutdatum', 'date', 12), column('status', 'Status', 'symbol', 16, { align: 'left' }), column('comment', 'Kommentar', 'text', 60)],
    rows,
  };
}
