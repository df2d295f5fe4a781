// What a parent sees of its children (src/core/org-tree.ts): per goal, the child plans' assessments
// with a suggestion by a stated rule, and a numeric styrtal rolled up by the method it names.
// Pure: the caller gives the plans and entries (the store loads them, the report prints them).
import type { FollowUpEntry, Goal, Indicator, Organisation, Plan, PlanThingRef, RollUp } from './model';
import { planKey } from './follow-up-rules';
import type { Assessment } from './vocabularies';
import { ASSESSMENTS } from './vocabularies';

// The rule for assessments -------------------------------------------------------------------

/** The rule as the tab and the report state it beside the suggestion. */
export const CHILD_SUGGESTION_RULE = {
  short: { sv: 'den vanligaste; vid lika den sämre', en: 'the most common; ties to the worse' },
  full: {
    sv: 'Förslaget är den vanligaste bedömningen bland de underliggande planerna; vid lika antal den sämre. Bedömningar som saknas eller är "Kan ej bedömas" räknas inte.',
    en: 'The suggestion is the most common assessment among the plans below; at a tie, the worse one. Missing assessments and "cannot be assessed" are not counted.',
  },
} as const;

/** Worst first: a tie goes to the earlier. */
const WORSE_FIRST: readonly Assessment[] = ['not-achieved', 'partly', 'achieved'];

export interface ChildSuggestion {
  /** The suggestion; `not-assessed` when no child gave an assessment that counts. */
  readonly suggestion: Assessment;
  readonly counts: Readonly<Record<Assessment, number>>;
  /** How many children had nothing reported. */
  readonly missing: number;
}

/** The most common of the assessments; at a tie the worse; unreported and not-assessed are not counted. */
export function suggestFromChildren(assessments: ReadonlyArray<Assessment | undefined>): ChildSuggestion {
  const counts = Object.fromEntries(ASSESSMENTS.map((a) => [a, 0])) as Record<Assessment, number>;
  let missing = 0;
  for (const a of assessments) {
    if (a === undefined) missing += 1;
    else counts[a] += 1;
  }
  let suggestion: Assessment = 'not-assessed';
  let most = 0;
  for (const a of WORSE_FIRST) {
    if (counts[a] > most) {
      suggestion = a;
      most = counts[a];
    }
  }
  return { suggestion, counts, missing };
}

// Child plans and the parent's goals ------------------------------------------------------------

/** A plan with its entries, as the roll-up reads it (a store LoadedPlan fits). */
export interface PlanWithFollowUps {
  readonly organisation: Organisation;
  readonly plan: Plan;
  readonly goals: readonly Goal[];
  readonly indicators: readonly Indicator[];
  readonly entries: readonly FollowUpEntry[];
}

function keyOf(p: PlanWithFollowUps): string {
  return planKey(p.organisation.code, p.plan.year);
}

function sameRef(a: PlanThingRef | undefined, plan: string, ref: string): boolean {
  return a !== undefined && a.plan.toLowerCase() === plan.toLowerCase() && a.ref === ref;
}

/**
 * Whether the child's goal reports on the parent's goal: it contributes to it (the child's
 * organisation lies directly under the parent's, same year), or it is that goal given to the child.
 */
export function goalReportsTo(child: PlanWithFollowUps, goal: Goal, parent: PlanWithFollowUps, parentGoalRef: string): boolean {
  if (sameRef(goal.givenBy, keyOf(parent), parentGoalRef)) return true;
  const underParent = child.organisation.parentCode?.toLowerCase() === parent.organisation.code.toLowerCase() && child.plan.year === parent.plan.year;
  return underParent && goal.contributesTo?.ref === parentGoalRef;
}

export interface ChildGoalPart {
  readonly organisation: Organisation;
  readonly planKey: string;
  readonly goal: Goal;
  readonly assessment?: Assessment;
  readonly comment?: string;
}

export interface ParentGoalView {
  readonly goal: Goal;
  /** Each child goal that reports on it, in the children's order. */
  readonly parts: readonly ChildGoalPart[];
  /** Absent when no child goal reports on it. */
  readonly suggestion?: ChildSuggestion;
}

function entryOf(entries: readonly FollowUpEntry[], kind: FollowUpEntry['subjectKind'], ref: string, periodKey: string): FollowUpEntry | undefined {
  return entries.find((e) => e.subjectKind === kind && e.subjectRef === ref && e.periodKey === periodKey);
}

/** Per goal of the parent's plan, what its children's goals report in the period, and the suggestion. */
export function parentGoalViews(parent: PlanWithFollowUps, children: readonly PlanWithFollowUps[], periodKey: string): ParentGoalView[] {
  return parent.goals
    .filter((g) => g.archived !== true)
    .map((goal) => {
      const parts = children.flatMap((child) =>
        child.goals
          .filter((g) => g.archived !== true && goalReportsTo(child, g, parent, goal.ref))
          .map((g): ChildGoalPart => {
            const entry = entryOf(child.entries, 'goal', g.ref, periodKey);
            return {
              organisation: child.organisation,
              planKey: keyOf(child),
              goal: g,
              ...(entry?.assessment !== undefined ? { assessment: entry.assessment } : {}),
              ...(entry?.comment !== undefined ? { comment: entry.comment } : {}),
            };
          }),
      );
      return parts.length === 0 ? { goal, parts } : { goal, parts, suggestion: suggestFromChildren(parts.map((p) => p.assessment)) };
    });
}

