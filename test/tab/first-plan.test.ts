// With no plan chosen, the tab opens the newest plan the person has work in, else the newest.
import { firstPlanFor } from '../../src/tab/data/plan-choice';
import type { Harness } from '../store/harness';
import { fixture, registerPeople, startHarness } from '../store/harness';
import { importPlan } from '../../src/store';

const plan = (key: string, year: number, itemId: string) => ({ key, year, itemId });
const plans = [plan('HSN:2022', 2022, '1'), plan('RK:2025', 2025, '4'), plan('RS:2024', 2024, '2'), plan('RS:2025', 2025, '3')];

test('the newest plan with something of theirs, not another organisation\'s plan of the same year', () => {
  expect(firstPlanFor(plans, new Set(['2', '3']))?.key).toBe('RS:2025');
  expect(firstPlanFor(plans, new Set(['1']))?.key).toBe('HSN:2022');
  expect(firstPlanFor(plans, new Set())?.key).toBe('RK:2025');
});

describe('plansWithWorkFor', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    for (const name of ['rs-2025.json', 'hsn-2022.json']) {
      const doc = fixture(name);
      registerPeople(h.emulator, doc);
      await importPlan(await h.store(), doc);
    }
  });
  afterAll(() => h.close());

  it('finds the plans a person owns something in, in one round trip', async () => {
    const client = h.client();
    const store = await h.store(client);
    const listed = await store.listPlans();
    client.stats.reset();
    const withWork = await store.plansWithWorkFor('johan.ekstrom@region.example');
    expect(client.stats.requests).toBe(1);
    expect(listed.filter((p) => withWork.has(p.itemId)).map((p) => `${p.organisationCode}:${p.year}`)).toEqual(['RS:2025']);
  });
});
