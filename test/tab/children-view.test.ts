// Underliggande as regionfullmäktige's controller sees it, on a tree in the emulator (two nämnder
// with two förvaltningar each): every nämnd's row counts what its plan and its förvaltningar's
// plans have reported and assessed, and the round's states, exactly as counted straight from the
// lists' items; a förvaltning's row, under its nämnd, counts its own plan alone.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { ItemState } from '../../src/core';
import { ITEM_STATES } from '../../src/core';
import type { FollowUpStore, LoadedOrganisationTree, PeopleFound } from '../../src/store';
import { importPlan } from '../../src/store';
import { graphClientOf } from '../../src/store/follow-up-store';
import { loadOrganisationTree } from '../../src/store/org-tree';
import { listPath } from '../../src/store/site';
import { ChildrenProgressView } from '../../src/tab/views/children-view';
import { SV } from '../../src/ui';
import { regionTreeDataset } from '../fixtures/region-tree';
import type { Harness } from '../store/harness';
import { registerPeople, startHarness } from '../store/harness';

interface RawItem {
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

const dataset = regionTreeDataset({ boards: 2, administrationsPerBoard: 2 });
const PERIOD = '2025-annual';
const STATES: readonly ItemState[] = ['done', 'approved', 'returned', 'draft'];
const REPORTED = ['Value', 'Level', 'Reference', 'Assessment', 'Trend', 'Status', 'Comment'];
const noPeople: Pick<FollowUpStore, 'people'> = { people: () => Promise.resolve({ users: new Map(), managers: new Map() } as PeopleFound) };

let h: Harness;
let store: FollowUpStore;
let tree: LoadedOrganisationTree;

async function all(list: 'Organisations' | 'Plans' | 'Goals' | 'Indicators' | 'Assignments' | 'Actions' | 'FollowUps'): Promise<RawItem[]> {
  const items: RawItem[] = [];
  for await (const item of graphClientOf(store).items<RawItem>(`${listPath(store.site, list)}/items?$expand=fields&$top=500`)) items.push(item);
  return items;
}

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
  for (const doc of dataset.documents) {
    registerPeople(h.emulator, doc);
    await importPlan(store, doc);
  }
  // Some of the round played, straight in the list: every third entry klar, godkänd, återremitterad or utkast.
  const entries = await all('FollowUps');
  const writes = entries.filter((_, n) => n % 3 === 0).map((e, n) => ({ method: 'PATCH' as const, url: `${listPath(store.site, 'FollowUps')}/items/${e.id}/fields`, body: { State: STATES[n % STATES.length] } }));
  const answers = await graphClientOf(store).batch(writes);
  expect(answers.every((a) => a.status === 200)).toBe(true);
  tree = await loadOrganisationTree(store, { year: 2025 });
}, 180_000);

afterAll(async () => {
  await h.close();
});

interface Counted {
  plans: number;
  items: number;
  reported: number;
  assessable: number;
  assessed: number;
  states: Record<ItemState, number>;
}

/** The counts straight from the lists: the organisations under `code` by their Parent lookup, their 2025 plans, every thing and its entry. */
async function countedFromLists(code: string, withChildren: boolean): Promise<Counted> {
  const [organisations = [], plans = [], goals = [], indicators = [], assignments = [], actions = [], followUps = []] = await Promise.all(
    (['Organisations', 'Plans', 'Goals', 'Indicators', 'Assignments', 'Actions', 'FollowUps'] as const).map(all),
  );
  const orgIds = new Set<string>();
  const start = organisations.find((o) => o.fields.Code === code);
  if (!start) throw new Error(`no ${code}`);
  const add = (id: string) => {
    orgIds.add(id);
    if (withChildren) organisations.filter((o) => String(o.fields.ParentLookupId ?? '') === id).forEach((o) => add(o.id));
  };
  add(start.id);
  const planIds = new Set(plans.filter((p) => p.fields.Year === 2025 && orgIds.has(String(p.fields.OrganisationLookupId))).map((p) => p.id));
  const ofPlans = (items: RawItem[]) => items.filter((i) => planIds.has(String(i.fields.PlanLookupId)) && i.fields.Archived !== true);
  const entries = new Map<string, RawItem>();
  for (const e of ofPlans(followUps).filter((f) => f.fields.Period === PERIOD)) entries.set(`${String(e.fields.SubjectKind)}:${String(e.fields.SubjectId)}`, e);
  const counted: Counted = { plans: planIds.size, items: 0, reported: 0, assessable: 0, assessed: 0, states: { 'not-started': 0, draft: 0, done: 0, approved: 0, returned: 0 } };
  const things: Array<[string, RawItem[]]> = [
    ['goal', ofPlans(goals)],
    ['indicator', ofPlans(indicators)],
    ['assignment', ofPlans(assignments)],
    ['action', ofPlans(actions)],
  ];
  for (const [kind, items] of things) {
    for (const thing of items) {
      const entry = entries.get(`${kind}:${thing.id}`);
      const reported = entry !== undefined && REPORTED.some((f) => entry.fields[f] !== undefined && entry.fields[f] !== null && entry.fields[f] !== '');
      const state = (entry?.fields.State as ItemState | undefined) ?? (reported ? 'draft' : 'not-started');
      counted.items += 1;
      counted.states[state] += 1;
      if (state !== 'not-started') counted.reported += 1;
      if (kind !== 'action') {
        counted.assessable += 1;
        if (entry?.fields.Assessment) counted.assessed += 1;
      }
    }
  }
  return counted;
}

