/** @jest-environment jsdom */
// Uppföljningsläge in the tab as a controller meets it: the deadline and the lock, the counts per
// state, owner (by name) and goal, every item with its state in words, and the "Inte klara" filter.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpEntry } from '../../src/core';
import type { FollowUpStore, LoadedPlan, PeopleFound } from '../../src/store';
import { RoundView } from '../../src/tab/views/round-view';
import { EN, SV } from '../../src/ui';

const entry = (subjectKind: FollowUpEntry['subjectKind'], subjectRef: string, extra: Partial<FollowUpEntry>): FollowUpEntry => ({ subjectKind, subjectRef, periodKey: '2025-annual', comment: 'x', ...extra });

const plan = {
  plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025', status: 'adopted' },
  organisation: { code: 'RS', name: 'Regionstyrelsen', controllerUpns: ['elin.strom@region.example'] },
  periods: [{ key: '2025-annual', year: 2025, kind: 'annual', deadline: '2026-01-31', locked: true, lockedByUpn: 'elin.strom@region.example', lockedAt: '2026-02-02T10:00:00Z' }],
  goals: [{ ref: 'g1', kind: 'objective', number: '1', title: 'God vård', origin: 'council', ownerUpn: 'anna.berg@region.example' }],
  indicators: [
    { ref: 'i1', goalRef: 'g1', title: 'Väntetid', valueType: 'numeric', direction: 'decrease', ownerUpn: 'anna.berg@region.example' },
    { ref: 'i2', goalRef: 'g1', title: 'Nöjdhet', valueType: 'numeric', direction: 'increase', ownerUpn: 'bo.lund@region.example' },
  ],
  assignments: [{ ref: 'u1', goalRef: 'g1', title: 'Utred lokaler', origin: 'council', ownerUpn: 'bo.lund@region.example' }],
  risks: [],
  actions: [],
  entries: [entry('goal', 'g1', { state: 'approved' }), entry('indicator', 'i1', { state: 'done' }), entry('indicator', 'i2', { state: 'returned', returnComment: 'Ange källa' })],
  previousYearEntries: [],
} as unknown as LoadedPlan;

const directory: Record<string, string> = { 'anna.berg@region.example': 'Anna Berg', 'bo.lund@region.example': 'Bo Lund', 'elin.strom@region.example': 'Elin Ström' };
const store: Pick<FollowUpStore, 'people'> = {
  people: (request) =>
    Promise.resolve({
      users: new Map((request.users ?? []).map((upn) => [upn, { found: { id: upn, upn, displayName: directory[upn] ?? upn, accountEnabled: true, isContact: false } }])),
      managers: new Map(),
    } as PeopleFound),
};

function show(strings = SV, language: 'sv' | 'en' = 'sv') {
  return render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(RoundView, { store, plan, periodKey: '2025-annual', strings, language, asOf: '2026-02-03', onOpen: () => undefined })));
}

test('says the deadline and who locked the period, by name, and how much is not klar', async () => {
  show();
  expect(await screen.findByText(/Perioden är låst 2026-02-02 av Elin Ström\./)).toBeTruthy();
  expect(screen.getByTestId('round-period').textContent).toContain('Sista dag 31 januari.');
  expect(screen.getByTestId('round-summary').textContent).toBe('2 av 4 poster är inte klara');
});

test('counts per owner by display name, and lists every item with its state in words', async () => {
  show();
  const owners = (await screen.findByText('Per ansvarig')).closest('table');
  if (!owners) throw new Error('no owner table');
  const bo = within(owners).getByText('Bo Lund').closest('tr');
  // Bo Lund: one ej påbörjad (u1), one återremitterad (i2), two in all.
  expect([...(bo?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['Bo Lund', '1', '0', '0', '0', '1', '2']);
  const items = screen.getByTestId('round-items');
  expect([...items.querySelectorAll('tbody tr')].map((tr) => `${tr.getAttribute('data-ref') ?? ''}:${tr.querySelector('[data-state]')?.textContent ?? ''}`)).toEqual([
    'g1:Godkänd',
    'i1:Klar',
    'i2:Återremitterad',
    'u1:Ej påbörjad',
  ]);
  expect(within(items).getByText(/Återremitterad med kommentaren: ”Ange källa”/)).toBeTruthy();
});

test('the filter “Inte klara” keeps ej påbörjad, utkast and återremitterad', async () => {
  show();
  await userEvent.selectOptions(screen.getByTestId('round-filter'), 'open');
  const rows = [...screen.getByTestId('round-items').querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-ref'));
  expect(rows).toEqual(['i2', 'u1']);
});

test('in English when the host says so', async () => {
  show(EN, 'en');
  expect(await screen.findByText('Reporting status')).toBeTruthy();
  expect(screen.getByTestId('round-summary').textContent).toBe('2 of 4 items are not done');
});

test('"Påminn nu": the controller picks people with items not klar, by name, and hears what was sent', async () => {
  const open = { ...plan, periods: plan.periods.map((p) => ({ ...p, locked: false })) } as LoadedPlan;
  const asked: string[][] = [];
  const remind = (upns: readonly string[]) => {
    asked.push([...upns]);
    return Promise.resolve(upns.map((upn) => ({ upn, status: asked.length > 1 ? 'sent-earlier' : 'sent', items: 1 })));
  };
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(RoundView, { store, plan: open, periodKey: '2025-annual', strings: SV, language: 'sv', asOf: '2026-02-03', onOpen: () => undefined, remind })));
  const box = await screen.findByTestId('remind-now');
  // Anna Berg's items are klar or godkänd: only Bo Lund has something to be reminded of.
  expect(within(box).queryByLabelText(/Anna Berg/)).toBeNull();
  await userEvent.click(await within(box).findByLabelText('Bo Lund (2 inte klara)'));
  await userEvent.click(within(box).getByRole('button', { name: 'Påminn nu (1)' }));
  expect(await within(box).findByText('Påminnelse skickad till 1 person.')).toBeTruthy();
  expect(asked).toEqual([['bo.lund@region.example']]);
});

test('no "Påminn nu" for a locked period', async () => {
  const remind = () => Promise.resolve([]);
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(RoundView, { store, plan, periodKey: '2025-annual', strings: SV, language: 'sv', asOf: '2026-02-03', onOpen: () => undefined, remind })));
  await screen.findByText(/Perioden är låst/);
  expect(screen.queryByTestId('remind-now')).toBeNull();
});
