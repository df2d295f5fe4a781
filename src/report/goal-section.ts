// One goal: heading, its comment and assessment, its styrtal table (each comment under its row)
// and its uppdrag (council's first, then the board's own, each comment under its row).
import type { Assignment, Goal, Indicator } from '../core';
import { GOAL_KIND } from '../core';
import { column, sheetName, tableId } from './columns';
import type { EntryIndex } from './entries';
import { indicatorStatus } from './entries';
import { EMPTY, figureCell, formatFigure, formatOutcome, formatTarget, textCell } from './figures';
import { originLabel } from './origin';
import { assessmentMark, levelMark, symbolCell } from './status-marks';
import type { GoalSection, ReportCell, ReportParagraph, ReportPlan, ReportRow, ReportTable } from './types';

export interface GoalContext {
  readonly plan: ReportPlan;
  readonly entries: EntryIndex;
  readonly periodKey: string;
  readonly comparisonKey?: string;
  /** Whether the reports assess this goal's kind (målområden and strategier are not). */
  readonly assessed: boolean;
  /** 1-based position among goals of its kind, for names when the goal has no number. */
  readonly position: number;
}

/** "Målsättning nr 1", "Effektmål 10", "Målområde". */
export function goalName(goal: Goal): string {
  const kind = GOAL_KIND[goal.kind].sv;
  if (goal.number === undefined) return kind;
  return goal.kind === 'objective' ? `${kind} nr ${goal.number}` : `${kind} ${goal.number}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function commentRow(column: string, comment: string | undefined, subject: ReportRow['subject']): ReportRow[] {
  if (comment === undefined || comment.trim() === '') return [];
  return [{ style: 'comment', cells: { [column]: textCell(comment) }, ...(subject ? { subject } : {}) }];
}

function outcomeCell(indicator: Indicator, ctx: GoalContext): ReportCell {
  const entry = ctx.entries.get('indicator', indicator.ref, ctx.periodKey);
  if (entry?.value !== undefined) return figureCell(entry.value, formatOutcome(indicator, entry.value));
  if (entry?.level !== undefined) {
    const mark = levelMark(entry.level);
    return { value: entry.level, text: mark.label, status: mark };
  }
  return EMPTY;
}

/** The target by its kind; a previous-year target prints last year's figure, so that is its number. */
function targetCell(indicator: Indicator, ctx: GoalContext): ReportCell {
  const previousYearValue = indicator.targetKind === 'previous-year' ? ctx.entries.get('indicator', indicator.ref, ctx.comparisonKey)?.value : undefined;
  const printed = formatTarget(indicator, { previousYearValue });
  if (printed === undefined || printed === '') return EMPTY;
  const number = indicator.targetKind === 'previous-year' ? previousYearValue : indicator.target;
  return number === undefined ? textCell(printed) : figureCell(number, printed);
}

function longTermTargetCell(unit: string | undefined, target: number | undefined, text: string | undefined): ReportCell {
  const printed = text !== undefined && text.trim() !== '' ? text : target !== undefined ? formatFigure(target, unit) : '';
  if (printed === '') return EMPTY;
  return target === undefined ? textCell(printed) : figureCell(target, printed);
}

function indicatorTable(goal: Goal, indicators: readonly Indicator[], ctx: GoalContext): ReportTable {
  const name = `Styrtal, ${lowerFirst(goalName(goal))}`;
  const rows = indicators.flatMap((indicator): ReportRow[] => {
    const subject = { kind: 'indicator' as const, ref: indicator.ref };
    const current = ctx.entries.get('indicator', indicator.ref, ctx.periodKey);
    const status = indicatorStatus(indicator, current, ctx.entries.get('indicator', indicator.ref, ctx.comparisonKey));
    const item: ReportRow = {
      style: 'item',
      subject,
      cells: {
        indicator: textCell(indicator.title),
        outcome: outcomeCell(indicator, ctx),
        target: targetCell(indicator, ctx),
        longTermTarget: longTermTargetCell(indicator.unit, indicator.longTermTarget, indicator.longTermTargetText),
        status: symbolCell(status.assessment),
        trend: status.trend ? symbolCell(status.trend) : EMPTY,
      },
    };
    return [item, ...commentRow('indicator', current?.comment, subject)];
  });
  return {
    id: tableId('Styrtal', goal.ref),
    title: name,
    columns: [
      column('indicator', name, 'text', 52),
      column('outcome', 'Utfall', 'number', 14),
      column('target', 'Årets målvärde', 'number', 18, { wrap: true }),
      column('longTermTarget', 'Långsiktigt målvärde', 'number', 18, { wrap: true }),
      // Wide enough for "■ förslag", a suggestion where nobody assessed.
      column('status', 'Status', 'symbol', 12),
      column('trend', 'Trend', 'symbol', 12),
    ],
    rows,
  };
}

function assignmentTable(goal: Goal, assignments: readonly Assignment[], ctx: GoalContext): ReportTable {
  const organisation = ctx.plan.organisation.name;
  const groups: ReadonlyArray<readonly [string, readonly Assignment[]]> = [
    [`Uppdrag givna från regionfullmäktige till ${lowerFirst(organisation)}`, assignments.filter((a) => a.origin === 'council')],
    [originLabel({ subject: 'assignment' }, 'board', organisation), assignments.filter((a) => a.origin === 'board')],
  ];
  const rows = groups.flatMap(([heading, group]): ReportRow[] => {
    if (group.length === 0) return [];
    return [
      { style: 'header', cells: { title: textCell(heading) } },
      ...group.flatMap((assignment): ReportRow[] => {
        const subject = { kind: 'assignment' as const, ref: assignment.ref };
        const entry = ctx.entries.get('assignment', assignment.ref, ctx.periodKey);
        const mark = assessmentMark(entry?.assessment ?? 'not-assessed', 'assignment');
        const item: ReportRow = {
          style: 'item',
          subject,
          cells: {
            // "Nr 1. Att …" as the reports print it; the number has its own column in the Data table.
            title: textCell(assignment.number === undefined ? assignment.title : `Nr ${assignment.number}. ${assignment.title}`),
            assessment: symbolCell(mark),
            assessmentText: textCell(mark.label),
          },
        };
        return [item, ...commentRow('title', entry?.comment, subject)];
      }),
    ];
  });
  return {
    id: tableId('Uppdrag', goal.ref),
    title: `Uppdrag, ${lowerFirst(goalName(goal))}`,
    columns: [
      column('title', 'Uppdrag', 'text', 52),
      column('assessment', 'Bedömning', 'symbol', 11),
      column('assessmentText', 'Bedömning (text)', 'text', 22),
    ],
    rows,
  };
}

export function goalSectionId(goal: Goal): string {
  return `mal-${goal.ref}`;
}

export function buildGoalSection(goal: Goal, ctx: GoalContext): GoalSection {
  const name = goalName(goal);
  const title = `${name}: ${goal.title}`;
  const entry = ctx.entries.get('goal', goal.ref, ctx.periodKey);
  const assessment = ctx.assessed ? assessmentMark(entry?.assessment ?? 'not-assessed', 'goal') : undefined;
  const paragraphs: ReportParagraph[] = [{ style: 'heading', text: title }];
  if (entry?.comment) paragraphs.push({ style: 'text', text: entry.comment });
  if (assessment) paragraphs.push({ style: 'assessment', text: `Bedömning: ${assessment.symbol} ${assessment.label}`, status: assessment });
  const indicators = ctx.plan.indicators.filter((i) => i.goalRef === goal.ref);
  const assignments = ctx.plan.assignments.filter((a) => a.goalRef === goal.ref);
  const tables: ReportTable[] = [];
  if (indicators.length > 0) tables.push(indicatorTable(goal, indicators, ctx));
  if (assignments.length > 0) tables.push(assignmentTable(goal, assignments, ctx));
  const tab = goal.number === undefined ? `${GOAL_KIND[goal.kind].sv} ${ctx.position}` : `${GOAL_KIND[goal.kind].sv} ${goal.number}`;
  return {
    kind: 'goal',
    id: goalSectionId(goal),
    title,
    sheetName: sheetName(tab),
    goalRef: goal.ref,
    ...(assessment ? { assessment } : {}),
    paragraphs,
    tables,
  };
}
