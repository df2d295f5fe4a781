// Sammanfattning: per goal kind and origin, and per assignment origin, how many were assessed how.
import type { Assessment, GoalKind } from '../core';
import { ASSESSED_GOAL_KINDS, isPrognosis, summarise } from '../core';
import type { SummaryRow } from '../core';
import { column } from './columns';
import { figureCell, textCell } from './figures';
import { originLabel } from './origin';
import type { ReportEntry, ReportPlan, ReportRow, SummarySection } from './types';

export const SUMMARY_SECTION_ID = 'sammanfattning';

/** The report's column headers; the last is not printed in the seed reports but says why counts fall short. */
const ASSESSMENT_COLUMNS: ReadonlyArray<readonly [Assessment, string, string]> = [
  ['achieved', 'achieved', 'Har uppnåtts/genomförts'],
  ['partly', 'partly', 'Har delvis uppnåtts/genomförts'],
  ['not-achieved', 'notAchieved', 'Har inte uppnåtts/genomförts'],
  ['not-assessed', 'notAssessed', 'Kan ej bedömas'],
];

/** "Regionstyrelsens egna uppdrag (10 st)": the Data sheet's Ursprung with the count. */
function rowLabel(row: SummaryRow, organisationName: string): string {
  const { category } = row;
  const of = category.subject === 'goal' ? { subject: 'goal' as const, kind: category.kind } : { subject: 'assignment' as const };
  return `${originLabel(of, category.origin, organisationName)} (${row.total} st)`;
}

export function buildSummarySection(
  plan: ReportPlan,
  entries: readonly ReportEntry[],
  periodKey: string,
  goalKinds: readonly GoalKind[] = ASSESSED_GOAL_KINDS,
): SummarySection {
  const summary = summarise(plan.goals, plan.assignments, entries, periodKey, goalKinds);
  const rows: ReportRow[] = summary.map((row) => ({
    style: 'item',
    cells: {
      category: textCell(rowLabel(row, plan.organisation.name)),
      ...Object.fromEntries(ASSESSMENT_COLUMNS.map(([assessment, key]) => [key, figureCell(row.counts[assessment], String(row.counts[assessment]))])),
    },
  }));
  const title = 'Sammanfattning uppföljning av målsättningar och uppdrag';
  // At a delår what is counted is how the year is expected to end, and the heading says so.
  const heading = isPrognosis(periodKey, 'goal') ? 'Prognos måluppfyllelse' : 'Måluppfyllelse';
  return {
    kind: 'summary',
    id: SUMMARY_SECTION_ID,
    title,
    sheetName: 'Sammanfattning',
    paragraphs: [{ style: 'heading', text: title }],
    tables: [
      {
        id: 'Sammanfattning',
        title,
        columns: [
          column('category', heading, 'text', 48),
          ...ASSESSMENT_COLUMNS.map(([, key, header]) => column(key, header, 'number', 16, { wrap: true, align: 'center', numberFormat: '0' })),
        ],
        rows,
      },
    ],
  };
}
