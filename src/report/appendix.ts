// A parent's report with its children's (förvaltningar, staber) appended as bilagor: each child's
// Sammanfattning and goals with styrtal and uppdrag exactly as its own report has them, each goal
// with its aktiviteter; before them, the parent's view of its children per goal (the assessments
// with a suggestion by the stated rule) and the styrtal that roll up.
import type { FollowUpEntry, Goal } from '../core';
import { CHILD_SUGGESTION_RULE, ORGANISATION_KIND, ROLL_UP_METHOD, formatFigure, indicatorRollUp, parentGoalViews } from '../core';
import { activityTable } from './activity-table';
import { buildReport } from './build-report';
import { column, sheetName } from './columns';
import { indexEntries } from './entries';
import { EMPTY, figureCell, textCell } from './figures';
import { goalName } from './goal-section';
import { assessmentMark, symbolCell } from './status-marks';
import type { GoalSection, Report, ReportEntry, ReportOptions, ReportParagraph, ReportPlan, ReportRow, ReportSection, SummarySection } from './types';

/** A child plan with what it reported (a store LoadedPlan fits, with its `entries`). */
export interface ChildReportInput {
  readonly plan: ReportPlan;
  readonly entries: readonly ReportEntry[];
  /** The child's plan of the year before, for its suggested trends (as the parent's own report has them). */
  readonly previousYearEntries?: readonly FollowUpEntry[];
}

export const CHILDREN_SECTION_ID = 'underliggande';
export const ROLL_UP_SECTION_ID = 'underliggande-styrtal';

/** "Bilaga 1" */
export function appendixName(n: number): string {
  return `Bilaga ${n}`;
}

/**
 * `report` (the parent's, from buildReport) with each child's report appended as a bilaga, in the
 * children's order, preceded by the parent's view of its children when any child reports on a goal.
 */
export function appendChildReports(report: Report, parent: ChildReportInput, children: readonly ChildReportInput[], options: Pick<ReportOptions, 'goalKinds'> = {}): Report {
  const overview = childrenSections(parent, children, report.periodKey);
  const appendices = children.flatMap((child, i) => appendixSections(child, i + 1, parent.plan, report.periodKey, options));
  return { ...report, sections: uniqueSheetNames([...report.sections, ...overview, ...appendices]) };
}

/** One child's bilaga: its Sammanfattning and goal sections, named `Bilaga n`, each goal with its aktiviteter. */
export function appendixSections(child: ChildReportInput, n: number, parent: ReportPlan, periodKey: string, options: Pick<ReportOptions, 'goalKinds'> = {}): ReportSection[] {
  const own = buildReport(child.plan, child.entries, periodKey, { ...options, ...(child.previousYearEntries ? { previousYearEntries: child.previousYearEntries } : {}) });
  const index = indexEntries(child.entries);
  const goals = new Map(child.plan.goals.map((g) => [g.ref, g]));
  const picked = own.sections.filter((s): s is SummarySection | GoalSection => s.kind === 'summary' || s.kind === 'goal');
  const kind = child.plan.organisation.kind ? ORGANISATION_KIND[child.plan.organisation.kind].sv.toLowerCase() : undefined;
  const intro: ReportParagraph[] = [
    { style: 'heading', text: `${appendixName(n)}: ${child.plan.plan.title}` },
    { style: 'text', text: `${child.plan.organisation.name}${kind ? `, ${kind}` : ''} under ${parent.organisation.name}, ${own.periodLabel.toLowerCase()}.` },
  ];
  return picked.map((section, i): ReportSection => {
    const prefix = (id: string) => `B${n}_${id}`;
    const goal = section.kind === 'goal' ? goals.get(section.goalRef) : undefined;
    const activities = goal ? activityTable(goal, child.plan.actions, index, periodKey) : undefined;
    const tables = [...section.tables, ...(activities ? [activities] : [])].map((t) => ({ ...t, id: prefix(t.id) }));
    const renamed = {
      id: `bilaga${n}-${section.id}`,
      title: `${appendixName(n)}, ${child.plan.organisation.name}: ${section.title}`,
      sheetName: sheetName(`B${n} ${section.sheetName}`),
      paragraphs: i === 0 ? [...intro, ...section.paragraphs] : section.paragraphs,
    };
    return section.kind === 'goal' ? { ...section, ...renamed, tables } : { ...section, ...renamed, tables: [tables[0] ?? section.tables[0]] };
  });
}

function childLabel(plan: ReportPlan): string {
  const kind = plan.organisation.kind ? ORGANISATION_KIND[plan.organisation.kind].sv.toLowerCase() : undefined;
  return kind ? `${plan.organisation.name} (${kind})` : plan.organisation.name;
}

function goalHeading(goal: Goal): string {
  return goal.number === undefined ? goal.title : `${goalName(goal)}: ${goal.title}`;
}

