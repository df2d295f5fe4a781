// The organisation tree with every plan of a year, for the views that look across plans: a parent's
// view of its children and the region's view of regionfullmäktige's goals. Three round trips for a
// whole region: organisations, the year's plans and the periods; then every subject list by chunks
// of plans; then the entries by chunks sized to stay under the list view threshold.
import type { Organisation } from '../core';
import type { ListItem, Stored } from '../lists/mapping';
import { organisationFromItem } from '../lists/mapping';
import type { ListName } from '../lists/schema';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { LoadedPlan } from './loaded-plan';
import { assemblePlan } from './loaded-plan';
import type { WholeListFallback } from './read-items';
import { readItemsBatched } from './read-items';
import { PAGE_SIZE, hasList, itemsQuery } from './site';

export interface OrganisationTreeRequest {
  readonly year: number;
}

export interface LoadedOrganisationTree {
  readonly year: number;
  /** Every organisation of the site, whether or not it has a plan this year. */
  readonly organisations: ReadonlyArray<Stored<Organisation>>;
  /** Every plan of the year with its entries (no previous year's: the tree's views compare across plans, not years). */
  readonly plans: readonly LoadedPlan[];
}

/**
 * Every organisation of the site, as a loaded plan was assembled with them (loadPlan reads the list
 * whole): who may see the tree's views is known without another request.
 */
export function organisationsOfPlan(plan: Pick<LoadedPlan, 'source'>): Array<Stored<Organisation>> {
  const items = plan.source.organisations;
  const codeOf = new Map(items.map((o) => [o.id, String(o.fields.Code ?? '')]));
  return items.map((o) => organisationFromItem(o, (id) => codeOf.get(id)));
}

/** SharePoint's URL limit leaves room for this many `PlanLookupId eq n` clauses in one query. */
const PLANS_PER_QUERY = 40;

const SUBJECT_LISTS = ['Goals', 'Indicators', 'Assignments', 'Risks', 'Actions'] as const;
type SubjectList = (typeof SUBJECT_LISTS)[number];

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

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Plans grouped so that each group's entries stay under a page and the list view threshold: a plan
 * has at most one entry per thing and period, so its things × the year's periods bounds them.
 */
export function entryChunks(plans: ReadonlyArray<{ readonly id: string; readonly things: number }>, periods: number, limit = PAGE_SIZE): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const plan of plans) {
    const bound = plan.things * Math.max(1, periods);
    if (current.length > 0 && (size + bound > limit || current.length >= PLANS_PER_QUERY)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(plan.id);
    size += bound;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** One query for the items of a group of plans, by the indexed plan lookup; past the threshold, the whole list. */
function ofPlans(store: FollowUpStore, list: ListName, planIds: readonly string[]): { url: string; whole: WholeListFallback } {
  const ids = new Set(planIds);
  return {
    url: itemsQuery(store.site, list, { filter: planIds.map((id) => `fields/PlanLookupId eq ${Number(id)}`).join(' or ') }),
    whole: { url: itemsQuery(store.site, list), keep: (item) => ids.has(String(item.fields.PlanLookupId ?? '')) },
  };
}

async function readOfPlans(store: FollowUpStore, queries: ReadonlyArray<{ url: string; whole: WholeListFallback }>): Promise<ListItem[][]> {
  if (queries.length === 0) return [];
  return readItemsBatched(
    graphClientOf(store),
    queries.map((q) => q.url),
    queries.map((q) => q.whole),
  );
}

/** The organisations and every plan of `year` with its entries, in at most three round trips. */
export async function loadOrganisationTree(store: FollowUpStore, request: OrganisationTreeRequest): Promise<LoadedOrganisationTree> {
  const client = graphClientOf(store);
  const [organisationItems = [], planItems = [], periodItems = []] = await readItemsBatched(client, [
    itemsQuery(store.site, 'Organisations'),
    itemsQuery(store.site, 'Plans', { filter: `fields/Year eq ${Number(request.year)}` }),
    itemsQuery(store.site, 'Periods'),
  ]);
  const codeOf = new Map(organisationItems.map((o) => [o.id, String(o.fields.Code ?? '')]));
  const organisations = organisationItems.map((o) => organisationFromItem(o, (id) => codeOf.get(id)));
  if (planItems.length === 0) return { year: request.year, organisations, plans: [] };

  const planIds = planItems.map((p) => p.id);
  const groups = chunks(planIds, PLANS_PER_QUERY);
  const schedules = hasList(store.site, 'PlanPeriods');
  const lists: ListName[] = [...SUBJECT_LISTS, ...(schedules ? (['PlanPeriods'] as const) : [])];
  const read = await readOfPlans(
    store,
    lists.flatMap((list) => groups.map((group) => ofPlans(store, list, group))),
  );
  const byList = new Map<ListName, (planId: string) => ListItem[]>(lists.map((list, l) => [list, groupByPlan(read.slice(l * groups.length, (l + 1) * groups.length).flat())]));
  const of = (list: ListName, planId: string) => byList.get(list)?.(planId) ?? [];

  const yearPeriods = periodItems.filter((p) => Number(p.fields.Year) === request.year).length;
  const reportedLists: readonly SubjectList[] = ['Goals', 'Indicators', 'Assignments', 'Actions'];
  const entryGroups = entryChunks(
    planIds.map((id) => ({ id, things: reportedLists.reduce((n, list) => n + of(list, id).length, 0) })),
    yearPeriods,
  );
  const entryPages = await readOfPlans(
    store,
    entryGroups.map((group) => ofPlans(store, 'FollowUps', group)),
  );
  const entries = groupByPlan(entryPages.flat());

  const plans = planItems.map((planItem) =>
    assemblePlan(planItem, organisationItems, periodItems, {
      goals: of('Goals', planItem.id),
      indicators: of('Indicators', planItem.id),
      assignments: of('Assignments', planItem.id),
      risks: of('Risks', planItem.id),
      actions: of('Actions', planItem.id),
      followUps: entries(planItem.id),
      planPeriods: of('PlanPeriods', planItem.id),
    }),
  );
  return { year: request.year, organisations, plans };
}
