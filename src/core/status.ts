// Suggested assessment and trend for an indicator. These are suggestions: the person reporting
// decides, and the editor notes when they differ.
import type { Indicator } from './model';
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
}

export type IndicatorRule = Pick<Indicator, 'valueType' | 'direction' | 'target'>;

/**
 * Met → achieved; short by at most `tolerance` × |target| → partly; otherwise not-achieved.
 * Without a value, or without a numeric target to compare with, nothing can be assessed.
 */
export function suggestAssessment(indicator: IndicatorRule, outcome: Outcome, tolerance = DEFAULT_TOLERANCE): Assessment {
  if (indicator.valueType === 'qualitative') {
    return outcome.level ? LEVEL_TO_ASSESSMENT[outcome.level] : 'not-assessed';
  }
  const { value } = outcome;
  const { target } = indicator;
  if (value === undefined || target === undefined) return 'not-assessed';
  const shortfall = shortfallOf(value, target, indicator.direction);
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
  indicator: Pick<Indicator, 'valueType' | 'direction'>,
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
    if (indicator.direction === 'none') return undefined;
    delta = indicator.direction === 'decrease' ? -raw : raw;
  }
  if (delta === 0) return 'unchanged';
  return delta > 0 ? 'improved' : 'worsened';
}
