/** @jest-environment jsdom */
// Who the two tree views are for, and the children view from the keyboard: a nämnd's controllers
// and its manager see Underliggande, staff do not, nor anyone on an enhet's plan with nothing under
// it; Regionen is for the region's controllers. A row opens to the organisations under it.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpEntry, Organisation } from '../../src/core';
import type { FollowUpStore, LoadedOrganisationTree, LoadedPlan, OrganisationMove, OrganisationWriteResult, PeopleFound } from '../../src/store';
import type { TreeWriter } from '../../src/tab/views/children-view-keep';
import { treeAccess } from '../../src/tab/views/children-view-data';
import { ChildrenProgressView } from '../../src/tab/views/children-view';
import { SV } from '../../src/ui';

const PERIOD = '2025-annual';
const REGION_CONTROLLER = 'karin.holm@region.example';
const HSN_CONTROLLER = 'per.ek@region.example';
const HSN_MANAGER = 'lena.dahl@region.example';
const F1_CONTROLLER = 'oskar.falk@region.example';
const STAFF = 'eva.lund@region.example';

const organisations: Organisation[] = [
  { code: 'RF', name: 'Regionfullmäktige', kind: 'region', controllerUpns: [REGION_CONTROLLER] },
  { code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: 'RF', controllerUpns: [HSN_CONTROLLER], managerUpn: HSN_MANAGER },
  { code: 'HSN-F1', name: 'Sjukvårdsförvaltningen', kind: 'administration', parentCode: 'HSN', controllerUpns: [F1_CONTROLLER], managerUpn: 'ingrid.wallin@region.example' },
  { code: 'HSN-F1-E1', name: 'Akutmottagningen', kind: 'unit', parentCode: 'HSN-F1' },
  { code: 'HSN-F2', name: 'Primärvårdsförvaltningen', kind: 'administration', parentCode: 'HSN' },
];
const byCode = (code: string) => organisations.find((o) => o.code === code) as Organisation;

test('Underliggande is for the controllers and the manager of an organisation with organisations under it', () => {
  expect(treeAccess(HSN_CONTROLLER, byCode('HSN'), organisations).children).toBe(true);
  expect(treeAccess(HSN_MANAGER, byCode('HSN'), organisations).children).toBe(true);
  expect(treeAccess(STAFF, byCode('HSN'), organisations).children).toBe(false);
  // A förvaltning's controller, on a plan of a förvaltning with an enhet under it.
  expect(treeAccess(F1_CONTROLLER, byCode('HSN-F1'), organisations).children).toBe(true);
  // Nothing under it yet: its controller still sees the view (to add the first), its manager does not; an enhet's controller neither.
  const withLeaf = organisations.map((o) => (o.code === 'HSN-F2' ? { ...o, controllerUpns: [F1_CONTROLLER], managerUpn: STAFF } : o.code === 'HSN-F1-E1' ? { ...o, controllerUpns: [F1_CONTROLLER] } : o));
  const leaf = (code: string) => withLeaf.find((o) => o.code === code) as Organisation;
  expect(treeAccess(F1_CONTROLLER, leaf('HSN-F2'), withLeaf).children).toBe(true);
  expect(treeAccess(STAFF, leaf('HSN-F2'), withLeaf).children).toBe(false);
  expect(treeAccess(F1_CONTROLLER, leaf('HSN-F1-E1'), withLeaf).children).toBe(false);
  // A nämnd's controller is no controller of the förvaltning below it just for that.
  expect(treeAccess(HSN_CONTROLLER, byCode('HSN-F1'), organisations).children).toBe(false);
});

test("Regionen is for the region's controllers, whichever plan is open", () => {
  expect(treeAccess(REGION_CONTROLLER, byCode('HSN'), organisations).region).toBe(true);
  expect(treeAccess('KARIN.HOLM@region.example', byCode('HSN-F2'), organisations).region).toBe(true);
  expect(treeAccess(HSN_CONTROLLER, byCode('HSN'), organisations).region).toBe(false);
  expect(treeAccess(STAFF, byCode('RF'), organisations).region).toBe(false);
});

const entry = (subjectKind: FollowUpEntry['subjectKind'], subjectRef: string, extra: Partial<FollowUpEntry>): FollowUpEntry => ({ subjectKind, subjectRef, periodKey: PERIOD, ...extra });

/** A plan of one goal with one styrtal: `reported` of the two have an entry, the goal assessed when reported. */
function plan(code: string, reported: 0 | 1 | 2): LoadedPlan {
  const entries = [entry('goal', 'g1', { assessment: 'achieved', state: 'done' }), entry('indicator', 'g1-i1', { value: 3 })].slice(0, reported);
  return {
    organisation: byCode(code),
    plan: { organisationCode: code, year: 2025, title: `${code} 2025`, status: 'adopted' },
    periods: [{ key: PERIOD, year: 2025, kind: 'annual' }],
    goals: [{ ref: 'g1', kind: 'objective', title: 'Mål', origin: 'board' }],
    indicators: [{ ref: 'g1-i1', goalRef: 'g1', title: 'Antal', valueType: 'numeric', direction: 'increase' }],
    assignments: [],
    risks: [],
    actions: [],
    entries,
  } as unknown as LoadedPlan;
}

const tree: LoadedOrganisationTree = {
  year: 2025,
  organisations: organisations.map((o) => ({ ...o, itemId: o.code, eTag: '1' })),
  plans: [plan('HSN', 2), plan('HSN-F1', 1), plan('HSN-F1-E1', 2)],
};
const directory: Record<string, string> = { 'ingrid.wallin@region.example': 'Ingrid Wallin' };
const people: Pick<FollowUpStore, 'people'> = {
  people: (request) =>
    Promise.resolve({
      users: new Map((request.users ?? []).map((upn) => [upn, { found: { id: upn, upn, displayName: directory[upn] ?? upn, accountEnabled: true, isContact: false } }])),
      managers: new Map(),
    } as PeopleFound),
};

