// "Uppföljningsläge", the controller's overview of a reporting round: for one plan and period,
// every item that is reported on (målsättningar, styrtal, uppdrag, åtgärder — what Att göra lists)
// with its state, and the counts per state, per owner and per goal. Pure: the tab, the command
// line, the Excel sheet and the reminders read the same numbers.
import type { Action, Assignment, FollowUpEntry, Goal, Indicator, Organisation, Period, Plan } from './model';
import { periodLabel } from './periods';
import { isFinished, itemStateOf } from './round';
import type { ItemState, SubjectKind } from './vocabularies';
import { ITEM_STATE, ITEM_STATES } from './vocabularies';

/** What the overview reads of a plan: a store `LoadedPlan` and a document's model both fit. */
export interface RoundPlan {
  readonly organisation: Pick<Organisation, 'code' | 'name'>;
  readonly plan: Pick<Plan, 'organisationCode' | 'year' | 'title'>;
  readonly periods: readonly Period[];
  readonly goals: readonly Goal[];
  readonly indicators: readonly Indicator[];
  readonly assignments: readonly Assignment[];
  readonly actions: readonly Action[];
  readonly entries: readonly FollowUpEntry[];
}

export interface RoundItem {
  readonly kind: SubjectKind;
  readonly ref: string;
  readonly title: string;
  /** The goal's number ("1.2") for a goal; its goal's for the rest. */
  readonly number?: string;
  readonly ownerUpn?: string;
  /** The goal it is reported under; absent for an åtgärd of the internal-control plan. */
  readonly goalRef?: string;
  readonly state: ItemState;
  readonly stateByUpn?: string;
  readonly stateAt?: string;
  readonly returnComment?: string;
}

/** How many items are in each state, and in all. */
export type StateCounts = Readonly<Record<ItemState, number>> & { readonly total: number };

export interface OwnerCounts {
  /** Absent: items nobody owns. */
  readonly ownerUpn?: string;
  readonly counts: StateCounts;
}

export interface GoalCounts {
  /** Absent: the internal-control plan's åtgärder, under no goal. */
  readonly goalRef?: string;
  readonly title: string;
  readonly number?: string;
  readonly counts: StateCounts;
}

export interface RoundOverview {
  /** `ORG:YEAR`. */
  readonly planKey: string;
  readonly planTitle: string;
  readonly organisationName: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly deadline?: string;
  readonly locked: boolean;
  readonly lockedByUpn?: string;
  readonly lockedAt?: string;
  /** In the plan's reading order: each goal, its styrtal and uppdrag and aktiviteter; then the åtgärder of the internal-control plan. */
  readonly items: readonly RoundItem[];
  readonly counts: StateCounts;
  /** People by UPN (lower case), in order of who has the most left to do. */
  readonly byOwner: readonly OwnerCounts[];
  /** In the plan's order; the internal-control plan last. */
  readonly byGoal: readonly GoalCounts[];
}

export type RoundFilter = 'all' | 'not-finished';

export function emptyCounts(): Record<ItemState, number> & { total: number } {
  return { 'not-started': 0, draft: 0, done: 0, approved: 0, returned: 0, total: 0 };
}

