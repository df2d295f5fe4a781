// The follow-up repository: every surface reads and writes plans and entries through it, the same
// code against Microsoft Graph and against the local emulator.
import type { Comparison, FollowUpEntry, Organisation, Plan, SubjectKind } from '../core';
import { applyEdit, comparisonFor, compact, currentActionStatus, inStaffWork, isOverdue, planKey, previousYearPlanKey } from '../core';
import type { GraphClient } from '../graph';
import { isConflict, isGraphRequestError } from '../graph';
import type { ListItem, Stored } from '../lists/mapping';
import { actionFromItem, followUpFields, followUpFromItem, organisationFromItem, planFromItem } from '../lists/mapping';
import { dateOnlyBoundary } from '../lists/fields';
import type { ListName } from '../lists/schema';
import { followUpKey } from '../lists/schema';
import type { EntryVersion } from './entry-versions';
import { readEntryVersions } from './entry-versions';
import type { LoadedPlan, PlanItems, StoredAction, StoredEntry } from './loaded-plan';
import { assemblePlan, entryOf, itemIdOf, previousYearEntriesOf } from './loaded-plan';
import type { DirectoryPerson, PeopleFound, PeopleRequest } from './people';
import { lookUpPeople, myDirectReports } from './people';
import type { PlanTracker, RefreshResult } from './plan-refresh';
import { refreshPlan, trackPlan } from './plan-refresh';
import type { WholeListFallback } from './read-items';
import { readItems, readItemsBatched, toListItem } from './read-items';
import type { EntrySave, EntryWriter, SavedReport, SaveResult } from './entry-save';
import type { SiteLists } from './site';
import { hasList, itemsQuery, listPath, odataString } from './site';

export type { EntrySave, SavedReport, SaveResult } from './entry-save';

export interface WorkItem {
  readonly kind: SubjectKind;
  readonly ref: string;
  readonly itemId: string;
  readonly title: string;
  readonly current?: StoredEntry;
  /** The same period a year earlier, and what was reported then. */
  readonly comparison?: Comparison<FollowUpEntry>;
}

/** SharePoint's URL limit leaves room for this many `SubjectId eq n` clauses in one query. */
const ENTRY_IDS_PER_QUERY = 40;

export type OverdueAction = StoredAction & { readonly planItemId: string };

/** The mutable fields of an entry: what a save may change. */
const ENTRY_VALUE_FIELDS = ['Value', 'Level', 'Reference', 'Assessment', 'Trend', 'Status', 'Comment', 'ReportedByUpn', 'ReportedAt', 'State', 'StateByUpn', 'StateAt', 'ReturnComment'] as const;

