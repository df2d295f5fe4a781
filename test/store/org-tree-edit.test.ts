// Keeping the organisation tree as a controller does it in the tab: add an organisation under
// another, rename one, move one. Only a controller of the organisation or of one above it may; a
// move under one's own child is refused in Swedish with nothing written; an old version is a conflict.
import type { PlanDocument } from '../../src/core';
import { organisationTree } from '../../src/core/org-tree';
import type { FollowUpStore } from '../../src/store';
import { importPlan } from '../../src/store';
import { addOrganisation, moveOrganisation, renameOrganisation } from '../../src/store/org-tree-edit';
import type { Harness } from './harness';
import { startHarness } from './harness';

const REGION_CONTROLLER = 'karin.holm@region.example';
const HSN_CONTROLLER = 'per.ek@region.example';
const STAFF = 'eva.lund@region.example';

const plan = (organisation: PlanDocument['organisation']): PlanDocument => ({ formatVersion: 1, organisation, year: 2025, title: `${organisation.name} 2025`, status: 'adopted' });

let h: Harness;
let store: FollowUpStore;

beforeAll(async () => {
  h = await startHarness();
  store = await h.store();
  for (const doc of [
    plan({ code: 'RF', name: 'Regionfullmäktige', kind: 'region', controllers: [REGION_CONTROLLER] }),
    plan({ code: 'HSN', name: 'Hälso- och sjukvårdsnämnden', kind: 'board', parentCode: 'RF', controllers: [HSN_CONTROLLER] }),
    plan({ code: 'RS', name: 'Regionstyrelsen', kind: 'board', parentCode: 'RF' }),
    plan({ code: 'HSN-F1', name: 'Hälso- och sjukvårdsförvaltningen', kind: 'administration', parentCode: 'HSN' }),
  ]) {
    await importPlan(store, doc);
  }
}, 60_000);

afterAll(async () => {
  await h.close();
});

async function current(code: string) {
  const found = (await store.organisations()).find((o) => o.code === code);
  if (!found) throw new Error(`${code} is missing`);
  return found;
}

async function parentOf(code: string): Promise<string | undefined> {
  return (await current(code)).parentCode;
}

test("a nämnd's controller adds a förvaltning under it", async () => {
  const result = await addOrganisation(store, { code: 'HSN-F2', name: 'Primärvårdsförvaltningen', parentCode: 'HSN', kind: 'administration' }, HSN_CONTROLLER);
  expect(result.status).toBe('saved');
  expect(await parentOf('HSN-F2')).toBe('HSN');
});

test('someone who is no controller above it may not add there', async () => {
  const result = await addOrganisation(store, { code: 'RS-S1', name: 'Regionkansliet', parentCode: 'RS' }, HSN_CONTROLLER);
  expect(result).toEqual({ status: 'refused', refusal: { code: 'not-controller', message: 'Bara controller för Regionstyrelsen eller för en organisation ovanför den kan ändra organisationsträdet där.' } });
  expect((await store.organisations()).some((o) => o.code === 'RS-S1')).toBe(false);
});

test("the region's controller may add anywhere below it, and a code is used once", async () => {
  expect((await addOrganisation(store, { code: 'RS-S1', name: 'Regionkansliet', parentCode: 'RS', kind: 'staff' }, REGION_CONTROLLER)).status).toBe('saved');
  const again = await addOrganisation(store, { code: 'rs-s1', name: 'Ett annat kansli', parentCode: 'RS' }, REGION_CONTROLLER);
  expect(again).toEqual({ status: 'refused', refusal: { code: 'exists', message: 'Koden rs-s1 används redan av Regionkansliet.' } });
  const bad = await addOrganisation(store, { code: 'RS S2', name: 'Med mellanslag', parentCode: 'RS' }, REGION_CONTROLLER);
  expect(bad.status === 'refused' && bad.refusal.code).toBe('invalid');
});

test('a move that would put a nämnd under its own förvaltning is refused in Swedish, and nothing moves', async () => {
  const hsn = await current('HSN');
  const result = await moveOrganisation(store, { code: 'HSN', parentCode: 'HSN-F1', eTag: hsn.eTag }, REGION_CONTROLLER);
  expect(result.status).toBe('refused');
  if (result.status !== 'refused') return;
  expect(result.refusal.code).toBe('cycle');
  expect(result.refusal.message).toBe(
    'Hälso- och sjukvårdsnämnden kan inte flyttas under Hälso- och sjukvårdsförvaltningen: Hälso- och sjukvårdsförvaltningen ligger redan under Hälso- och sjukvårdsnämnden, och en organisation kan inte ligga under sig själv.',
  );
  expect(await parentOf('HSN')).toBe('RF');
  expect(organisationTree(await store.organisations()).ok).toBe(true);
});

test('a förvaltning moves from one nämnd to another when its controller controls both places', async () => {
  const f2 = await current('HSN-F2');
  // HSN's controller has no say under Regionstyrelsen.
  const refused = await moveOrganisation(store, { code: 'HSN-F2', parentCode: 'RS', eTag: f2.eTag }, HSN_CONTROLLER);
  expect(refused.status === 'refused' && refused.refusal.code).toBe('not-controller');
  const moved = await moveOrganisation(store, { code: 'HSN-F2', parentCode: 'RS', eTag: f2.eTag }, REGION_CONTROLLER);
  expect(moved.status).toBe('saved');
  expect(await parentOf('HSN-F2')).toBe('RS');
});

test('a rename from an old version is a conflict, with the version on the server', async () => {
  const f1 = await current('HSN-F1');
  const first = await renameOrganisation(store, { code: 'HSN-F1', name: 'Sjukvårdsförvaltningen', eTag: f1.eTag }, HSN_CONTROLLER);
  expect(first.status).toBe('saved');
  const late = await renameOrganisation(store, { code: 'HSN-F1', name: 'Något annat', eTag: f1.eTag }, HSN_CONTROLLER);
  expect(late.status).toBe('conflict');
  expect(late.status === 'conflict' && late.server.name).toBe('Sjukvårdsförvaltningen');
  expect((await current('HSN-F1')).name).toBe('Sjukvårdsförvaltningen');
});

test('staff without a controller role cannot rename', async () => {
  const rs = await current('RS');
  const result = await renameOrganisation(store, { code: 'RS', name: 'Styrelsen', eTag: rs.eTag }, STAFF);
  expect(result.status === 'refused' && result.refusal.code).toBe('not-controller');
  expect((await current('RS')).name).toBe('Regionstyrelsen');
});
