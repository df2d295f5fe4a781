// Delta-based refresh of a loaded plan: each list's `items/delta` since the last look, applied to
// the items the plan was assembled from. A 410 (token expired) means: load the plan again.
import type { GraphClient } from '../graph';
import { GraphRequestError, isGone } from '../graph';
import type { ListItem } from '../lists/mapping';
import type { ListName } from '../lists/schema';
import { fieldsRead } from '../lists/schema';
import type { LoadedPlan, PlanItems } from './loaded-plan';
import { assemblePlan } from './loaded-plan';
import { toListItem } from './read-items';
import type { SiteLists } from './site';
import { hasList, listPath } from './site';

const PLAN_LISTS: ReadonlyArray<readonly [keyof PlanItems, ListName]> = [
  ['goals', 'Goals'],
  ['indicators', 'Indicators'],
  ['assignments', 'Assignments'],
  ['risks', 'Risks'],
  ['actions', 'Actions'],
  ['followUps', 'FollowUps'],
  ['planPeriods', 'PlanPeriods'],
];

/** Where each list's change feed was last read. */
export type PlanTracker = Readonly<Record<Exclude<keyof PlanItems, 'planPeriods'>, string>> & {
  /** Absent in a tracker made before the plans' own schedules, or on a site without their list. */
  readonly planPeriods?: string;
};

type DeltaItem = Parameters<typeof toListItem>[0];

/** Starts following the plan's lists from now (`token=latest`): one request per list, in parallel. */
export async function trackPlan(client: GraphClient, site: SiteLists): Promise<PlanTracker> {
  // A list the site lacks (provisioned before it) has no feed: its link stays empty and is never read.
  const links = await Promise.all(
    PLAN_LISTS.map(([, list]) => (hasList(site, list) ? client.delta(`${listPath(site, list)}/items/delta?token=latest&$expand=fields`).then((r) => r.deltaLink) : Promise.resolve(''))),
  );
  return Object.fromEntries(PLAN_LISTS.map(([key], i) => [key, links[i] ?? ''])) as PlanTracker;
}

export type RefreshResult =
  | { readonly status: 'refreshed'; readonly plan: LoadedPlan; readonly tracker: PlanTracker; readonly changed: number }
  /** The change feed expired (410): the caller loads the plan again and starts a new tracker. */
  | { readonly status: 'resync-required' };

export async function refreshPlan(client: GraphClient, plan: LoadedPlan, tracker: PlanTracker): Promise<RefreshResult> {
  let results;
  try {
    results = await Promise.all(PLAN_LISTS.map(([key]) => (tracker[key] ? client.delta<DeltaItem>(tracker[key]) : Promise.resolve(undefined))));
  } catch (error) {
    if (isGone(error)) return { status: 'resync-required' };
    throw error;
  }
  const complete = await withFields(client, PLAN_LISTS.map(([key, list], i) => ({ list, link: tracker[key] ?? '', changed: results[i]?.changed ?? [] })));
  let changed = 0;
  const items = {} as Record<keyof PlanItems, ListItem[]>;
  PLAN_LISTS.forEach(([key], i) => {
    const result = results[i];
    const byId = new Map(plan.source.items[key].map((item) => [item.id, item]));
    for (const id of result?.deletedIds ?? []) if (byId.delete(id)) changed += 1;
    for (const id of complete[i]?.gone ?? []) if (byId.delete(id)) changed += 1;
    for (const raw of complete[i]?.changed ?? []) {
      const item = toListItem(raw);
      // The feed covers the whole list; only this plan's items belong here.
      if (String(item.fields.PlanLookupId ?? '') !== plan.planItemId) continue;
      byId.set(item.id, item);
      changed += 1;
    }
    items[key] = [...byId.values()];
  });
  const next = Object.fromEntries(PLAN_LISTS.map(([key], i) => [key, results[i]?.deltaLink ?? tracker[key] ?? ''])) as PlanTracker;
  const { planItem, organisations, periodItems, previousYearEntries } = plan.source;
  return { status: 'refreshed', plan: assemblePlan(planItem, organisations, periodItems, items, previousYearEntries), tracker: next, changed };
}

/**
 * Changed items as they are now, each with its fields. Whether a deltaLink keeps `$expand=fields` is
 * not documented for list items; an item that came without them is read again by id, all in one
 * $batch (chunks of 20), from the list its link names. One deleted in between is gone.
 */
async function withFields(client: GraphClient, feeds: ReadonlyArray<{ list: ListName; link: string; changed: readonly DeltaItem[] }>): Promise<Array<{ changed: DeltaItem[]; gone: string[] }>> {
  const missing = feeds.flatMap(({ list, link, changed }, feed) =>
    changed.filter((item) => item.fields === undefined).map((item) => ({ feed, id: item.id, url: `${itemsPathOf(link)}/${item.id}?$expand=fields($select=${fieldsRead(list).join(',')})` })),
  );
  const answers = missing.length === 0 ? [] : await client.batch(missing.map(({ url }) => ({ method: 'GET' as const, url })));
  const read = new Map(missing.map((m, n) => [`${m.feed}:${m.id}`, answers[n]]));
  return feeds.map(({ changed }, feed) => {
    const gone: string[] = [];
    const complete: DeltaItem[] = [];
    for (const item of changed) {
      const answer = item.fields === undefined ? read.get(`${feed}:${item.id}`) : undefined;
      if (!answer) complete.push(item);
      else if (answer.status === 404) gone.push(item.id);
      else if (answer.status < 400) complete.push(answer.body as DeltaItem);
      else throw new GraphRequestError({ status: answer.status, code: 'refreshFailed', message: `Kunde inte läsa posten ${item.id} (svar ${answer.status}).` });
    }
    return { changed: complete, gone };
  });
}

/** `…/lists/{id}/items/delta?token=…` → `…/lists/{id}/items`. */
function itemsPathOf(deltaLink: string): string {
  const path = deltaLink.replace(/\/delta(?:\(\))?(?:\?.*)?$/, '');
  if (path === deltaLink || !path.endsWith('/items')) throw new Error(`Oväntad deltalänk: ${deltaLink}`);
  return path;
}
