// A plan as loaded from the lists: the domain model with item ids and eTags, and the maps between
// refs and item ids that saving and exporting need.
import { comparePeriods, parsePeriodKey } from '../core';
import type { FollowUpEntry, Goal, Indicator, Assignment, Risk, Action, Organisation, Period, Plan, PlanContents, PlanPeriod, SubjectKind } from '../core';
import type { ActionNotice, ListItem, Stored } from '../lists/mapping';
import {
  actionFromItem,
  assignmentFromItem,
  followUpFromItem,
  goalFromItem,
  indicatorFromItem,
  organisationFromItem,
  periodFromItem,
  planFromItem,
  planPeriodFromItem,
  riskFromItem,
} from '../lists/mapping';
import { readNumber } from '../lists/fields';

export type StoredEntry = Stored<FollowUpEntry> & { readonly subjectItemId: string };
export type StoredAction = Stored<Action> & ActionNotice;

export interface LoadedPlan extends PlanContents {
  readonly planItemId: string;
  readonly plan: Stored<Plan>;
  readonly organisation: Stored<Organisation>;
  /** The plan's periods, each with THIS plan's deadline and lock (its own schedule over the shared period). */
  readonly periods: readonly Stored<Period>[];
  /** The plan's own schedule as stored (Planperioder), for writing a deadline or a lock with If-Match. */
  readonly planPeriods: readonly Stored<PlanPeriod>[];
  readonly goals: readonly Stored<Goal>[];
  readonly indicators: readonly Stored<Indicator>[];
  readonly assignments: readonly Stored<Assignment>[];
  readonly risks: readonly Stored<Risk>[];
  readonly actions: readonly StoredAction[];
  readonly entries: readonly StoredEntry[];
  /**
   * What the organisation's plan of the year before reported, by the same refs: where the
   * comparison period (the same period a year earlier) is found. Read-only: no ids, no eTags.
   */
  readonly previousYearEntries: readonly FollowUpEntry[];
  /** The items it was assembled from, so a delta refresh can reassemble it. */
  readonly source: PlanSource;
}

export interface PlanSource {
  readonly planItem: ListItem;
  readonly organisations: readonly ListItem[];
  readonly periodItems: readonly ListItem[];
  readonly items: PlanItems;
  readonly previousYearEntries: readonly FollowUpEntry[];
}

export interface PlanItems {
  readonly goals: readonly ListItem[];
  readonly indicators: readonly ListItem[];
  readonly assignments: readonly ListItem[];
  readonly risks: readonly ListItem[];
  readonly actions: readonly ListItem[];
  readonly followUps: readonly ListItem[];
  /** The plan's own schedule (Planperioder); empty on a site provisioned before the list. */
  readonly planPeriods: readonly ListItem[];
}

const bySortOrder = (a: ListItem, b: ListItem) => (readNumber(a.fields, 'SortOrder') ?? 0) - (readNumber(b.fields, 'SortOrder') ?? 0) || Number(a.id) - Number(b.id);

