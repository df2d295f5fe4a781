/** @jest-environment jsdom */
// Ombud as an owner meets it: they add a delegate found by name and remove the delegate again, and
// see whom they stand in for; names only, never an address. (What a delegate may then do is the
// write API's, tested in test/api.)
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpStore, PeopleFound, PersonFound, WriteApi } from '../../src/store';
import { DelegatesPanel } from '../../src/tab/views/delegates-panel';
import { SV } from '../../src/ui';

const directory: Record<string, string> = { 'maria.holm@region.example': 'Maria Holm', 'karin.lindqvist@region.example': 'Karin Lindqvist', 'johan.ekstrom@region.example': 'Johan Ekström' };
const people: Pick<FollowUpStore, 'people'> = {
  people: (request) =>
    Promise.resolve({
      users: new Map((request.users ?? []).map((upn) => [upn, { found: { id: upn, upn, displayName: directory[upn] ?? upn, accountEnabled: true, isContact: false } }])),
      managers: new Map(),
    } as PeopleFound),
};
const search = (text: string): Promise<PersonFound[]> =>
  Promise.resolve(Object.entries(directory).filter(([, name]) => name.toLowerCase().startsWith(text.toLowerCase())).map(([upn, displayName]) => ({ upn, displayName })));

function fakeApi(): Pick<WriteApi, 'myDelegates' | 'addDelegate' | 'removeDelegate'> & { list: string[] } {
  const list: string[] = [];
  return {
    list,
    myDelegates: () => Promise.resolve({ delegates: [...list], owners: ['karin.lindqvist@region.example'] }),
    addDelegate: (upn) => {
      list.push(upn);
      return Promise.resolve([...list]);
    },
    removeDelegate: (upn) => {
      list.splice(list.indexOf(upn), 1);
      return Promise.resolve([...list]);
    },
  };
}

test('an owner adds a delegate found by name, sees whom they stand in for, and removes the delegate', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(DelegatesPanel, { strings: SV, upn: 'johan.ekstrom@region.example', api, search, people })));
  const panel = await screen.findByTestId('delegates');
  expect(await within(panel).findByText('Du har inga ombud.')).toBeTruthy();
  expect(await within(panel).findByText('Du är ombud för Karin Lindqvist.')).toBeTruthy();
  await user.type(within(panel).getByLabelText('Sök en person att lägga till'), 'Mar');
  await user.click(await within(panel).findByRole('button', { name: 'Lägg till Maria Holm' }));
  await waitFor(() => expect(api.list).toEqual(['maria.holm@region.example']));
  await user.click(await within(panel).findByRole('button', { name: 'Ta bort Maria Holm' }));
  await waitFor(() => expect(api.list).toEqual([]));
  expect(panel.textContent).not.toMatch(/@/);
});

test('the owner cannot add themselves: the search leaves them out', async () => {
  const user = userEvent.setup();
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(DelegatesPanel, { strings: SV, upn: 'johan.ekstrom@region.example', api: fakeApi(), search, people })));
  const panel = await screen.findByTestId('delegates');
  await user.type(await within(panel).findByLabelText('Sök en person att lägga till'), 'Joh');
  expect(await within(panel).findByText('Ingen i katalogen börjar så.')).toBeTruthy();
});
