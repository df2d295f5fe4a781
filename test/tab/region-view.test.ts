/** @jest-environment jsdom */
// Regionen, as Regionstyrelsen's controllers meet it: a regionfullmäktige målsättning given to
// three nämnder shows the three nämnders' assessments and comments side by side, by the stable
// identity (`givenBy`), never by title; a nämnd that was not given it is not there; who reported is
// shown by name; the suggestion names its rule; a styrtal is rolled up by its method.
import { render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { FollowUpEntry, Goal, Organisation } from '../../src/core';
import type { FollowUpStore, LoadedOrganisationTree, LoadedPlan, PeopleFound } from '../../src/store';
import { RegionTreeView } from '../../src/tab/views/children-view-region';
import { EN, SV } from '../../src/ui';

const PERIOD = '2025-annual';
const periods = [{ key: PERIOD, year: 2025, kind: 'annual' }];
const RF: Organisation = { code: 'RF', name: 'Regionfullmäktige', kind: 'region' };
const board = (code: string, name: string): Organisation => ({ code, name, kind: 'board', parentCode: 'RF' });
const BOARDS = [board('HSN', 'Hälso- och sjukvårdsnämnden'), board('RS', 'Regionstyrelsen'), board('KFN', 'Kulturnämnden'), board('TN', 'Trafiknämnden')];

const regionPlan = {
  organisation: RF,
  plan: { organisationCode: 'RF', year: 2025, title: 'Regionfullmäktiges budget 2025', status: 'adopted' },
  periods,
  goals: [{ ref: 'm1', kind: 'objective', number: '1', title: 'Invånarna har en god och jämlik hälsa', origin: 'council' }],
  indicators: [{ ref: 'm1-s1', goalRef: 'm1', title: 'Andel nöjda invånare', valueType: 'numeric', unit: '%', direction: 'increase', rollUp: { method: 'average' } }],
  assignments: [{ ref: 'm1-u1', goalRef: 'm1', number: '3', title: 'Samordna folkhälsoarbetet', origin: 'council' }],
  risks: [],
  actions: [],
  entries: [],
} as unknown as LoadedPlan;

const entry = (subjectKind: FollowUpEntry['subjectKind'], subjectRef: string, extra: Partial<FollowUpEntry>): FollowUpEntry => ({ subjectKind, subjectRef, periodKey: PERIOD, ...extra });

/** A nämnd's plan: its own goal, under its own ref and title, given by RF's m1 (or not given at all). */
function boardPlan(organisation: Organisation, given: boolean, entries: FollowUpEntry[]): LoadedPlan {
  const goal: Goal = { ref: 'g7', kind: 'objective', number: '7', title: `${organisation.name}s del av folkhälsan`, origin: 'council', ...(given ? { givenBy: { plan: 'RF:2025', ref: 'm1' } } : {}) };
  return {
    organisation,
    plan: { organisationCode: organisation.code, year: 2025, title: `${organisation.name} 2025`, status: 'adopted' },
    periods,
    goals: [goal],
    indicators: given ? [{ ref: 'g7-i1', goalRef: 'g7', title: 'Nöjda', valueType: 'numeric', unit: '%', direction: 'increase', givenBy: { plan: 'RF:2025', ref: 'm1-s1' } }] : [],
    assignments: given ? [{ ref: 'g7-a1', goalRef: 'g7', title: 'Folkhälsoarbetet', origin: 'council', givenBy: { plan: 'RF:2025', ref: 'm1-u1' } }] : [],
    risks: [],
    actions: [],
    entries,
  } as unknown as LoadedPlan;
}

const tree: LoadedOrganisationTree = {
  year: 2025,
  organisations: [RF, ...BOARDS].map((o) => ({ ...o, itemId: o.code, eTag: '1' })),
  plans: [
    regionPlan,
    boardPlan(BOARDS[0] as Organisation, true, [
      entry('goal', 'g7', { assessment: 'achieved', comment: 'Väntetiderna har minskat.', reportedByUpn: 'anna.berg@region.example' }),
      entry('indicator', 'g7-i1', { value: 80 }),
      entry('assignment', 'g7-a1', { assessment: 'partly' }),
    ]),
    boardPlan(BOARDS[1] as Organisation, true, [entry('goal', 'g7', { assessment: 'partly', comment: 'Arbetet pågår.', reportedByUpn: 'bo.lund@region.example' }), entry('indicator', 'g7-i1', { value: 70 })]),
    boardPlan(BOARDS[2] as Organisation, true, [entry('goal', 'g7', { assessment: 'partly', comment: 'Delvis, se bilaga.' })]),
    // Trafiknämnden has a goal of the same title and ref but was not given RF's: it is no part.
    boardPlan(BOARDS[3] as Organisation, false, [entry('goal', 'g7', { assessment: 'not-achieved', comment: 'Inte vår fråga.' })]),
  ],
};

const directory: Record<string, string> = { 'anna.berg@region.example': 'Anna Berg', 'bo.lund@region.example': 'Bo Lund' };
const people: Pick<FollowUpStore, 'people'> = {
  people: (request) =>
    Promise.resolve({
      users: new Map((request.users ?? []).map((upn) => [upn, { found: { id: upn, upn, displayName: directory[upn] ?? upn, accountEnabled: true, isContact: false } }])),
      managers: new Map(),
    } as PeopleFound),
};

function show(strings = SV, language: 'sv' | 'en' = 'sv') {
  return render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(RegionTreeView, { tree, periodKey: PERIOD, people, strings, language })));
}

