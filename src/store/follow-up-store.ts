// The follow-up repository: every surface reads and writes plans and entries through it, the same
// code against Microsoft Graph and against the local emulator.
import type { ActionStatus, FollowUpEntry, Plan, SubjectKind } from '../core';
import { comparisonPeriodKey, compact } from '../core';
import type { GraphClient } from '../graph';
import { isConflict, isGraphRequestError } from '../graph';
import type { ListItem, Stored } from '../lists/mapping';
import { actionFromItem, followUpFields, followUpFromItem, planFromItem } from '../lists/mapping';
import { followUpKey, planKey } from '../lists/schema';
import type { LoadedPlan, PlanItems, StoredAction, StoredEntry } from './loaded-plan';
import { assemblePlan, entryOf, itemIdOf } from './loaded-plan';
import { readItems, readItemsBatched, toListItem } from './read-items';
import type { SiteLists } from './site';
import { itemsQuery, listPath, odataString } from './site';

export type SaveResult<T> =
  | { readonly status: 'saved'; readonly saved: T }
  /** Someone else changed it since `base` was read: nothing was written; both versions are here. */
  | { readonly status: 'conflict'; readonly server: T; readonly mine: FollowUpEntry | ActionStatus };

export interface WorkItem {
  readonly kind: SubjectKind;
  readonly ref: string;
  readonly itemId: string;
  readonly title: string;
  readonly current?: StoredEntry;
  readonly previous?: StoredEntry;
}

/** The mutable fields of an entry: what a save may change. */
const ENTRY_VALUE_FIELDS = ['Value', 'Level', 'Assessment', 'Trend', 'Status', 'Comment', 'ReportedByUpn', 'ReportedAt'] as const;

export class FollowUpStore {
  constructor(
    readonly client: GraphClient,
    readonly site: SiteLists,
  ) {}

  /** Plans, optionally of one organisation (by code) or year. */
  async listPlans(filter: { organisationCode?: string; year?: number } = {}): Promise<Array<Stored<Plan>>> {
    const clauses: string[] = [];
    if (filter.year !== undefined) clauses.push(`fields/Year eq ${filter.year}`);
    const items = await readItems(this.client, itemsQuery(this.site, 'Plans', clauses.length ? { filter: clauses.join(' and ') } : {}));
    return items
      .map(planFromItem)
      .filter((p) => filter.organisationCode === undefined || p.organisationCode === filter.organisationCode)
      .sort((a, b) => a.organisationCode.localeCompare(b.organisationCode, 'sv') || a.year - b.year);
  }

  /**
   * A whole plan, named `ORG:YEAR`: two round trips (plan, organisations and periods; then every list
   * of the plan), each a $batch, plus further pages only for very large plans.
   */
  async loadPlan(key: string): Promise<LoadedPlan> {
    const [plans = [], organisations = [], periods = []] = await readItemsBatched(this.client, [
      itemsQuery(this.site, 'Plans', { filter: `fields/Key eq ${odataString(key)}` }),
      itemsQuery(this.site, 'Organisations'),
      itemsQuery(this.site, 'Periods'),
    ]);
    const planItem = plans[0];
    if (!planItem) throw new PlanNotFoundError(key);
    return assemblePlan(planItem, organisations, periods, await this.readPlanItems(planItem.id));
  }

  /**
   * Every plan of the site at once: the nine lists read whole in one $batch, further pages by
   * nextLink, then grouped by plan. Far fewer round trips than loading plan by plan.
   */
  async loadAllPlans(): Promise<LoadedPlan[]> {
    const lists = ['Plans', 'Organisations', 'Periods', 'Goals', 'Indicators', 'Assignments', 'Risks', 'Actions', 'FollowUps'] as const;
    const [plans = [], organisations = [], periods = [], ...rest] = await readItemsBatched(this.client, lists.map((list) => itemsQuery(this.site, list)));
    const [goals = [], indicators = [], assignments = [], risks = [], actions = [], followUps = []] = rest;
    const byPlan = (items: readonly ListItem[]) => {
      const groups = new Map<string, ListItem[]>();
      for (const item of items) {
        const planId = String(item.fields.PlanLookupId ?? '');
        const group = groups.get(planId);
        if (group) group.push(item);
        else groups.set(planId, [item]);
      }
      return (planId: string) => groups.get(planId) ?? [];
    };
    const [g, i, a, r, x, f] = [goals, indicators, assignments, risks, actions, followUps].map(byPlan);
    return plans.map((plan) =>
      assemblePlan(plan, organisations, periods, {
        goals: g?.(plan.id) ?? [],
        indicators: i?.(plan.id) ?? [],
        assignments: a?.(plan.id) ?? [],
        risks: r?.(plan.id) ?? [],
        actions: x?.(plan.id) ?? [],
        followUps: f?.(plan.id) ?? [],
      }),
    );
  }

