// Typed targets: each kind's suggestion just below, at and just above its boundary, and its printed
// form as the reports print it.
import type { Indicator, Outcome } from '../../src/core';
import { editableFields, formatOutcome, formatTarget, inferTargetKind, suggestAssessment, suggestTrend, targetIssues, validatePlanDocument } from '../../src/core';

type Rule = Pick<Indicator, 'valueType' | 'direction' | 'unit' | 'target' | 'targetText' | 'targetKind' | 'targetMax' | 'targetOffset'>;
const numeric = (fields: Omit<Rule, 'valueType' | 'direction'> & Partial<Pick<Rule, 'direction'>>): Rule => ({ valueType: 'numeric', direction: 'increase', ...fields });

const suggest = (rule: Rule, value: number, extra: Omit<Outcome, 'value'> = {}) => suggestAssessment(rule, { value, ...extra });

describe('at least N (the default for increase)', () => {
  const rule = numeric({ target: 90, unit: '%', targetKind: 'at-least' });
  it.each([
    [80.9, 'not-achieved'],
    [81, 'partly'],
    [89.9, 'partly'],
    [90, 'achieved'],
    [90.1, 'achieved'],
  ] as const)('%s against 90 → %s (the 10 %% tolerance stays)', (value, expected) => expect(suggest(rule, value)).toBe(expected));
  it('prints the figure with its unit', () => expect(formatTarget(rule)).toBe('90\u00A0%'));
  it('is what increase with a plain number means', () => expect(inferTargetKind({ valueType: 'numeric', direction: 'increase', target: 90 })).toEqual({ ok: true, fields: { targetKind: 'at-least' } }));
});

describe('at most N', () => {
  const rule = numeric({ target: 6.1, unit: '%', direction: 'decrease', targetKind: 'at-most' });
  it.each([
    [6, 'achieved'],
    [6.1, 'achieved'],
    [6.2, 'partly'],
    [6.71, 'partly'],
    [6.72, 'not-achieved'],
  ] as const)('%s against at most 6,1 → %s', (value, expected) => expect(suggest(rule, value)).toBe(expected));
  it('prints the figure', () => expect(formatTarget(rule)).toBe('6,1\u00A0%'));
  it('improves downwards', () => expect(suggestTrend(rule, { value: 5.9 }, { value: 6.3 })).toBe('improved'));
});

describe('more than N (">0")', () => {
  const rule = numeric({ target: 0, unit: 'mnkr', targetKind: 'more-than' });
  it.each([
    [-0.1, 'not-achieved'],
    [0, 'not-achieved'],
    [0.1, 'achieved'],
  ] as const)('%s against >0 → %s', (value, expected) => expect(suggest(rule, value)).toBe(expected));
  it('prints ">0"', () => expect(formatTarget(rule)).toBe('>0'));
  it('prints ">78"', () => expect(formatTarget(numeric({ target: 78, unit: '%', targetKind: 'more-than' }))).toBe('>78'));
  it('reads ">0" from an older document, so 0 is not achieved there either', () => {
    const older = numeric({ target: 0, unit: 'mnkr', targetText: '>0' });
    expect(inferTargetKind(older)).toEqual({ ok: true, fields: { targetKind: 'more-than' } });
    expect(suggest(older, 0)).toBe('not-achieved');
  });
});

describe('less than N', () => {
  const rule = numeric({ target: 5, unit: '%', direction: 'decrease', targetKind: 'less-than' });
  it.each([
    [4.9, 'achieved'],
    [5, 'not-achieved'],
    [5.1, 'not-achieved'],
  ] as const)('%s against <5 → %s', (value, expected) => expect(suggest(rule, value)).toBe(expected));
  it('prints "<5"', () => expect(formatTarget(rule)).toBe('<5'));
  it('improves downwards', () => expect(suggestTrend(rule, { value: 4 }, { value: 6 })).toBe('improved'));
});

describe('a range N–M', () => {
  const rule = numeric({ target: 77, targetMax: 80, unit: 'index', targetKind: 'range' });
  it.each([
    [76.9, 'not-achieved'],
    [77, 'achieved'],
    [78.5, 'achieved'],
    [80, 'achieved'],
    [80.1, 'not-achieved'],
    [95, 'not-achieved'],
  ] as const)('%s against 77–80 → %s (the whole range, not the lower bound)', (value, expected) => expect(suggest(rule, value)).toBe(expected));
  it('prints "77–80" for an index and "90–100 %" with a unit', () => {
    expect(formatTarget(rule)).toBe('77–80');
    expect(formatTarget(numeric({ target: 90, targetMax: 100, unit: '%', targetKind: 'range' }))).toBe('90–100\u00A0%');
  });
  it('trends towards the range as improved, away from it as worsened', () => {
    expect(suggestTrend(rule, { value: 82 }, { value: 95 })).toBe('improved');
    expect(suggestTrend(rule, { value: 95 }, { value: 79 })).toBe('worsened');
    expect(suggestTrend(rule, { value: 79 }, { value: 78 })).toBe('unchanged');
  });
  it('reads "77-80" from an older document', () => expect(inferTargetKind(numeric({ target: 77, targetText: '77-80' }))).toEqual({ ok: true, fields: { targetKind: 'range', targetMax: 80 } }));
  it('refuses an upper bound below the lower', () => expect(targetIssues(numeric({ target: 80, targetMax: 77, targetKind: 'range' }))).toEqual([expect.objectContaining({ field: 'targetMax' })]));
});