const rowsOf = (table: HTMLElement) => [...table.querySelectorAll('tbody tr')] as HTMLElement[];

test('a regionfullmäktige goal given to three nämnder shows their three assessments and comments side by side', async () => {
  show();
  const table = screen.getByTestId('region-goal-m1');
  // Who reported, by name once the directory answers.
  expect(await within(table).findByText('Anna Berg')).toBeTruthy();
  const rows = rowsOf(table);
  expect(rows.map((r) => r.getAttribute('data-board'))).toEqual(['HSN', 'RS', 'KFN']);
  expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
    ['Hälso- och sjukvårdsnämnden', 'Uppnått eller överträffat målnivån', 'Väntetiderna har minskat.', 'Anna Berg'],
    ['Regionstyrelsen', 'Mindre, acceptabel avvikelse / delvis uppnått', 'Arbetet pågår.', 'Bo Lund'],
    ['Kulturnämnden', 'Mindre, acceptabel avvikelse / delvis uppnått', 'Delvis, se bilaga.', ''],
  ]);
  expect(within(table).queryByText('Trafiknämnden')).toBeNull();
});

test('the suggestion says its rule, and the styrtal is rolled up by its method', () => {
  show();
  expect(screen.getByTestId('region-suggestion-m1').textContent).toContain('Förslag: Mindre, acceptabel avvikelse / delvis uppnått (den vanligaste; vid lika den sämre; 3 nämnder)');
  const indicator = screen.getByTestId('region-indicator-m1-s1');
  expect(rowsOf(indicator).map((r) => r.querySelectorAll('td')[1]?.textContent)).toEqual(['80\u00a0%', '70\u00a0%', '']);
  expect(screen.getByText(/^Regionen: 75 % \(medelvärde av nämndernas utfall\)$/)).toBeTruthy();
  const assignment = screen.getByTestId('region-assignment-m1-u1');
  expect(rowsOf(assignment).map((r) => r.querySelectorAll('td')[1]?.textContent)).toEqual(['Har delvis genomförts', 'Inte rapporterad', 'Inte rapporterad']);
});

test("the region's counts: per nämnd and for every nämnd", () => {
  show();
  const counts = rowsOf(screen.getByTestId('region-counts')).filter((r) => r.getAttribute('data-subject') === 'goal');
  expect(counts.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
    ['Målsättningar: Hälso- och sjukvårdsnämnden', '1', '1', '0', '0', '0'],
    ['Målsättningar: Regionstyrelsen', '1', '0', '1', '0', '0'],
    ['Målsättningar: Kulturnämnden', '1', '0', '1', '0', '0'],
    ['Målsättningar: Alla nämnder', '3', '1', '2', '0', '0'],
  ]);
});

test('without regionfullmäktige’s plan the view says so', () => {
  render(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(RegionTreeView, { tree: { ...tree, plans: tree.plans.slice(1) }, periodKey: PERIOD, people, strings: SV, language: 'sv' })));
  expect(screen.getByRole('status').textContent).toBe('Regionfullmäktiges plan för 2025 finns inte i Målkoll.');
});

test('in English when the host says so', () => {
  show(EN, 'en');
  expect(screen.getByRole('heading', { level: 2 }).textContent).toBe("The regional council's goals and assignments");
  expect(rowsOf(screen.getByTestId('region-goal-m1')).map((r) => r.querySelectorAll('td')[1]?.textContent)).toEqual(['Achieved or exceeded the target', 'Minor, acceptable deviation / partly achieved', 'Minor, acceptable deviation / partly achieved']);
});
