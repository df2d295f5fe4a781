// SharePoint compares text without regard to case (real-tenant-findings F15): a document naming the
// organisation `rs` finds the stored `RS`, so a re-import matches it instead of creating a duplicate.
import { exportPlan, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, normalise, registerPeople, startHarness } from './harness';

let h: Harness;
const doc = fixture('rs-2025.json');

beforeAll(async () => {
  h = await startHarness({ defaultPageSize: 50 });
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
});

test('the same plan with its organisation code in lower case imports as the same plan, writing nothing', async () => {
  const store = await h.store();
  const lower = { ...doc, organisation: { ...doc.organisation, code: doc.organisation.code.toLowerCase() } };
  const report = await importPlan(store, lower);
  expect(report).toMatchObject({ created: 0, updated: 0 });
  const organisations = await store.organisations();
  expect(organisations.map((o) => o.code)).toEqual(['RS']);
  // The stored spelling stays: the plan is still RS:2025, and exports as it was imported.
  expect(normalise(await exportPlan(store, 'RS:2025'))).toEqual(normalise(doc));
});
