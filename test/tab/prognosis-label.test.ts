/** @jest-environment jsdom */
// At a delår a goal's (and an uppdrag's) assessment is the forecast for the year: the editor labels
// it "Prognos helår"; at the helår, and for styrtal always, it stays "Bedömning".
import { render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpStore, LoadedPlan } from '../../src/store';
import { EntryEditor } from '../../src/tab/editor/entry-editor';
import type { EditorSubject } from '../../src/tab/editor/editor-model';
import { EN, SV } from '../../src/ui';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (layout only).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const plan = {
  organisation: { code: 'RS' },
  plan: { year: 2025, title: 'RS 2025' },
  goals: [],
  indicators: [],
  assignments: [],
  risks: [],
  actions: [],
  entries: [],
  previousYearEntries: [],
  periods: [
    { key: '2025-interim', year: 2025, kind: 'interim' },
    { key: '2025-annual', year: 2025, kind: 'annual' },
  ],
} as unknown as LoadedPlan;
const goal: EditorSubject = { kind: 'goal', ref: 'g1', title: 'Hälso- och sjukvården är god, säker och jämlik' };
const assignment: EditorSubject = { kind: 'assignment', ref: 'u3', title: 'Följa upp kariesskador' };
const indicator: EditorSubject = { kind: 'indicator', ref: 'g1-i1', title: 'Telefontillgänglighet', indicator: { valueType: 'numeric', direction: 'increase', target: 90, unit: '%' } };

function openEditor(subject: EditorSubject, periodKey: string, strings = SV, language: 'sv' | 'en' = 'sv') {
  localStorage.clear();
  const store = {} as unknown as FollowUpStore;
  return render(
    createElement(
      FluentProvider,
      { theme: teamsLightTheme },
      createElement(EntryEditor, { store, plan, subject, periodKey, upn: 'anna@region.example', strings, language, onSaved: () => undefined, onClose: () => undefined }),
    ),
  );
}

describe('the assessment label', () => {
  it('is "Prognos helår" for a goal at the delår', () => {
    openEditor(goal, '2025-interim');
    expect(screen.getByLabelText('Prognos helår')).toBeTruthy();
    expect(screen.queryByLabelText('Bedömning')).toBeNull();
  });

  it('is "Bedömning" for the same goal at the helår', () => {
    openEditor(goal, '2025-annual');
    expect(screen.getByLabelText('Bedömning')).toBeTruthy();
    expect(screen.queryByLabelText('Prognos helår')).toBeNull();
  });

  it('is "Prognos helår" for an uppdrag at the delår too', () => {
    openEditor(assignment, '2025-interim');
    expect(screen.getByLabelText('Prognos helår')).toBeTruthy();
  });

  it('stays "Bedömning" for a styrtal at the delår, beside its Utfall for the period', () => {
    openEditor(indicator, '2025-interim');
    expect(screen.getByLabelText('Bedömning')).toBeTruthy();
    expect(screen.getByLabelText('Utfall')).toBeTruthy();
    expect(screen.queryByLabelText('Prognos helår')).toBeNull();
  });

  it('has an English form', () => {
    openEditor(goal, '2025-interim', EN, 'en');
    expect(screen.getByLabelText('Forecast for the year')).toBeTruthy();
  });
});