describe('a rank "plats N av M", lower is better', () => {
  const rule = numeric({ target: 3, targetMax: 7, unit: 'plats', direction: 'decrease', targetKind: 'rank' });
  it.each([
    [2, 'achieved'],
    [3, 'achieved'],
    [4, 'not-achieved'],
  ] as const)('place %s against plats 3 av 7 → %s', (value, expected) => expect(suggest(rule, value)).toBe(expected));
  it('prints target and outcome in the same words', () => {
    expect(formatTarget(rule)).toBe('Plats 3 av 7');
    expect(formatOutcome(rule, 6)).toBe('Plats 6 av 7');
  });
  it("keeps the plan's words for both", () => {
    const worded = { ...rule, target: 11, targetMax: 21, targetText: '11 av 21' };
    expect(formatTarget(worded)).toBe('11 av 21');
    expect(formatOutcome(worded, 10)).toBe('10 av 21');
  });
  it('improves when the place falls', () => expect(suggestTrend({ ...rule, direction: 'none' }, { value: 5 }, { value: 6 })).toBe('improved'));
});

describe('relative to the previous year ("ska öka jämfört med föregående år")', () => {
  const rule = numeric({ unit: '%', targetKind: 'previous-year' });
  it.each([
    [73.9, 'not-achieved'],
    [74, 'not-achieved'],
    [74.1, 'achieved'],
  ] as const)('%s against last year\'s 74 → %s', (value, expected) => expect(suggest(rule, value, { previousYearValue: 74 })).toBe(expected));
  it('cannot be assessed without last year', () => expect(suggest(rule, 80)).toBe('not-assessed'));
  it('reads a decrease the other way', () => {
    const fewer = numeric({ direction: 'decrease', targetKind: 'previous-year' });
    expect(suggest(fewer, 11.9, { previousYearValue: 12 })).toBe('achieved');
    expect(suggest(fewer, 12, { previousYearValue: 12 })).toBe('not-achieved');
  });
  it("prints last year's figure as the target", () => {
    expect(formatTarget(rule, { previousYearValue: 74 })).toBe('74\u00A0% (föregående år)');
    expect(formatTarget(rule)).toBe('Öka jämfört med föregående år');
  });
});

describe('relative to a reference reported beside the outcome ("riket + 1 %")', () => {
  const rule = numeric({ target: 63, unit: '%', targetKind: 'reference', targetOffset: 1 });
  it.each([
    [60.9, 'not-achieved'],
    [61, 'achieved'],
    [61.1, 'achieved'],
  ] as const)('%s with riket at 60 → %s', (value, expected) => expect(suggest(rule, value, { reference: 60 })).toBe(expected));
  it("reads against the plan's printed figure until the reference is reported", () => {
    expect(suggest(rule, 62.9)).toBe('not-achieved');
    expect(suggest(rule, 63)).toBe('achieved');
  });
  it('prints "63 % (riket + 1 %)"', () => {
    const spaced = (text: string | undefined) => (text ?? '').replace(/\u00A0/g, ' ');
    expect(spaced(formatTarget(rule))).toBe('63 % (riket + 1 %)');
    expect(spaced(formatTarget(numeric({ unit: '%', targetKind: 'reference', targetOffset: 1 })))).toBe('riket + 1 %');
  });
  it('reads the offset from an older document', () => expect(inferTargetKind(numeric({ target: 63, targetText: '63 % (riket + 1 %)' }))).toEqual({ ok: true, fields: { targetKind: 'reference', targetOffset: 1 } }));
});

describe('older documents', () => {
  it('report a target whose words say nothing certain, and keep the plain rule', () => {
    const worded = numeric({ target: 5, unit: '%', targetText: 'Ökning 5 %' });
    expect(inferTargetKind(worded)).toMatchObject({ ok: false });
    expect(suggest(worded, 4.6)).toBe('partly');
  });
  it('report a number without a direction', () => expect(inferTargetKind(numeric({ target: 50, direction: 'none' }))).toMatchObject({ ok: false }));
});

describe('the plan format', () => {
  const doc = (indicator: Record<string, unknown>) => ({
    formatVersion: 1,
    organisation: { code: 'RS', name: 'Regionstyrelsen' },
    year: 2025,
    title: 'Plan',
    goals: [{ ref: 'g1', kind: 'objective', title: 'Mål', origin: 'board', indicators: [{ ref: 'i1', title: 'Styrtal', valueType: 'numeric', direction: 'increase', ...indicator }] }],
  });
  it('imports a target it cannot read, with a warning at the field rather than an error', () => {
    const result = validatePlanDocument(doc({ target: 5, targetText: 'Ökning 5 %' }));
    expect(result).toMatchObject({ ok: true, warnings: [{ path: 'goals[0].indicators[0].targetKind', message: expect.stringContaining('Ökning 5 %') }] });
  });
  it('has no warning where the kind is stated or plain', () => {
    expect(validatePlanDocument(doc({ target: 5, targetText: 'Ökning 5 %', targetKind: 'at-least' }))).toMatchObject({ ok: true, warnings: [] });
    expect(validatePlanDocument(doc({ target: 90 }))).toMatchObject({ ok: true, warnings: [] });
  });
  it('refuses a range without its upper bound, in Swedish', () => {
    expect(validatePlanDocument(doc({ target: 77, targetKind: 'range' }))).toMatchObject({ ok: false, issues: [{ path: 'goals[0].indicators[0].targetMax', message: expect.stringContaining('övre gränsen') }] });
  });
});

describe('the reference beside the outcome', () => {
  it('is editable only for a reference target', () => {
    expect(editableFields({ kind: 'indicator', ref: 'i1', indicator: { valueType: 'numeric', unit: '%', targetKind: 'reference' } })).toContain('reference');
    expect(editableFields({ kind: 'indicator', ref: 'i1', indicator: { valueType: 'numeric', unit: '%', targetKind: 'at-least' } })).not.toContain('reference');
  });
});
