// Data: one flat row per thing and period with every field, for pivot tables, and what write-back
// needs to send an edited Utfall, Bedömning or Kommentar back (item ids, the eTag read).
import type { Assessment, Goal, Indicator, Period, SubjectKind } from '../core';
import { ACTION_STATUS, ASSIGNMENT_ASSESSMENT, comparePeriods, DIRECTION, GOAL_ASSESSMENT, GOAL_KIND, LEVEL, parsePeriodKey, outcomeOf, periodLabel, suggestAssessment, TREND } from '../core';
import { column } from './columns';
import { dateCell } from './dates';
import type { EntryIndex } from './entries';
import { plainNumberCell, textCell } from './figures';
import { goalName } from './goal-section';
import { originLabel } from './origin';
import type { PersonNames } from './people';
import { personNames } from './people';
import type { DataRow, DataSection, EditableField, ReportCell, ReportColumn, ReportEntry, ReportPlan } from './types';

export const DATA_SECTION_ID = 'data';

const COLUMNS: readonly ReportColumn[] = [
  // The period as people say it ("Helår 2025"); write-back reads its key from Periodnyckel.
  column('period', 'Period', 'text', 13, { wrap: false }),
  column('deadline', 'Sista rapportdag', 'date', 12),
  column('kind', 'Typ', 'text', 13, { wrap: false }),
  column('ref', 'Ref', 'text', 10, { wrap: false }),
  column('goal', 'Mål', 'text', 18, { wrap: false }),
  column('number', 'Nr', 'text', 6, { wrap: false }),
  column('title', 'Titel', 'text', 50, { wrap: false }),
  column('origin', 'Ursprung', 'text', 30, { wrap: false }),
  column('area', 'Område', 'text', 16, { wrap: false }),
  column('risk', 'Risk', 'text', 30, { wrap: false }),
  column('owner', 'Ansvarig', 'text', 22, { wrap: false }),
  column('unit', 'Enhet', 'text', 8, { wrap: false }),
  column('direction', 'Riktning', 'text', 16, { wrap: false }),
  column('target', 'Årets målvärde', 'number', 12),
  column('targetText', 'Årets målvärde (text)', 'text', 18, { wrap: false }),
  column('longTermTarget', 'Långsiktigt målvärde', 'number', 12),
  column('longTermTargetText', 'Långsiktigt målvärde (text)', 'text', 18, { wrap: false }),
  column('value', 'Utfall', 'number', 12, { editable: 'value' }),
  column('level', 'Nivå', 'text', 12, { wrap: false }),
  column('assessment', 'Bedömning', 'text', 22, { wrap: false, editable: 'assessment' }),
  column('suggestedAssessment', 'Föreslagen bedömning', 'text', 22, { wrap: false }),
  column('trend', 'Trend', 'text', 12, { wrap: false }),
  column('status', 'Status', 'text', 18, { wrap: false }),
  column('comment', 'Kommentar', 'text', 60, { wrap: false, editable: 'comment' }),
  column('dueDate', 'Slutdatum', 'date', 12),
  column('reportedBy', 'Rapporterad av', 'text', 22, { wrap: false }),
  column('reportedAt', 'Rapporterad', 'date', 12),
  // Technical: what write-back sends with a row. Kept in the table (so sorting keeps them with
  // their row), hidden from view and print.
  column('periodKey', 'Periodnyckel', 'text', 13, { wrap: false, hidden: true }),
  column('subjectItemId', 'Objekt-id', 'text', 10, { wrap: false, hidden: true }),
  column('entryItemId', 'Uppföljnings-id', 'text', 10, { wrap: false, hidden: true }),
  column('eTag', 'eTag', 'text', 12, { wrap: false, hidden: true }),
];

interface Thing {
  readonly itemId?: string | undefined;
  readonly kind: SubjectKind;
  readonly ref: string;
  readonly title: string;
  readonly cells: Readonly<Record<string, ReportCell>>;
  readonly indicator?: Indicator;
  readonly assessmentOf?: 'goal' | 'assignment';
  readonly editable: readonly EditableField[];
}

function things(plan: ReportPlan, nameOf: PersonNames): Thing[] {
  const goalByRef = new Map<string, Goal>(plan.goals.map((g) => [g.ref, g]));
  const goalCell = (ref: string | undefined) => textCell(ref === undefined ? undefined : goalByRef.get(ref) ? goalName(goalByRef.get(ref) as Goal) : ref);
  const owner = (upn: string | undefined) => textCell(nameOf(upn));
  const organisation = plan.organisation.name;
  const riskByRef = new Map(plan.risks.map((r) => [r.ref, r]));
  const target = (value: number | undefined) => plainNumberCell(value);
  return [
    ...plan.goals.map((g): Thing => ({
      kind: 'goal', ref: g.ref, title: g.title, itemId: g.itemId, assessmentOf: 'goal', editable: ['assessment', 'comment'],
      cells: { kind: textCell(GOAL_KIND[g.kind].sv), goal: textCell(goalName(g)), number: textCell(g.number), origin: textCell(originLabel({ subject: 'goal', kind: g.kind }, g.origin, organisation)), owner: owner(g.ownerUpn) },
    })),
    ...plan.indicators.map((i): Thing => ({
      kind: 'indicator', ref: i.ref, title: i.title, itemId: i.itemId, indicator: i, assessmentOf: 'goal', editable: ['value', 'assessment', 'comment'],
      cells: {
        kind: textCell('Styrtal'), goal: goalCell(i.goalRef), owner: owner(i.ownerUpn), unit: textCell(i.unit), direction: textCell(DIRECTION[i.direction].sv),
        target: target(i.target), targetText: textCell(i.targetText), longTermTarget: target(i.longTermTarget), longTermTargetText: textCell(i.longTermTargetText),
      },
    })),
    ...plan.assignments.map((a): Thing => ({
      kind: 'assignment', ref: a.ref, title: a.title, itemId: a.itemId, assessmentOf: 'assignment', editable: ['assessment', 'comment'],
      cells: { kind: textCell('Uppdrag'), goal: goalCell(a.goalRef), number: textCell(a.number), origin: textCell(originLabel({ subject: 'assignment' }, a.origin, organisation)), owner: owner(a.ownerUpn), dueDate: dateCell(a.dueDate) },
    })),
    ...plan.actions.map((a): Thing => {
      const risk = a.riskRef === undefined ? undefined : riskByRef.get(a.riskRef);
      return {
        kind: 'action', ref: a.ref, title: a.title, itemId: a.itemId, editable: ['comment'],
        cells: {
          kind: textCell(a.riskRef === undefined ? 'Aktivitet' : 'Åtgärd'), goal: goalCell(a.goalRef), area: textCell(risk?.area), risk: textCell(risk?.title),
          owner: owner(a.ownerUpn), dueDate: dateCell(a.dueDate), status: textCell(ACTION_STATUS[a.status].sv),
        },
      };
    }),
  ];
}

