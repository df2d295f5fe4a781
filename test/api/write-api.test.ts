// Writes go through Målkoll's API (issue 14): people have only Read on the site, so their own
// tokens cannot write around the rules; the API lets the owner, a delegate and the controller
// report, records who and when itself, and refuses a locked period in Swedish.
import type { SubjectKind } from '../../src/core';
import { createWriteApi, entryOf } from '../../src/store';
import type { ApiHarness } from './harness';
import { startApiHarness } from './harness';

const OWNER = 'johan.ekstrom@region.example';
const OTHER = 'maria.holm@region.example';
const CONTROLLER = 'elin.strom@region.example';
const SERVER_TIME = new Date('2026-01-20T09:30:00.000Z');

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness({ clock: () => SERVER_TIME });
});

afterAll(async () => {
  await h.close();
});

async function entryNow(ref: string, periodKey: string, kind: SubjectKind = 'indicator') {
  return entryOf(await (await h.store()).loadPlan('RS:2025'), kind, ref, periodKey);
}

function save(ref: string, periodKey: string, edit: Record<string, unknown>, base: { itemId: string; eTag: string } | null) {
  return { plan: 'RS:2025', subjectKind: 'indicator', subjectRef: ref, periodKey, edit, base, confirmed: false };
}

test("a staff member's own Graph token cannot write any list item: 403, while reading works", async () => {
  const staff = h.client({ upn: OWNER, retry: { maxAttempts: 1 } });
  const store = await h.store(staff);
  const plan = await store.loadPlan('RS:2025');
  const entry = plan.entries[0];
  const goal = plan.goals[0];
  if (!entry || !goal) throw new Error('fixture');
  const lists = store.site.listIds;
  await expect(staff.patch(`/sites/${store.site.siteId}/lists/${lists.FollowUps}/items/${entry.itemId}/fields`, { Comment: 'direkt' })).rejects.toMatchObject({ status: 403 });
  await expect(staff.patch(`/sites/${store.site.siteId}/lists/${lists.Goals}/items/${goal.itemId}/fields`, { OwnerUpn: OTHER })).rejects.toMatchObject({ status: 403 });
  await expect(staff.patch(`/sites/${store.site.siteId}/lists/${lists.Periods}/items/1/fields`, { Locked: false })).rejects.toMatchObject({ status: 403 });
  await expect(staff.post(`/sites/${store.site.siteId}/lists/${lists.FollowUps}/items`, { fields: { Title: 'x', Key: 'x' } })).rejects.toMatchObject({ status: 403 });
  await expect(staff.delete(`/sites/${store.site.siteId}/lists/${lists.FollowUps}/items/${entry.itemId}`)).rejects.toMatchObject({ status: 403 });
  // Nothing changed.
  expect((await entryNow(entry.subjectRef, entry.periodKey, entry.subjectKind))?.eTag).toBe(entry.eTag);
});

test('through the API, someone who neither owns the styrtal nor is its controller gets 403 naming the owner', async () => {
  const before = await entryNow('g1-i1', '2025-annual');
  const answer = await h.call(h.apiToken(OTHER), 'POST', '/follow-ups', save('g1-i1', '2025-annual', { value: 1 }, before ? { itemId: before.itemId, eTag: before.eTag } : null));
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('den ägs av Johan Ekström') } });
  expect((await entryNow('g1-i1', '2025-annual'))?.eTag).toBe(before?.eTag);
});

test("the owner's save records the owner and the server's time, whatever the client sent", async () => {
  const answer = await h.call(
    h.apiToken(OWNER),
    'POST',
    '/follow-ups',
    save('g1-i2', '2025-interim', { value: 61, comment: 'Delår', reportedByUpn: OTHER, reportedAt: '2020-01-01T00:00:00Z' }, null),
  );
  expect(answer.status).toBe(200);
  const stored = await entryNow('g1-i2', '2025-interim');
  expect(stored).toMatchObject({ value: 61, comment: 'Delår', reportedByUpn: OWNER });
  expect(new Date(stored?.reportedAt ?? '').toISOString()).toBe(SERVER_TIME.toISOString());
});

test('the controller reports on anyone\'s styrtal; a delegate the owner names does too, and stops when removed', async () => {
  const controller = await h.call(h.apiToken(CONTROLLER), 'POST', '/follow-ups', save('g1-i3', '2025-interim', { value: 70 }, null));
  expect(controller.status).toBe(200);
  expect((await entryNow('g1-i3', '2025-interim'))?.reportedByUpn).toBe(CONTROLLER);

  expect((await h.call(h.apiToken(OTHER), 'POST', '/follow-ups', save('g2-i1', '2025-interim', { value: 5 }, null))).status).toBe(403);
  const named = await h.call(h.apiToken(OWNER), 'PUT', `/me/delegates/${encodeURIComponent(OTHER)}`);
  expect(named).toMatchObject({ status: 200, body: { delegates: [OTHER] } });
  expect((await h.call(h.apiToken(OTHER), 'GET', '/me/delegates')).body).toMatchObject({ owners: [OWNER] });
  expect((await h.call(h.apiToken(OTHER), 'POST', '/follow-ups', save('g2-i1', '2025-interim', { value: 5 }, null))).status).toBe(200);

  await h.call(h.apiToken(OWNER), 'DELETE', `/me/delegates/${encodeURIComponent(OTHER)}`);
  const base = await entryNow('g2-i1', '2025-interim');
  const after = await h.call(h.apiToken(OTHER), 'POST', '/follow-ups', save('g2-i1', '2025-interim', { value: 6 }, base ? { itemId: base.itemId, eTag: base.eTag } : null));
  expect(after.status).toBe(403);
});