  /** Every entry of one period, across plans: one indexed query, paged. */
  async entriesOfPeriod(periodKey: string): Promise<ListItem[]> {
    return readItems(this.client, itemsQuery(this.site, 'FollowUps', { filter: `fields/Period eq ${odataString(periodKey)}` }));
  }

  /** Every list of one plan, in one $batch. */
  async readPlanItems(planItemId: string): Promise<PlanItems> {
    const byPlan = { filter: `fields/PlanLookupId eq ${Number(planItemId)}` };
    const [goals = [], indicators = [], assignments = [], risks = [], actions = [], followUps = []] = await readItemsBatched(this.client, [
      itemsQuery(this.site, 'Goals', byPlan),
      itemsQuery(this.site, 'Indicators', byPlan),
      itemsQuery(this.site, 'Assignments', byPlan),
      itemsQuery(this.site, 'Risks', byPlan),
      itemsQuery(this.site, 'Actions', byPlan),
      itemsQuery(this.site, 'FollowUps', byPlan),
    ]);
    return { goals, indicators, assignments, risks, actions, followUps };
  }

  /** Entries of a period and of its comparison period (the same period a year earlier). */
  entriesForPeriod(plan: LoadedPlan, periodKey: string): { current: StoredEntry[]; comparison: StoredEntry[] } {
    const previous = comparisonPeriodKey(periodKey);
    return {
      current: plan.entries.filter((e) => e.periodKey === periodKey),
      comparison: plan.entries.filter((e) => e.periodKey === previous),
    };
  }

  /** What a person owns in a plan, with this period's and the comparison period's entry. */
  myWork(plan: LoadedPlan, upn: string, periodKey: string): WorkItem[] {
    const mine = (owner: string | undefined) => owner !== undefined && owner.toLowerCase() === upn.toLowerCase();
    const previousKey = comparisonPeriodKey(periodKey) ?? '';
    const work = (kind: SubjectKind, things: ReadonlyArray<{ ref: string; itemId: string; title: string; ownerUpn?: string }>): WorkItem[] =>
      things
        .filter((t) => mine(t.ownerUpn))
        .map((t) => compact({ kind, ref: t.ref, itemId: t.itemId, title: t.title, current: entryOf(plan, kind, t.ref, periodKey), previous: entryOf(plan, kind, t.ref, previousKey) }));
    return [...work('goal', plan.goals), ...work('indicator', plan.indicators), ...work('assignment', plan.assignments), ...work('action', plan.actions)];
  }

