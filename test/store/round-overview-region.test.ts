// Uppföljningsläge on the region-scale dataset (four of its plans, the same generator): the
// counts per state, per owner and per goal equal those counted straight from the lists' items,
// and the overview of every plan takes two round trips.
import type { ItemState, RoundOverview } from '../../src/core';
import { emptyCounts } from '../../src/core';
import { FollowUpStore, importPlan, openSite } from '../../src/store';
import { graphClientOf } from '../../src/store/follow-up-store';
import { loadRoundOverviews } from '../../src/store/round-status';
import { listPath } from '../../src/store/site';
import { regionDataset } from '../fixtures/region-scale';
import type { Harness } from './harness';
import { SITE, registerPeople, startHarness } from './harness';

interface RawItem {
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

let h: Harness;
let store: FollowUpStore;
const dataset = regionDataset();
const documents = dataset.documents.slice(0, 4);
const STATES: readonly ItemState[] = ['done', 'approved', 'returned', 'draft'];

async function all(list: 'Plans' | 'Goals' | 'Indicators' | 'Assignments' | 'Actions' | 'FollowUps'): Promise<RawItem[]> {
  const items: RawItem[] = [];
  for await (const item of graphClientOf(store).items<RawItem>(`${listPath(store.site, list)}/items?$expand=fields&$top=500`)) items.push(item);
  return items;
}

beforeAll(async () => {
  h = await startHarness();
  const client = h.client();
  store = new FollowUpStore(client, await openSite(client, SITE));
  for (const doc of documents) {
    registerPeople(h.emulator, doc);
    await importPlan(store, doc);
  }
  // Some of the round played, straight in the list: every third entry klar, godkänd, återremitterad or utkast.
  const entries = await all('FollowUps');
  const writes = entries.filter((_, n) => n % 3 === 0).map((e, n) => ({ method: 'PATCH' as const, url: `${listPath(store.site, 'FollowUps')}/items/${e.id}/fields`, body: { State: STATES[n % STATES.length] } }));
  const answers = await graphClientOf(store).batch(writes);
  expect(answers.every((a) => a.status === 200)).toBe(true);
}, 120_000);

afterAll(async () => {
  await h.close();
});

/** The counts straight from the items: every thing of the plan, the state of its entry in the period. */
async function counted(planItemId: string, periodKey: string) {
  const [goals, indicators, assignments, actions, followUps] = await Promise.all([all('Goals'), all('Indicators'), all('Assignments'), all('Actions'), all('FollowUps')]);
  const ofPlan = (items: RawItem[]) => items.filter((i) => String(i.fields.PlanLookupId) === planItemId && i.fields.Archived !== true);
  const state = new Map<string, ItemState>();
  for (const e of ofPlan(followUps).filter((f) => f.fields.Period === periodKey)) {
    const stored = e.fields.State as ItemState | undefined;
    const reported = ['Value', 'Level', 'Reference', 'Assessment', 'Trend', 'Status', 'Comment'].some((f) => e.fields[f] !== undefined && e.fields[f] !== null && e.fields[f] !== '');
    state.set(`${String(e.fields.SubjectKind)}:${String(e.fields.SubjectId)}`, stored ?? (reported ? 'draft' : 'not-started'));
  }
  const things = [
    ...ofPlan(goals).map((i) => ({ kind: 'goal', i, goal: i.id })),
    ...ofPlan(indicators).map((i) => ({ kind: 'indicator', i, goal: String(i.fields.GoalLookupId ?? '') })),
    ...ofPlan(assignments).map((i) => ({ kind: 'assignment', i, goal: String(i.fields.GoalLookupId ?? '') })),
    ...ofPlan(actions).map((i) => ({ kind: 'action', i, goal: i.fields.RiskLookupId ? '' : String(i.fields.GoalLookupId ?? '') })),
  ].map((t) => ({ ...t, owner: String(t.i.fields.OwnerUpn ?? '').toLowerCase(), state: state.get(`${t.kind}:${t.i.id}`) ?? 'not-started' }));
  const countsOf = (subset: typeof things) => {
    const counts = emptyCounts();
    for (const t of subset) {
      counts[t.state] += 1;
      counts.total += 1;
    }
    return counts;
  };
  const owners = new Map<string, typeof things>();
  for (const t of things) owners.set(t.owner, [...(owners.get(t.owner) ?? []), t]);
  const goalTotals = ofPlan(goals).map((goal) => things.filter((t) => t.goal === goal.id).length);
  return { counts: countsOf(things), byOwner: new Map([...owners].map(([owner, ts]) => [owner, countsOf(ts)])), goalTotals };
}

test('every plan’s counts per state, owner and goal equal the lists’ own, and the round was played', async () => {
  const overviews = await loadRoundOverviews(store, { asOf: dataset.asOf });
  // Each plan's open period as of the dataset's day: last year's plans their helår, this year's the coming helår.
  expect(overviews.map((o) => `${o.planKey} ${o.periodKey}`).sort()).toEqual(['HSN:2024 2024-annual', 'HSN:2025 2025-annual', 'RS:2024 2024-annual', 'RS:2025 2025-annual']);
  const plans = await all('Plans');
  let played = 0;
  for (const overview of overviews) {
    const planItem = plans.find((p) => p.fields.Key === overview.planKey);
    if (!planItem) throw new Error(`no plan ${overview.planKey}`);
    const direct = await counted(planItem.id, overview.periodKey);
    expect(overview.counts).toEqual(direct.counts);
    expect(new Map(overview.byOwner.map((o) => [o.ownerUpn ?? '', o.counts]))).toEqual(direct.byOwner);
    expect(overview.byGoal.filter((g) => g.goalRef !== undefined).map((g) => g.counts.total)).toEqual(direct.goalTotals.filter((n) => n > 0));
    played += overview.counts.done + overview.counts.approved + overview.counts.returned;
  }
  expect(played).toBeGreaterThan(100);
});

test('one period for every plan that has it, and the “inte klar” filter, from the same two round trips', async () => {
  const client = graphClientOf(store);
  client.stats.reset();
  const overviews: RoundOverview[] = await loadRoundOverviews(store, { periodKey: '2025-interim', filter: 'not-finished' });
  expect(client.stats.requests).toBeLessThanOrEqual(2);
  expect(overviews.map((o) => o.planKey).sort()).toEqual(['HSN:2025', 'RS:2025']);
  for (const o of overviews) {
    expect(o.counts.done + o.counts.approved).toBe(0);
    expect(o.items.every((i) => i.state !== 'done' && i.state !== 'approved')).toBe(true);
    expect(o.counts.total).toBeGreaterThan(0);
  }
});