/** The parent's view: per goal, each child goal that reports on it, then the suggestion; and the styrtal that roll up. */
function childrenSections(parent: ChildReportInput, children: readonly ChildReportInput[], periodKey: string): ReportSection[] {
  const asInput = (c: ChildReportInput) => ({ ...c.plan, entries: c.entries });
  const childInputs = children.map(asInput);
  const views = parentGoalViews(asInput(parent), childInputs, periodKey).filter((v) => v.parts.length > 0);
  const labelOf = new Map(children.map((c) => [c.plan.organisation.code, childLabel(c.plan)]));
  const sections: ReportSection[] = [];
  if (views.length > 0) {
    const rows = views.flatMap((view): ReportRow[] => {
      const suggestion = view.suggestion ? assessmentMark(view.suggestion.suggestion, 'goal', true) : undefined;
      return [
        { style: 'header', subject: { kind: 'goal', ref: view.goal.ref }, cells: { organisation: textCell(goalHeading(view.goal)) } },
        ...view.parts.map((part): ReportRow => {
          const mark = assessmentMark(part.assessment ?? 'not-assessed', 'goal');
          return {
            style: 'item',
            cells: {
              organisation: textCell(labelOf.get(part.organisation.code) ?? part.organisation.name),
              goal: textCell(goalHeading(part.goal)),
              assessment: symbolCell(mark),
              assessmentText: textCell(part.assessment === undefined ? 'Inte rapporterad' : mark.label),
              comment: textCell(part.comment),
            },
          };
        }),
        ...(suggestion
          ? [{ style: 'subtotal' as const, cells: { organisation: textCell(`Förslag (${CHILD_SUGGESTION_RULE.short.sv})`), assessment: symbolCell(suggestion), assessmentText: textCell(suggestion.label) } }]
          : []),
      ];
    });
    const title = 'Underliggande planers bedömningar';
    sections.push({
      kind: 'summary',
      id: CHILDREN_SECTION_ID,
      title,
      sheetName: 'Underliggande planer',
      paragraphs: [
        { style: 'heading', text: title },
        { style: 'text', text: CHILD_SUGGESTION_RULE.full.sv },
      ],
      tables: [
        {
          id: 'Underliggande_planer',
          title,
          columns: [
            column('organisation', 'Organisation', 'text', 30),
            column('goal', 'Mål', 'text', 44),
            column('assessment', 'Bedömning', 'symbol', 12),
            column('assessmentText', 'Bedömning (text)', 'text', 22),
            column('comment', 'Kommentar', 'text', 60),
          ],
          rows,
        },
      ],
    });
  }
  const rollUps = parent.plan.indicators.flatMap((indicator) => {
    const result = indicatorRollUp(asInput(parent), indicator, childInputs, periodKey);
    return result ? [{ indicator, result }] : [];
  });
  if (rollUps.length > 0) {
    const nameOf = (code: string) => children.find((c) => c.plan.organisation.code === code)?.plan.organisation.name ?? code;
    const rows = rollUps.map(({ indicator, result }): ReportRow => {
      const r = indicator.rollUp;
      const method = r ? ROLL_UP_METHOD[r.method].sv : '';
      const weightedBy = r?.method === 'weighted' ? (parent.plan.indicators.find((i) => i.ref === r.weightedBy)?.title ?? r.weightedBy) : undefined;
      const shown = result.status === 'rolled-up' ? Math.round(result.value * 10) / 10 : undefined;
      return {
        style: 'item',
        subject: { kind: 'indicator', ref: indicator.ref },
        cells: {
          indicator: textCell(indicator.title),
          method: textCell(weightedBy ? `${method}, vägt med ${weightedBy}` : method),
          value: shown === undefined ? EMPTY : figureCell(shown, formatFigure(shown, indicator.unit)),
          basis: textCell(result.status === 'rolled-up' ? result.used.map(nameOf).join(', ') : result.reason),
          leftOut: textCell(result.status === 'rolled-up' && result.leftOut.length > 0 ? result.leftOut.map(nameOf).join(', ') : undefined),
        },
      };
    });
    const title = 'Styrtal summerade från underliggande planer';
    sections.push({
      kind: 'summary',
      id: ROLL_UP_SECTION_ID,
      title,
      sheetName: 'Summerade styrtal',
      paragraphs: [{ style: 'heading', text: title }],
      tables: [
        {
          id: 'Summerade_styrtal',
          title,
          columns: [
            column('indicator', 'Styrtal', 'text', 44),
            column('method', 'Summering', 'text', 30),
            column('value', 'Värde', 'number', 14),
            column('basis', 'Underlag', 'text', 40),
            column('leftOut', 'Utan utfall', 'text', 30),
          ],
          rows,
        },
      ],
    });
  }
  return sections;
}

/** Excel refuses two sheets of one name (compared without case); a cut name may repeat. */
function uniqueSheetNames(sections: readonly ReportSection[]): ReportSection[] {
  const used = new Set<string>();
  return sections.map((section) => {
    let name = section.sheetName;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${section.sheetName.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name === section.sheetName ? section : { ...section, sheetName: name };
  });
}

