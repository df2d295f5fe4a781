// The report's "Sammanfattning" table: per goal kind and origin, and per assignment origin, how
// many were assessed achieved, partly, not achieved, or could not be assessed.
import type { Assignment, FollowUpEntry, Goal } from './model';
import type { Assessment, GoalKind, Origin } from './vocabularies';
import { ASSESSMENTS, GOAL_KIND_PLURAL_SV, GOAL_KINDS, ORIGINS } from './vocabularies';

export type SummaryCategory =
  | { readonly subject: 'goal'; readonly kind: GoalKind; readonly origin: Origin }
  | { readonly subject: 'assignment'; readonly origin: Origin };

export interface SummaryRow {
  readonly category: SummaryCategory;
  readonly total: number;
  readonly counts: Readonly<Record<Assessment, number>>;
}

function emptyCounts(): Record<Assessment, number> {
  return Object.fromEntries(ASSESSMENTS.map((a) => [a, 0])) as Record<Assessment, number>;
}

/**
 * Goal kinds the summary counts. Målområden and strategier group uppdrag and aktiviteter in the
 * plans but are not assessed themselves, so the reports give them no summary row.
 */
export const ASSESSED_GOAL_KINDS: readonly GoalKind[] = ['objective', 'effect-goal', 'goal'];

/**
 * Counts the assessments of one period. A goal or assignment without an entry (or without an
 * assessment) counts as not assessed. Rows come in the report's order: goals (council before the
 * board's own), then assignments; categories without items are left out.
 */
export function summarise(
  goals: readonly Goal[],
  assignments: readonly Assignment[],
  entries: readonly FollowUpEntry[],
  periodKey: string,
  goalKinds: readonly GoalKind[] = ASSESSED_GOAL_KINDS,
): SummaryRow[] {
  const assessmentOf = new Map<string, Assessment>();
  for (const e of entries) {
    if (e.periodKey === periodKey && e.assessment && (e.subjectKind === 'goal' || e.subjectKind === 'assignment')) {
      assessmentOf.set(`${e.subjectKind}:${e.subjectRef}`, e.assessment);
    }
  }
  const rows: SummaryRow[] = [];
  const addRow = (category: SummaryCategory, refs: readonly string[]) => {
    if (refs.length === 0) return;
    const counts = emptyCounts();
    for (const ref of refs) counts[assessmentOf.get(`${category.subject}:${ref}`) ?? 'not-assessed'] += 1;
    rows.push({ category, total: refs.length, counts });
  };
  for (const kind of GOAL_KINDS.filter((k) => goalKinds.includes(k))) {
    for (const origin of ORIGINS) {
      addRow({ subject: 'goal', kind, origin }, goals.filter((g) => g.kind === kind && g.origin === origin).map((g) => g.ref));
    }
  }
  for (const origin of ORIGINS) {
    addRow({ subject: 'assignment', origin }, assignments.filter((a) => a.origin === origin).map((a) => a.ref));
  }
  return rows;
}

/** Swedish genitive of an organisation name: "Regionstyrelsen" → "Regionstyrelsens". */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The row label as the reports print it: "Målsättningar från regionfullmäktige (8 st)". */
export function summaryRowLabel(row: SummaryRow, organisationName: string): string {
  const { category } = row;
  const what = category.subject === 'goal' ? GOAL_KIND_PLURAL_SV[category.kind] : 'Uppdrag';
  const text =
    category.origin === 'council'
      ? `${what} från regionfullmäktige`
      : `${genitive(organisationName)} egna ${what.toLowerCase()}`;
  return `${text} (${row.total} st)`;
}
