// The parent's view of its children: the suggestion by the stated rule (ties to the worse), and
// each numeric roll-up method on hand-computed figures.
import { CHILD_SUGGESTION_RULE, indicatorRollUp, parentGoalViews, parseRollUp, rollUpNumbers, rollUpText, suggestFromChildren } from '../../src/core';
import type { Assessment, FollowUpEntry, Goal, Indicator, Organisation, PlanWithFollowUps, RollUp } from '../../src/core';

describe('suggestFromChildren: "den vanligaste; vid lika den sämre"', () => {
  const suggest = (...a: Array<Assessment | undefined>) => suggestFromChildren(a).suggestion;

  it('states its rule in Swedish', () => {
    expect(CHILD_SUGGESTION_RULE.short.sv).toBe('den vanligaste; vid lika den sämre');
  });

  it('takes the most common assessment, even when a worse one is among them', () => {
    expect(suggest('achieved', 'achieved', 'not-achieved')).toBe('achieved');
    expect(suggest('partly', 'partly', 'achieved', 'not-achieved')).toBe('partly');
  });

  it('takes the worse at a tie', () => {
    expect(suggest('achieved', 'partly')).toBe('partly');
    expect(suggest('partly', 'not-achieved')).toBe('not-achieved');
    expect(suggest('achieved', 'not-achieved')).toBe('not-achieved');
    expect(suggest('achieved', 'partly', 'not-achieved')).toBe('not-achieved');
    expect(suggest('achieved', 'achieved', 'partly', 'partly', 'not-achieved')).toBe('partly');
  });

  it('does not count what is missing or cannot be assessed', () => {
    const result = suggestFromChildren(['not-assessed', 'not-assessed', 'achieved', undefined, undefined]);
    expect(result.suggestion).toBe('achieved');
    expect(result.counts).toEqual({ achieved: 1, partly: 0, 'not-achieved': 0, 'not-assessed': 2 });
    expect(result.missing).toBe(2);
    expect(suggest(undefined, 'not-assessed')).toBe('not-assessed');
    expect(suggest()).toBe('not-assessed');
  });
});

describe('rollUpNumbers', () => {
  const parts = [
    { code: 'A', value: 3.2, weight: 100 },
    { code: 'B', value: 6.5, weight: 300 },
    { code: 'C', value: 5, weight: 100 },
  ];
  const value = (rollUp: RollUp, p = parts) => {
    const r = rollUpNumbers(rollUp, p);
    return r.status === 'rolled-up' ? r.value : r.status;
  };

  it('sums: 3,2 + 6,5 + 5 = 14,7', () => {
    expect(value({ method: 'sum' })).toBeCloseTo(14.7, 10);
  });

  it('averages plainly: (3,2 + 6,5 + 5) / 3 = 4,9', () => {
    expect(value({ method: 'average' })).toBeCloseTo(4.9, 10);
  });

  it('weighs by the named styrtal: (3,2·100 + 6,5·300 + 5·100) / 500 = 5,54', () => {
    expect(value({ method: 'weighted', weightedBy: 'anstallda' })).toBeCloseTo(5.54, 10);
  });

  it('leaves out and names a child without an outcome, or without a weight when weighing', () => {
    const gappy = [{ code: 'A', value: 10, weight: 1 }, { code: 'B', weight: 5 }, { code: 'C', value: 40 }];
    expect(rollUpNumbers({ method: 'sum' }, gappy)).toEqual({ status: 'rolled-up', method: 'sum', value: 50, used: ['A', 'C'], leftOut: ['B'] });
    expect(rollUpNumbers({ method: 'average' }, gappy)).toMatchObject({ value: 25, used: ['A', 'C'] });
    expect(rollUpNumbers({ method: 'weighted', weightedBy: 'w' }, gappy)).toMatchObject({ value: 10, used: ['A'], leftOut: ['B', 'C'] });
  });

  it('rolls nothing up for "none", or when there is nothing to roll up, and says why in Swedish', () => {
    expect(rollUpNumbers({ method: 'none' }, parts)).toEqual({ status: 'not-rolled-up', reason: 'Styrtalet summeras inte från underliggande planer.' });
    expect(rollUpNumbers({ method: 'sum' }, [{ code: 'A' }])).toEqual({ status: 'nothing-to-roll-up', reason: 'Inga underliggande planer har utfall för perioden.' });
    expect(rollUpNumbers({ method: 'weighted', weightedBy: 'w' }, [{ code: 'A', value: 4, weight: 0 }])).toMatchObject({ status: 'nothing-to-roll-up' });
  });

  it('reads and writes the lists\' text', () => {
    for (const r of [{ method: 'sum' }, { method: 'average' }, { method: 'none' }, { method: 'weighted', weightedBy: 'g8-i4' }] as const) {
      expect(parseRollUp(rollUpText(r))).toEqual(r);
    }
    expect(parseRollUp('weighted:')).toBeUndefined();
    expect(parseRollUp('median')).toBeUndefined();
    expect(parseRollUp(undefined)).toBeUndefined();
  });
});

