// Which plan, period and date the tab shows: from the URL (channel tab, deep links, tests), else
// what the user chose last time, else the newest plan the person has work in (else the newest) and
// its open period.

export interface Choice {
  readonly planKey?: string;
  readonly periodKey?: string;
  /** YYYY-MM-DD: "today" for the overdue rule. */
  readonly asOf: string;
}

import { calendarDate } from '../../core';

const LAST_PLAN = 'malkoll.plan';

export function today(now = new Date()): string {
  return calendarDate(now);
}

export function choiceFromUrl(search: string, now = new Date()): Choice {
  const params = new URLSearchParams(search);
  const asOf = params.get('asOf');
  const planKey = params.get('plan') ?? rememberedPlan();
  const periodKey = params.get('period');
  return {
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : today(now),
    ...(planKey ? { planKey } : {}),
    ...(periodKey ? { periodKey } : {}),
  };
}

function rememberedPlan(): string | undefined {
  try {
    return localStorage.getItem(LAST_PLAN) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberPlan(planKey: string): void {
  try {
    localStorage.setItem(LAST_PLAN, planKey);
  } catch {
    // Not remembering only costs one round trip next time.
  }
}

/**
 * The plan to open when none is chosen: the newest in which the person owns something (`withWork`
 * holds Plans item ids), else the newest of all, so a reporter never lands on a plan with nothing of
 * theirs. Ties go to the plans' own order (by organisation code).
 */
export function firstPlanFor<P extends { readonly year: number; readonly itemId: string }>(plans: readonly P[], withWork: ReadonlySet<string>): P | undefined {
  const newest = (among: readonly P[]) => [...among].sort((a, b) => b.year - a.year)[0];
  return newest(plans.filter((p) => withWork.has(p.itemId))) ?? newest(plans);
}
