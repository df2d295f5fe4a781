// A document with the organisation tree around its plan imports the tree, parents before children;
// a second import changes nothing.
import type { PlanDocument } from '../../src/core';
import { exportPlan, importPlan } from '../../src/store';
import type { Harness } from './harness';
import { fixture, registerPeople, startHarness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

const doc: PlanDocument = {
  formatVersion: 1,
  organisation: { code: 'TF1', name: 'Förvaltning 1', parentCode: 'TN', kind: 'administration' },
  organisations: [
    { code: 'TN', name: 'Nämnd', parentCode: 'TR', kind: 'board' },
    { code: 'TR', name: 'Region', kind: 'region' },
    { code: 'TF1', name: 'Förvaltning 1', parentCode: 'TN', kind: 'administration' },
  ],
  year: 2025,
  title: 'Förvaltning 1:s plan 2025',
  status: 'adopted',
  goals: [{ ref: 'g1', kind: 'objective', title: 'Mål', origin: 'board' }],
} as PlanDocument;

test('the tree is imported with its parents and kinds, and a second import writes nothing', async () => {
  const store = await h.store();
  await importPlan(store, doc);
  const byCode = new Map((await store.organisations()).map((o) => [o.code, o]));
  expect(byCode.get('TR')).toMatchObject({ name: 'Region', kind: 'region' });
  expect(byCode.get('TR')?.parentCode).toBeUndefined();
  expect(byCode.get('TN')).toMatchObject({ parentCode: 'TR', kind: 'board' });
  expect(byCode.get('TF1')).toMatchObject({ parentCode: 'TN', kind: 'administration' });
  const again = await importPlan(store, doc);
  expect(again).toMatchObject({ created: 0, updated: 0 });
});

test("a child plan's kind and references come back in its export", async () => {
  const store = await h.store();
  const child = fixture('rs-2025-regionkansliet.json');
  registerPeople(h.emulator, child);
  // Under a parent that is not there yet: refused, nothing written.
  await expect(importPlan(store, child)).rejects.toThrow(/Den överordnade organisationen RS finns inte/);
  expect((await store.organisations()).some((o) => o.code === 'RK')).toBe(false);
  const parent = fixture('rs-2025.json');
  registerPeople(h.emulator, parent);
  await importPlan(store, parent);
  await importPlan(store, child);
  const exported = await exportPlan(store, 'RK:2025');
  expect(exported.organisation).toMatchObject({ code: 'RK', kind: 'staff', parentCode: 'RS' });
  const strip = (doc: PlanDocument) => JSON.parse(JSON.stringify(doc.goals ?? [], (_k, v: unknown) => (v === null || (Array.isArray(v) && v.length === 0) ? undefined : v))) as unknown;
  expect(strip(exported)).toEqual(strip(child));
});