function assessmentLabel(assessment: Assessment, of: 'goal' | 'assignment'): string {
  return (of === 'goal' ? GOAL_ASSESSMENT : ASSIGNMENT_ASSESSMENT)[assessment].sv;
}

function entryCells(thing: Thing, entry: ReportEntry | undefined, nameOf: PersonNames): Record<string, ReportCell> {
  const cells: Record<string, ReportCell> = {};
  if (entry?.value !== undefined) cells.value = plainNumberCell(entry.value);
  else if (entry?.level !== undefined) cells.value = { value: entry.level, text: LEVEL[entry.level].sv };
  if (entry?.level !== undefined) cells.level = { value: entry.level, text: LEVEL[entry.level].sv };
  if (entry?.assessment !== undefined && thing.assessmentOf) cells.assessment = { value: entry.assessment, text: assessmentLabel(entry.assessment, thing.assessmentOf) };
  if (thing.indicator && entry) {
    const suggested = suggestAssessment(thing.indicator, outcomeOf(entry));
    cells.suggestedAssessment = { value: suggested, text: assessmentLabel(suggested, 'goal') };
  }
  if (entry?.trend !== undefined) cells.trend = { value: entry.trend, text: TREND[entry.trend].sv };
  if (entry?.status !== undefined) cells.status = { value: entry.status, text: ACTION_STATUS[entry.status].sv };
  if (entry?.comment !== undefined) cells.comment = textCell(entry.comment);
  if (entry?.reportedByUpn !== undefined) cells.reportedBy = textCell(nameOf(entry.reportedByUpn));
  if (entry?.reportedAt !== undefined) cells.reportedAt = dateCell(entry.reportedAt);
  if (entry?.itemId !== undefined) cells.entryItemId = textCell(entry.itemId);
  if (entry?.eTag !== undefined) cells.eTag = textCell(entry.eTag);
  return cells;
}

/** The report period for every thing; other periods only where something was reported. */
function periodsOf(entries: EntryIndex, periodKey: string, comparisonKey: string | undefined, all: boolean): Period[] {
  const keys = new Set([periodKey]);
  if (comparisonKey !== undefined && entries.periodKeys.has(comparisonKey)) keys.add(comparisonKey);
  if (all) entries.periodKeys.forEach((k) => keys.add(k));
  return [...keys].map((k) => parsePeriodKey(k)).filter((p): p is Period => p !== undefined).sort(comparePeriods);
}

export function buildDataSection(plan: ReportPlan, entries: EntryIndex, periodKey: string, comparisonKey: string | undefined, all: boolean): DataSection {
  const periods = periodsOf(entries, periodKey, comparisonKey, all);
  const nameOf = personNames(plan.people);
  const deadlines = new Map(plan.periods.map((p) => [p.key, p.deadline]));
  const rows = things(plan, nameOf).flatMap((thing) =>
    periods.flatMap((period): DataRow[] => {
      const entry = entries.get(thing.kind, thing.ref, period.key);
      if (!entry && period.key !== periodKey) return [];
      const cells: Record<string, ReportCell> = {
        ...thing.cells,
        period: textCell(periodLabel(period)),
        deadline: dateCell(deadlines.get(period.key)),
        periodKey: textCell(period.key),
        ref: textCell(thing.ref),
        title: textCell(thing.title),
        subjectItemId: textCell(thing.itemId),
        ...entryCells(thing, entry, nameOf),
      };
      const value = cells.value?.value ?? null;
      return [
        {
          style: 'item',
          subject: { kind: thing.kind, ref: thing.ref },
          cells,
          writeBack: {
            subjectKind: thing.kind,
            subjectRef: thing.ref,
            ...(thing.itemId !== undefined ? { subjectItemId: thing.itemId } : {}),
            periodKey: period.key,
            ...(entry?.itemId !== undefined ? { entryItemId: entry.itemId } : {}),
            ...(entry?.eTag !== undefined ? { eTag: entry.eTag } : {}),
            original: { value, assessment: entry?.assessment ?? null, comment: entry?.comment ?? null },
            editable: thing.editable,
          },
        },
      ];
    }),
  );
  return {
    kind: 'data',
    id: DATA_SECTION_ID,
    title: 'Data',
    sheetName: 'Data',
    paragraphs: [],
    tables: [{ id: 'Data', title: 'Data', columns: COLUMNS, rows }],
  };
}
