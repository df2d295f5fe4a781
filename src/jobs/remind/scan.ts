// What the remind job reads: every adopted plan (archived and draft plans are never chased), each
// with its own deadlines and locks per period, and for the periods that owe a reminder today the
// goals, styrtal and uppdrag not yet klar, by owner. Two round trips for a region (scanReminders).
import type { ItemState, SubjectKind } from '../../core';
import { isFinished, itemStateOf, planKey } from '../../core';
import type { FollowUpStore, LoadedPlan } from '../../store';
import { entryOf, graphClientOf } from '../../store';
import { assemblePlan } from '../../store/loaded-plan';
import { readItemsBatched } from '../../store/read-items';
import { hasList, itemsQuery, odataString } from '../../store/site';
import type { Occasion } from './occasions';
import { managerOccasion, reporterOccasion } from './occasions';
import type { RemindSettings } from './settings';

/** Reported in a round: what reporters own. Åtgärder are chased by the notify job instead. */
export type ReportedKind = Exclude<SubjectKind, 'action'>;

export interface UnfinishedItem {
  readonly kind: ReportedKind;
  readonly ref: string;
  readonly title: string;
  readonly state: ItemState;
  readonly ownerUpn?: string;
}

/** One plan's period that owes a reminder today, to its reporters, its managers or both. */
export interface PeriodDue {
  /** `ORG:YEAR` */
  readonly planKey: string;
  /** "Regionstyrelsen 2025": what people call the plan. */
  readonly planTitle: string;
  readonly periodKey: string;
  readonly deadline: string;
  readonly reporter?: Occasion;
  readonly manager?: Occasion;
  /** The organisation's ManagerUpn: the manager when Entra ID knows none. */
  readonly organisationManagerUpn?: string;
  /** Goals, styrtal and uppdrag not yet klar (not started, draft, sent back), in the plan's order. */
  readonly unfinished: readonly UnfinishedItem[];
  /** Everything reported in the period, klar or not. */
  readonly items: number;
}

export interface SkippedPeriod {
  readonly planKey: string;
  readonly periodKey: string;
  readonly reason: string;
}

export interface RemindScan {
  /** Adopted plans looked at. */
  readonly plans: number;
  readonly due: readonly PeriodDue[];
  /** Periods that would owe a reminder today but are locked: nothing is sent for them. */
  readonly skipped: readonly SkippedPeriod[];
}

export function unfinishedIn(plan: LoadedPlan, periodKey: string): { unfinished: UnfinishedItem[]; items: number } {
  const things: ReadonlyArray<{ kind: ReportedKind; ref: string; title: string; ownerUpn?: string; archived?: boolean }> = [
    ...plan.goals.map((g) => ({ ...g, kind: 'goal' as const })),
    ...plan.indicators.map((i) => ({ ...i, kind: 'indicator' as const })),
    ...plan.assignments.map((a) => ({ ...a, kind: 'assignment' as const })),
  ];
  const current = things.filter((t) => t.archived !== true);
  const unfinished: UnfinishedItem[] = [];
  for (const t of current) {
    const state = itemStateOf(entryOf(plan, t.kind, t.ref, periodKey));
    if (!isFinished(state)) unfinished.push({ kind: t.kind, ref: t.ref, title: t.title, state, ...(t.ownerUpn ? { ownerUpn: t.ownerUpn } : {}) });
  }
  return { unfinished, items: current.length };
}

export function periodsDue(plan: LoadedPlan, asOf: string, settings: RemindSettings): { due: PeriodDue[]; skipped: SkippedPeriod[] } {
  const key = planKey(plan.plan.organisationCode, plan.plan.year);
  const due: PeriodDue[] = [];
  const skipped: SkippedPeriod[] = [];
  for (const period of plan.periods) {
    if (period.deadline === undefined) continue;
    const reporter = reporterOccasion(period.deadline, asOf, settings);
    const manager = managerOccasion(period.deadline, asOf, settings);
    if (!reporter && !manager) continue;
    if (period.locked === true) {
      skipped.push({ planKey: key, periodKey: period.key, reason: 'Perioden är låst.' });
      continue;
    }
    const { unfinished, items } = unfinishedIn(plan, period.key);
    due.push({
      planKey: key,
      planTitle: `${plan.organisation.name} ${plan.plan.year}`,
      periodKey: period.key,
      deadline: period.deadline.slice(0, 10),
      ...(reporter ? { reporter } : {}),
      ...(manager ? { manager } : {}),
      ...(plan.organisation.managerUpn ? { organisationManagerUpn: plan.organisation.managerUpn } : {}),
      unfinished,
      items,
    });
  }
  return { due, skipped };
}