  /**
   * Creates or updates the entry of one thing and period. `base` is the entry the user started from
   * (absent for a first report): a changed item on the server is a conflict, never overwritten.
   */
  async saveEntry(plan: LoadedPlan, entry: FollowUpEntry, base?: { itemId: string; eTag: string }): Promise<SaveResult<StoredEntry>> {
    const subjectItemId = itemIdOf(plan, entry.subjectKind, entry.subjectRef);
    if (!subjectItemId) throw new Error(`${entry.subjectRef} finns inte i planen ${plan.plan.title}`);
    const fields = followUpFields(entry, { planItemId: plan.planItemId, subjectItemId });
    const items = `${listPath(this.site, 'FollowUps')}/items`;
    const refOf = () => entry.subjectRef;
    try {
      if (base) {
        const changed = Object.fromEntries(ENTRY_VALUE_FIELDS.map((name) => [name, fields[name] ?? null]));
        const written = await this.client.patch<Record<string, unknown>>(`${items}/${base.itemId}/fields`, changed, { ifMatch: base.eTag });
        return { status: 'saved', saved: asEntry(fromFieldValueSet(base.itemId, written), refOf) };
      }
      const { body } = await this.client.post<{ id: string; eTag?: string; fields?: Record<string, unknown> }>(items, { fields });
      return { status: 'saved', saved: asEntry(toListItem(body), refOf) };
    } catch (error) {
      if (isConflict(error)) return { status: 'conflict', server: await this.readEntry(base?.itemId ?? '', refOf), mine: entry };
      if (!base && isUniqueClash(error)) {
        const key = followUpKey(entry.subjectKind, subjectItemId, entry.periodKey);
        const [existing] = await readItems(this.client, itemsQuery(this.site, 'FollowUps', { filter: `fields/Key eq ${odataString(key)}` }));
        if (existing) return { status: 'conflict', server: asEntry(existing, refOf), mine: entry };
      }
      throw error;
    }
  }

  /** Changes an action's status from the eTag the user started from. */
  async saveActionStatus(action: StoredAction, status: ActionStatus): Promise<SaveResult<StoredAction>> {
    const path = `${listPath(this.site, 'Actions')}/items/${action.itemId}`;
    // The refs do not change with a status; keep the ones the action was loaded with.
    const asAction = (item: ListItem) => actionFromItem(item, (list) => (list === 'Risks' ? action.riskRef : action.goalRef));
    try {
      const written = await this.client.patch<Record<string, unknown>>(`${path}/fields`, { Status: status }, { ifMatch: action.eTag });
      return { status: 'saved', saved: asAction(fromFieldValueSet(action.itemId, written)) };
    } catch (error) {
      if (isConflict(error)) return { status: 'conflict', server: asAction(toListItem(await this.client.get(`${path}?$expand=fields`))), mine: status };
      throw error;
    }
  }

  /**
   * Actions of every plan that are overdue as of `asOf` (YYYY-MM-DD): due before that day and
   * neither done nor done with deviation. One indexed query, paged.
   */
  async overdueActions(asOf: string): Promise<Array<StoredAction & { planItemId: string }>> {
    const filter = `fields/DueDate lt '${asOf}T00:00:00Z' and fields/Status ne 'done' and fields/Status ne 'done-with-deviation'`;
    const items = await readItems(this.client, itemsQuery(this.site, 'Actions', { filter }));
    return items.map((item) => ({ ...actionFromItem(item, () => undefined), planItemId: String(item.fields.PlanLookupId ?? '') }));
  }

  /** The plan's key (`ORG:YEAR`) as the command line names it. */
  static planKey(organisationCode: string, year: number): string {
    return planKey(organisationCode, year);
  }

  private async readEntry(itemId: string, refOf: (kind: SubjectKind, id: string) => string | undefined): Promise<StoredEntry> {
    return asEntry(toListItem(await this.client.get(`${listPath(this.site, 'FollowUps')}/items/${itemId}?$expand=fields`)), refOf);
  }
}

export class PlanNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`Planen ${key} finns inte. Ange organisationens kod och år, till exempel RS:2025.`);
    this.name = 'PlanNotFoundError';
  }
}

/** PATCH …/fields answers with the whole field set and its new eTag: no second read needed. */
function fromFieldValueSet(itemId: string, written: { body: Record<string, unknown>; eTag?: string }): ListItem {
  const eTag = written.eTag ?? (typeof written.body['@odata.etag'] === 'string' ? written.body['@odata.etag'] : '');
  return { id: itemId, eTag, fields: written.body };
}

function asEntry(item: ListItem, refOf: (kind: SubjectKind, id: string) => string | undefined): StoredEntry {
  return followUpFromItem(item, refOf);
}

/** A create refused because the unique key exists: someone else saved the first report at the same time. */
function isUniqueClash(error: unknown): boolean {
  return isGraphRequestError(error) && (error.status === 409 || (error.status === 400 && /unique|duplicate|dubblett/i.test(error.message)));
}