const cells = (code: string, own = false) => {
  const row = document.querySelector(`tr[data-org="${code}"]${own ? '[data-own="true"]' : ':not([data-own])'}`);
  return [...(row?.querySelectorAll('td') ?? [])].slice(2, 5).map((td) => td.textContent);
};

test('a förvaltning row counts its plan and the enhet under it, and opens from the keyboard to show them apart', async () => {
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(ChildrenProgressView, { tree, organisationCode: 'HSN', periodKey: PERIOD, people, strings: SV, language: 'sv' })));
  // HSN-F1 with its enhet: 2 plans, 3 of 4 reported, 2 of 4 assessed; HSN-F2 has no plan this year.
  expect(cells('HSN-F1')).toEqual(['2', '3 av 4', '2 av 4']);
  expect(cells('HSN-F2')).toEqual(['0', '0 av 0', '0 av 0']);
  expect(screen.getByText(/Ingen plan för året/)).toBeTruthy();
  expect(await screen.findByText('Ingrid Wallin')).toBeTruthy();
  expect(document.querySelector('tr[data-org="HSN-F1-E1"]')).toBeNull();

  const open = screen.getByRole('button', { name: 'Visa 1 under Sjukvårdsförvaltningen' });
  open.focus();
  await userEvent.keyboard('{Enter}');
  expect(open.getAttribute('aria-expanded')).toBe('true');
  expect(cells('HSN-F1', true)).toEqual(['1', '1 av 2', '1 av 2']);
  expect(cells('HSN-F1-E1')).toEqual(['1', '2 av 2', '1 av 2']);
  await userEvent.keyboard(' ');
  expect(document.querySelector('tr[data-org="HSN-F1-E1"]')).toBeNull();
});

describe('keeping the tree from the children view', () => {
  const saved = (code: string, name: string): OrganisationWriteResult => ({ status: 'saved', saved: { code, name, itemId: code, eTag: '2' } });
  function keep(upn: string, writer: TreeWriter, onRefresh = jest.fn()) {
    render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(ChildrenProgressView, { tree, organisationCode: 'HSN', periodKey: PERIOD, people, strings: SV, language: 'sv', onRefresh, keeping: { upn, writer } })));
    return onRefresh;
  }
  const writer = (): jest.Mocked<TreeWriter> => ({
    addOrganisation: jest.fn((add) => Promise.resolve(saved(add.code, add.name))),
    renameOrganisation: jest.fn((rename) => Promise.resolve(saved(rename.code, rename.name))),
    moveOrganisation: jest.fn((_move: OrganisationMove) => Promise.resolve<OrganisationWriteResult>({ status: 'refused', refusal: { code: 'not-controller', message: 'Bara controller för Regionfullmäktige eller för en organisation ovanför den kan ändra organisationsträdet där.' } })),
  });

  test("a nämnd's controller adds a förvaltning under it through the write API, and the tree is read again", async () => {
    const api = writer();
    const onRefresh = keep(HSN_CONTROLLER, api);
    await userEvent.click(screen.getByRole('button', { name: 'Ändra organisationsträdet' }));
    const form = screen.getByRole('form', { name: 'Lägg till en organisation' });
    await userEvent.type(within(form).getByLabelText(/^Kod/), 'HSN-F3');
    await userEvent.type(within(form).getByLabelText(/^Namn/), 'Habiliteringsförvaltningen');
    await userEvent.selectOptions(within(form).getByLabelText('Typ'), 'administration');
    await userEvent.click(within(form).getByRole('button', { name: 'Lägg till' }));
    expect(api.addOrganisation).toHaveBeenCalledWith({ code: 'HSN-F3', name: 'Habiliteringsförvaltningen', parentCode: 'HSN', kind: 'administration' });
    expect((await screen.findByRole('status')).textContent).toBe('Sparat: Habiliteringsförvaltningen.');
    expect(onRefresh).toHaveBeenCalled();
  });

  test('a move offers no place under the organisation itself, and the API’s refusal is shown in Swedish', async () => {
    const api = writer();
    keep(HSN_CONTROLLER, api);
    await userEvent.click(screen.getByRole('button', { name: 'Ändra organisationsträdet' }));
    const form = screen.getByRole('form', { name: 'Flytta en organisation' });
    await userEvent.selectOptions(within(form).getByLabelText('Flytta'), 'HSN-F1');
    const under = within(form).getByLabelText('Till under');
    const places = [...under.querySelectorAll('option')].map((o) => o.getAttribute('value'));
    expect(places).not.toContain('HSN-F1');
    expect(places).not.toContain('HSN-F1-E1');
    expect(places).toContain('HSN-F2');
    await userEvent.selectOptions(under, 'RF');
    await userEvent.click(within(form).getByRole('button', { name: 'Flytta' }));
    expect(api.moveOrganisation).toHaveBeenCalledWith({ code: 'HSN-F1', parentCode: 'RF', eTag: '1' });
    expect((await screen.findByRole('alert')).textContent).toBe('Bara controller för Regionfullmäktige eller för en organisation ovanför den kan ändra organisationsträdet där.');
  });

  test('the manager, who is no controller, sees the progress but cannot change the tree', () => {
    keep(HSN_MANAGER, writer());
    expect(screen.getByTestId('children-progress')).toBeTruthy();
    expect(screen.queryByTestId('tree-keeping')).toBeNull();
  });
});
