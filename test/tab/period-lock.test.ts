/** @jest-environment jsdom */
// The period lock in the tab: everyone sees who locked it and when, by name; a controller locks,
// is told which items are not approved, and can lock anyway; nobody else gets the buttons.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { RoundItem } from '../../src/core';
import type { FollowUpStore, LoadedPlan, LockResult, PeopleFound, WriteApi } from '../../src/store';
import { PeriodLock } from '../../src/tab/views/period-lock';
import { SV } from '../../src/ui';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const CONTROLLER = 'elin.strom@region.example';
const REPORTER = 'johan.ekstrom@region.example';
const directory: Record<string, string> = { [CONTROLLER]: 'Elin Ström', [REPORTER]: 'Johan Ekström' };
const people: Pick<FollowUpStore, 'people'> = {
  people: (request) =>
    Promise.resolve({
      users: new Map((request.users ?? []).map((u) => [u, { found: { id: u, upn: u, displayName: directory[u] ?? u, accountEnabled: true, isContact: false } }])),
      managers: new Map(),
    } as PeopleFound),
};
const planWith = (period: Record<string, unknown>) =>
  ({ organisation: { code: 'RS', name: 'Regionstyrelsen', controllerUpns: [CONTROLLER] }, plan: { organisationCode: 'RS', year: 2025, title: 'RS 2025' }, periods: [{ key: '2025-annual', year: 2025, kind: 'annual', ...period }] }) as unknown as LoadedPlan;

const unapproved: RoundItem[] = Array.from({ length: 12 }, (_, i) => ({ kind: 'indicator', ref: `i${i}`, title: `Styrtal ${i + 1}`, ownerUpn: REPORTER, state: 'draft' }));

function show(upn: string, plan: LoadedPlan, answers: LockResult[] = []) {
  const calls: Array<{ locked: boolean; force?: boolean | undefined }> = [];
  const writer: Pick<WriteApi, 'setPeriodLock'> = {
    setPeriodLock: async (_plan, _period, lock) => {
      calls.push(lock);
      return answers.shift() ?? { status: 'unchanged' };
    },
  };
  const onChanged = jest.fn();
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(PeriodLock, { plan, periodKey: '2025-annual', upn, writer, people, strings: SV, language: 'sv', onChanged })));
  return { calls, onChanged, user: userEvent.setup() };
}

describe('the period lock in the tab', () => {
  it('shows everyone who locked the period and when, by name, and gives a reporter no buttons', async () => {
    show(REPORTER, planWith({ locked: true, lockedByUpn: CONTROLLER, lockedAt: `${new Date().getFullYear()}-12-02T10:00:00Z` }));
    await waitFor(() => expect(screen.getByTestId('period-locked').textContent).toBe('Låst av Elin Ström 2 december'));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a reporter nothing while the period is open', () => {
    show(REPORTER, planWith({}));
    expect(screen.queryByTestId('period-lock')).toBeNull();
  });

  it('a controller locks; a refusal names the items not approved, and "Lås ändå" locks anyway', async () => {
    const saved: LockResult = { status: 'saved', saved: { periodKey: '2025-annual', locked: true, lockedByUpn: CONTROLLER, lockedAt: '2026-12-02T10:00:00Z', itemId: '1', eTag: '"2"' }, notApproved: unapproved };
    const { calls, onChanged, user } = show(CONTROLLER, planWith({}), [{ status: 'refused', refusal: { code: 'not-approved', message: 'Helår 2025 låstes inte.', items: unapproved } }, saved]);
    await user.click(screen.getByRole('button', { name: 'Lås perioden' }));
    expect(await screen.findByText('Perioden låstes inte: 12 poster är inte godkända.')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(11);
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]?.textContent).toBe('Styrtal: Styrtal 1 · Utkast · Johan Ekström'));
    expect(screen.getByText('och 2 till')).toBeTruthy();
    expect(onChanged).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Lås ändå' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls).toEqual([{ locked: true }, { locked: true, force: true }]);
  });

  it('a controller unlocks a locked period', async () => {
    const { calls, onChanged, user } = show(CONTROLLER, planWith({ locked: true, lockedByUpn: CONTROLLER, lockedAt: '2025-12-02T10:00:00Z' }));
    await user.click(screen.getByRole('button', { name: 'Lås upp' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls).toEqual([{ locked: false }]);
  });
});
