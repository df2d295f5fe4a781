// The follow-up rules on their own: what each kind may have edited, what applyEdit refuses or asks
// about, the comparison period and an åtgärd's status in a period.
import type { FollowUpEntry } from '../../src/core';
import { actionStatusIn, applyEdit, comparisonEntries, comparisonFor, currentActionStatus, editableFields, parsePlanKey, planKey, plausibleRange, previousYearPlanKey } from '../../src/core';

const now = new Date('2026-01-15T10:00:00Z');
const percent = { kind: 'indicator' as const, ref: 'g1-i1', indicator: { valueType: 'numeric' as const, unit: '%' } };
const open = { key: '2025-annual' };
const context = { subject: percent, period: open, reportedByUpn: 'anna@region.example', now };

describe('the plan key', () => {
  it('names a plan ORG:YEAR and reads it back', () => {
    expect(planKey('RS', 2025)).toBe('RS:2025');
    expect(parsePlanKey('RS:2025')).toEqual({ organisationCode: 'RS', year: 2025 });
    expect(parsePlanKey('RS-2025')).toBeUndefined();
    expect(previousYearPlanKey('HSN:2022')).toBe('HSN:2021');
  });
});

describe('which fields each kind has', () => {
  it('gives a trend only to styrtal and a status only to åtgärder', () => {
    expect(editableFields({ kind: 'goal', ref: 'g1' })).toEqual(['assessment', 'comment']);
    expect(editableFields(percent)).toEqual(['value', 'assessment', 'trend', 'comment']);
    expect(editableFields({ kind: 'indicator', ref: 'i', indicator: { valueType: 'qualitative' } })).toEqual(['level', 'assessment', 'trend', 'comment']);
    expect(editableFields({ kind: 'action', ref: 'a' })).toEqual(['status', 'comment']);
  });
});

describe('applyEdit', () => {
  it('builds the entry from the base and the edit, with who and when from the context', () => {
    const base: FollowUpEntry = { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 70, comment: 'Förra', reportedByUpn: 'someone@else', reportedAt: '2020-01-01' };
    expect(applyEdit(base, { value: 75, assessment: 'partly' }, context)).toEqual({
      ok: true,
      entry: { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 75, assessment: 'partly', comment: 'Förra', reportedByUpn: 'anna@region.example', reportedAt: '2026-01-15T10:00:00.000Z', state: 'draft', stateByUpn: 'anna@region.example', stateAt: '2026-01-15T10:00:00.000Z' },
    });
    expect(applyEdit(base, { value: null, comment: '  ' }, context)).toMatchObject({ ok: true, entry: { subjectRef: 'g1-i1' } });
    const cleared = applyEdit(base, { value: null, comment: '  ' }, context);
    expect(cleared.ok && cleared.entry.value).toBeUndefined();
    expect(cleared.ok && cleared.entry.comment).toBeUndefined();
  });

  it('refuses a locked period with a Swedish message', () => {
    expect(applyEdit(undefined, { comment: 'x' }, { ...context, period: { key: '2025-annual', locked: true } })).toEqual({
      ok: false,
      refusal: { code: 'locked', message: 'Perioden är låst (Helår 2025). Inget sparades; kontakta din controller om något behöver ändras.' },
    });
  });

  it('refuses a field the kind does not have', () => {
    expect(applyEdit(undefined, { trend: 'improved' }, { ...context, subject: { kind: 'goal', ref: 'g1' } })).toMatchObject({ ok: false, refusal: { code: 'field-not-editable', field: 'trend' } });
    expect(applyEdit(undefined, { status: 'done' }, context)).toMatchObject({ ok: false, refusal: { code: 'field-not-editable', message: 'Status kan inte anges för ett styrtal.' } });
    expect(applyEdit(undefined, { value: 3 }, { ...context, subject: { kind: 'indicator', ref: 'q', indicator: { valueType: 'qualitative' } } })).toMatchObject({
      ok: false,
      refusal: { message: 'Styrtalet är kvalitativt; ange en nivå, inte ett tal.' },
    });
  });

  it('asks before a percentage below 0 or above 100 or a negative count, and saves when confirmed', () => {
    for (const value of [-0.5, 100.5, 1545]) expect(applyEdit(undefined, { value }, context)).toMatchObject({ ok: false, refusal: { code: 'implausible', confirmable: true } });
    for (const value of [0, 100, 54.5]) expect(applyEdit(undefined, { value }, context).ok).toBe(true);
    expect(applyEdit(undefined, { value: 1545 }, { ...context, confirmed: true })).toMatchObject({ ok: true, entry: { value: 1545 } });
    const count = { ...context, subject: { kind: 'indicator' as const, ref: 'c', indicator: { valueType: 'numeric' as const, unit: 'st' } } };
    expect(applyEdit(undefined, { value: -1 }, count)).toMatchObject({ ok: false, refusal: { code: 'implausible' } });
    expect(applyEdit(undefined, { value: -1 }, { ...context, subject: { kind: 'indicator', ref: 'm', indicator: { valueType: 'numeric', unit: 'mnkr' } } }).ok).toBe(true);
    expect(plausibleRange('%')).toEqual({ min: 0, max: 100 });
  });

  it('refuses absurd numbers outright, naming the allowed range', () => {
    const refused = applyEdit(undefined, { value: 1e21 }, { ...context, confirmed: true });
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'invalid-value' } });
    if (!refused.ok) expect(refused.refusal.message).toMatch(/^Utfallet måste ligga mellan −1\s000\s000\s000\s000 och 1\s000\s000\s000\s000\.$/);
  });
});

