// Regionstyrelsen's uppsiktsplikt: per regionfullmäktige målsättning, styrtal and uppdrag, every
// nämnd's part side by side (found by `givenBy`, the stable identity, never by title), and the
// region's counts. Pure: the caller gives regionfullmäktige's plan and the nämnders'.
import type { Assignment, FollowUpEntry, Goal, Indicator, Organisation, PlanThingRef } from './model';
import { planKey } from './follow-up-rules';
import type { ChildSuggestion, PlanWithFollowUps, RollUpResult } from './roll-up';
import { indicatorRollUp, suggestFromChildren } from './roll-up';
import type { Assessment } from './vocabularies';
import { ASSESSMENTS } from './vocabularies';

/** A plan as the region view reads it: with its uppdrag (a store LoadedPlan fits). */
export interface RegionPlanInput extends PlanWithFollowUps {
  readonly assignments: readonly Assignment[];
}

/** One nämnd's part of a regionfullmäktige thing: its own goal, styrtal or uppdrag and its entry in the period. */
export interface RegionPart<T> {
  readonly organisation: Organisation;
  readonly planKey: string;
  readonly thing: T;
  readonly entry?: FollowUpEntry;
}

export interface RegionIndicatorView {
  readonly indicator: Indicator;
  readonly parts: ReadonlyArray<RegionPart<Indicator>>;
  /** The nämnders' outcomes rolled up by the styrtal's method; absent when it names none. */
  readonly rollUp?: RollUpResult;
}

export interface RegionAssignmentView {
  readonly assignment: Assignment;
  readonly parts: ReadonlyArray<RegionPart<Assignment>>;
}

export interface RegionGoalView {
  readonly goal: Goal;
  readonly parts: ReadonlyArray<RegionPart<Goal>>;
  /** From the nämnders' assessments, by the stated rule (core/roll-up.ts); absent when no nämnd has the goal. */
  readonly suggestion?: ChildSuggestion;
  readonly indicators: readonly RegionIndicatorView[];
  readonly assignments: readonly RegionAssignmentView[];
}

/** A row of the region's counts: one nämnd's, or every nämnd's (`organisation` absent). */
export interface RegionCountRow {
  readonly subject: 'goal' | 'assignment';
  readonly organisation?: Organisation;
  /** How many regionfullmäktige goals (uppdrag) the nämnd was given; for every nämnd, the parts in all. */
  readonly total: number;
  readonly counts: Readonly<Record<Assessment, number>>;
}

export interface RegionView {
  readonly planKey: string;
  readonly periodKey: string;
  readonly goals: readonly RegionGoalView[];
  /** Regionfullmäktige's uppdrag that sit under no goal. */
  readonly assignments: readonly RegionAssignmentView[];
  /** The nämnder with a part of anything, in the order given. */
  readonly boards: readonly Organisation[];
  /** Per subject (målsättningar, then uppdrag): a row per nämnd, then the row of every nämnd. */
  readonly counts: readonly RegionCountRow[];
}

function given(thing: { readonly givenBy?: PlanThingRef; readonly archived?: boolean }, plan: string, ref: string): boolean {
  return thing.archived !== true && thing.givenBy !== undefined && thing.givenBy.plan.toLowerCase() === plan.toLowerCase() && thing.givenBy.ref === ref;
}

function emptyCounts(): Record<Assessment, number> {
  return Object.fromEntries(ASSESSMENTS.map((a) => [a, 0])) as Record<Assessment, number>;
}

/**
 * The region's view of one period. A nämnd's part is its goal (styrtal, uppdrag) whose `givenBy`
 * names regionfullmäktige's plan and the thing's ref; an unreported part counts as *Kan ej bedömas*,
 * as in each plan's own Sammanfattning.
 */
