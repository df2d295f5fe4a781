// Uppföljningsläge for every plan of the site at once, in two round trips: one $batch reads the
// plans, their schedules and the things reported on (only the columns the overview needs), a
// second the entries of just the periods asked for, by the indexed Period column. The numbers are
// core's roundOverview, as for one plan.
import type { RoundFilter, RoundOverview } from '../core';
import { calendarDate, openPeriod, roundOverview } from '../core';
import type { ListName } from '../lists/schema';
import { fieldsRead } from '../lists/schema';
import type { ListItem } from '../lists/mapping';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { PlanItems } from './loaded-plan';
import { assemblePlan } from './loaded-plan';
import type { WholeListFallback } from './read-items';
import { readItemsBatched } from './read-items';
import { hasList, itemsQuery, odataString } from './site';

export interface RoundOverviewsRequest {
  /** The same period for every plan that has it; without it, each plan's open period as of `asOf`. */
  readonly periodKey?: string;
  /** YYYY-MM-DD; default today. */
  readonly asOf?: string;
  readonly filter?: RoundFilter;
}

/** What the overview reads of each list: who owns what, under which goal, and the titles. */
const OVERVIEW_FIELDS: Readonly<Partial<Record<ListName, readonly string[]>>> = {
  Goals: ['Title', 'FullTitle', 'Key', 'PlanLookupId', 'Kind', 'Number', 'OwnerUpn', 'SortOrder', 'Archived'],
  Indicators: ['Title', 'FullTitle', 'Key', 'PlanLookupId', 'GoalLookupId', 'OwnerUpn', 'SortOrder', 'Archived'],
  Assignments: ['Title', 'FullTitle', 'Key', 'PlanLookupId', 'GoalLookupId', 'OwnerUpn', 'SortOrder', 'Archived'],
  Risks: ['Key', 'PlanLookupId', 'SortOrder', 'Archived'],
  Actions: ['Title', 'FullTitle', 'Key', 'PlanLookupId', 'RiskLookupId', 'GoalLookupId', 'OwnerUpn', 'SortOrder', 'Archived'],
};

/** The wanted columns the list has (a site provisioned before a column lacks it). */
function fieldsOf(list: ListName): readonly string[] | undefined {
  const wanted = OVERVIEW_FIELDS[list];
  if (!wanted) return undefined;
  const known = new Set(fieldsRead(list));
  return wanted.filter((f) => known.has(f));
}

function groupByPlan(items: readonly ListItem[]): (planId: string) => ListItem[] {
  const groups = new Map<string, ListItem[]>();
  for (const item of items) {
    const planId = String(item.fields.PlanLookupId ?? '');
    const group = groups.get(planId);
    if (group) group.push(item);
    else groups.set(planId, [item]);
  }
  return (planId) => groups.get(planId) ?? [];
}

/**
 * The overview of every plan on the site: for `periodKey` (plans without that period are left
 * out), or each plan's open period as of `asOf`. Two round trips for a region's 24 plans.
 */
export async function loadRoundOverviews(store: FollowUpStore, request: RoundOverviewsRequest = {}): Promise<RoundOverview[]> {
  const client = graphClientOf(store);
  const schedules = hasList(store.site, 'PlanPeriods');
  const subjectLists = ['Goals', 'Indicators', 'Assignments', 'Risks', 'Actions'] as const;
  const query = (list: ListName) => {
    const fields = fieldsOf(list);
    return itemsQuery(store.site, list, fields ? { fields } : {});
  };
  const [plans = [], organisations = [], periods = [], ...rest] = await readItemsBatched(client, [
    query('Plans'),
    query('Organisations'),
    query('Periods'),
    ...subjectLists.map(query),
    ...(schedules ? [query('PlanPeriods')] : []),
  ]);
  const [goals = [], indicators = [], assignments = [], risks = [], actions = [], planPeriods = []] = rest;
  const [g, i, a, r, x, s] = [goals, indicators, assignments, risks, actions, planPeriods].map(groupByPlan);
  const itemsOf = (planId: string, followUps: readonly ListItem[]): PlanItems => ({
    goals: g?.(planId) ?? [],
    indicators: i?.(planId) ?? [],
    assignments: a?.(planId) ?? [],
    risks: r?.(planId) ?? [],
    actions: x?.(planId) ?? [],
    followUps,
    planPeriods: s?.(planId) ?? [],
  });

  const asOf = request.asOf ?? calendarDate(new Date());
  const chosen = plans.flatMap((planItem) => {
    const plan = assemblePlan(planItem, organisations, periods, itemsOf(planItem.id, []));
    const period = request.periodKey ? plan.periods.find((p) => p.key === request.periodKey) : openPeriod(plan.periods, asOf);
    return period ? [{ planItem, periodKey: period.key }] : [];
  });
  const periodKeys = [...new Set(chosen.map((c) => c.periodKey))];
  if (periodKeys.length === 0) return [];

  // One indexed query per period; a period past the list view threshold is read from the whole list.
  const entryQueries = periodKeys.map((key): { url: string; whole: WholeListFallback } => ({
    url: itemsQuery(store.site, 'FollowUps', { filter: `fields/Period eq ${odataString(key)}` }),
    whole: { url: itemsQuery(store.site, 'FollowUps'), keep: (item) => item.fields.Period === key },
  }));
  const entryPages = await readItemsBatched(
    client,
    entryQueries.map((q) => q.url),
    entryQueries.map((q) => q.whole),
  );
  const entriesByPlan = groupByPlan(entryPages.flat());
  return chosen.map(({ planItem, periodKey }) => {
    const plan = assemblePlan(planItem, organisations, periods, itemsOf(planItem.id, entriesByPlan(planItem.id).filter((e) => e.fields.Period === periodKey)));
    return roundOverview(plan, periodKey, request.filter ?? 'all');
  });
}
