// The plan editor's form rules alone: each target kind sends only the fields it has (a kind switched
// midway leaves nothing stale behind), sv-SE numbers are read strictly, a stored item fills the form
// and gives the same item back, and a new item is checked by the one validator without its ref.
import type { StoredPlanItem } from '../../src/store';
import { EMPTY_FORM, draftOf, formIssues, formOf } from '../../src/tab/plan-editor/item-form-model';
import { movedRefs, removalAsks } from '../../src/tab/plan-editor/plan-structure';
import { plan } from './plan-editor-fixture';

const indicatorForm = { ...EMPTY_FORM, title: 'Andel', unit: '%', direction: 'increase' as const };

test.each([
  ['at-least', { target: '90' }, { targetKind: 'at-least', target: 90 }],
  ['less-than', { target: '5,5' }, { targetKind: 'less-than', target: 5.5 }],
  ['range', { target: '77', targetMax: '80' }, { targetKind: 'range', target: 77, targetMax: 80 }],
  ['rank', { target: '3', targetMax: '7' }, { targetKind: 'rank', target: 3, targetMax: 7 }],
  ['reference', { targetOffset: '1', target: '63' }, { targetKind: 'reference', targetOffset: 1, target: 63 }],
  ['previous-year', {}, { targetKind: 'previous-year' }],
] as const)('a %s target sends its own fields only', (targetKind, fields, expected) => {
  // Every target field filled from an earlier choice: only the kind's own go along.
  const form = { ...indicatorForm, target: '1', targetMax: '2', targetOffset: '3', ...fields, targetKind };
  const { draft, issues } = draftOf('indicator', form);
  expect(issues).toEqual([]);
  expect(draft).toEqual({ title: 'Andel', valueType: 'numeric', unit: '%', direction: 'increase', ...expected });
});

test('a number the Swedish way or not at all: the refusal is at its field', () => {
  expect(draftOf('indicator', { ...indicatorForm, targetKind: 'at-least', target: '1 545' }).draft['target']).toBe(1545);
  expect(draftOf('indicator', { ...indicatorForm, targetKind: 'at-least', target: '1.5' }).issues).toEqual([{ field: 'target', message: expect.stringContaining('innehåller punkt') }]);
});

test('a qualitative styrtal has no direction or target', () => {
  expect(draftOf('indicator', { ...indicatorForm, valueType: 'qualitative', targetKind: 'range', target: '1', targetMax: '2' }).draft).toEqual({ title: 'Andel', valueType: 'qualitative', unit: '%' });
});

test('a stored styrtal fills the form and gives the same item back', () => {
  const stored = { itemId: '9', eTag: '"x"', ref: 'g1-i9', goalRef: 'g1', title: 'Plats i rankning', valueType: 'numeric', direction: 'decrease', target: 3, targetMax: 7, targetKind: 'rank', ownerUpn: 'anna.berg@region.example' } as StoredPlanItem;
  const form = formOf('indicator', stored);
  expect(form).toMatchObject({ targetKind: 'rank', target: '3', targetMax: '7', direction: 'decrease' });
  expect(draftOf('indicator', form).draft).toEqual({ title: 'Plats i rankning', ownerUpn: 'anna.berg@region.example', valueType: 'numeric', direction: 'decrease', targetKind: 'rank', target: 3, targetMax: 7 });
});

test('an older styrtal without a kind is read as the rules read it: its words, else the floor or ceiling of its direction', () => {
  const words = { itemId: '9', eTag: '"x"', ref: 'i', goalRef: 'g1', title: 'T', valueType: 'numeric', direction: 'increase', target: 77, targetText: '77–80' } as StoredPlanItem;
  expect(formOf('indicator', words)).toMatchObject({ targetKind: 'range', target: '77', targetMax: '80' });
  const plain = { itemId: '9', eTag: '"x"', ref: 'i', goalRef: 'g1', title: 'T', valueType: 'numeric', direction: 'decrease', target: 5 } as StoredPlanItem;
  expect(formOf('indicator', plain)).toMatchObject({ targetKind: 'at-most', target: '5' });
});

test('a new item is checked without a ref (the API assigns it), against its parent', () => {
  const subject = { mode: 'create', kind: 'indicator', parent: { kind: 'goal', ref: 'g1' } } as const;
  expect(formIssues(plan, subject, { ...indicatorForm, targetKind: 'at-least', target: '90' })).toEqual([]);
  expect(formIssues(plan, subject, { ...indicatorForm, title: '' }).map((i) => i.field)).toEqual(['title']);
  expect(formIssues(plan, { ...subject, parent: { kind: 'goal', ref: 'nope' } }, { ...indicatorForm, targetKind: 'at-least', target: '9' })).toEqual([{ field: 'parent', message: 'målet "nope" finns inte i planen' }]);
});

test('moves stop at either end; removal asks first for what was reported on or has things under it', () => {
  expect(movedRefs(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  expect(movedRefs(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
  expect(movedRefs(['a', 'b'], 0, -1)).toBeUndefined();
  expect(removalAsks(plan, 'indicator', 'g1-i1')).toBe(true);
  expect(removalAsks(plan, 'goal', 'g1')).toBe(true);
  expect(removalAsks(plan, 'goal', 'g2')).toBe(false);
  expect(removalAsks(plan, 'risk', 'r1')).toBe(true);
  expect(removalAsks(plan, 'action', 'r1-a1')).toBe(false);
});
