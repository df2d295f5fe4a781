/** @jest-environment jsdom */
// A "riket + 1 %" styrtal asks for the reference beside the outcome, saves it with the entry, and the
// suggestion reads against it; other styrtal have no such field.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpEntry } from '../../src/core';
import { applyEdit } from '../../src/core';
import type { EntrySave, FollowUpStore, LoadedPlan, SavedReport, SaveResult } from '../../src/store';
import { EntryEditor } from '../../src/tab/editor/entry-editor';
import type { EditorSubject } from '../../src/tab/editor/editor-model';
import { assessmentLabel } from '../../src/tab/editor/vocabulary-labels';
import { SV } from '../../src/ui';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const plan = { organisation: { code: 'RS' }, plan: { year: 2025, title: 'RS 2025' }, periods: [{ key: '2025-annual', year: 2025, kind: 'annual' }] } as unknown as LoadedPlan;
const withReference: EditorSubject = {
  kind: 'indicator',
  ref: 'g1-i3',
  title: 'Förtroende för hälso/vårdcentraler',
  indicator: { valueType: 'numeric', direction: 'increase', unit: '%', target: 63, targetKind: 'reference', targetOffset: 1 },
};

function setup(subject: EditorSubject) {
  localStorage.clear();
  const calls: FollowUpEntry[] = [];
  const store = {
    saveEntry: async (_p: LoadedPlan, save: EntrySave, upn: string): Promise<SaveResult<SavedReport>> => {
      const applied = applyEdit(save.base, save.edit, { subject, period: { key: save.periodKey }, reportedByUpn: upn, now: new Date() });
      if (!applied.ok) return { status: 'refused', refusal: applied.refusal };
      calls.push(applied.entry);
      return { status: 'saved', saved: { entry: { ...applied.entry, itemId: '7', eTag: '"1"', subjectItemId: '3' } } };
    },
    // The editor names who saved: no directory here, so the account's name stands in.
    people: async () => ({ users: new Map(), managers: new Map() }),
  } as unknown as FollowUpStore;
  render(
    createElement(
      FluentProvider,
      { theme: teamsLightTheme },
      createElement(EntryEditor, { store, plan, subject, periodKey: '2025-annual', upn: 'johan@region.example', strings: SV, language: 'sv', onSaved: () => undefined, onClose: () => undefined }),
    ),
  );
  return { calls, user: userEvent.setup() };
}

test('the reference is typed beside the outcome, saved with it, and the suggestion reads against it', async () => {
  const { calls, user } = setup(withReference);
  await user.type(screen.getByLabelText('Utfall'), '61');
  await user.type(screen.getByLabelText('Referensvärde'), '60,5');
  expect(screen.getByText(new RegExp(`Förslag enligt reglerna: ${assessmentLabel('indicator', 'not-achieved', 'sv')}`))).toBeTruthy();
  await user.clear(screen.getByLabelText('Referensvärde'));
  await user.type(screen.getByLabelText('Referensvärde'), '59,5');
  expect(screen.getByText(new RegExp(`Förslag enligt reglerna: ${assessmentLabel('indicator', 'achieved', 'sv')}`))).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Spara' }));
  expect(await screen.findByText('Sparat.')).toBeTruthy();
  expect(calls[0]).toMatchObject({ value: 61, reference: 59.5 });
});

test('the target hint prints the target as the report does', () => {
  setup(withReference);
  expect(screen.getByText(/Målvärde: 63\s% \(riket \+ 1\s%\)/)).toBeTruthy();
});

test('a styrtal with another kind of target has no reference field', () => {
  setup({ ...withReference, indicator: { valueType: 'numeric', direction: 'increase', unit: '%', target: 90, targetKind: 'at-least' } });
  expect(screen.queryByLabelText('Referensvärde')).toBeNull();
});
