// An import writes its document's deadlines to its own plan's schedule only: importing another
// organisation's plan of the same year leaves the first plan's deadlines as they were, the shared
// periods are never rewritten, and a re-import never unlocks a period.
import type { PlanDocument } from '../../src/core';
import { planPeriodFields } from '../../src/lists/mapping';
import type { FollowUpStore } from '../../src/store';
import { importPlan } from '../../src/store';
import { graphClientOf } from '../../src/store/follow-up-store';
import { listPath } from '../../src/store/site';
import type { Harness } from './harness';
import { fixture, startHarness } from './harness';

let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
});

afterAll(async () => {
  await h.close();
});

/** A document moved to another year: its period keys, deadlines and dates follow. */
function inYear(doc: PlanDocument, year: number, deadlines: Readonly<Record<string, string>>): PlanDocument {
  const text = JSON.stringify(doc).replace(new RegExp(`"${doc.year}-(interim|annual)"`, 'g'), `"${year}-$1"`);
  const moved = JSON.parse(text) as PlanDocument;
  return { ...moved, year, periods: (moved.periods ?? []).map((p) => ({ ...p, deadline: deadlines[p.key] ?? p.deadline })) } as PlanDocument;
}

const deadlinesOf = async (key: string) => Object.fromEntries((await store.loadPlan(key)).periods.map((p) => [p.key, p.deadline]));

async function sharedPeriods(): Promise<Array<Record<string, unknown>>> {
  const page = await graphClientOf(store).get<{ value: Array<{ fields: Record<string, unknown> }> }>(`${listPath(store.site, 'Periods')}/items?$expand=fields&$top=100`);
  return page.value.map((i) => i.fields);
}

test("importing HSN 2022 leaves RS's deadlines of 2022 as they were", async () => {
  const rs2022 = inYear(fixture('rs-2024.json'), 2022, { '2022-interim': '2022-08-31', '2022-annual': '2023-02-15' });
  await importPlan(store, rs2022);
  expect(await deadlinesOf('RS:2022')).toEqual({ '2022-interim': '2022-08-31', '2022-annual': '2023-02-15' });

  // HSN's own document says 20 August and 31 January for the same period keys.
  await importPlan(store, fixture('hsn-2022.json'));
  expect(await deadlinesOf('HSN:2022')).toEqual({ '2022-interim': '2022-08-20', '2022-annual': '2023-01-31' });
  expect(await deadlinesOf('RS:2022')).toEqual({ '2022-interim': '2022-08-31', '2022-annual': '2023-02-15' });

  // Re-imported with a moved deadline, only that plan's moves.
  await importPlan(store, { ...fixture('hsn-2022.json'), periods: [{ key: '2022-interim', deadline: '2022-09-05' }, { key: '2022-annual', deadline: '2023-01-31' }] });
  expect(await deadlinesOf('HSN:2022')).toEqual({ '2022-interim': '2022-09-05', '2022-annual': '2023-01-31' });
  expect(await deadlinesOf('RS:2022')).toEqual({ '2022-interim': '2022-08-31', '2022-annual': '2023-02-15' });

  // The shared rows carry the keys only: no import wrote a deadline or a lock on them.
  const shared = (await sharedPeriods()).filter((f) => String(f.Key).startsWith('2022-'));
  expect(shared.map((f) => f.Key).sort()).toEqual(['2022-annual', '2022-interim']);
  for (const f of shared) expect([f.Deadline, f.Locked].filter((v) => v !== undefined && v !== null)).toEqual([]);
});

test('a re-import leaves a locked period locked, with who locked it, and takes its new deadline', async () => {
  const doc = fixture('rs-2025.json');
  await importPlan(store, doc);
  const plan = await store.loadPlan('RS:2025');
  const own = plan.planPeriods.find((p) => p.periodKey === '2025-annual');
  expect(own).toBeDefined();
  // Locked as `malkoll period lock` does: on the plan's own row, with If-Match.
  await graphClientOf(store).patch(
    `${listPath(store.site, 'PlanPeriods')}/items/${own?.itemId ?? ''}/fields`,
    planPeriodFields({ periodKey: '2025-annual', deadline: '2026-01-31', locked: true, lockedByUpn: 'karin.lindqvist@region.example', lockedAt: '2026-02-03T10:00:00Z' }, plan.planItemId),
    { ifMatch: own?.eTag ?? '' },
  );

  await importPlan(store, { ...doc, periods: [{ key: '2025-interim', deadline: '2025-08-20' }, { key: '2025-annual', deadline: '2026-02-06' }] });
  const again = await store.loadPlan('RS:2025');
  expect(again.periods.find((p) => p.key === '2025-annual')).toMatchObject({ deadline: '2026-02-06', locked: true, lockedByUpn: 'karin.lindqvist@region.example', lockedAt: '2026-02-03T10:00:00Z' });
  expect(again.periods.find((p) => p.key === '2025-interim')?.locked).toBeUndefined();
  // And a third import of the same document writes nothing.
  expect(await importPlan(store, { ...doc, periods: [{ key: '2025-interim', deadline: '2025-08-20' }, { key: '2025-annual', deadline: '2026-02-06' }] })).toMatchObject({ created: 0, updated: 0 });
});