// Numbers ------------------------------------------------------------------------------------

/** One child's figure for a rolled-up styrtal, and its weight where the method weighs. */
export interface RollUpPart {
  readonly code: string;
  readonly value?: number;
  readonly weight?: number;
}

export type RollUpResult =
  | {
      readonly status: 'rolled-up';
      readonly value: number;
      readonly method: Exclude<RollUp['method'], 'none'>;
      /** The children whose figures went into it. */
      readonly used: readonly string[];
      /** Children left out: no outcome, or (weighted) no weight. */
      readonly leftOut: readonly string[];
    }
  | { readonly status: 'not-rolled-up' | 'nothing-to-roll-up'; readonly reason: string };

/**
 * The children's figures by the method: `sum` adds the outcomes; `average` is their plain mean;
 * `weighted` is Σ(outcome × weight) / Σ weight, a child without a weight left out; `none` rolls
 * nothing up. Children without an outcome are left out of every method (and named).
 */
export function rollUpNumbers(rollUp: RollUp, parts: readonly RollUpPart[]): RollUpResult {
  if (rollUp.method === 'none') return { status: 'not-rolled-up', reason: 'Styrtalet summeras inte från underliggande planer.' };
  const weighted = rollUp.method === 'weighted';
  const counted = parts.filter((p) => p.value !== undefined && (!weighted || p.weight !== undefined));
  const leftOut = parts.filter((p) => !counted.includes(p)).map((p) => p.code);
  if (counted.length === 0) {
    return { status: 'nothing-to-roll-up', reason: weighted ? 'Inga underliggande planer har både utfall och vikt för perioden.' : 'Inga underliggande planer har utfall för perioden.' };
  }
  const values = counted.map((p) => p.value ?? 0);
  const sum = values.reduce((a, b) => a + b, 0);
  let value: number;
  if (rollUp.method === 'sum') value = sum;
  else if (rollUp.method === 'average') value = sum / counted.length;
  else {
    const totalWeight = counted.reduce((a, p) => a + (p.weight ?? 0), 0);
    if (totalWeight === 0) return { status: 'nothing-to-roll-up', reason: 'Vikterna är tillsammans 0; ett vägt medelvärde går inte att räkna.' };
    value = counted.reduce((a, p) => a + (p.value ?? 0) * (p.weight ?? 0), 0) / totalWeight;
  }
  return { status: 'rolled-up', value, method: rollUp.method, used: counted.map((p) => p.code), leftOut };
}

/**
 * The parent's styrtal rolled up from its children in the period: each child's part is its styrtal
 * given by this one (`givenBy` naming the parent's plan and the styrtal's ref), its weight the
 * child's styrtal given by `weightedBy`. Undefined when the styrtal says nothing of a roll-up.
 */
export function indicatorRollUp(parent: PlanWithFollowUps, indicator: Indicator, children: readonly PlanWithFollowUps[], periodKey: string): RollUpResult | undefined {
  const rollUp = indicator.rollUp;
  if (rollUp === undefined) return undefined;
  const parentKey = keyOf(parent);
  const valueOf = (child: PlanWithFollowUps, ref: string): number | undefined => {
    const own = child.indicators.find((i) => i.archived !== true && sameRef(i.givenBy, parentKey, ref));
    return own ? entryOf(child.entries, 'indicator', own.ref, periodKey)?.value : undefined;
  };
  const parts = children
    .filter((child) => child.indicators.some((i) => sameRef(i.givenBy, parentKey, indicator.ref)))
    .map((child): RollUpPart => {
      const value = valueOf(child, indicator.ref);
      const weight = rollUp.method === 'weighted' ? valueOf(child, rollUp.weightedBy) : undefined;
      return { code: child.organisation.code, ...(value !== undefined ? { value } : {}), ...(weight !== undefined ? { weight } : {}) };
    });
  return rollUpNumbers(rollUp, parts);
}

// The lists' text --------------------------------------------------------------------------------

/** The Styrtal column RollUp: `sum`, `average`, `none` or `weighted:<ref>`. */
export function rollUpText(rollUp: RollUp): string {
  return rollUp.method === 'weighted' ? `weighted:${rollUp.weightedBy}` : rollUp.method;
}

/** The column's text as a roll-up; undefined for empty or unreadable text. */
export function parseRollUp(text: string | undefined): RollUp | undefined {
  const value = text?.trim() ?? '';
  if (value === 'sum' || value === 'average' || value === 'none') return { method: value };
  const weighted = /^weighted:(.+)$/.exec(value);
  return weighted?.[1] ? { method: 'weighted', weightedBy: weighted[1].trim() } : undefined;
}
