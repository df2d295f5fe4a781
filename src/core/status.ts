// Suggested assessment and trend for an indicator. These are suggestions: the person reporting
// decides, and the editor notes when they differ.
import type { FollowUpEntry, Indicator } from './model';
import { betterDirection, targetOf, type Target, type TargetFields } from './targets';
import type { Assessment, Direction, Level, Trend } from './vocabularies';

/** Default tolerance: short of the target by at most 10 % of it still counts as "partly". */
export const DEFAULT_TOLERANCE = 0.1;

/** Float noise (0,1 × 90 ≠ 9 exactly in some cases) must not move a value across the tolerance edge. */
const EPSILON = 1e-9;

const LEVEL_TO_ASSESSMENT: Readonly<Record<Level, Assessment>> = {
  full: 'achieved',
  partial: 'partly',
  none: 'not-achieved',
  missing: 'not-assessed',
};

export interface Outcome {
  readonly value?: number;
  readonly level?: Level;
  /** The reference reported beside the value (a "riket + 1 %" target reads against it). */
  readonly reference?: number;
  /** Last year's outcome (a "ska öka jämfört med föregående år" target reads against it). */
  readonly previousYearValue?: number;
}

/**
 * The outcome an entry reports, with the comparison period's value (the same period last year) as
 * the value a previous-year target reads against.
 */
export function outcomeOf(entry: Pick<FollowUpEntry, 'value' | 'level' | 'reference'> | undefined, comparison?: Pick<FollowUpEntry, 'value'>): Outcome {
  return {
    ...(entry?.value !== undefined ? { value: entry.value } : {}),
    ...(entry?.level !== undefined ? { level: entry.level } : {}),
    ...(entry?.reference !== undefined ? { reference: entry.reference } : {}),
    ...(comparison?.value !== undefined ? { previousYearValue: comparison.value } : {}),
  };
}

export type IndicatorRule = Pick<Indicator, 'valueType' | 'direction' | 'target'> & Partial<Pick<TargetFields, 'targetKind' | 'targetMax' | 'targetOffset' | 'targetText'>>;

/**
 * The suggestion by the target's kind. A floor or ceiling (at least / at most, and a plan without
 * a kind) is met, or short by at most `tolerance` × |target| → partly; the strict, range, rank and
 * relative kinds are met or not. Without a value, or nothing to compare with, nothing is assessed.
 */
export function suggestAssessment(indicator: IndicatorRule, outcome: Outcome, tolerance = DEFAULT_TOLERANCE): Assessment {
  if (indicator.valueType === 'qualitative') {
    return outcome.level ? LEVEL_TO_ASSESSMENT[outcome.level] : 'not-assessed';
  }
  const { value } = outcome;
  if (value === undefined) return 'not-assessed';
  const typed = targetOf(indicator);
  if (typed) return assessTyped(typed, value, outcome, tolerance);
  const { target } = indicator;
  if (target === undefined) return 'not-assessed';
  return withTolerance(shortfallOf(value, target, indicator.direction), target, tolerance);
}

function assessTyped(target: Target, value: number, outcome: Outcome, tolerance: number): Assessment {
  const met = (ok: boolean): Assessment => (ok ? 'achieved' : 'not-achieved');
  const slack = (n: number) => EPSILON * Math.max(1, Math.abs(n));
  switch (target.kind) {
    case 'at-least':
      return withTolerance(target.value - value, target.value, tolerance);
    case 'at-most':
      return withTolerance(value - target.value, target.value, tolerance);
    case 'more-than':
      return met(value > target.value + slack(target.value));
    case 'less-than':
      return met(value < target.value - slack(target.value));
    case 'range':
      return met(value >= target.min - slack(target.min) && value <= target.max + slack(target.max));
    case 'rank':
      return met(value <= target.place);
    case 'previous-year': {
      const last = outcome.previousYearValue;
      if (last === undefined) return 'not-assessed';
      return met(target.better === 'increase' ? value > last + slack(last) : value < last - slack(last));
    }
    case 'reference': {
      // Until the reference is reported, the plan's printed figure (riket's last known + offset) stands in.
      const goal = outcome.reference !== undefined ? outcome.reference + target.offset : target.estimate;
      if (goal === undefined) return 'not-assessed';
      return met(value >= goal - slack(goal));
    }
  }
}

function withTolerance(shortfall: number, target: number, tolerance: number): Assessment {
  const allowed = tolerance * Math.abs(target);
  const slack = EPSILON * Math.max(1, Math.abs(target));
  if (shortfall <= slack) return 'achieved';
  if (shortfall <= allowed + slack) return 'partly';
  return 'not-achieved';
}

/** How far the value falls short of the target in the indicator's good direction (≤ 0: met). */
function shortfallOf(value: number, target: number, direction: Direction): number {
  switch (direction) {
    case 'increase':
      return target - value;
    case 'decrease':
      return value - target;
    case 'none':
      return Math.abs(value - target);
  }
}

const LEVEL_RANK: Readonly<Record<Exclude<Level, 'missing'>, number>> = { none: 0, partial: 1, full: 2 };

/**
 * This period's outcome against the comparison period's, in the indicator's good direction.
 * Returns undefined when either is missing or when a numeric indicator has no direction.
 */
export function suggestTrend(
  indicator: Pick<Indicator, 'valueType' | 'direction'> & Partial<Pick<TargetFields, 'target' | 'targetKind' | 'targetMax' | 'targetOffset' | 'targetText'>>,
  current: Outcome,
  previous: Outcome | undefined,
): Trend | undefined {
  if (!previous) return undefined;
  let delta: number;
  if (indicator.valueType === 'qualitative') {
    if (!current.level || !previous.level || current.level === 'missing' || previous.level === 'missing') return undefined;
    delta = LEVEL_RANK[current.level] - LEVEL_RANK[previous.level];
  } else {
    if (current.value === undefined || previous.value === undefined) return undefined;
    const raw = current.value - previous.value;
    if (Math.abs(raw) <= EPSILON * Math.max(1, Math.abs(previous.value))) return 'unchanged';
    const typed = targetOf(indicator);
    if (typed?.kind === 'range') {
      delta = distanceFrom(typed, previous.value) - distanceFrom(typed, current.value);
      if (delta === 0) return 'unchanged';
      return delta > 0 ? 'improved' : 'worsened';
    }
    const direction = betterDirection(typed, indicator.direction);
    if (direction === 'none') return undefined;
    delta = direction === 'decrease' ? -raw : raw;
  }
  if (delta === 0) return 'unchanged';
  return delta > 0 ? 'improved' : 'worsened';
}

/** How far outside the range a value lies (0 inside): a range's trend is its approach to the range. */
function distanceFrom(range: Extract<Target, { kind: 'range' }>, value: number): number {
  if (value < range.min) return range.min - value;
  if (value > range.max) return value - range.max;
  return 0;
}
