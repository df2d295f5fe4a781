// A document with the organisation tree around its plan imports the tree, parents before children;
// a second import changes nothing.
import type { PlanDocument } from '../../src/core';
import { importPlan } from '../../src/store';
import type { Harness } from './harness';
import { startHarness } from './harness';

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
