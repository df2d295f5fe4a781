// Regionstyrelsen's uppsiktsplikt tables ("Regionstyrelsen redovisar samtliga målsättningar, styrtal
// och uppdrag"): the region's counts per nämnd, then per regionfullmäktige målsättning every
// nämnd's assessment and comment side by side, its styrtal per nämnd (rolled up where the styrtal
// says how) and its uppdrag per nämnd. Built from core/region-view.ts.
import type { Assessment, Assignment, Goal, Indicator } from '../core';
import { ASSESSED_GOAL_KINDS, CHILD_SUGGESTION_RULE, GOAL_KIND, ROLL_UP_METHOD, formatFigure, isPrognosis, periodLabel, regionView } from '../core';
import type { RegionAssignmentView, RegionCountRow, RegionIndicatorView, RegionPart, RegionPlanInput, RegionView } from '../core';
import { column, sheetName, tableId } from './columns';
import { EMPTY, figureCell, formatOutcome, formatTarget, textCell } from './figures';
import { goalName, goalSectionId } from './goal-section';
import { indicatorStatus } from './entries';
import { assessmentMark, levelMark, symbolCell } from './status-marks';
import type { GoalSection, Report, ReportCell, ReportParagraph, ReportRow, ReportSection, ReportTable, SummarySection } from './types';

export const REGION_SUMMARY_SECTION_ID = 'uppsikt-sammanfattning';
export const REGION_ASSIGNMENTS_SECTION_ID = 'uppsikt-uppdrag';

const ASSESSMENT_COLUMNS: ReadonlyArray<readonly [Assessment, string, string]> = [
  ['achieved', 'achieved', 'Har uppnåtts/genomförts'],
  ['partly', 'partly', 'Har delvis uppnåtts/genomförts'],
  ['not-achieved', 'notAchieved', 'Har inte uppnåtts/genomförts'],
  ['not-assessed', 'notAssessed', 'Kan ej bedömas'],
];

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The uppsiktsplikt report of one period: `region` is regionfullmäktige's plan, `boards` every plan
 * that may have a part of it (the others are left out: a part is found by `givenBy`).
 */
export function buildRegionReport(region: RegionPlanInput, boards: readonly RegionPlanInput[], periodKey: string): Report {
  const view = regionView(region, boards, periodKey);
  const positions = new Map<string, number>();
  const goalSections = view.goals.map((g) => {
    const position = (positions.get(g.goal.kind) ?? 0) + 1;
    positions.set(g.goal.kind, position);
    return regionGoalSection(g.goal, g.parts, g.suggestion?.suggestion, g.indicators, g.assignments, position);
  });
  const sections: ReportSection[] = [
    summarySection(view, region),
    ...goalSections,
    ...(view.assignments.length > 0 ? [looseAssignmentsSection(view.assignments)] : []),
  ];
  return {
    planKey: view.planKey,
    planTitle: region.plan.title,
    organisationName: region.organisation.name,
    periodKey,
    periodLabel: periodLabel(periodKey),
    sections,
  };
}

function countCells(row: RegionCountRow, label: string): ReportRow['cells'] {
  return {
    category: textCell(label),
    ...Object.fromEntries(ASSESSMENT_COLUMNS.map(([a, key]) => [key, figureCell(row.counts[a], String(row.counts[a]))])),
  };
}

