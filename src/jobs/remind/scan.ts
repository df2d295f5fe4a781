// What the remind job reads: every adopted plan (archived and draft plans are never chased), each
// with its own deadlines and locks per period, and for the periods that owe a reminder today the
// goals, styrtal and uppdrag not yet klar, by owner.
import type { ItemState, SubjectKind } from '../../core';
import { isFinished, itemStateOf, planKey } from '../../core';
import type { FollowUpStore, LoadedPlan } from '../../store';
import { entryOf } from '../../store';
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
  /** Adopted plans read. */
  readonly plans: number;
  readonly due: readonly PeriodDue[];
  /** Periods that would owe a reminder today but are locked: nothing is sent for them. */
  readonly skipped: readonly SkippedPeriod[];
}

/** Plans loaded at once: each load is two round trips, so a few in flight keep the scan short. */
const LOADS_IN_FLIGHT = 8;

async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
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

export async function scanReminders(store: FollowUpStore, asOf: string, settings: RemindSettings): Promise<RemindScan> {
  const adopted = (await store.listPlans()).filter((p) => p.status === 'adopted');
  const plans = await inPool(adopted, LOADS_IN_FLIGHT, (p) => store.loadPlan(planKey(p.organisationCode, p.year)));
  const found = plans.map((plan) => periodsDue(plan, asOf, settings));
  return { plans: plans.length, due: found.flatMap((f) => f.due), skipped: found.flatMap((f) => f.skipped) };
}