describe('the comparison period', () => {
  const entry = (periodKey: string, value: number, ref = 'g1-i1'): FollowUpEntry => ({ subjectKind: 'indicator', subjectRef: ref, periodKey, value });
  const own = [entry('2025-interim', 70), entry('2025-annual', 80)];
  const lastYear = [entry('2024-interim', 60), entry('2024-annual', 65), entry('2024-t2', 1)];

  it('is the same kind of period a year earlier, never a later one', () => {
    expect(comparisonFor('indicator', 'g1-i1', '2025-interim', own, lastYear)).toEqual({ periodKey: '2024-interim', entry: lastYear[0] });
    expect(comparisonFor('indicator', 'g1-i1', '2025-annual', own, lastYear)).toEqual({ periodKey: '2024-annual', entry: lastYear[1] });
    expect(comparisonFor('indicator', 'g1-i1', '2025-t2', own, lastYear)).toEqual({ periodKey: '2024-t2', entry: lastYear[2] });
    expect(comparisonFor('indicator', 'g1-i1', '2025-interim', own, [])).toEqual({ periodKey: '2024-interim' });
    expect(comparisonFor('indicator', 'other', '2025-interim', own, lastYear)).toEqual({ periodKey: '2024-interim' });
  });

  it("prefers this plan's own entry of that period, and lists the period's entries by the same rule", () => {
    const carried = [...own, entry('2024-interim', 61)];
    expect(comparisonFor('indicator', 'g1-i1', '2025-interim', carried, lastYear)?.entry?.value).toBe(61);
    expect(comparisonEntries('2025-interim', carried, [...lastYear, entry('2024-interim', 5, 'g2-i1')]).map((e) => e.value)).toEqual([61, 5]);
  });
});

describe("an åtgärd's status", () => {
  const action = { ref: 'r1-a1', status: 'in-progress' as const };
  it('is what the period reported, else the plan’s', () => {
    expect(actionStatusIn(action, { status: 'done' })).toBe('done');
    expect(actionStatusIn(action, undefined)).toBe('in-progress');
    expect(actionStatusIn(action, {})).toBe('in-progress');
  });
  it('is, now, the latest period’s report', () => {
    const reports: FollowUpEntry[] = [
      { subjectKind: 'action', subjectRef: 'r1-a1', periodKey: '2025-annual', status: 'done' },
      { subjectKind: 'action', subjectRef: 'r1-a1', periodKey: '2025-interim', status: 'deviation' },
      { subjectKind: 'action', subjectRef: 'other', periodKey: '2026-interim', status: 'not-done' },
    ];
    expect(currentActionStatus(action, reports)).toBe('done');
    expect(currentActionStatus(action, [])).toBe('in-progress');
  });
});
