// Last year's entries for this year's plan. Each year's plan is its own set of list items, but a
// plan starts from the previous one and keeps its refs, so the comparison period's figures are
// found under the same kind and ref in last year's plan.
import { comparisonPeriodKey } from '../core';
import type { FollowUpEntry, SubjectKind } from '../core';
import type { ReportEntry, ReportPlan } from './types';

function refsOf(plan: ReportPlan): Set<string> {
  const keys = new Set<string>();
  const add = (kind: SubjectKind, things: ReadonlyArray<{ ref: string }>) => things.forEach((t) => keys.add(`${kind}|${t.ref}`));
  add('goal', plan.goals);
  add('indicator', plan.indicators);
  add('assignment', plan.assignments);
  add('action', plan.actions);
  return keys;
}

/**
 * The previous plan's entries of the comparison period for things this plan also has, stripped
 * of their list item ids and eTags (they must never be written back through this plan).
 */
export function carriedComparisonEntries(plan: ReportPlan, previousEntries: readonly ReportEntry[], periodKey: string): FollowUpEntry[] {
  const comparison = comparisonPeriodKey(periodKey);
  if (comparison === undefined) return [];
  const known = refsOf(plan);
  return previousEntries
    .filter((e) => e.periodKey === comparison && known.has(`${e.subjectKind}|${e.subjectRef}`))
    .map((e): FollowUpEntry => {
      const { itemId: _itemId, eTag: _eTag, ...entry } = e;
      return entry;
    });
}
