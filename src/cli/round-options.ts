// What `malkoll period` and `malkoll status` share: the --plan and --period flags checked the way
// `report` checks them, the plan loaded (a missing one answered with those that exist), and people
// named by their directory display names (the lists hold UPNs only).
import { isPeriodKey } from '../core';
import { personName } from '../report';
import { PlanNotFoundError, foundPerson } from '../store';
import type { FollowUpStore, LoadedPlan } from '../store';
import { UsageError } from './options';
import { planNotFound } from './plans.command';

export function checkPlanAndPeriod(values: { plan?: string | undefined; period?: string | undefined }): { plan: string; period: string } {
  if (!values.plan || !/^[^:]+:\d{4}$/.test(values.plan)) throw new UsageError('Ange planen som organisationskod och år: --plan RS:2025');
  if (!values.period || !isPeriodKey(values.period)) {
    throw new UsageError(`Ange perioden som år och periodtyp: --period 2025-annual (helår), 2025-interim (delår), 2025-t1 (tertial) eller 2025-m03 (månad)${values.period ? `; "${values.period}" känns inte igen` : ''}.`);
  }
  return { plan: values.plan, period: values.period };
}

/** The plan, or the Swedish answer to a plan that does not exist or has no such period. */
export async function loadPlanWithPeriod(store: FollowUpStore, key: string, periodKey: string, site: string): Promise<{ plan: LoadedPlan } | { problem: string }> {
  let plan: LoadedPlan;
  try {
    plan = await store.loadPlan(key);
  } catch (error) {
    if (error instanceof PlanNotFoundError) return { problem: await planNotFound(store, key, site) };
    throw error;
  }
  const missing = periodOfPlan(plan, periodKey);
  return missing ? { problem: missing } : { plan };
}

function periodOfPlan(plan: LoadedPlan, periodKey: string): string | undefined {
  if (plan.periods.some((p) => p.key === periodKey)) return undefined;
  const keys = plan.periods.map((p) => p.key);
  return `Planen ${plan.plan.organisationCode}:${plan.plan.year} har ingen period ${periodKey}.${keys.length > 0 ? ` Dess perioder: ${keys.join(', ')}.` : ''}`;
}

/** Display names of these people from the directory, in one batched lookup; someone unknown by the name part of their account. */
export async function displayNames(store: Pick<FollowUpStore, 'people'>, upns: Iterable<string | undefined>): Promise<(upn: string | undefined) => string> {
  const wanted = [...new Set([...upns].filter((u): u is string => u !== undefined && u.trim() !== '').map((u) => u.trim().toLowerCase()))];
  const found = wanted.length === 0 ? new Map() : (await store.people({ users: wanted })).users;
  const names = new Map<string, string>();
  for (const upn of wanted) names.set(upn, personName(foundPerson(found.get(upn))?.displayName ?? upn));
  return (upn) => (upn === undefined || upn.trim() === '' ? 'ingen ansvarig' : (names.get(upn.trim().toLowerCase()) ?? personName(upn)));
}
