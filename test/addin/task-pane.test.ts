/** @jest-environment jsdom */
// The task pane outside Office: configuration, the emulator's user picker, plan and period choice,
// with labelled controls reachable by keyboard.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import type { PlanDocument } from '../../src/core';
import { documentToModel } from '../../src/core';
import type { AppConfig, DevUser } from '../../src/auth';
import { NO_EXCEL } from '../../src/addin/office-host';
import type { AddinServices } from '../../src/addin/services';
import type { Session } from '../../src/store';
import { TaskPane } from '../../src/addin/task-pane';
import type { FollowUpStore, LoadedPlan } from '../../src/store';

// jsdom has no ResizeObserver; Fluent's MessageBar only uses it to reflow long messages.
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;

const config: AppConfig = { mode: 'emulator', graphUrl: 'http://localhost:3000/graph/v1.0', siteRef: 'localhost:/sites/malkoll' };
const users: DevUser[] = [
  { upn: 'anna.berg@region.example', displayName: 'Anna Berg' },
  { upn: 'erik.lund@region.example', displayName: 'Erik Lund' },
];

/** RS 2025 as the fixture has it, shaped as a loaded plan (the report reads the model, not the ids). */
const PLAN = ((): LoadedPlan => {
  const { contents, entries } = documentToModel(JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', 'rs-2025.json'), 'utf8')) as PlanDocument);
  return { ...contents, entries, previousYearEntries: [] } as unknown as LoadedPlan;
})();

function services(signedIn: string[]): AddinServices {
  const store = {
    listPlans: async () => [{ organisationCode: 'RS', year: 2025, title: 'Regionstyrelsens verksamhetsplan', status: 'adopted' as const, itemId: '1', eTag: '"1"' }],
    organisations: async () => [{ code: 'RS', name: 'Regionstyrelsen', itemId: '1', eTag: '"1"' }],
    loadPlan: async () => PLAN,
    people: async () => ({ users: new Map(), managers: new Map() }),
  } as unknown as FollowUpStore;
  return {
    loadConfig: async () => ({ ok: true, config }),
    listUsers: async () => users,
    signInLocal: async (_config, user) => {
      signedIn.push(user.upn);
      return { upn: user.upn, displayName: user.displayName, store, roundTrips: () => 0, reopen: async () => { throw new Error('not in this test'); } } satisfies Session;
    },
    signInMicrosoft: async () => {
      throw new Error('not in this test');
    },
  };
}

test('sign in as an emulator person, then choose organisation, plan and period with the keyboard', async () => {
  const user = userEvent.setup();
  const signedIn: string[] = [];
  // A .ts test (Jest matches *.test.ts only), so createElement instead of JSX.
  render(createElement(TaskPane, { host: NO_EXCEL, services: services(signedIn) }));
  const picker = await screen.findByLabelText('Person (lokal körning)');
  await waitFor(() => expect(screen.getByRole('option', { name: /Erik Lund/ })).toBeTruthy());
  await user.selectOptions(picker, 'erik.lund@region.example');
  await user.click(screen.getByRole('button', { name: 'Logga in' }));
  expect(signedIn).toEqual(['erik.lund@region.example']);
  expect(await screen.findByText('Inloggad som Erik Lund')).toBeTruthy();

  await user.selectOptions(await screen.findByLabelText('Plan'), 'RS:2025');
  await waitFor(() => expect(screen.getByRole('option', { name: 'Helår 2025' })).toBeTruthy());
  // The period people report in now is chosen already: with every deadline passed, the latest unlocked one.
  await waitFor(() => expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('2025-annual'));
  // Outside Excel the pane previews the tables it would insert.
  expect(await screen.findByText('Förhandsgranskning av tabellerna')).toBeTruthy();
  // Outside Excel the pane says so and the workbook buttons stay disabled.
  expect(screen.getByText(/Öppna Målkoll i Excel/)).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Infoga eller uppdatera avsnitten' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByRole('checkbox', { name: 'Sammanfattning' })).toBeTruthy();
});
