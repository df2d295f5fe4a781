// Which plans a tree report takes (pure): a parent's children of the same year, and the plan of
// regionfullmäktige a nämnd's plan reports to. The command line loads the plans; this chooses.
import type { Organisation, Plan, PlanThingRef } from '../core';
import { planKey } from '../core';

interface TreePlan {
  readonly organisation: Organisation;
  readonly plan: Plan;
  readonly goals: ReadonlyArray<{ readonly givenBy?: PlanThingRef }>;
  readonly indicators: ReadonlyArray<{ readonly givenBy?: PlanThingRef }>;
  readonly assignments: ReadonlyArray<{ readonly givenBy?: PlanThingRef }>;
}

const keyOf = (p: TreePlan) => planKey(p.organisation.code, p.plan.year);

/** The plans of the same year whose organisation lies directly under the parent's, by organisation name. */
export function childPlansOf<P extends TreePlan>(parent: TreePlan, plans: readonly P[]): P[] {
  const code = parent.organisation.code.toLowerCase();
  return plans
    .filter((p) => p.plan.year === parent.plan.year && p.organisation.parentCode?.toLowerCase() === code)
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'sv'));
}

/**
 * Regionfullmäktige's plan for `plan`: the plan itself when its organisation is the region; else
 * the plan of the year its goals, styrtal and uppdrag are given by most often; else the plan of
 * the same year of the region above it in the tree (`organisations`: the tree, by default the
 * plans' own). Undefined when none is found.
 */
export function regionPlanFor<P extends TreePlan>(plan: TreePlan, plans: readonly P[], tree: readonly Organisation[] = plans.map((p) => p.organisation)): P | undefined {
  const byKey = new Map(plans.map((p) => [keyOf(p).toLowerCase(), p]));
  const own = byKey.get(keyOf(plan).toLowerCase());
  if (own && plan.organisation.kind === 'region') return own;
  const named = new Map<string, number>();
  for (const thing of [...plan.goals, ...plan.indicators, ...plan.assignments]) {
    const key = thing.givenBy?.plan.toLowerCase();
    if (key !== undefined && byKey.has(key)) named.set(key, (named.get(key) ?? 0) + 1);
  }
  const mostNamed = [...named].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (mostNamed !== undefined) return byKey.get(mostNamed);
  const organisations = new Map(tree.map((o) => [o.code.toLowerCase(), o]));
  const seen = new Set<string>();
  for (let code = plan.organisation.parentCode; code !== undefined && !seen.has(code.toLowerCase()); code = organisations.get(code.toLowerCase())?.parentCode) {
    seen.add(code.toLowerCase());
    const org = organisations.get(code.toLowerCase());
    if (org?.kind === 'region') return byKey.get(planKey(org.code, plan.plan.year).toLowerCase());
  }
  return undefined;
}

/** Every plan of the region plan's year but the region's own: the nämnder that may have a part of it. */
export function boardPlansFor<P extends TreePlan>(region: TreePlan, plans: readonly P[]): P[] {
  const regionKey = keyOf(region).toLowerCase();
  return plans.filter((p) => p.plan.year === region.plan.year && keyOf(p).toLowerCase() !== regionKey);
}
