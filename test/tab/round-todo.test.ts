/** @jest-environment jsdom */
// Att göra in the reporting round: each item's state as a badge in words, the count of what is not
// klar, and "Visa bara det som inte är klart" (which a reminder's link turns on).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { EntryState } from '../../src/core';
import type { FollowUpStore, LoadedPlan, WorkItem } from '../../src/store';
import { TodoView } from '../../src/tab/views/todo-view';
import { SV } from '../../src/ui';

const plan = {
  plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025', status: 'adopted' },
  organisation: { code: 'RS', name: 'Regionstyrelsen' },
  indicators: [],
  periods: [{ key: '2025-annual', year: 2025, kind: 'annual', deadline: '2026-01-31' }],
} as unknown as LoadedPlan;

const item = (ref: string, title: string, state?: EntryState): WorkItem => ({
  kind: 'indicator',
  ref,
  itemId: ref,
  title,
  ...(state ? { current: { subjectKind: 'indicator', subjectRef: ref, periodKey: '2025-annual', value: 1, state, itemId: `e-${ref}`, eTag: '"1"', subjectItemId: ref } } : {}),
});
const work = [item('i1', 'Väntetid'), item('i2', 'Nöjdhet', 'draft'), item('i3', 'Tillgänglighet', 'done'), item('i4', 'Kariesfria barn', 'approved'), item('i5', 'Läkarkontakt', 'returned')];
const store = { myWork: () => work } as unknown as FollowUpStore;

function show(extra: { notDone?: boolean; onNotDoneChange?: (on: boolean) => void } = {}) {
  localStorage.clear();
  render(
    createElement(
      FluentProvider,
      { theme: teamsLightTheme },
      createElement(TodoView, { store, plan, upn: 'johan.ekstrom@region.example', periodKey: '2025-annual', asOf: '2026-01-26', strings: SV, language: 'sv', onOpen: () => undefined, ...extra }),
    ),
  );
}

const rowOf = (title: string) => screen.getByRole('button', { name: title }).closest('tr') as HTMLElement;
const titles = () => screen.queryAllByRole('row').slice(1).map((r) => within(r).getByRole('button').textContent);

describe('Att göra in the reporting round', () => {
  it('shows each item\'s state in words', () => {
    show();
    expect(within(rowOf('Väntetid')).getByText('Ej påbörjad')).toBeTruthy();
    expect(within(rowOf('Nöjdhet')).getByText('Utkast')).toBeTruthy();
    expect(within(rowOf('Tillgänglighet')).getByText('Klar')).toBeTruthy();
    expect(within(rowOf('Kariesfria barn')).getByText('Godkänd')).toBeTruthy();
    expect(within(rowOf('Läkarkontakt')).getByText('Återremitterad')).toBeTruthy();
    expect(screen.getByTestId('todo-left').textContent).toBe('3 av 5 är inte klara');
    expect(screen.getByTestId('todo-deadline').textContent).toBe('Senast 31 januari, om 5 dagar');
  });

  it('"Visa bara det som inte är klart" leaves out what is klar or godkänd', async () => {
    const user = userEvent.setup();
    show();
    expect(titles()).toHaveLength(5);
    await user.click(screen.getByRole('checkbox', { name: 'Visa bara det som inte är klart' }));
    expect(titles()).toEqual(['Väntetid', 'Nöjdhet', 'Läkarkontakt']);
  });

  it('opens filtered when the address says so (a reminder\'s link), and tells the caller when it changes', async () => {
    const user = userEvent.setup();
    const changes: boolean[] = [];
    show({ notDone: true, onNotDoneChange: (on) => changes.push(on) });
    expect((screen.getByRole('checkbox', { name: 'Visa bara det som inte är klart' }) as HTMLInputElement).checked).toBe(true);
    expect(titles()).toEqual(['Väntetid', 'Nöjdhet', 'Läkarkontakt']);
    await user.click(screen.getByRole('checkbox', { name: 'Visa bara det som inte är klart' }));
    expect(changes).toEqual([false]);
  });
});
