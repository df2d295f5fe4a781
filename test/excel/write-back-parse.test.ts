// Parsing edited Data cells: Swedish numbers, Excel's own percent conversion, levels, labels.
import { parseAssessment, parseComment, parseOutcome } from '../../src/excel/write-back';

test('Utfall: numbers as Excel holds them, Swedish text, and a typed "75 %" that Excel turned into 0,75', () => {
  expect(parseOutcome({ value: 1545, text: '1 545' }, 'numeric')).toEqual({ ok: true, value: { kind: 'number', value: 1545 } });
  expect(parseOutcome({ value: '1 545,5 st', text: '1 545,5 st' }, 'numeric')).toEqual({ ok: true, value: { kind: 'number', value: 1545.5 } });
  expect(parseOutcome({ value: 0.75, text: '75 %' }, 'numeric')).toEqual({ ok: true, value: { kind: 'number', value: 75 } });
  expect(parseOutcome({ value: '', text: '' }, 'numeric')).toEqual({ ok: true, value: null });
  const refused = parseOutcome({ value: '1.545,2', text: '1.545,2' }, 'numeric');
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.message).toMatch(/punkt/);
});

test('Utfall of a qualitative styrtal is a level word; a number is refused, and the other way round', () => {
  expect(parseOutcome({ value: 'Delvis', text: 'Delvis' }, 'qualitative')).toEqual({ ok: true, value: { kind: 'level', value: 'partial' } });
  expect(parseOutcome({ value: 3, text: '3' }, 'qualitative').ok).toBe(false);
  expect(parseOutcome({ value: 'Helt', text: 'Helt' }, 'numeric').ok).toBe(false);
});

test('Bedömning: the vocabulary of the subject, case and spaces forgiven; anything else refused with the labels', () => {
  expect(parseAssessment({ value: 'har delvis genomförts ', text: '' }, 'assignment')).toEqual({ ok: true, value: 'partly' });
  expect(parseAssessment({ value: 'Uppnått eller överträffat målnivån', text: '' }, 'goal')).toEqual({ ok: true, value: 'achieved' });
  expect(parseAssessment({ value: '', text: '' }, 'goal')).toEqual({ ok: true, value: null });
  const refused = parseAssessment({ value: 'Har genomförts', text: '' }, 'goal');
  expect(refused).toEqual({ ok: false, message: expect.stringContaining('Kan ej bedömas') });
});

test('Kommentar: text as typed, an inert prefix taken off again, blank means none', () => {
  expect(parseComment({ value: "'=SUMMA(A1)", text: '=SUMMA(A1)' })).toEqual({ ok: true, value: '=SUMMA(A1)' });
  expect(parseComment({ value: '   ', text: '' })).toEqual({ ok: true, value: null });
});