function summarySection(view: RegionView, region: RegionPlanInput): SummarySection {
  const goalsGiven = region.goals.filter((g) => g.archived !== true && ASSESSED_GOAL_KINDS.includes(g.kind)).length;
  const assignmentsGiven = region.assignments.filter((a) => a.archived !== true).length;
  const rows = (['goal', 'assignment'] as const).flatMap((subject): ReportRow[] => {
    const of = view.counts.filter((r) => r.subject === subject);
    if (of.length === 0) return [];
    const heading = subject === 'goal' ? `Målsättningar från regionfullmäktige (${goalsGiven} st)` : `Uppdrag från regionfullmäktige (${assignmentsGiven} st)`;
    return [
      { style: 'header', cells: { category: textCell(heading) } },
      ...of.map((row): ReportRow => (row.organisation ? { style: 'item', cells: countCells(row, `${row.organisation.name} (${row.total} st)`) } : { style: 'total', cells: countCells(row, `Samtliga nämnder (${row.total} st)`) })),
    ];
  });
  const title = 'Sammanfattning uppsiktsplikt: regionfullmäktiges målsättningar och uppdrag';
  return {
    kind: 'summary',
    id: REGION_SUMMARY_SECTION_ID,
    title,
    sheetName: 'Uppsikt sammanfattning',
    paragraphs: [
      { style: 'heading', text: title },
      { style: 'text', text: `Varje nämnds bedömning av sin del av ${lowerFirst(region.plan.title)}, ${periodLabel(view.periodKey).toLowerCase()}.` },
    ],
    tables: [
      {
        id: 'Uppsikt_sammanfattning',
        title,
        columns: [
          column('category', isPrognosis(view.periodKey, 'goal') ? 'Prognos måluppfyllelse' : 'Måluppfyllelse', 'text', 48),
          ...ASSESSMENT_COLUMNS.map(([, key, header]) => column(key, header, 'number', 16, { wrap: true, align: 'center', numberFormat: '0' })),
        ],
        rows,
      },
    ],
  };
}

/** The nämnd's own number and title where it words the goal (uppdrag) otherwise than regionfullmäktige. */
function ownName(part: RegionPart<Goal>): string {
  return `${goalName(part.thing)}: ${part.thing.title}`;
}

function assessmentCells(assessment: Assessment | undefined, of: 'goal' | 'assignment'): Pick<ReportRow['cells'], string> {
  const mark = assessmentMark(assessment ?? 'not-assessed', of);
  return { assessment: symbolCell(mark), assessmentText: textCell(assessment === undefined ? 'Inte rapporterad' : mark.label) };
}

function assessmentsTable(goal: Goal, parts: ReadonlyArray<RegionPart<Goal>>): ReportTable {
  const title = `Nämndernas bedömningar, ${lowerFirst(goalName(goal))}`;
  return {
    id: tableId('Uppsikt', goal.ref),
    title,
    columns: [
      column('organisation', 'Nämnd', 'text', 30),
      column('goal', 'Nämndens målsättning', 'text', 40),
      column('assessment', 'Bedömning', 'symbol', 12),
      column('assessmentText', 'Bedömning (text)', 'text', 22),
      column('comment', 'Kommentar', 'text', 60),
    ],
    rows: parts.map(
      (part): ReportRow => ({
        style: 'item',
        subject: { kind: 'goal', ref: part.thing.ref },
        cells: { organisation: textCell(part.organisation.name), goal: textCell(ownName(part)), ...assessmentCells(part.entry?.assessment, 'goal'), comment: textCell(part.entry?.comment) },
      }),
    ),
  };
}

function outcomeCell(part: RegionPart<Indicator>): ReportCell {
  const entry = part.entry;
  if (entry?.value !== undefined) return figureCell(entry.value, formatOutcome(part.thing, entry.value));
  if (entry?.level !== undefined) {
    const mark = levelMark(entry.level);
    return { value: entry.level, text: mark.label, status: mark };
  }
  return EMPTY;
}

function indicatorRows(view: RegionIndicatorView): ReportRow[] {
  const { indicator } = view;
  const rollUpRow = (): ReportRow[] => {
    const r = view.rollUp;
    if (r === undefined || indicator.rollUp === undefined || indicator.rollUp.method === 'none') return [];
    const label = `Regionen (${ROLL_UP_METHOD[indicator.rollUp.method].sv.toLowerCase()})`;
    if (r.status !== 'rolled-up') return [{ style: 'total', cells: { organisation: textCell(label), comment: textCell(r.reason) } }];
    const shown = Math.round(r.value * 10) / 10;
    return [{ style: 'total', subject: { kind: 'indicator', ref: indicator.ref }, cells: { organisation: textCell(label), outcome: figureCell(shown, formatFigure(shown, indicator.unit)) } }];
  };
  return [
    { style: 'header', subject: { kind: 'indicator', ref: indicator.ref }, cells: { organisation: textCell(indicator.title) } },
    ...view.parts.map((part): ReportRow => {
      const printedTarget = formatTarget(part.thing, {});
      return {
        style: 'item',
        subject: { kind: 'indicator', ref: part.thing.ref },
        cells: {
          organisation: textCell(part.organisation.name),
          outcome: outcomeCell(part),
          target: printedTarget ? textCell(printedTarget) : EMPTY,
          status: symbolCell(indicatorStatus(part.thing, part.entry, undefined).assessment),
          comment: textCell(part.entry?.comment),
        },
      };
    }),
    ...rollUpRow(),
  ];
}