export function regionView(region: RegionPlanInput, boards: readonly RegionPlanInput[], periodKey: string): RegionView {
  const regionKey = planKey(region.organisation.code, region.plan.year);
  const others = boards.filter((b) => planKey(b.organisation.code, b.plan.year).toLowerCase() !== regionKey.toLowerCase());
  const partsOf = <T extends { readonly ref: string; readonly givenBy?: PlanThingRef; readonly archived?: boolean }>(
    ref: string,
    kind: FollowUpEntry['subjectKind'],
    thingsOf: (b: RegionPlanInput) => readonly T[],
  ): Array<RegionPart<T>> =>
    others.flatMap((board) =>
      thingsOf(board)
        .filter((t) => given(t, regionKey, ref))
        .map((thing): RegionPart<T> => {
          const entry = board.entries.find((e) => e.subjectKind === kind && e.subjectRef === thing.ref && e.periodKey === periodKey);
          return { organisation: board.organisation, planKey: planKey(board.organisation.code, board.plan.year), thing, ...(entry ? { entry } : {}) };
        }),
    );
  const assignmentView = (assignment: Assignment): RegionAssignmentView => ({ assignment, parts: partsOf(assignment.ref, 'assignment', (b) => b.assignments) });
  const live = <T extends { readonly archived?: boolean }>(things: readonly T[]) => things.filter((t) => t.archived !== true);

  const goals = live(region.goals).map((goal): RegionGoalView => {
    const parts = partsOf(goal.ref, 'goal', (b) => b.goals);
    const indicators = live(region.indicators)
      .filter((i) => i.goalRef === goal.ref)
      .map((indicator): RegionIndicatorView => {
        const rollUp = indicatorRollUp(region, indicator, others, periodKey);
        return { indicator, parts: partsOf(indicator.ref, 'indicator', (b) => b.indicators), ...(rollUp ? { rollUp } : {}) };
      });
    return {
      goal,
      parts,
      ...(parts.length > 0 ? { suggestion: suggestFromChildren(parts.map((p) => p.entry?.assessment)) } : {}),
      indicators,
      assignments: live(region.assignments).filter((a) => a.goalRef === goal.ref).map(assignmentView),
    };
  });
  const loose = live(region.assignments).filter((a) => a.goalRef === undefined || !region.goals.some((g) => g.ref === a.goalRef)).map(assignmentView);

  const withPart = new Set<string>();
  const allParts = [...goals.flatMap((g) => [...g.parts, ...g.indicators.flatMap((i) => i.parts), ...g.assignments.flatMap((a) => a.parts)]), ...loose.flatMap((a) => a.parts)];
  allParts.forEach((p) => withPart.add(p.planKey));
  const boardsWithPart = others.filter((b) => withPart.has(planKey(b.organisation.code, b.plan.year))).map((b) => b.organisation);

  const goalParts = goals.flatMap((g) => g.parts);
  const assignmentParts = [...goals.flatMap((g) => g.assignments), ...loose].flatMap((a) => a.parts);
  return {
    planKey: regionKey,
    periodKey,
    goals,
    assignments: loose,
    boards: boardsWithPart,
    counts: [...countRows('goal', goalParts, boardsWithPart), ...countRows('assignment', assignmentParts, boardsWithPart)],
  };
}

function countRows(subject: RegionCountRow['subject'], parts: ReadonlyArray<RegionPart<unknown>>, boards: readonly Organisation[]): RegionCountRow[] {
  if (parts.length === 0) return [];
  const count = (of: ReadonlyArray<RegionPart<unknown>>) => {
    const counts = emptyCounts();
    of.forEach((p) => (counts[p.entry?.assessment ?? 'not-assessed'] += 1));
    return counts;
  };
  const rows = boards.flatMap((organisation): RegionCountRow[] => {
    const own = parts.filter((p) => p.organisation.code === organisation.code);
    return own.length === 0 ? [] : [{ subject, organisation, total: own.length, counts: count(own) }];
  });
  return [...rows, { subject, total: parts.length, counts: count(parts) }];
}
