// Status, assessment and trend marks: the vocabulary's code, symbol, Swedish label and colour.
import type { ActionStatus, Assessment, Level, Trend } from '../core';
import { ACTION_STATUS, ASSESSMENT_COLOUR, ASSIGNMENT_ASSESSMENT, GOAL_ASSESSMENT, LEVEL, TREND } from '../core';
import type { ReportCell, StatusMark, StatusVocabulary } from './types';

/** Action statuses in the reports' colours: finished green, with deviation yellow, deviation and not done red. */
const ACTION_COLOUR: Readonly<Record<ActionStatus, string>> = {
  'not-started': ASSESSMENT_COLOUR['not-assessed'].hex,
  'in-progress': ASSESSMENT_COLOUR.partly.hex,
  done: ASSESSMENT_COLOUR.achieved.hex,
  'done-with-deviation': ASSESSMENT_COLOUR.partly.hex,
  deviation: ASSESSMENT_COLOUR['not-achieved'].hex,
  'not-done': ASSESSMENT_COLOUR['not-achieved'].hex,
};

const LEVEL_COLOUR: Readonly<Record<Level, string>> = {
  full: ASSESSMENT_COLOUR.achieved.hex,
  partial: ASSESSMENT_COLOUR.partly.hex,
  none: ASSESSMENT_COLOUR['not-achieved'].hex,
  missing: ASSESSMENT_COLOUR['not-assessed'].hex,
};

function mark(vocabulary: StatusVocabulary, code: string, symbol: string, label: string, colour: string | undefined, suggested: boolean): StatusMark {
  return { vocabulary, code, symbol, label, ...(colour ? { colour } : {}), ...(suggested ? { suggested } : {}) };
}

export function assessmentMark(assessment: Assessment, of: 'goal' | 'assignment', suggested = false): StatusMark {
  const entry = (of === 'goal' ? GOAL_ASSESSMENT : ASSIGNMENT_ASSESSMENT)[assessment];
  return mark(of === 'goal' ? 'goal-assessment' : 'assignment-assessment', assessment, entry.symbol, entry.sv, ASSESSMENT_COLOUR[assessment].hex, suggested);
}

export function trendMark(trend: Trend, suggested = false): StatusMark {
  const entry = TREND[trend];
  return mark('trend', trend, entry.symbol, entry.sv, undefined, suggested);
}

export function actionStatusMark(status: ActionStatus): StatusMark {
  const entry = ACTION_STATUS[status];
  return mark('action-status', status, entry.symbol, entry.sv, ACTION_COLOUR[status], false);
}

export function levelMark(level: Level): StatusMark {
  const entry = LEVEL[level];
  return mark('level', level, entry.symbol, entry.sv, LEVEL_COLOUR[level], false);
}

/** What marks a suggestion on paper: the rule's proposal where nobody has assessed. */
export const SUGGESTION_WORD = 'förslag';

/**
 * A cell showing the symbol only, as the printed tables do (the label travels in `status`); a
 * suggestion says so ("■ förslag"), so a reader never takes the rule's proposal for someone's
 * assessment.
 */
export function symbolCell(status: StatusMark): ReportCell {
  return { value: status.code, text: status.suggested ? `${status.symbol} ${SUGGESTION_WORD}` : status.symbol, status };
}

/** A cell showing symbol and label ("✓ Avslutad"), where the label is not printed elsewhere. */
export function labelledCell(status: StatusMark): ReportCell {
  return { value: status.code, text: status.symbol ? `${status.symbol} ${status.label}` : status.label, status };
}

/** A cell showing the label only (the Data table: readable in a pivot, parsed back on write-back). */
export function labelCell(status: StatusMark): ReportCell {
  return { value: status.code, text: status.label, status };
}
