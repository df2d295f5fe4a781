// The organisation tree through the API: a controller adds a förvaltning under their nämnd and
// renames it; a move under its own child is refused in Swedish; staff get 403.
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

const eTagOf = async (code: string) => (await (await h.store()).organisations()).find((o) => o.code === code)?.eTag ?? '';

test('staff may not change the tree; a controller adds, renames, and cannot make a cycle', async () => {
  const add = { code: 'RS-F1', name: 'Regionservice', parentCode: 'RS', kind: 'administration' };
  expect((await h.call(h.apiToken(STAFF), 'POST', '/organisations/add', add)).status).toBe(403);
  expect(await h.call(h.apiToken(CONTROLLER), 'POST', '/organisations/add', add)).toMatchObject({ status: 201, body: { status: 'saved', saved: { code: 'RS-F1', parentCode: 'RS', kind: 'administration' } } });
  expect(await h.call(h.apiToken(CONTROLLER), 'POST', '/organisations/rename', { code: 'RS-F1', name: 'Regionservice och fastigheter', eTag: await eTagOf('RS-F1') })).toMatchObject({ status: 200, body: { saved: { name: 'Regionservice och fastigheter' } } });
  const cycle = await h.call(h.apiToken(CONTROLLER), 'POST', '/organisations/move', { code: 'RS', parentCode: 'RS-F1', eTag: await eTagOf('RS') });
  expect(cycle).toMatchObject({ status: 422, body: { status: 'refused', refusal: { code: 'cycle' } } });
  expect((await (await h.store()).organisations()).find((o) => o.code === 'RS')?.parentCode).toBeUndefined();
});