test('a stale base is a conflict with the server version, and nothing is written', async () => {
  const base = await entryNow('g1-i1', '2025-annual');
  if (!base) throw new Error('fixture');
  const first = await h.call(h.apiToken(OWNER), 'POST', '/follow-ups', save('g1-i1', '2025-annual', { comment: 'Först' }, { itemId: base.itemId, eTag: base.eTag }));
  expect(first.status).toBe(200);
  const second = await h.call(h.apiToken(OWNER), 'POST', '/follow-ups', save('g1-i1', '2025-annual', { comment: 'Sen' }, { itemId: base.itemId, eTag: base.eTag }));
  expect(second).toMatchObject({ status: 409, body: { status: 'conflict', server: { entry: { comment: 'Först' } }, mine: { comment: 'Sen' } } });
  expect((await entryNow('g1-i1', '2025-annual'))?.comment).toBe('Först');
});

test('a write into a locked period is refused with a Swedish message, even from the controller', async () => {
  const admin = await h.store();
  const plan = await admin.loadPlan('RS:2025');
  const period = plan.periods.find((p) => p.key === '2025-interim');
  if (!period) throw new Error('fixture');
  await h.client().patch(`/sites/${admin.site.siteId}/lists/${admin.site.listIds.Periods}/items/${period.itemId}/fields`, { Locked: true });
  try {
    const answer = await h.call(h.apiToken(CONTROLLER), 'POST', '/follow-ups', save('g2-i2', '2025-interim', { value: 1 }, null));
    expect(answer).toMatchObject({ status: 422, body: { status: 'refused', refusal: { code: 'locked', message: expect.stringMatching(/låst/) } } });
    expect(await entryNow('g2-i2', '2025-interim')).toBeUndefined();
  } finally {
    await h.client().patch(`/sites/${admin.site.siteId}/lists/${admin.site.listIds.Periods}/items/${period.itemId}/fields`, { Locked: false });
  }
});

test('tokens the API does not accept get 401: none, a Graph token, another audience', async () => {
  const body = save('g1-i1', '2025-annual', { value: 1 }, null);
  expect((await h.call(undefined, 'POST', '/follow-ups', body)).status).toBe(401);
  const graphToken = h.emulator.issueToken({ upn: OWNER }).access_token;
  expect(await h.call(graphToken, 'POST', '/follow-ups', body)).toMatchObject({ status: 401, body: { error: { message: expect.stringMatching(/Åtkomsttoken godtas inte/) } } });
  const elsewhere = h.emulator.issueApiToken({ upn: OWNER, audience: 'api://localhost/some-other-app' }).access_token;
  expect((await h.call(elsewhere, 'POST', '/follow-ups', body)).status).toBe(401);
  const noScope = h.emulator.issueApiToken({ upn: OWNER, audience: `api://localhost/${h.appId}`, scopes: ['Files.Read'] }).access_token;
  expect((await h.call(noScope, 'POST', '/follow-ups', body)).status).toBe(401);
});

test('bad input gets a Swedish 400 and nothing is written; a cross-origin call is refused', async () => {
  const token = h.apiToken(OWNER);
  expect(await h.call(token, 'POST', '/follow-ups', '{inte json')).toMatchObject({ status: 400, body: { error: { message: 'Förfrågan är inte giltig JSON.' } } });
  expect(await h.call(token, 'POST', '/follow-ups', { plan: 'RS:2025', subjectKind: 'widget' })).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/subjectKind/) } } });
  expect(await h.call(token, 'POST', '/follow-ups', { ...save('g1-i1', '2025-annual', { value: 1 }, null), plan: 'XX:1999' })).toMatchObject({ status: 404, body: { error: { message: 'Planen XX:1999 finns inte.' } } });
  const foreign = await h.call(token, 'POST', '/follow-ups', save('g1-i1', '2025-annual', { value: 1 }, null), { Origin: 'https://evil.example' });
  expect(foreign.status).toBe(403);
});

test("the front ends' client names, lists and removes the caller's own delegates", async () => {
  const api = createWriteApi({ url: `${h.emulator.url}/api`, tokenSource: { getToken: () => Promise.resolve(h.apiToken('eva.sandberg@region.example')) } });
  expect(await api.addDelegate(OTHER)).toEqual([OTHER]);
  expect(await api.myDelegates()).toEqual({ delegates: [OTHER], owners: [] });
  expect(await api.removeDelegate(OTHER)).toEqual([]);
  await expect(api.addDelegate('nobody@region.example')).rejects.toThrow(/finns inte i katalogen/);
});
