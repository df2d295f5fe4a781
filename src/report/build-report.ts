// The whole report: Sammanfattning, one section per goal, Internkontrollplan, Data.
import { ASSESSED_GOAL_KINDS, comparisonEntries, comparisonPeriodKey, periodLabel, planKey, roundOverview } from '../core';
import { buildDataSection } from './data-section';
import { indexEntries } from './entries';
import { buildGoalSection } from './goal-section';
import { buildInternalControlSection } from './internal-control-section';
import { personNames } from './people';
import { buildRoundSection } from './round-section';
import { buildSummarySection } from './summary-section';
import type { Report, ReportEntry, ReportOptions, ReportPlan, ReportSection } from './types';

/**
 * Builds the report of one plan and period. `entries` may hold any periods: the report period's
 * are shown, the comparison period's (the same period a year earlier, by the follow-up rules: from
 * these entries, else from `options.previousYearEntries`) give the suggested trends, and with
 * `dataPeriods: 'all'` every period lands in the Data table.
 */
export function buildReport(plan: ReportPlan, entries: readonly ReportEntry[], periodKey: string, options: ReportOptions = {}): Report {
  const index = indexEntries(entries);
  const comparison = comparisonPeriodKey(periodKey);
  const carried = comparisonEntries(periodKey, entries, options.previousYearEntries ?? []);
  const trendIndex = carried.length > 0 ? indexEntries([...entries, ...carried]) : index;
  const comparisonKey = comparison !== undefined && trendIndex.periodKeys.has(comparison) ? comparison : undefined;
  const dataComparisonKey = comparisonKey !== undefined && index.periodKeys.has(comparisonKey) ? comparisonKey : undefined;
  const assessedKinds = options.goalKinds ?? ASSESSED_GOAL_KINDS;
  const positions = new Map<string, number>();
  const goalSections = plan.goals.map((goal) => {
    const position = (positions.get(goal.kind) ?? 0) + 1;
    positions.set(goal.kind, position);
    return buildGoalSection(goal, { plan, entries: trendIndex, periodKey, ...(comparisonKey ? { comparisonKey } : {}), assessed: assessedKinds.includes(goal.kind), position });
  });
  const sections: ReportSection[] = [
    buildSummarySection(plan, entries, periodKey, assessedKinds),
    ...goalSections,
    ...(plan.risks.length > 0 ? [buildInternalControlSection(plan, index, periodKey)] : []),
    buildDataSection(plan, index, periodKey, dataComparisonKey, options.dataPeriods === 'all'),
    ...(options.roundOverview ? [buildRoundSection(roundOverview({ ...plan, entries }, periodKey), personNames(plan.people))] : []),
  ];
  return {
    planKey: planKey(plan.organisation.code, plan.plan.year),
    planTitle: plan.plan.title,
    organisationName: plan.organisation.name,
    periodKey,
    periodLabel: periodLabel(periodKey),
    ...(comparisonKey ? { comparisonPeriodKey: comparisonKey } : {}),
    sections: uniqueTableIds(uniqueSheetNames(sections)),
  };
}

/**
 * Table ids become Excel table names, unique in a workbook and compared without case; refs that
 * differ only in their punctuation ("g-1", "g.1") would otherwise give two tables one name.
 */
function uniqueTableIds(sections: readonly ReportSection[]): ReportSection[] {
  const used = new Set<string>();
  const unique = (id: string): string => {
    let name = id;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${id}_${n}`;
    used.add(name.toLowerCase());
    return name;
  };
  return sections.map((section) => {
    const tables = section.tables.map((table) => {
      const id = unique(table.id);
      return id === table.id ? table : { ...table, id };
    });
    return tables.every((t, i) => t === section.tables[i]) ? section : ({ ...section, tables } as ReportSection);
  });
}

/** Two goals may shorten to the same tab name; Excel refuses duplicates (case-insensitively). */
function uniqueSheetNames(sections: readonly ReportSection[]): ReportSection[] {
  const used = new Set<string>();
  return sections.map((section) => {
    let name = section.sheetName;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${section.sheetName.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name === section.sheetName ? section : { ...section, sheetName: name };
  });
}
