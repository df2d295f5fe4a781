// What a parent organisation's controller or manager sees of the organisations under it: per child,
// how many items its plan (and every plan under it) has reported and assessed in the period, and
// the reporting round's state counts rolled up the tree. Pure: the view renders it, the tests count
// the same numbers from the lists.
import type { ItemState, Organisation, OrganisationKind, RoundPlan, StateCounts } from '../../core';
import { ITEM_STATES, emptyCounts, planKey, roundItems, sameUpn } from '../../core';
import type { OrganisationTree } from '../../core/org-tree';
import { childrenOf } from '../../core/org-tree';

/** A plan as the counts read it: the round's plan with its organisation's code and its year. */
export type ProgressPlan = RoundPlan & { readonly organisation: Pick<Organisation, 'code' | 'name'> };

export interface ProgressCounts {
  /** Plans counted: the organisation's own (when it has one with the period) and those under it. */
  readonly plans: number;
  /** Målsättningar, styrtal, uppdrag and aktiviteter/åtgärder reported on in the period (what Att göra lists). */
  readonly items: number;
  /** Items with anything reported: every state but ej påbörjad. */
  readonly reported: number;
  /** Målsättningar, styrtal and uppdrag: the items that take an assessment. */
  readonly assessable: number;
  /** Of those, the ones assessed in the period. */
  readonly assessed: number;
  /** The reporting round: how many items are in each state. */
  readonly states: StateCounts;
}

export interface ChildProgress {
  readonly organisation: Organisation;
  /** `ORG:YEAR` of its own plan, when it has one this year. */
  readonly planKey?: string;
  /** Its own plan has the period (a plan without it is not counted). */
  readonly hasPeriod: boolean;
  /** Its own plan alone. */
  readonly own: ProgressCounts;
  /** Its own plan and every plan below it. */
  readonly rolledUp: ProgressCounts;
  /** The organisations directly under it, the same way. */
  readonly children: readonly ChildProgress[];
}

const ASSESSABLE = new Set(['goal', 'indicator', 'assignment']);

export function noProgress(): ProgressCounts {
  return { plans: 0, items: 0, reported: 0, assessable: 0, assessed: 0, states: emptyCounts() };
}

/** The counts of one plan in one period; none for a plan without the period. */
export function planProgress(plan: ProgressPlan, periodKey: string): ProgressCounts {
  if (!plan.periods.some((p) => p.key === periodKey)) return noProgress();
  const assessed = new Set(plan.entries.filter((e) => e.periodKey === periodKey && e.assessment !== undefined).map((e) => `${e.subjectKind}:${e.subjectRef}`));
  const items = roundItems(plan, periodKey);
  const states = emptyCounts();
  let reported = 0;
  let assessable = 0;
  let assessedCount = 0;
  for (const item of items) {
    states[item.state] += 1;
    states.total += 1;
    if (item.state !== 'not-started') reported += 1;
    if (ASSESSABLE.has(item.kind)) {
      assessable += 1;
      if (assessed.has(`${item.kind}:${item.ref}`)) assessedCount += 1;
    }
  }
  return { plans: 1, items: items.length, reported, assessable, assessed: assessedCount, states };
}

export function addProgress(a: ProgressCounts, b: ProgressCounts): ProgressCounts {
  const states = emptyCounts();
  for (const s of ITEM_STATES) states[s] = a.states[s] + b.states[s];
  states.total = a.states.total + b.states.total;
  return { plans: a.plans + b.plans, items: a.items + b.items, reported: a.reported + b.reported, assessable: a.assessable + b.assessable, assessed: a.assessed + b.assessed, states };
}

/**
 * Every organisation directly under `parentCode`, with its progress in `periodKey` and its own
 * children's, from the plans of one year (one per organisation).
 */
export function childrenProgress(tree: OrganisationTree, parentCode: string, plans: readonly ProgressPlan[], periodKey: string): ChildProgress[] {
  const planOf = new Map(plans.map((p) => [p.organisation.code.toLowerCase(), p]));
  const progressOf = (organisation: Organisation): ChildProgress => {
    const plan = planOf.get(organisation.code.toLowerCase());
    const own = plan ? planProgress(plan, periodKey) : noProgress();
    const children = childrenOf(tree, organisation.code).map(progressOf);
    const rolledUp = children.reduce((sum, c) => addProgress(sum, c.rolledUp), own);
    return {
      organisation,
      ...(plan ? { planKey: planKey(plan.plan.organisationCode, plan.plan.year) } : {}),
      hasPeriod: plan !== undefined && plan.periods.some((p) => p.key === periodKey),
      own,
      rolledUp,
      children,
    };
  };
  return childrenOf(tree, parentCode).map(progressOf);
}

/** The states in the order the round's tables show them. */
export const STATE_COLUMNS: readonly ItemState[] = ITEM_STATES;

/** Kinds that have organisations under them in a region's tree; staber and enheter are leaves. */
const PARENT_KINDS: ReadonlySet<OrganisationKind> = new Set(['region', 'board', 'administration']);

/** Whether the person leads the organisation: one of its controllers, or its manager. */
export function leads(upn: string, organisation: Pick<Organisation, 'controllerUpns' | 'managerUpn'>): boolean {
  return (organisation.controllerUpns ?? []).some((c) => sameUpn(c, upn)) || (organisation.managerUpn !== undefined && sameUpn(organisation.managerUpn, upn));
}

/**
 * Whether the children view is for this person and organisation: they lead it, and it has
 * organisations under it; or they are its controller and it is of a kind that has some (a nämnd's
 * controller adds its first förvaltning there).
 */
export function childrenViewFor(upn: string, organisation: Organisation, tree: OrganisationTree | undefined): boolean {
  if (!leads(upn, organisation)) return false;
  if (tree && childrenOf(tree, organisation.code).length > 0) return true;
  const controller = (organisation.controllerUpns ?? []).some((c) => sameUpn(c, upn));
  return controller && organisation.kind !== undefined && PARENT_KINDS.has(organisation.kind);
}
