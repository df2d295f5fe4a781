// Which plan, period and date the tab shows: from the URL (channel tab, deep links, tests), else
// what the user chose last time, else the newest plan and its open period.
import type { Period } from '../../core';
import { comparePeriods } from '../../core';

export interface Choice {
  readonly planKey?: string;
  readonly periodKey?: string;
  /** YYYY-MM-DD: "today" for the overdue rule. */
  readonly asOf: string;
}

const LAST_PLAN = 'malkoll.plan';

export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
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
 * The open period: the earliest unlocked one whose deadline has not passed; when all deadlines have
 * passed (reporting late is common), the latest unlocked one; else the latest of all.
 */
export function openPeriod(periods: readonly Period[], asOf: string): Period | undefined {
  const sorted = [...periods].sort(comparePeriods);
  const unlocked = sorted.filter((p) => !p.locked);
  return unlocked.find((p) => p.deadline !== undefined && p.deadline.slice(0, 10) >= asOf) ?? unlocked[unlocked.length - 1] ?? sorted[sorted.length - 1];
}