/** The cells of one row of the rendered table, by the row's organisation and depth. */
function rowOf(html: string, code: string, depth: number): { plans: number; reported: string; assessed: string; states: Record<string, number> } {
  const row = new RegExp(`<tr data-org="${code}" data-depth="${depth}">(.*?)</tr>`).exec(html)?.[1];
  if (!row) throw new Error(`no row for ${code} at depth ${depth}`);
  const cell = (attribute: string) => new RegExp(`<td[^>]*${attribute}[^>]*>([^<]*)</td>`).exec(row)?.[1] ?? '';
  const states = Object.fromEntries(ITEM_STATES.map((s) => [s, Number(cell(`data-state="${s}"`))]));
  return { plans: Number(cell(`data-label="Planer"`)), reported: cell('data-count="reported"'), assessed: cell('data-count="assessed"'), states };
}

function show(organisationCode: string): string {
  return renderToStaticMarkup(createElement(FluentProvider, { theme: teamsLightTheme }, createElement(ChildrenProgressView, { tree, organisationCode, periodKey: PERIOD, people: noPeople, strings: SV, language: 'sv' })));
}

test("each nämnd's row under regionfullmäktige counts its plan and its förvaltningar's, as the lists do", async () => {
  const html = show('RF');
  for (const board of dataset.boards) {
    const expected = await countedFromLists(board, true);
    const shown = rowOf(html, board, 0);
    expect(expected.plans).toBe(1 + (dataset.administrations.get(board) ?? []).length);
    expect(shown.plans).toBe(expected.plans);
    expect(shown.reported).toBe(`${expected.reported} av ${expected.items}`);
    expect(shown.assessed).toBe(`${expected.assessed} av ${expected.assessable}`);
    expect(shown.states).toEqual(expected.states);
  }
});

test("a nämnd's controller sees each förvaltning's own plan, as the lists count it", async () => {
  const [board = ''] = dataset.boards;
  const html = show(board);
  const administrations = dataset.administrations.get(board) ?? [];
  expect(administrations.length).toBe(2);
  for (const code of administrations) {
    const expected = await countedFromLists(code, false);
    const shown = rowOf(html, code, 0);
    expect(shown.reported).toBe(`${expected.reported} av ${expected.items}`);
    expect(shown.assessed).toBe(`${expected.assessed} av ${expected.assessable}`);
    expect(shown.states).toEqual(expected.states);
    // A förvaltning leaves about one thing in eight unreported: not everything is counted as reported.
    expect(expected.reported).toBeLessThanOrEqual(expected.items);
  }
  // The nämnd's goals its förvaltningar contribute to, with their assessments and the stated rule.
  expect(html).toContain('Per mål: de underliggandes bedömningar');
  expect(html).toContain('den vanligaste; vid lika den sämre');
});

test('a förvaltning has nothing under it', () => {
  const [board = ''] = dataset.boards;
  const [administration = ''] = dataset.administrations.get(board) ?? [];
  expect(show(administration)).toContain('Inga organisationer ligger under den här.');
});
