import { suggestAssessment, suggestTrend } from '../../src/core';
import type { IndicatorRule } from '../../src/core';

const higher: IndicatorRule = { valueType: 'numeric', direction: 'increase', target: 90 };
const lower: IndicatorRule = { valueType: 'numeric', direction: 'decrease', target: 20 };

describe('suggested assessment for an indicator', () => {
  test.each([
    [95, 'achieved'],
    [90, 'achieved'],
    [89.9, 'partly'],
    [81, 'partly'], // short by exactly 10 % of 90
    [80.99, 'not-achieved'],
    [74, 'not-achieved'],
  ])('higher is better, target 90: %d → %s', (value, expected) => {
    expect(suggestAssessment(higher, { value })).toBe(expected);
  });

  test.each([
    [18, 'achieved'],
    [20, 'achieved'],
    [22, 'partly'], // over by exactly 10 % of 20
    [22.01, 'not-achieved'],
  ])('lower is better, target 20: %d → %s', (value, expected) => {
    expect(suggestAssessment(lower, { value })).toBe(expected);
  });

  test('the tolerance is configurable', () => {
    expect(suggestAssessment(higher, { value: 85.5 }, 0.05)).toBe('partly');
    expect(suggestAssessment(higher, { value: 85.4 }, 0.05)).toBe('not-achieved');
    expect(suggestAssessment(higher, { value: 89 }, 0)).toBe('not-achieved');
  });

  test('float noise at the tolerance edge does not tip the result', () => {
    expect(suggestAssessment({ valueType: 'numeric', direction: 'increase', target: 0.3 }, { value: 0.27 })).toBe('partly');
  });

  test('without a value or a numeric target nothing can be assessed', () => {
    expect(suggestAssessment(higher, {})).toBe('not-assessed');
    expect(suggestAssessment({ valueType: 'numeric', direction: 'increase' }, { value: 5 })).toBe('not-assessed');
  });

  test('no direction: any deviation counts against the target', () => {
    const none: IndicatorRule = { valueType: 'numeric', direction: 'none', target: 50 };
    expect(suggestAssessment(none, { value: 50 })).toBe('achieved');
    expect(suggestAssessment(none, { value: 54 })).toBe('partly');
    expect(suggestAssessment(none, { value: 44 })).toBe('not-achieved');
  });

  test.each([
    ['full', 'achieved'],
    ['partial', 'partly'],
    ['none', 'not-achieved'],
    ['missing', 'not-assessed'],
  ] as const)('qualitative level %s → %s', (level, expected) => {
    expect(suggestAssessment({ valueType: 'qualitative', direction: 'none' }, { level })).toBe(expected);
  });
});

describe('suggested trend against the comparison period', () => {
  test.each([
    ['increase', 78, 74, 'improved'],
    ['increase', 61, 62, 'worsened'],
    ['increase', 74, 74, 'unchanged'],
    ['decrease', 5.2, 5.8, 'improved'],
    ['decrease', 6, 5.8, 'worsened'],
  ] as const)('%s: %d against %d → %s', (direction, current, previous, expected) => {
    expect(suggestTrend({ valueType: 'numeric', direction }, { value: current }, { value: previous })).toBe(expected);
  });

  test('no suggestion without a previous value or without a direction', () => {
    expect(suggestTrend({ valueType: 'numeric', direction: 'increase' }, { value: 5 }, undefined)).toBeUndefined();
    expect(suggestTrend({ valueType: 'numeric', direction: 'increase' }, { value: 5 }, {})).toBeUndefined();
    expect(suggestTrend({ valueType: 'numeric', direction: 'none' }, { value: 5 }, { value: 4 })).toBeUndefined();
  });

  test('qualitative levels are ordered none < partial < full', () => {
    const q = { valueType: 'qualitative', direction: 'none' } as const;
    expect(suggestTrend(q, { level: 'full' }, { level: 'partial' })).toBe('improved');
    expect(suggestTrend(q, { level: 'none' }, { level: 'partial' })).toBe('worsened');
    expect(suggestTrend(q, { level: 'partial' }, { level: 'partial' })).toBe('unchanged');
    expect(suggestTrend(q, { level: 'missing' }, { level: 'partial' })).toBeUndefined();
  });
});
