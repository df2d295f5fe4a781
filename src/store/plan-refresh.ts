// Delta-based refresh of a loaded plan: each list's `items/delta` since the last look, applied to
// the items the plan was assembled from. A 410 (token expired) means: load the plan again.
import type { GraphClient } from '../graph';
import { isGone } from '../graph';
import type { ListItem } from '../lists/mapping';
import type { ListName } from '../lists/schema';
import type { LoadedPlan, PlanItems } from './loaded-plan';
import { assemblePlan } from './loaded-plan';
import { toListItem } from './read-items';
import type { SiteLists } from './site';
import { listPath } from './site';

const PLAN_LISTS: ReadonlyArray<readonly [keyof PlanItems, ListName]> = [
  ['goals', 'Goals'],
  ['indicators', 'Indicators'],
  ['assignments', 'Assignments'],
  ['risks', 'Risks'],
  ['actions', 'Actions'],
  ['followUps', 'FollowUps'],
];

/** Where each list's change feed was last read. */
export type PlanTracker = Readonly<Record<keyof PlanItems, string>>;

type DeltaItem = Parameters<typeof toListItem>[0];

/** Starts following the plan's lists from now (`token=latest`): one request per list, in parallel. */
export async function trackPlan(client: GraphClient, site: SiteLists): Promise<PlanTracker> {
  const links = await Promise.all(PLAN_LISTS.map(([, list]) => client.delta(`${listPath(site, list)}/items/delta?token=latest&$expand=fields`).then((r) => r.deltaLink)));
  return Object.fromEntries(PLAN_LISTS.map(([key], i) => [key, links[i] ?? ''])) as PlanTracker;
}

export type RefreshResult =
  | { readonly status: 'refreshed'; readonly plan: LoadedPlan; readonly tracker: PlanTracker; readonly changed: number }
  /** The change feed expired (410): the caller loads the plan again and starts a new tracker. */
  | { readonly status: 'resync-required' };

export async function refreshPlan(client: GraphClient, plan: LoadedPlan, tracker: PlanTracker): Promise<RefreshResult> {
  let results;
  try {
    results = await Promise.all(PLAN_LISTS.map(([key]) => client.delta<DeltaItem>(tracker[key])));
  } catch (error) {
    if (isGone(error)) return { status: 'resync-required' };
    throw error;
  }
  let changed = 0;
  const items = {} as Record<keyof PlanItems, ListItem[]>;
  PLAN_LISTS.forEach(([key], i) => {
    const result = results[i];
    const byId = new Map(plan.source.items[key].map((item) => [item.id, item]));
    for (const id of result?.deletedIds ?? []) if (byId.delete(id)) changed += 1;
    for (const raw of result?.changed ?? []) {
      const item = toListItem(raw);
      // The feed covers the whole list; only this plan's items belong here.
      if (String(item.fields.PlanLookupId ?? '') !== plan.planItemId) continue;
      byId.set(item.id, item);
      changed += 1;
    }
    items[key] = [...byId.values()];
  });
  const next = Object.fromEntries(PLAN_LISTS.map(([key], i) => [key, results[i]?.deltaLink ?? tracker[key]])) as PlanTracker;
  const { planItem, organisations, periodItems, previousYearEntries } = plan.source;
  return { status: 'refreshed', plan: assemblePlan(planItem, organisations, periodItems, items, previousYearEntries), tracker: next, changed };
}
