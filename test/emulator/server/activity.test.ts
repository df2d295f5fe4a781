// POST /users/{id}/teamwork/sendActivityNotification: validation, 204, and the record at
// GET /_dev/activity.
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, appToken, call, graphError, rec, startServer, tokenFor, values } from './helpers';

let clock = new Date('2025-05-02T09:00:00Z');
let emu: RunningEmulator;

const DEEP_LINK = 'https://teams.microsoft.com/l/entity/app-id/malkoll?context=%7B%22subEntityId%22%3A%22action-7%22%7D';

function notification(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topic: { source: 'text', value: 'Åtgärd 7', webUrl: DEEP_LINK },
    activityType: 'actionOverdue',
    previewText: { content: 'Åtgärden är försenad' },
    templateParameters: [{ name: 'action', value: 'Åtgärd 7' }],
    ...extra,
  };
}

beforeAll(async () => {
  emu = await startServer({ now: () => clock });
  emu.registerUsers([BO, ANNA]);
});

afterAll(() => emu.close());

// Tokens are issued per call: the tests move the clock by days.
const send = (userRef: string, body: unknown, token = appToken(emu)): ReturnType<typeof call> =>
  call(`${emu.graphUrl}/users/${userRef}/teamwork/sendActivityNotification`, { method: 'POST', token, body });

async function refusal(body: unknown): Promise<string> {
  const error = graphError(await send(ANNA.upn, body), 400);
  expect(error['code']).toBe('BadRequest');
  return String(error['message']);
}

describe('accepted notifications', () => {
  test('answers 204 with no body, and records it with recipient, time and body', async () => {
    clock = new Date('2025-05-02T09:00:00Z');
    const r = await send(ANNA.upn, notification());
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
    const recorded = values((await call(`${emu.url}/_dev/activity?recipient=${ANNA.upn}`)).body)[0];
    expect(recorded).toMatchObject({
      recipientUpn: ANNA.upn,
      sentAt: '2025-05-02T09:00:00.000Z',
      activityType: 'actionOverdue',
      sender: { kind: 'app', displayName: 'Målkoll' },
      delivered: true,
      body: notification(),
    });
  });

  test('entityUrl topics (installed app or catalog app), chainId and systemDefault are accepted', async () => {
    const entity = {
      topic: { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/users/${ANNA.upn}/teamwork/installedApps/abc` },
      activityType: 'systemDefault',
      previewText: { content: 'Hej' },
      templateParameters: [{ name: 'systemDefaultText', value: 'Din rapport väntar' }],
      chainId: 42,
    };
    expect((await send(BO.upn, entity)).status).toBe(204);
    const catalog = { ...entity, topic: { source: 'entityUrl', value: 'https://graph.microsoft.com/beta/appCatalogs/teamsApps/xyz' } };
    expect((await send(BO.upn, catalog)).status).toBe(204);
  });

  test('GET /_dev/activity lists newest first and filters by recipient', async () => {
    clock = new Date('2025-05-03T10:00:00Z');
    await send(BO.upn, notification({ activityType: 'newest' }));
    const all = values((await call(`${emu.url}/_dev/activity`)).body);
    expect(all[0]).toMatchObject({ activityType: 'newest', recipientUpn: BO.upn, sentAt: '2025-05-03T10:00:00.000Z' });
    const forAnna = values((await call(`${emu.url}/_dev/activity?recipient=ANNA@malkoll.test`)).body);
    expect(forAnna.length).toBeGreaterThan(0);
    expect(forAnna.every((a) => a['recipientUpn'] === ANNA.upn)).toBe(true);
  });

  test('a delegated user may notify someone else; notifying themselves is recorded as not shown', async () => {
    expect((await send(BO.upn, notification(), tokenFor(emu, ANNA.upn))).status).toBe(204);
    expect((await send(ANNA.upn, notification({ activityType: 'self' }), tokenFor(emu, ANNA.upn))).status).toBe(204);
    const [self] = values((await call(`${emu.url}/_dev/activity?recipient=${ANNA.upn}`)).body);
    expect(self).toMatchObject({ activityType: 'self', delivered: false, sender: { kind: 'user', upn: ANNA.upn } });
  });
});

describe('refused notifications', () => {
  test('an unknown recipient is 404', async () => {
    expect(graphError(await send('ghost@malkoll.test', notification()), 404)['code']).toBe('Request_ResourceNotFound');
  });

  test('topic: required, source entityUrl or text, value required', async () => {
    expect(await refusal(notification({ topic: undefined }))).toMatch(/'topic' is required/);
    expect(await refusal(notification({ topic: { source: 'url', value: 'x' } }))).toBe(
      "Cannot convert the literal 'url' to the expected type 'microsoft.graph.teamworkActivityTopicSource'.",
    );
    expect(await refusal(notification({ topic: { source: 'text', webUrl: DEEP_LINK } }))).toMatch(/topic.value/);
  });

  test('a text topic needs a Teams webUrl of at most 1024 characters', async () => {
    expect(await refusal(notification({ topic: { source: 'text', value: 'x' } }))).toMatch(/webUrl is required/);
    expect(await refusal(notification({ topic: { source: 'text', value: 'x', webUrl: 'https://example.org/a' } }))).toMatch(/Teams link/);
    const long = `${DEEP_LINK}&pad=${'x'.repeat(1024)}`;
    expect(await refusal(notification({ topic: { source: 'text', value: 'x', webUrl: long } }))).toBe('UnknownError');
  });

  test('an entityUrl topic must point at an installed app or a catalog app', async () => {
    const topic = { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/sites/root' };
    expect(await refusal(notification({ topic }))).toMatch(/teamsAppInstallation/);
  });

  test('activityType and previewText.content are required', async () => {
    expect(await refusal(notification({ activityType: '' }))).toMatch(/'activityType' is required/);
    expect(await refusal(notification({ previewText: undefined }))).toMatch(/'previewText' is required/);
    expect(await refusal(notification({ previewText: { text: 'x' } }))).toMatch(/previewText.content/);
  });

  test('templateParameters must be name/value text pairs, each name once; systemDefault needs systemDefaultText', async () => {
    expect(await refusal(notification({ templateParameters: { action: 'x' } }))).toMatch(/pairs/);
    expect(await refusal(notification({ templateParameters: [{ name: 'a', value: 1 }] }))).toMatch(/pairs/);
    expect(await refusal(notification({ templateParameters: [{ name: 'a', value: '1' }, { name: 'A', value: '2' }] }))).toMatch(/more than once/);
    expect(await refusal(notification({ activityType: 'systemDefault', templateParameters: [] }))).toMatch(/systemDefaultText/);
  });

  test('the user endpoint takes its recipient from the URL: a recipient in the body is refused', async () => {
    const body = notification({ recipient: { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: BO.upn } });
    expect(await refusal(body)).toBe(
      "The parameter 'recipient' in the request payload is not a valid parameter for the operation 'sendActivityNotification'.",
    );
  });

  test('chainId must be an Int64', async () => {
    expect(await refusal(notification({ chainId: 'abc' }))).toBe("Cannot convert the literal 'abc' to the expected type 'Edm.Int64'.");
  });

  test('nothing refused was recorded', async () => {
    const all = values((await call(`${emu.url}/_dev/activity`)).body);
    expect(all.every((a) => rec(a['body'])['recipient'] === undefined)).toBe(true);
    expect(all.some((a) => a['recipientUpn'] === 'ghost@malkoll.test')).toBe(false);
  });
});