/** Items of a plan read by plan; a plan past the list view threshold is read from its whole list. */
function ofPlan(store: FollowUpStore, list: 'Goals' | 'Indicators' | 'Assignments' | 'FollowUps', planItemId: string, periodKey?: string) {
  const period = periodKey === undefined ? '' : ` and fields/Period eq ${odataString(periodKey)}`;
  return {
    url: itemsQuery(store.site, list, { filter: `fields/PlanLookupId eq ${Number(planItemId)}${period}` }),
    whole: {
      url: itemsQuery(store.site, list),
      keep: (item: { readonly fields: Readonly<Record<string, unknown>> }) => String(item.fields['PlanLookupId'] ?? '') === planItemId && (periodKey === undefined || item.fields['Period'] === periodKey),
    },
  };
}

/**
 * Two round trips for the whole site, however many plans: one $batch with the plans, the
 * organisations and every plan's schedule (the shared periods and the plan's own deadlines and
 * locks); then, for only the plans with a period owing a reminder today, one $batch with their
 * goals, styrtal, uppdrag and that period's entries. Plans are assembled as the store assembles them,
 * so a deadline and a lock are read by the same rule as everywhere else.
 */
export async function scanReminders(store: FollowUpStore, asOf: string, settings: RemindSettings): Promise<RemindScan> {
  const client = graphClientOf(store);
  const schedules = hasList(store.site, 'PlanPeriods');
  const [planItems = [], organisations = [], periodItems = [], planPeriods = []] = await readItemsBatched(client, [
    itemsQuery(store.site, 'Plans'),
    itemsQuery(store.site, 'Organisations'),
    itemsQuery(store.site, 'Periods'),
    ...(schedules ? [itemsQuery(store.site, 'PlanPeriods')] : []),
  ]);
  const none = { goals: [], indicators: [], assignments: [], risks: [], actions: [], followUps: [] };
  const scheduleOf = (planItemId: string) => planPeriods.filter((p) => String(p.fields['PlanLookupId'] ?? '') === planItemId);
  const adopted = planItems
    .map((item) => ({ item, outline: assemblePlan(item, organisations, periodItems, { ...none, planPeriods: scheduleOf(item.id) }) }))
    .filter(({ outline }) => outline.plan.status === 'adopted');
  // Which plans and periods owe anything today, from the schedules alone.
  const candidates = adopted.flatMap(({ item, outline }) => {
    const found = periodsDue(outline, asOf, settings);
    return found.due.length > 0 || found.skipped.length > 0 ? [{ item, found, periodKeys: found.due.map((d) => d.periodKey) }] : [];
  });
  const wanted = candidates.filter((c) => c.periodKeys.length > 0);
  const queries = wanted.flatMap(({ item, periodKeys }) => [
    ofPlan(store, 'Goals', item.id),
    ofPlan(store, 'Indicators', item.id),
    ofPlan(store, 'Assignments', item.id),
    ...periodKeys.map((key) => ofPlan(store, 'FollowUps', item.id, key)),
  ]);
  const pages =
    queries.length === 0
      ? []
      : await readItemsBatched(
          client,
          queries.map((q) => q.url),
          queries.map((q) => q.whole),
        );
  const due: PeriodDue[] = [];
  let at = 0;
  for (const { item, periodKeys } of wanted) {
    const [goals = [], indicators = [], assignments = [], ...entries] = pages.slice(at, at + 3 + periodKeys.length);
    at += 3 + periodKeys.length;
    const plan = assemblePlan(item, organisations, periodItems, { ...none, goals, indicators, assignments, followUps: entries.flat(), planPeriods: scheduleOf(item.id) });
    due.push(...periodsDue(plan, asOf, settings).due);
  }
  return { plans: adopted.length, due, skipped: candidates.flatMap((c) => c.found.skipped) };
}
