// The plan editor's writes through the API: a controller adds a styrtal with a range target and
// adopts the plan; staff get 403 and nothing is written.
import type { ApiHarness } from './harness';
import { startApiHarness } from './harness';

const STAFF = 'johan.ekstrom@region.example';
const CONTROLLER = 'elin.strom@region.example';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

afterAll(async () => {
  await h.close();
});

const styrtal = {
  plan: 'RS:2025',
  kind: 'indicator',
  parent: { kind: 'goal', ref: 'g1' },
  draft: { title: 'Andel besök inom 7 dagar', valueType: 'numeric', unit: '%', direction: 'increase', targetKind: 'range', target: 77, targetMax: 80, ownerUpn: STAFF },
};

test('staff may not edit the plan: 403 in Swedish, and nothing is written', async () => {
  const before = (await (await h.store()).loadPlan('RS:2025')).indicators.length;
  expect(await h.call(h.apiToken(STAFF), 'POST', '/plans/items/create', styrtal)).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('Bara planens controller') } } });
  expect(await h.call(h.apiToken(STAFF), 'POST', '/plans/status', { plan: 'RS:2025', change: 'archive' })).toMatchObject({ status: 403 });
  const after = await (await h.store()).loadPlan('RS:2025');
  expect(after.indicators.length).toBe(before);
  expect(after.plan.status).toBe('adopted');
});

test("a controller adds a styrtal with a range target under a goal; a bad field comes back at the field", async () => {
  const created = await h.call(h.apiToken(CONTROLLER), 'POST', '/plans/items/create', styrtal);
  expect(created).toMatchObject({ status: 201, body: { status: 'saved', saved: { title: 'Andel besök inom 7 dagar', targetKind: 'range', target: 77, targetMax: 80, ownerUpn: STAFF } } });
  const plan = await (await h.store()).loadPlan('RS:2025');
  expect(plan.indicators.find((i) => i.title === 'Andel besök inom 7 dagar')).toMatchObject({ goalRef: 'g1' });
  const bad = await h.call(h.apiToken(CONTROLLER), 'POST', '/plans/items/create', { ...styrtal, draft: { ...styrtal.draft, title: '', target: 90, targetMax: 80 } });
  expect(bad).toMatchObject({ status: 422, body: { status: 'refused', issues: expect.arrayContaining([expect.objectContaining({ field: 'title' })]) } });
});

test('copy to next year: a controller gets a draft with the same identities; staff get 403', async () => {
  expect((await h.call(h.apiToken(STAFF), 'POST', '/plans/copy', { plan: 'RS:2025', toYear: 2026 })).status).toBe(403);
  const copied = await h.call(h.apiToken(CONTROLLER), 'POST', '/plans/copy', { plan: 'RS:2025', toYear: 2026 });
  expect(copied).toMatchObject({ status: 201, body: { status: 'copied', report: { from: 'RS:2025', to: 'RS:2026', copiedByUpn: CONTROLLER } } });
  const next = await (await h.store()).loadPlan('RS:2026');
  expect(next.plan.status).toBe('draft');
  expect(next.goals.map((g) => g.ref)).toEqual((await (await h.store()).loadPlan('RS:2025')).goals.filter((g) => !g.archived).map((g) => g.ref));
  expect(next.entries).toEqual([]);
  expect(await h.call(h.apiToken(CONTROLLER), 'POST', '/plans/copy', { plan: 'RS:2025', toYear: 2026 })).toMatchObject({ status: 422, body: { status: 'refused' } });
});

test('a stale eTag is a conflict that says who saved the server version and when, by name', async () => {
  const plan = await (await h.store()).loadPlan('RS:2025');
  const target = plan.indicators.find((i) => i.title === 'Andel besök inom 7 dagar');
  if (!target) throw new Error('the styrtal the earlier test added');
  const update = { plan: 'RS:2025', kind: 'indicator', ref: target.ref, parent: { kind: 'goal', ref: 'g1' }, eTag: target.eTag, draft: { ...styrtal.draft, title: 'Andel besök inom 7 dagar (ny)' } };
  expect((await h.call(h.apiToken(CONTROLLER), 'POST', '/plans/items/update', update)).status).toBe(200);
  const stale = await h.call(h.apiToken(CONTROLLER), 'POST', '/plans/items/update', { ...update, draft: { ...styrtal.draft, title: 'Något annat' } });
  expect(stale).toMatchObject({ status: 409, body: { status: 'conflict', server: { title: 'Andel besök inom 7 dagar (ny)' }, editedBy: { upn: CONTROLLER, name: 'Elin Ström', at: expect.stringMatching(/^\d{4}-/) } } });
});
