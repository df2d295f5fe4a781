// Teams activity-feed notifications to a user (graph-lists.md §9, checklist §12 "Teams").
import type { Emulator, GraphCaller, Json } from './harness';
import { expectErrorEnvelope, graphClient, isRecord, startTestEmulator, tokenFor } from './harness';

let emu: Emulator;
let app: GraphCaller;
let anna: GraphCaller;

const SEND = '/users/bo@malkoll.test/teamwork/sendActivityNotification';
const WEB_URL = 'https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000001/overdue?context=%7B%22subEntityId%22%3A%22a-12%22%7D';

beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.registerUsers([
    { upn: 'bo@malkoll.test', displayName: 'Bo Berg' },
    { upn: 'anna@malkoll.test', displayName: 'Anna Andersson', managerUpn: 'bo@malkoll.test' },
  ]);
  app = graphClient(emu, { token: await tokenFor(emu, { app: true }) });
  anna = graphClient(emu, { token: await tokenFor(emu, { upn: 'anna@malkoll.test' }) });
});

afterAll(async () => {
  await emu.close();
});

function validBody(extra: Json = {}): Json {
  return {
    topic: { source: 'text', value: 'Försenade åtgärder', webUrl: WEB_URL },
    activityType: 'actionOverdue',
    previewText: { content: 'Åtgärd A-12 är försenad' },
    templateParameters: [{ name: 'actionTitle', value: 'A-12' }],
    ...extra,
  };
}

/** Everything `GET /_dev/activity` returns, as a JSON string (its exact shape is the emulator's own). */
async function activityLog(): Promise<{ status: number; text: string; entries: unknown[] }> {
  const r = await fetch(`${emu.url}/_dev/activity`);
  const text = await r.text();
  const parsed: unknown = text ? (JSON.parse(text) as unknown) : undefined;
  const list = Array.isArray(parsed) ? parsed : isRecord(parsed) && Array.isArray(parsed['value']) ? parsed['value'] : [];
  return { status: r.status, text, entries: list };
}

describe('sendActivityNotification', () => {
  test('a valid body answers 204 and is visible in GET /_dev/activity', async () => {
    const before = await activityLog();
    const r = await app.post(SEND, validBody({ previewText: { content: 'unique-preview-1' } }));
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const after = await activityLog();
    expect(after.status).toBe(200);
    expect(after.entries.length).toBe(before.entries.length + 1);
    expect(after.text).toContain('unique-preview-1');
    expect(after.text).toContain('actionOverdue');
    expect(after.text).toContain('bo@malkoll.test');
  });

  test('systemDefault with systemDefaultText, and an entityUrl topic, answer 204', async () => {
    const r1 = await app.post(
      SEND,
      validBody({ activityType: 'systemDefault', templateParameters: [{ name: 'systemDefaultText', value: 'Du har försenade åtgärder' }] }),
    );
    expect(r1.status).toBe(204);
    const r2 = await app.post(
      SEND,
      validBody({
        topic: { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/users/bo@malkoll.test/teamwork/installedApps/abc' },
      }),
    );
    expect(r2.status).toBe(204);
  });

  test('the recipient can be addressed by object id as well as by UPN', async () => {
    const bo = await app.get('/users/bo@malkoll.test');
    const id = String(isRecord(bo.body) ? bo.body['id'] : '');
    expect((await app.post(`/users/${id}/teamwork/sendActivityNotification`, validBody())).status).toBe(204);
  });

  test('a delegated caller can notify another user (204)', async () => {
    expect((await anna.post(SEND, validBody())).status).toBe(204);
  });

  test.each([
    ['missing activityType', (b: Json) => delete b['activityType']],
    ['missing previewText', (b: Json) => delete b['previewText']],
    ['missing topic', (b: Json) => delete b['topic']],
    ['text topic without webUrl', (b: Json) => (b['topic'] = { source: 'text', value: 'x' })],
    ['text topic with a webUrl outside Teams', (b: Json) => (b['topic'] = { source: 'text', value: 'x', webUrl: 'https://example.com/x' })],
    ['a webUrl longer than 1,024 characters', (b: Json) => (b['topic'] = { source: 'text', value: 'x', webUrl: `${WEB_URL}&x=${'a'.repeat(1100)}` })],
    ['an unknown topic source', (b: Json) => (b['topic'] = { source: 'carrierPigeon', value: 'x' })],
  ])('an invalid body (%s) answers 400 and is not recorded', async (_what, spoil) => {
    const body = validBody({ previewText: { content: `invalid-${_what}` } });
    spoil(body);
    const before = await activityLog();
    expectErrorEnvelope(await app.post(SEND, body), 400);
    const after = await activityLog();
    expect(after.entries.length).toBe(before.entries.length);
  });

  test('an unknown recipient answers 404', async () => {
    expectErrorEnvelope(await app.post('/users/nobody@malkoll.test/teamwork/sendActivityNotification', validBody()), 404);
  });

  test('no token answers 401', async () => {
    expectErrorEnvelope(await graphClient(emu).post(SEND, validBody()), 401);
  });
});
