// Small rules of the tab: which period is open, deep links, and an item's state in Att göra.
import { openPeriod } from '../../src/tab/data/plan-choice';
import { parseSubPageId, subPageIdFor, teamsDeepLink } from '../../src/tab/host/deep-link';
import { workState } from '../../src/tab/views/todo-view';

describe('the open period', () => {
  const periods = [
    { key: '2025-interim', year: 2025, kind: 'interim' as const, deadline: '2025-08-20' },
    { key: '2025-annual', year: 2025, kind: 'annual' as const, deadline: '2026-01-31' },
  ];
  it('is the first whose deadline has not passed', () => {
    expect(openPeriod(periods, '2025-06-01')?.key).toBe('2025-interim');
    expect(openPeriod(periods, '2025-09-01')?.key).toBe('2025-annual');
  });
  it('is the latest unlocked one when every deadline has passed', () => {
    expect(openPeriod(periods, '2026-11-23')?.key).toBe('2025-annual');
    expect(openPeriod([{ ...periods[0]! }, { ...periods[1]!, locked: true }], '2026-11-23')?.key).toBe('2025-interim');
  });
});

describe('deep links', () => {
  it('round-trips one item through subPageId and stays short', () => {
    const target = { planKey: 'RS:2025', kind: 'action' as const, ref: 'r1-a1', periodKey: '2025-annual' };
    expect(subPageIdFor(target)).toBe('RS:2025/action/r1-a1/2025-annual');
    expect(parseSubPageId(subPageIdFor(target))).toEqual(target);
    expect(parseSubPageId('nonsense')).toBeUndefined();
    expect(teamsDeepLink('5b0f2f8e-6f43-4c1e-9a1d-2c7d3b8e4a10', 'malkoll-att-gora', target).length).toBeLessThan(1900);
  });
});

describe('state of an item in Att göra', () => {
  const item = { kind: 'indicator' as const, ref: 'g1-i1', itemId: '3', title: 'T' };
  const current = { subjectKind: 'indicator' as const, subjectRef: 'g1-i1', periodKey: '2025-annual', itemId: '9', eTag: '"2"', subjectItemId: '3' };
  it('is not reported, reported, or changed since the user last saw it', () => {
    expect(workState(item, undefined)).toBe('not-reported');
    expect(workState({ ...item, current }, undefined)).toBe('reported');
    expect(workState({ ...item, current }, '"2"')).toBe('reported');
    expect(workState({ ...item, current }, '"1"')).toBe('changed');
  });
});
