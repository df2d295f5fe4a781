// The tab suggests and prints by the target's kind: a range below, inside and above; a reference
// entered beside the outcome; last year's figure as a previous-year target.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { LoadedPlan } from '../../src/store';
import type { Draft, EditorSubject } from '../../src/tab/editor/editor-model';
import { checkDraft, draftFrom, isDirty, suggestionsFor } from '../../src/tab/editor/editor-model';
import { assessmentLabel } from '../../src/tab/editor/vocabulary-labels';
import { PlanView } from '../../src/tab/views/plan-view';
import { SV } from '../../src/ui';

const draft = (valueText: string, more: Partial<Draft> = {}): Draft => ({ valueText, comment: '', ...more });
const range: EditorSubject = { kind: 'indicator', ref: 'g8-i1', title: 'HME', indicator: { valueType: 'numeric', direction: 'increase', unit: 'index', target: 77, targetKind: 'range', targetMax: 80 } };
const reference: EditorSubject = { kind: 'indicator', ref: 'g1-i3', title: 'Förtroende', indicator: { valueType: 'numeric', direction: 'increase', unit: '%', target: 63, targetKind: 'reference', targetOffset: 1 } };

test('the suggestion follows the range: below, inside and above', () => {
  expect(suggestionsFor(range, draft('76'), undefined).assessment).toBe('not-achieved');
  expect(suggestionsFor(range, draft('78'), undefined).assessment).toBe('achieved');
  expect(suggestionsFor(range, draft('95'), undefined).assessment).toBe('not-achieved');
});

test('a reference target takes the reference with the outcome, and the suggestion reads against it', () => {
  expect(suggestionsFor(reference, draft('61', { referenceText: '60' }), undefined).assessment).toBe('achieved');
  expect(suggestionsFor(reference, draft('61', { referenceText: '60,5' }), undefined).assessment).toBe('not-achieved');
  expect(checkDraft(reference, draft('61', { referenceText: '60,5' }))).toEqual({ ok: true, edit: { value: 61, reference: 60.5, assessment: null, trend: null, comment: null } });
  expect(checkDraft(reference, draft('61', { referenceText: 'sextio' }))).toMatchObject({ ok: false, errors: { reference: expect.any(String) } });
  expect(checkDraft(range, draft('78', { referenceText: '60' }))).toEqual({ ok: true, edit: { value: 78, assessment: null, trend: null, comment: null } });
  const start = draftFrom(reference, { subjectKind: 'indicator', subjectRef: 'g1-i3', periodKey: '2025-annual', value: 61, reference: 60.5 });
  expect(start.referenceText).toBe('60,5');
  expect(isDirty({ ...start, referenceText: '60' }, start)).toBe(true);
});

test('the Plan view prints each target as the reports do, last year\'s figure for a previous-year target', () => {
  const plan = {
    plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025', status: 'adopted' },
    organisation: { code: 'RS', name: 'Regionstyrelsen' },
    goals: [{ ref: 'g1', kind: 'objective', title: 'Medarbetare', origin: 'board' }],
    indicators: [
      { ref: 'i-range', goalRef: 'g1', title: 'HME', valueType: 'numeric', unit: '%', direction: 'increase', target: 90, targetKind: 'range', targetMax: 100 },
      { ref: 'i-more', goalRef: 'g1', title: 'Budgetavvikelse', valueType: 'numeric', unit: 'mnkr', direction: 'increase', target: 0, targetKind: 'more-than' },
      { ref: 'i-prev', goalRef: 'g1', title: 'Frisktal', valueType: 'numeric', unit: '%', direction: 'increase', targetKind: 'previous-year' },
    ],
    assignments: [],
    risks: [],
    actions: [],
    entries: [{ subjectKind: 'indicator', subjectRef: 'i-more', periodKey: '2025-annual', value: 0 }],
    previousYearEntries: [{ subjectKind: 'indicator', subjectRef: 'i-prev', periodKey: '2024-annual', value: 74 }],
    periods: [{ key: '2025-annual', year: 2025, kind: 'annual' }],
  } as unknown as LoadedPlan;
  const html = renderToStaticMarkup(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(PlanView, { plan, periodKey: '2025-annual', strings: SV, language: 'sv', onOpen: () => undefined })));
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/\u00A0/g, ' ').replace(/\s+/g, ' ');
  expect(text).toContain('90–100 %');
  expect(text).toContain('>0');
  expect(text).toContain('74 % (föregående år)');
  // 0 against >0 is not achieved, and the Plan view says so as a suggestion.
  expect(html).toContain(`${assessmentLabel('indicator', 'not-achieved', 'sv')} (${SV.plan.suggestion})`);
});