export function assemblePlan(
  planItem: ListItem,
  organisations: readonly ListItem[],
  periodItems: readonly ListItem[],
  items: PlanItems,
  previousYearEntries: readonly FollowUpEntry[] = [],
): LoadedPlan {
  const codeOf = new Map(organisations.map((o) => [o.id, String(o.fields.Code ?? '')]));
  const plan = planFromItem(planItem);
  const orgItem = organisations.find((o) => o.id === plan.organisationItemId);
  if (!orgItem) throw new Error(`Organisationen för planen ${plan.title} saknas i listan Organisationer`);
  const organisation = organisationFromItem(orgItem, (id) => codeOf.get(id));

  const goals = [...items.goals].sort(bySortOrder).map(goalFromItem);
  const goalRef = new Map(goals.map((g) => [g.itemId, g.ref]));
  const risks = [...items.risks].sort(bySortOrder).map(riskFromItem);
  const riskRef = new Map(risks.map((r) => [r.itemId, r.ref]));
  const indicators = [...items.indicators].sort(bySortOrder).map((i) => indicatorFromItem(i, (id) => goalRef.get(id)));
  const assignments = [...items.assignments].sort(bySortOrder).map((a) => assignmentFromItem(a, (id) => goalRef.get(id)));
  const actions = [...items.actions].sort(bySortOrder).map((a) => actionFromItem(a, (list, id) => (list === 'Risks' ? riskRef : goalRef).get(id)));

  const refBySubject = new Map<string, string>();
  const note = (kind: SubjectKind, things: ReadonlyArray<{ itemId: string; ref: string }>) => things.forEach((t) => refBySubject.set(`${kind}:${t.itemId}`, t.ref));
  note('goal', goals);
  note('indicator', indicators);
  note('assignment', assignments);
  note('action', actions);
  // Entries in the plan's reading order (goal, its styrtal and uppdrag, …; then actions), by period.
  const position = new Map([...goals, ...indicators, ...assignments, ...actions].map((t, i) => [t.ref, i]));
  const periodOrder = (key: string) => parsePeriodKey(key);
  const entries = items.followUps
    .map((f) => followUpFromItem(f, (kind, id) => refBySubject.get(`${kind}:${id}`)))
    .filter((e) => e.subjectRef !== '')
    .sort((a, b) => {
      const byThing = (position.get(a.subjectRef) ?? 0) - (position.get(b.subjectRef) ?? 0);
      const pa = periodOrder(a.periodKey);
      const pb = periodOrder(b.periodKey);
      return byThing || (pa && pb ? comparePeriods(pa, pb) : a.periodKey.localeCompare(b.periodKey));
    });

  const planPeriods = items.planPeriods.map(planPeriodFromItem).filter((s) => s.periodKey !== '');
  const ownSchedule = new Map(planPeriods.map((s) => [s.periodKey, s]));
  const periodKeys = new Set([...entries.map((e) => e.periodKey), ...ownSchedule.keys()]);
  const periods = periodItems
    .map(periodFromItem)
    .filter((p): p is Stored<Period> => p !== undefined && (p.year === plan.year || periodKeys.has(p.key)))
    .map((p) => withOwnSchedule(p, ownSchedule.get(p.key)))
    .sort(comparePeriods);

  const source = { planItem, organisations, periodItems, items, previousYearEntries };
  return { planItemId: planItem.id, plan, organisation, periods, planPeriods, goals, indicators, assignments, risks, actions, entries, previousYearEntries, people: [], source };
}

/**
 * A shared period as one plan sees it: the plan's own deadline, and its own lock once it has set
 * one (locked or unlocked); what the plan has not set, the shared period's (older data) gives.
 */
export function withOwnSchedule(period: Stored<Period>, own: PlanPeriod | undefined): Stored<Period> {
  if (!own) return period;
  const { deadline: sharedDeadline, locked: sharedLocked, lockedByUpn: _by, lockedAt: _at, ...rest } = period;
  const deadline = own.deadline ?? sharedDeadline;
  const lock = own.locked === undefined ? (sharedLocked ? { locked: true } : {}) : own.locked ? { locked: true, ...(own.lockedByUpn ? { lockedByUpn: own.lockedByUpn } : {}), ...(own.lockedAt ? { lockedAt: own.lockedAt } : {}) } : {};
  return { ...rest, ...(deadline ? { deadline } : {}), ...lock };
}

/** The item id of a thing of the plan, by its kind and ref. */
export function itemIdOf(plan: LoadedPlan, kind: SubjectKind, ref: string): string | undefined {
  const things: ReadonlyArray<{ ref: string; itemId: string }> =
    kind === 'goal' ? plan.goals : kind === 'indicator' ? plan.indicators : kind === 'assignment' ? plan.assignments : plan.actions;
  return things.find((t) => t.ref === ref)?.itemId;
}

/** The entry of one thing in one period, if reported. */
export function entryOf(plan: LoadedPlan, kind: SubjectKind, ref: string, periodKey: string): StoredEntry | undefined {
  return plan.entries.find((e) => e.subjectKind === kind && e.subjectRef === ref && e.periodKey === periodKey);
}

/** The subjects of last year's plan, read for their Key only (`planItemId:ref`). */
export interface PreviousYearItems {
  readonly subjects: Readonly<Record<SubjectKind, readonly ListItem[]>>;
  readonly followUps: readonly ListItem[];
}

/** Last year's entries under their refs, stripped of what could write them back. */
export function previousYearEntriesOf(items: PreviousYearItems): FollowUpEntry[] {
  const refOf = new Map<string, string>();
  for (const [kind, things] of Object.entries(items.subjects)) {
    for (const thing of things) {
      const key = String(thing.fields.Key ?? '');
      const ref = key.slice(key.indexOf(':') + 1);
      if (ref) refOf.set(`${kind}:${thing.id}`, ref);
    }
  }
  return items.followUps
    .map((f) => followUpFromItem(f, (kind, id) => refOf.get(`${kind}:${id}`)))
    .filter((e) => e.subjectRef !== '')
    .map(({ itemId: _itemId, eTag: _eTag, subjectItemId: _subject, ...entry }) => entry);
}