/** The counts of a set of items. */
export function countStates(items: Iterable<Pick<RoundItem, 'state'>>): StateCounts {
  const counts = emptyCounts();
  for (const item of items) {
    counts[item.state] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Items not yet klar: ej påbörjad, utkast, återremitterad. */
export function unfinishedCount(counts: StateCounts): number {
  return ITEM_STATES.filter((s) => !isFinished(s)).reduce((n, s) => n + counts[s], 0);
}

const entryKey = (kind: SubjectKind, ref: string) => `${kind}:${ref}`;

function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * An archived thing (removed from the plan after it was reported on) is in a period's round only
 * where it has an entry for that period.
 */
function inRound(thing: object, entry: FollowUpEntry | undefined): boolean {
  return (thing as { readonly archived?: boolean }).archived !== true || entry !== undefined;
}

/** Every item of the plan reported on in the period, with its state, in the plan's reading order. */
export function roundItems(plan: RoundPlan, periodKey: string): RoundItem[] {
  const entries = new Map<string, FollowUpEntry>();
  for (const e of plan.entries) if (e.periodKey === periodKey) entries.set(entryKey(e.subjectKind, e.subjectRef), e);
  const goalNumber = new Map(plan.goals.map((g) => [g.ref, g.number]));
  const item = (kind: SubjectKind, thing: { ref: string; title: string; ownerUpn?: string }, goalRef: string | undefined): RoundItem | undefined => {
    const entry = entries.get(entryKey(kind, thing.ref));
    if (!inRound(thing, entry)) return undefined;
    const number = goalRef === undefined ? undefined : goalNumber.get(goalRef);
    return {
      kind,
      ref: thing.ref,
      title: thing.title,
      ...(number !== undefined ? { number } : {}),
      ...(thing.ownerUpn ? { ownerUpn: thing.ownerUpn.trim().toLowerCase() } : {}),
      ...(goalRef !== undefined ? { goalRef } : {}),
      state: itemStateOf(entry),
      ...(entry?.stateByUpn ? { stateByUpn: entry.stateByUpn } : {}),
      ...(entry?.stateAt ? { stateAt: entry.stateAt } : {}),
      ...(entry?.returnComment ? { returnComment: entry.returnComment } : {}),
    };
  };
  const underGoal = <T extends { goalRef?: string | undefined }>(things: readonly T[]) => {
    const byGoal = groupBy(things, (t) => t.goalRef);
    return (goalRef: string) => byGoal.get(goalRef) ?? [];
  };
  const indicatorsOf = underGoal(plan.indicators);
  const assignmentsOf = underGoal(plan.assignments);
  const activitiesOf = underGoal(plan.actions.filter((a) => a.riskRef === undefined));
  const goalRefs = new Set(plan.goals.map((g) => g.ref));
  const items: Array<RoundItem | undefined> = [];
  for (const goal of plan.goals) {
    items.push(item('goal', goal, goal.ref));
    for (const i of indicatorsOf(goal.ref)) items.push(item('indicator', i, goal.ref));
    for (const a of assignmentsOf(goal.ref)) items.push(item('assignment', a, goal.ref));
    for (const a of activitiesOf(goal.ref)) items.push(item('action', a, goal.ref));
  }
  // What hangs under no goal of the plan: uppdrag without a goal, the internal-control plan's åtgärder.
  for (const i of plan.indicators) if (!goalRefs.has(i.goalRef)) items.push(item('indicator', i, undefined));
  for (const a of plan.assignments) if (a.goalRef === undefined || !goalRefs.has(a.goalRef)) items.push(item('assignment', a, undefined));
  for (const a of plan.actions) if (a.riskRef !== undefined || a.goalRef === undefined || !goalRefs.has(a.goalRef)) items.push(item('action', a, undefined));
  return items.filter((i): i is RoundItem => i !== undefined);
}

const KIND_LABEL: Readonly<Record<SubjectKind, string>> = { goal: 'Mål', indicator: 'Styrtal', assignment: 'Uppdrag', action: 'Åtgärd' };

/** "Styrtal ”Väntetid” (utkast)": an item as a refusal or a list names it. */
export function roundItemName(item: Pick<RoundItem, 'kind' | 'title' | 'number' | 'state'>): string {
  const title = item.number && item.kind === 'goal' ? `${item.number} ${item.title}` : item.title;
  return `${KIND_LABEL[item.kind]} ”${title}” (${ITEM_STATE[item.state].sv.toLowerCase()})`;
}

function goalHeading(goal: Goal): string {
  return goal.number ? `${goal.number} ${goal.title}` : goal.title;
}

/** The overview of one plan and period; `filter: 'not-finished'` keeps only what is not yet klar. */
export function roundOverview(plan: RoundPlan, periodKey: string, filter: RoundFilter = 'all'): RoundOverview {
  const all = roundItems(plan, periodKey);
  const items = filter === 'not-finished' ? all.filter((i) => !isFinished(i.state)) : all;
  const period = plan.periods.find((p) => p.key === periodKey);

  const byOwner = [...groupBy(items, (i) => i.ownerUpn).entries()]
    .map(([ownerUpn, own]): OwnerCounts => ({ ...(ownerUpn !== undefined ? { ownerUpn } : {}), counts: countStates(own) }))
    .sort((a, b) => unfinishedCount(b.counts) - unfinishedCount(a.counts) || b.counts.total - a.counts.total || (a.ownerUpn ?? '~').localeCompare(b.ownerUpn ?? '~', 'sv'));

  const goals = groupBy(items, (i) => i.goalRef);
  const byGoal: GoalCounts[] = [];
  for (const goal of plan.goals) {
    const under = goals.get(goal.ref);
    if (under) byGoal.push({ goalRef: goal.ref, title: goalHeading(goal), ...(goal.number ? { number: goal.number } : {}), counts: countStates(under) });
  }
  const loose = goals.get(undefined);
  if (loose) byGoal.push({ title: 'Utan mål (internkontroll m.m.)', counts: countStates(loose) });

  return {
    planKey: `${plan.plan.organisationCode}:${plan.plan.year}`,
    planTitle: plan.plan.title,
    organisationName: plan.organisation.name,
    periodKey,
    periodLabel: periodLabel(periodKey),
    ...(period?.deadline ? { deadline: period.deadline } : {}),
    locked: period?.locked === true,
    ...(period?.lockedByUpn ? { lockedByUpn: period.lockedByUpn } : {}),
    ...(period?.lockedAt ? { lockedAt: period.lockedAt } : {}),
    items,
    counts: countStates(items),
    byOwner,
    byGoal,
  };
}
