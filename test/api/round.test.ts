// The reporting round through the API: the reporter marks klar, the controller sends back,
// approves and locks; nobody else may, and a locked period takes no more writes.
import type { SubjectKind } from '../../src/core';
import { entryOf } from '../../src/store';
import type { ApiHarness } from './harness';
import { startApiHarness } from './harness';

const OWNER = 'johan.ekstrom@region.example';
const OTHER = 'maria.holm@region.example';
const CONTROLLER = 'elin.strom@region.example';

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

afterAll(async () => {
  await h.close();
});

async function current(ref: string, periodKey = '2025-interim', kind: SubjectKind = 'indicator') {
  return entryOf(await (await h.store()).loadPlan('RS:2025'), kind, ref, periodKey);
}

const step = (ref: string, extra: Record<string, unknown> = {}) => ({ plan: 'RS:2025', subjectKind: 'indicator', subjectRef: ref, periodKey: '2025-interim', base: null, ...extra });
const save = (ref: string, value: number, base: { itemId: string; eTag: string } | null) => ({ ...step(ref), edit: { value }, base, confirmed: false });
const baseOf = (e: { itemId: string; eTag: string } | undefined) => (e ? { itemId: e.itemId, eTag: e.eTag } : null);

test('klar, sent back with a comment, reported again, approved, locked: each step by whom the rules say', async () => {
  const owner = h.apiToken(OWNER);
  const controller = h.apiToken(CONTROLLER);
  expect((await h.call(owner, 'POST', '/follow-ups', save('g1-i1', 55, null))).status).toBe(200);
  expect(await h.call(owner, 'POST', '/round/mark-done', step('g1-i1', { base: baseOf(await current('g1-i1')) }))).toMatchObject({ status: 200, body: { saved: { state: 'done', stateByUpn: OWNER } } });
  // Klar is read-only to the reporter.
  expect(await h.call(owner, 'POST', '/follow-ups', save('g1-i1', 56, baseOf(await current('g1-i1'))))).toMatchObject({ status: 422, body: { refusal: { code: 'round-state' } } });
  // Only the controller sends back and approves.
  expect((await h.call(owner, 'POST', '/round/approve', step('g1-i1'))).status).toBe(403);
  expect((await h.call(h.apiToken(OTHER), 'POST', '/round/send-back', step('g1-i1', { comment: 'Nej' }))).status).toBe(403);
  expect(await h.call(controller, 'POST', '/round/send-back', step('g1-i1', { comment: '' }))).toMatchObject({ status: 422, body: { refusal: { code: 'comment-required' } } });
  expect(await h.call(controller, 'POST', '/round/send-back', step('g1-i1', { comment: 'Ange källan.' }))).toMatchObject({ status: 200, body: { saved: { state: 'returned', returnComment: 'Ange källan.' }, notice: 'sent' } });
  // The reporter hears of it in Teams, from the app, with the comment and a link to the entry.
  const feed = (await (await fetch(`${h.emulator.url}/_dev/activity?recipient=${encodeURIComponent(OWNER)}`)).json()) as { value: Array<{ activityType: string; body: { previewText: { content: string }; topic: { webUrl: string } } }> };
  const returned = feed.value.find((a) => a.activityType === 'entryReturned');
  expect(returned?.body.previewText.content).toBe('Elin Ström: Ange källan.');
  expect(decodeURIComponent(returned?.body.topic.webUrl ?? '')).toContain('RS:2025/indicator/g1-i1/2025-interim');
  expect((await h.call(owner, 'POST', '/follow-ups', save('g1-i1', 57, baseOf(await current('g1-i1'))))).status).toBe(200);
  expect((await h.call(owner, 'POST', '/round/mark-done', step('g1-i1'))).status).toBe(200);
  expect(await h.call(controller, 'POST', '/round/approve', step('g1-i1'))).toMatchObject({ status: 200, body: { saved: { state: 'approved', stateByUpn: CONTROLLER } } });
  expect(await current('g1-i1')).toMatchObject({ value: 57, state: 'approved' });
});

test('locking: controllers only, refused while items are not approved unless forced; then nothing is written', async () => {
  const controller = h.apiToken(CONTROLLER);
  expect((await h.call(h.apiToken(OWNER), 'POST', '/periods/lock', { plan: 'RS:2025', periodKey: '2025-interim' })).status).toBe(403);
  expect(await h.call(controller, 'POST', '/periods/lock', { plan: 'RS:2025', periodKey: '2025-interim' })).toMatchObject({ status: 422, body: { refusal: { code: 'not-approved' } } });
  expect(await h.call(controller, 'POST', '/periods/lock', { plan: 'RS:2025', periodKey: '2025-interim', force: true })).toMatchObject({ status: 200, body: { status: 'saved', saved: { locked: true, lockedByUpn: CONTROLLER } } });
  expect(await h.call(h.apiToken(OWNER), 'POST', '/follow-ups', save('g1-i2', 1, baseOf(await current('g1-i2'))))).toMatchObject({ status: 422, body: { refusal: { code: 'locked' } } });
  expect(await h.call(h.apiToken(OWNER), 'POST', '/round/mark-done', step('g1-i1'))).toMatchObject({ status: 422, body: { refusal: { code: 'locked' } } });
  expect((await h.call(controller, 'POST', '/periods/unlock', { plan: 'RS:2025', periodKey: '2025-interim' })).status).toBe(200);
  expect((await h.call(h.apiToken(OWNER), 'POST', '/follow-ups', save('g1-i2', 1, baseOf(await current('g1-i2'))))).status).toBe(200);
});

test('"Påminn nu": the controller reminds chosen people once a day, through the reminders\' path; staff may not', async () => {
  const body = { plan: 'RS:2025', periodKey: '2025-interim', upns: [OWNER, CONTROLLER] };
  expect((await h.call(h.apiToken(OWNER), 'POST', '/round/remind', body)).status).toBe(403);
  const first = await h.call(h.apiToken(CONTROLLER), 'POST', '/round/remind', body);
  expect(first).toMatchObject({ status: 200, body: { outcomes: [{ upn: OWNER, status: 'sent' }, { upn: CONTROLLER, status: 'nothing-unfinished', items: 0 }] } });
  const again = await h.call(h.apiToken(CONTROLLER), 'POST', '/round/remind', body);
  expect(again).toMatchObject({ status: 200, body: { outcomes: [{ upn: OWNER, status: 'sent-earlier' }, { upn: CONTROLLER }] } });
  const feed = (await (await fetch(`${h.emulator.url}/_dev/activity?recipient=${encodeURIComponent(OWNER)}`)).json()) as { value: Array<{ activityType: string; body: { topic: { webUrl: string } } }> };
  const reminders = feed.value.filter((a) => a.activityType === 'reportingDue');
  expect(reminders).toHaveLength(1);
  expect(decodeURIComponent(reminders[0]?.body.topic.webUrl ?? '')).toContain('todo/RS:2025/2025-interim/inte-klar');
});