function indicatorsTable(goal: Goal, indicators: readonly RegionIndicatorView[]): ReportTable {
  const title = `Styrtal per nämnd, ${lowerFirst(goalName(goal))}`;
  return {
    id: tableId('Uppsikt_styrtal', goal.ref),
    title,
    columns: [
      column('organisation', 'Styrtal och nämnd', 'text', 44),
      column('outcome', 'Utfall', 'number', 14),
      column('target', 'Årets målvärde', 'text', 18),
      column('status', 'Status', 'symbol', 12),
      column('comment', 'Kommentar', 'text', 60),
    ],
    rows: indicators.flatMap(indicatorRows),
  };
}

function assignmentTitle(a: Assignment): string {
  return a.number === undefined ? a.title : `Nr ${a.number}. ${a.title}`;
}

function assignmentsTable(id: string, title: string, assignments: readonly RegionAssignmentView[]): ReportTable {
  return {
    id,
    title,
    columns: [column('organisation', 'Uppdrag och nämnd', 'text', 44), column('assessment', 'Bedömning', 'symbol', 12), column('assessmentText', 'Bedömning (text)', 'text', 22), column('comment', 'Kommentar', 'text', 60)],
    rows: assignments.flatMap((view): ReportRow[] => [
      { style: 'header', subject: { kind: 'assignment', ref: view.assignment.ref }, cells: { organisation: textCell(assignmentTitle(view.assignment)) } },
      ...view.parts.map(
        (part): ReportRow => ({
          style: 'item',
          subject: { kind: 'assignment', ref: part.thing.ref },
          cells: { organisation: textCell(part.organisation.name), ...assessmentCells(part.entry?.assessment, 'assignment'), comment: textCell(part.entry?.comment) },
        }),
      ),
    ]),
  };
}

function regionGoalSection(
  goal: Goal,
  parts: ReadonlyArray<RegionPart<Goal>>,
  suggestion: Assessment | undefined,
  indicators: readonly RegionIndicatorView[],
  assignments: readonly RegionAssignmentView[],
  position: number,
): GoalSection {
  const name = goalName(goal);
  const title = `${name}: ${goal.title}`;
  const paragraphs: ReportParagraph[] = [{ style: 'heading', text: title }];
  paragraphs.push({ style: 'text', text: parts.length === 0 ? 'Ingen nämnds plan har målsättningen.' : `Given till ${parts.map((p) => p.organisation.name).join(', ')}.` });
  if (suggestion !== undefined) {
    const mark = assessmentMark(suggestion, 'goal', true);
    paragraphs.push({ style: 'assessment', text: `Förslag från nämndernas bedömningar (${CHILD_SUGGESTION_RULE.short.sv}): ${mark.symbol} ${mark.label}`, status: mark });
  }
  const tables: ReportTable[] = [];
  if (parts.length > 0) tables.push(assessmentsTable(goal, parts));
  if (indicators.some((i) => i.parts.length > 0)) tables.push(indicatorsTable(goal, indicators));
  if (assignments.length > 0) tables.push(assignmentsTable(tableId('Uppsikt_uppdrag', goal.ref), `Uppdrag per nämnd, ${lowerFirst(name)}`, assignments));
  const tab = `Uppsikt ${GOAL_KIND[goal.kind].sv} ${goal.number ?? String(position)}`;
  return { kind: 'goal', id: `uppsikt-${goalSectionId(goal)}`, title, sheetName: sheetName(tab), goalRef: goal.ref, paragraphs, tables };
}

function looseAssignmentsSection(assignments: readonly RegionAssignmentView[]): GoalSection {
  const title = 'Uppdrag från regionfullmäktige';
  return {
    kind: 'goal',
    id: REGION_ASSIGNMENTS_SECTION_ID,
    title,
    sheetName: 'Uppsikt uppdrag',
    goalRef: '',
    paragraphs: [{ style: 'heading', text: title }],
    tables: [assignmentsTable('Uppsikt_uppdrag', 'Uppdrag per nämnd', assignments)],
  };
}
