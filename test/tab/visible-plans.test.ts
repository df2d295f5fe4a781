// A draft plan is offered only to its controllers and the people it names; other plans to all.
import type { Plan } from '../../src/core';
import type { LoadedPlan, Stored } from '../../src/store';
import { visiblePlans } from '../../src/tab/data/visible-plans';

const plan = (organisationCode: string, year: number, status: Plan['status']): Stored<Plan> => ({ organisationCode, year, title: `${organisationCode} ${year}`, status, itemId: `${organisationCode}${year}`, eTag: 'e' });
const plans = [plan('RS', 2025, 'adopted'), plan('RS', 2026, 'draft'), plan('HSN', 2022, 'archived')];
const loaded = { plan: plans[1], goals: [{ ref: 'g1', ownerUpn: 'Maria.Holm@region.example' }], indicators: [], assignments: [], risks: [], actions: [], people: [] } as unknown as LoadedPlan;
const loads: string[] = [];
const store = {
  organisations: () => Promise.resolve([{ code: 'RS', name: 'Regionstyrelsen', controllerUpns: ['elin.strom@region.example'], itemId: '1', eTag: 'e' }]),
  loadPlan: (key: string) => {
    loads.push(key);
    return Promise.resolve(loaded);
  },
};

test('the controller sees the draft without loading it; someone it names sees it; anyone else does not', async () => {
  expect((await visiblePlans(store, 'elin.strom@region.example', plans)).map((p) => p.title)).toEqual(['RS 2025', 'RS 2026', 'HSN 2022']);
  expect(loads).toEqual([]);
  expect((await visiblePlans(store, 'maria.holm@region.example', plans)).map((p) => p.title)).toEqual(['RS 2025', 'RS 2026', 'HSN 2022']);
  expect((await visiblePlans(store, 'johan.ekstrom@region.example', plans)).map((p) => p.title)).toEqual(['RS 2025', 'HSN 2022']);
});
