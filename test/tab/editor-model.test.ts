// The editor's rules: what is refused before anything is sent, what the rules suggest, and how a
// conflict is resolved without losing text.
import type { EditorSubject } from '../../src/tab/editor/editor-model';
import { checkDraft, classifySaveError, differsFromSuggestion, draftFrom, isDirty, mergeComments, resolveConflict, suggestionsFor } from '../../src/tab/editor/editor-model';

const telephone: EditorSubject = {
  kind: 'indicator',
  ref: 'g1-i1',
  title: 'Telefontillgänglighet',
  indicator: { valueType: 'numeric', direction: 'increase', target: 90, unit: '%' },
};
const empty = { valueText: '', comment: '' };

describe('checking the form before saving', () => {
  it('accepts the Swedish forms and saves the number, not the text', () => {
    for (const [text, value] of [['1 545', 1545], ['1\u00A0545', 1545], ['5,8 %', 5.8], ['-333,4', -333.4], ['−0,5', -0.5]] as const) {
      const checked = checkDraft(telephone, { ...empty, valueText: text });
      expect(checked).toMatchObject({ ok: true, edit: { value } });
    }
  });

  it('refuses "12,3,4" with a message that says what was expected', () => {
    const checked = checkDraft(telephone, { ...empty, valueText: '12,3,4', comment: 'kvar' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.value).toMatch(/mer än ett decimalkomma.*till exempel 1 545/);
  });

  it('treats an empty outcome as no value, never as zero', () => {
    const checked = checkDraft(telephone, { ...empty, comment: 'Ingen mätning i år' });
    expect(checked.ok && checked.edit.value).toBe(null);
    expect(checked.ok && checked.edit.comment).toBe('Ingen mätning i år');
  });

  it('asks only for the fields that belong to the kind of thing', () => {
    const action: EditorSubject = { kind: 'action', ref: 'r1-a1', title: 'Åtgärd', actionStatus: 'not-started' };
    const checked = checkDraft(action, { valueText: '12', comment: 'Påbörjad', status: 'in-progress', assessment: 'achieved' });
    expect(checked).toEqual({ ok: true, edit: { status: 'in-progress', comment: 'Påbörjad' } });
  });
});

describe('suggestions from the rules', () => {
  it('suggests an assessment from the outcome against the target, and a trend against last period', () => {
    const previous = { subjectKind: 'indicator' as const, subjectRef: 'g1-i1', periodKey: '2025-interim', value: 78 };
    expect(suggestionsFor(telephone, { ...empty, valueText: '85' }, previous)).toEqual({ assessment: 'partly', trend: 'improved' });
    expect(suggestionsFor(telephone, { ...empty, valueText: '92' }, undefined)).toEqual({ assessment: 'achieved' });
    expect(suggestionsFor(telephone, { ...empty, valueText: '70' }, previous)).toEqual({ assessment: 'not-achieved', trend: 'worsened' });
  });

  it('suggests nothing from an outcome it cannot read', () => {
    expect(suggestionsFor(telephone, { ...empty, valueText: '12,3,4' }, undefined)).toEqual({});
  });

  it('notes when the user differs from the suggestion, not before they choose', () => {
    const suggestions = suggestionsFor(telephone, { ...empty, valueText: '85' }, undefined);
    expect(differsFromSuggestion({ ...empty, valueText: '85' }, suggestions)).toBe(false);
    expect(differsFromSuggestion({ ...empty, valueText: '85', assessment: 'partly' }, suggestions)).toBe(false);
    expect(differsFromSuggestion({ ...empty, valueText: '85', assessment: 'achieved' }, suggestions)).toBe(true);
  });

  it('follows the qualitative level for qualitative indicators', () => {
    const qualitative: EditorSubject = { ...telephone, indicator: { valueType: 'qualitative', direction: 'none' } };
    expect(suggestionsFor(qualitative, { ...empty, level: 'partial' }, undefined)).toEqual({ assessment: 'partly' });
  });
});

describe('conflicts and drafts', () => {
  const theirs = { valueText: '80', comment: 'Deras analys.', assessment: 'partly' as const };
  const mine = { valueText: '82', comment: 'Min analys.', assessment: 'achieved' as const };

  it('merging keeps my values and both comments, theirs first', () => {
    expect(resolveConflict('merge', mine, theirs)).toEqual({ ...mine, comment: 'Deras analys.\n\nMin analys.' });
  });

  it('keeping mine or taking theirs gives that version whole', () => {
    expect(resolveConflict('keep-mine', mine, theirs)).toBe(mine);
    expect(resolveConflict('take-theirs', mine, theirs)).toBe(theirs);
  });

  it('does not repeat a comment that is already in the other', () => {
    expect(mergeComments('Samma text.', 'Samma text.')).toBe('Samma text.');
    expect(mergeComments('Början.', 'Början. Och mer.')).toBe('Början. Och mer.');
    expect(mergeComments(undefined, 'Bara min.')).toBe('Bara min.');
  });

  it('starts the form from the saved entry and knows when it has changed', () => {
    const base = draftFrom(telephone, { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 1545, comment: 'Sparad' });
    expect(base.valueText.replace(/\u00A0/g, ' ')).toBe('1 545');
    expect(isDirty(base, base)).toBe(false);
    expect(isDirty({ ...base, comment: 'Sparad och mer' }, base)).toBe(true);
  });

  it('explains network failures and throttling apart from other errors', () => {
    expect(classifySaveError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(classifySaveError(Object.assign(new Error('Too many requests'), { status: 429 })).kind).toBe('throttled');
    expect(classifySaveError(Object.assign(new Error('Bad request'), { status: 400 })).kind).toBe('other');
  });
});