export class FollowUpStore {
  constructor(
    private readonly client: GraphClient,
    readonly site: SiteLists,
    private readonly clock: () => Date = () => new Date(),
    /** The front ends': saves go to Målkoll's write API instead of Graph (people have only Read). */
    private readonly writeApi?: EntryWriter,
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
   * A whole plan, named `ORG:YEAR`, with what the organisation's plan of the year before reported:
   * two round trips (the two plans, organisations and periods; then every list of the plan and
   * last year's entries), each a $batch, plus further pages only for very large plans.
   */
  async loadPlan(key: string): Promise<LoadedPlan> {
    const previousKey = previousYearPlanKey(key);
    const planFilter = [key, ...(previousKey ? [previousKey] : [])].map((k) => `fields/Key eq ${odataString(k)}`).join(' or ');
    const [plans = [], organisations = [], periods = []] = await readItemsBatched(this.client, [
      itemsQuery(this.site, 'Plans', { filter: planFilter }),
      itemsQuery(this.site, 'Organisations'),
      itemsQuery(this.site, 'Periods'),
    ]);
    const planItem = plans.find((p) => p.fields.Key === key);
    if (!planItem) throw new PlanNotFoundError(key);
    const previousItem = plans.find((p) => p.fields.Key === previousKey);
    const { items, previousYear } = await this.readPlanItems(planItem.id, previousItem?.id);
    return assemblePlan(planItem, organisations, periods, items, previousYear);
  }

  /**
   * Every plan of the site at once: the nine lists read whole in one $batch, further pages by
   * nextLink, then grouped by plan. Far fewer round trips than loading plan by plan.
   */
  async loadAllPlans(): Promise<LoadedPlan[]> {
    const lists: ListName[] = ['Plans', 'Organisations', 'Periods', 'Goals', 'Indicators', 'Assignments', 'Risks', 'Actions', 'FollowUps', ...(hasList(this.site, 'PlanPeriods') ? (['PlanPeriods'] as const) : [])];
    const [plans = [], organisations = [], periods = [], ...rest] = await readItemsBatched(this.client, lists.map((list) => itemsQuery(this.site, list)));
    const [goals = [], indicators = [], assignments = [], risks = [], actions = [], followUps = [], planPeriods = []] = rest;
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
    const [g, i, a, r, x, f, s] = [goals, indicators, assignments, risks, actions, followUps, planPeriods].map(byPlan);
    const assembled = plans.map((plan) =>
      assemblePlan(plan, organisations, periods, {
        goals: g?.(plan.id) ?? [],
        indicators: i?.(plan.id) ?? [],
        assignments: a?.(plan.id) ?? [],
        risks: r?.(plan.id) ?? [],
        actions: x?.(plan.id) ?? [],
        followUps: f?.(plan.id) ?? [],
        planPeriods: s?.(plan.id) ?? [],
      }),
    );
    // Each plan carries its organisation's plan of the year before, as loadPlan's do.
    const byKey = new Map(assembled.map((p) => [planKey(p.plan.organisationCode, p.plan.year), p]));
    return assembled.map((p) => {
      const previous = byKey.get(planKey(p.plan.organisationCode, p.plan.year - 1));
      if (!previous) return p;
      const previousYearEntries = previous.entries.map(({ itemId: _itemId, eTag: _eTag, subjectItemId: _subject, ...entry }) => entry);
      return { ...p, previousYearEntries, source: { ...p.source, previousYearEntries } };
    });
  }

  /** Every entry of one period, across plans: one indexed query, paged. */
  async entriesOfPeriod(periodKey: string): Promise<ListItem[]> {
    return readItems(this.client, itemsQuery(this.site, 'FollowUps', { filter: `fields/Period eq ${odataString(periodKey)}` }));
  }

  /** Every list of one plan, in one $batch. */
  async planItems(planItemId: string): Promise<PlanItems> {
    return (await this.readPlanItems(planItemId, undefined)).items;
  }

  /** Every list of one plan and, when there is one, last year's entries: one $batch. */
  private async readPlanItems(planItemId: string, previousPlanItemId: string | undefined): Promise<{ items: PlanItems; previousYear: FollowUpEntry[] }> {
    // Each list by its plan; a plan past the list view threshold is read from the whole list instead.
    const ofPlan = (list: ListName, id: string, fields?: readonly string[]): { url: string; whole: WholeListFallback } => ({
      url: itemsQuery(this.site, list, { filter: `fields/PlanLookupId eq ${Number(id)}`, ...(fields ? { fields } : {}) }),
      whole: { url: itemsQuery(this.site, list, fields ? { fields: [...fields, 'PlanLookupId'] } : {}), keep: (item) => String(item.fields.PlanLookupId ?? '') === id },
    });
    const subjectLists = ['Goals', 'Indicators', 'Assignments', 'Actions'] as const;
    // The plan's own schedule rides in the same $batch; a site provisioned before its list has none.
    const ownSchedule = hasList(this.site, 'PlanPeriods');
    const queries = [
      ...(['Goals', 'Indicators', 'Assignments', 'Risks', 'Actions', 'FollowUps'] as const).map((list) => ofPlan(list, planItemId)),
      ...(ownSchedule ? [ofPlan('PlanPeriods', planItemId)] : []),
      ...(previousPlanItemId ? [ofPlan('FollowUps', previousPlanItemId), ...subjectLists.map((list) => ofPlan(list, previousPlanItemId, ['Key']))] : []),
    ];
    const [goals = [], indicators = [], assignments = [], risks = [], actions = [], followUps = [], ...afterFollowUps] = await readItemsBatched(
      this.client,
      queries.map((q) => q.url),
      queries.map((q) => q.whole),
    );
    const planPeriods = ownSchedule ? (afterFollowUps[0] ?? []) : [];
    const last = ownSchedule ? afterFollowUps.slice(1) : afterFollowUps;
    const [lastFollowUps = [], lastGoals = [], lastIndicators = [], lastAssignments = [], lastActions = []] = last;
    const previousYear = previousPlanItemId
      ? previousYearEntriesOf({ subjects: { goal: lastGoals, indicator: lastIndicators, assignment: lastAssignments, action: lastActions }, followUps: lastFollowUps })
      : [];
    return { items: { goals, indicators, assignments, risks, actions, followUps, planPeriods }, previousYear };
  }


  /**
   * What a person owns in a plan, with this period's entry and the comparison period's: in an
   * adopted plan only (a draft is not reported on yet, an archived plan no more), archived things left out.
   */
  myWork(plan: LoadedPlan, upn: string, periodKey: string): WorkItem[] {
    if (!inStaffWork(plan.plan)) return [];
    const mine = (owner: string | undefined) => owner !== undefined && owner.toLowerCase() === upn.toLowerCase();
    const work = (kind: SubjectKind, things: ReadonlyArray<{ ref: string; itemId: string; title: string; ownerUpn?: string; archived?: boolean }>): WorkItem[] =>
      things
        .filter((t) => !t.archived && mine(t.ownerUpn))
        .map((t) =>
          compact({ kind, ref: t.ref, itemId: t.itemId, title: t.title, current: entryOf(plan, kind, t.ref, periodKey), comparison: comparisonFor(kind, t.ref, periodKey, plan.entries, plan.previousYearEntries) }),
        );
    return [...work('goal', plan.goals), ...work('indicator', plan.indicators), ...work('assignment', plan.assignments), ...work('action', plan.actions)];
  }

  /**
   * Saves one report by the rules (`applyEdit`): a locked period, a field the thing does not have
   * or a value to confirm is refused with nothing written. `save.base` is the entry the user
   * started from: a newer one on the server is a conflict, never overwritten. For an åtgärd whose
   * status changes, the Actions list follows (with its own If-Match), so the status people see now
   * is the one last reported.
   */
  async saveEntry(plan: LoadedPlan, save: EntrySave, reporterUpn: string): Promise<SaveResult<SavedReport>> {
    // Through the API, who reports and when are the API's to say (the token and its clock).
    if (this.writeApi) return this.writeApi.saveEntry(plan, save);
    const { subjectKind: kind, subjectRef: ref, periodKey } = save;
    const subjectItemId = itemIdOf(plan, kind, ref);
    if (!subjectItemId) return { status: 'refused', refusal: { code: 'unknown-subject', message: `${ref} finns inte i planen ${plan.plan.title}.` } };
    const period = plan.periods.find((p) => p.key === periodKey);
    if (!period) return { status: 'refused', refusal: { code: 'unknown-subject', message: `Perioden ${periodKey} hör inte till planen ${plan.plan.title}.` } };
    const indicator = kind === 'indicator' ? plan.indicators.find((i) => i.ref === ref) : undefined;
    const applied = applyEdit(save.base, save.edit, {
      subject: { kind, ref, ...(indicator ? { indicator } : {}) },
      period,
      reportedByUpn: reporterUpn,
      now: this.clock(),
      ...(save.confirmed ? { confirmed: true } : {}),
      ...(save.actorRole ? { actorRole: save.actorRole } : {}),
    });
    if (!applied.ok) return { status: 'refused', refusal: applied.refusal };
    const entry = applied.entry;
    const written = await this.writeEntry(plan, entry, subjectItemId, save.base);
    if (written.status !== 'saved') return written.status === 'conflict' ? { status: 'conflict', server: { entry: written.server }, mine: entry } : written;
    const action = kind === 'action' ? plan.actions.find((a) => a.ref === ref) : undefined;
    if (!action || entry.status === undefined || entry.status === action.status) return { status: 'saved', saved: { entry: written.saved } };
    const status = await this.writeActionStatus(action, entry.status);
    return status.status === 'saved'
      ? { status: 'saved', saved: { entry: written.saved, action: status.saved } }
      : { status: 'conflict', server: { entry: written.saved, action: status.server }, mine: entry };
  }

  private async writeEntry(plan: LoadedPlan, entry: FollowUpEntry, subjectItemId: string, base: StoredEntry | undefined): Promise<SaveResult<StoredEntry>> {
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
      if (isConflict(error) && base) return { status: 'conflict', server: await this.readEntry(base.itemId, refOf), mine: entry };
      if (!base && isUniqueClash(error)) {
        const key = followUpKey(entry.subjectKind, subjectItemId, entry.periodKey);
        const [existing] = await readItems(this.client, itemsQuery(this.site, 'FollowUps', { filter: `fields/Key eq ${odataString(key)}` }));
        if (existing) {
          // A create retried after a 504 (SharePoint had already written it) clashes with itself.
          const server = asEntry(existing, refOf);
          return sameReport(server, entry) ? { status: 'saved', saved: server } : { status: 'conflict', server, mine: entry };
        }
      }
      throw error;
    }
  }

  /**
   * The Actions list's status, from the eTag the action was loaded with. Another write that left the
   * status alone (the notify job records its reminders on the action) is no conflict: the status is
   * written on the newer version. A status someone else changed is.
   */
  private async writeActionStatus(action: StoredAction, status: FollowUpEntry['status'] & string): Promise<{ status: 'saved'; saved: StoredAction } | { status: 'conflict'; server: StoredAction }> {
    const path = `${listPath(this.site, 'Actions')}/items/${action.itemId}`;
    const asAction = (item: ListItem): StoredAction => actionFromItem(item, (list) => (list === 'Risks' ? action.riskRef : action.goalRef));
    let eTag = action.eTag;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const written = await this.client.patch<Record<string, unknown>>(`${path}/fields`, { Status: status }, { ifMatch: eTag });
        return { status: 'saved', saved: asAction(fromFieldValueSet(action.itemId, written)) };
      } catch (error) {
        if (!isConflict(error)) throw error;
        const server = asAction(toListItem(await this.client.get(`${path}?$expand=fields`)));
        if (server.status !== action.status) return { status: 'conflict', server };
        eTag = server.eTag;
      }
    }
    return { status: 'conflict', server: asAction(toListItem(await this.client.get(`${path}?$expand=fields`))) };
  }

  /**
   * Actions of every plan that are overdue as of `asOf` (YYYY-MM-DD) by the rules: due before that
   * day and not finished in their latest report. Indexed queries, one per plan that is not archived,
   * find the candidates; their reports come in one $batch. What else the caller needs (`alsoRead`)
   * comes with the plans.
   */
  async overdueActions(asOf: string, alsoRead: readonly string[] = []): Promise<{ actions: OverdueAction[]; also: ListItem[][] }> {
    const filter = `fields/DueDate lt '${dateOnlyBoundary(asOf)}' and fields/Status ne 'done' and fields/Status ne 'done-with-deviation'`;
    // The list view threshold (docs/architecture.md): DueDate alone selects every past action of every
    // year, so each query is narrowed first by one plan; archived plans are not chased.
    const [plans = [], ...also] = await readItemsBatched(this.client, [itemsQuery(this.site, 'Plans', { fields: ['Status'] }), ...alsoRead]);
    const chased = plans.filter((plan) => plan.fields.Status !== 'archived');
    const byPlan = chased.map((plan) => itemsQuery(this.site, 'Actions', { filter: `fields/PlanLookupId eq ${Number(plan.id)} and ${filter}` }));
    // An åtgärd archived out of the plan (removed after it was reported on) is not chased either.
    const candidates = (byPlan.length === 0 ? [] : (await readItemsBatched(this.client, byPlan)).flat())
      .map((item) => ({ ...actionFromItem(item, () => undefined), planItemId: String(item.fields.PlanLookupId ?? '') }))
      .filter((a) => !a.archived);
    const ids = candidates.map((a) => Number(a.itemId));
    const chunks = Array.from({ length: Math.ceil(ids.length / ENTRY_IDS_PER_QUERY) }, (_, i) => ids.slice(i * ENTRY_IDS_PER_QUERY, (i + 1) * ENTRY_IDS_PER_QUERY));
    const entryQueries = chunks.map((chunk) => itemsQuery(this.site, 'FollowUps', { filter: chunk.map((id) => `fields/SubjectId eq ${id}`).join(' or ') }));
    const reports = (entryQueries.length === 0 ? [] : await readItemsBatched(this.client, entryQueries)).flat().filter((f) => f.fields.SubjectKind === 'action');
    const byAction = new Map<string, FollowUpEntry[]>();
    const refOf = new Map(candidates.map((a) => [a.itemId, a.ref]));
    for (const item of reports) {
      const entry = followUpFromItem(item, (_kind, id) => refOf.get(id));
      if (!entry.subjectRef) continue;
      byAction.set(entry.subjectItemId, [...(byAction.get(entry.subjectItemId) ?? []), entry]);
    }
    const actions = candidates.filter((a) => isOverdue({ ...a, status: currentActionStatus(a, byAction.get(a.itemId) ?? []) }, asOf));
    return { actions, also };
  }

  /**
   * The Plans list item ids of the plans in which `upn` owns something: one $batch of four indexed
   * queries (OwnerUpn), across every plan. The tab opens the newest of them when no plan is chosen.
   */
  async plansWithWorkFor(upn: string): Promise<Set<string>> {
    const lists = ['Goals', 'Indicators', 'Assignments', 'Actions'] as const;
    const found = await readItemsBatched(
      this.client,
      lists.map((list) => itemsQuery(this.site, list, { filter: `fields/OwnerUpn eq ${odataString(upn.trim())}`, fields: ['PlanLookupId'] })),
    );
    return new Set(found.flat().map((item) => String(item.fields.PlanLookupId ?? '')).filter(Boolean));
  }

  /** Every organisation, paged. */
  async organisations(): Promise<Array<Stored<Organisation>>> {
    const items = await readItems(this.client, itemsQuery(this.site, 'Organisations'));
    const codeOf = new Map(items.map((i) => [i.id, String(i.fields.Code ?? '')]));
    return items.map((i) => organisationFromItem(i, (id) => codeOf.get(id)));
  }

  /** The signed-in person's direct reports (delegated callers only). */
  myDirectReports(): Promise<DirectoryPerson[]> {
    return myDirectReports(this.client);
  }

  /** People and their managers from Entra ID, batched. */
  people(request: PeopleRequest): Promise<PeopleFound> {
    return lookUpPeople(this.client, request);
  }

  /** Every version of a saved entry, newest first, every page read. */
  entryVersions(entry: Pick<StoredEntry, 'itemId'>): Promise<EntryVersion[]> {
    return readEntryVersions(this.client, `${listPath(this.site, 'FollowUps')}/items/${entry.itemId}/versions`);
  }

  /** Starts following the plan's lists for a delta refresh. */
  track(): Promise<PlanTracker> {
    return trackPlan(this.client, this.site);
  }

  /** What changed since `tracker`, applied to `plan`. */
  refresh(plan: LoadedPlan, tracker: PlanTracker): Promise<RefreshResult> {
    return refreshPlan(this.client, plan, tracker);
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

/**
 * The same report by the same person: what a retried create finds. `reportedAt` is left out: it is
 * stored to the second (and its form depends on the column), so it need not read back as sent.
 */
function sameReport(server: FollowUpEntry, mine: FollowUpEntry): boolean {
  const fields = ['value', 'level', 'assessment', 'trend', 'status', 'comment'] as const;
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  const same = (a: unknown, b: unknown) => norm(a) === norm(b);
  return fields.every((f) => same(server[f], mine[f])) && (server.reportedByUpn ?? '').toLowerCase() === (mine.reportedByUpn ?? '').toLowerCase();
}

/** A create refused because the unique key exists: someone else saved the first report at the same time, or ours was retried. */
function isUniqueClash(error: unknown): boolean {
  return isGraphRequestError(error) && (error.status === 409 || (error.status === 400 && /unique|duplicate|dubblett/i.test(error.message)));
}

/**
 * The store's Graph client, for the store's own modules and the jobs (which send activity
 * notifications). The front ends may not call it: lint refuses it in src/tab and src/addin.
 */
export function graphClientOf(store: FollowUpStore): GraphClient {
  return store['client'];
}