// A nämnd (N) with two förvaltningar under it (F1, F2) and one under another nämnd (X1).
const org = (code: string, parentCode?: string): Organisation => ({ code, name: `Organisation ${code}`, ...(parentCode ? { parentCode } : {}) });
const goal = (ref: string, extra: Partial<Goal> = {}): Goal => ({ ref, kind: 'objective', title: `Mål ${ref}`, origin: 'board', ...extra });
const indicator = (ref: string, extra: Partial<Indicator> = {}): Indicator => ({ ref, goalRef: 'g1', title: `Styrtal ${ref}`, valueType: 'numeric', direction: 'increase', ...extra });
const entry = (subjectKind: FollowUpEntry['subjectKind'], subjectRef: string, values: Partial<FollowUpEntry>): FollowUpEntry => ({ subjectKind, subjectRef, periodKey: '2025-annual', ...values });
function plan(organisation: Organisation, goals: Goal[], indicators: Indicator[], entries: FollowUpEntry[], year = 2025): PlanWithFollowUps {
  return { organisation, plan: { organisationCode: organisation.code, year, title: `Plan ${organisation.code}`, status: 'adopted' }, goals, indicators, entries };
}

const parent = plan(org('N'), [goal('g1'), goal('g2')], [indicator('sick', { unit: '%', rollUp: { method: 'weighted', weightedBy: 'staff' } }), indicator('staff', { unit: 'st', rollUp: { method: 'sum' } })], []);
const f1 = plan(
  org('F1', 'N'),
  [goal('a', { contributesTo: { ref: 'g1' } })],
  [indicator('f1-sick', { givenBy: { plan: 'N:2025', ref: 'sick' } }), indicator('f1-staff', { givenBy: { plan: 'N:2025', ref: 'staff' } })],
  [entry('goal', 'a', { assessment: 'achieved', comment: 'Klart.' }), entry('indicator', 'f1-sick', { value: 4 }), entry('indicator', 'f1-staff', { value: 30 })],
);
const f2 = plan(
  org('F2', 'N'),
  [goal('b', { givenBy: { plan: 'N:2025', ref: 'g1' } }), goal('c', { contributesTo: { ref: 'g2' } })],
  [indicator('f2-sick', { givenBy: { plan: 'N:2025', ref: 'sick' } }), indicator('f2-staff', { givenBy: { plan: 'N:2025', ref: 'staff' } })],
  [entry('goal', 'b', { assessment: 'partly' }), entry('indicator', 'f2-sick', { value: 8 }), entry('indicator', 'f2-staff', { value: 10 })],
);
const elsewhere = plan(org('X1', 'X'), [goal('z', { contributesTo: { ref: 'g1' } })], [], [entry('goal', 'z', { assessment: 'not-achieved' })]);
const lastYear = plan(org('F1', 'N'), [goal('a', { contributesTo: { ref: 'g1' } })], [], [], 2024);

describe('parentGoalViews', () => {
  it('shows per goal the children that contribute to it or were given it, with the suggestion', () => {
    const [g1, g2] = parentGoalViews(parent, [f1, f2, elsewhere, lastYear], '2025-annual');
    expect(g1?.parts.map((p) => [p.organisation.code, p.goal.ref, p.assessment, p.comment])).toEqual([
      ['F1', 'a', 'achieved', 'Klart.'],
      ['F2', 'b', 'partly', undefined],
    ]);
    // One achieved, one partly: a tie, so the worse.
    expect(g1?.suggestion?.suggestion).toBe('partly');
    expect(g2?.parts.map((p) => [p.organisation.code, p.assessment])).toEqual([['F2', undefined]]);
    expect(g2?.suggestion).toMatchObject({ suggestion: 'not-assessed', missing: 1 });
  });
});

describe('indicatorRollUp', () => {
  it('weighs each child\'s part by its part of the named styrtal: (4·30 + 8·10) / 40 = 5', () => {
    const sick = parent.indicators[0] as Indicator;
    expect(indicatorRollUp(parent, sick, [f1, f2, elsewhere], '2025-annual')).toEqual({ status: 'rolled-up', method: 'weighted', value: 5, used: ['F1', 'F2'], leftOut: [] });
  });

  it('sums the children\'s parts, and says nothing for a styrtal without a roll-up', () => {
    expect(indicatorRollUp(parent, parent.indicators[1] as Indicator, [f1, f2], '2025-annual')).toMatchObject({ value: 40 });
    expect(indicatorRollUp(parent, indicator('plain'), [f1, f2], '2025-annual')).toBeUndefined();
  });
});
