// Issue 7 against the emulator: the 2025 fixture with six actions reopened (due 2025-12-31), run
// day by day: owners first, nothing twice, managers after the escalation delay, reminders after
// the interval.
import { TAB_ENTITY_ID, parseSubPageId } from '../../../src/core';
import { runNotify } from '../../../src/jobs/notify';
import type { NotifyHarness } from './notify-harness';
import { APP_ID, SETTINGS, parameters, parseDeepLink, startNotifyHarness } from './notify-harness';

let n: NotifyHarness;

beforeAll(async () => {
  n = await startNotifyHarness();
});

afterAll(async () => {
  await n.close();
});

const run = (asOf: string) => runNotify(n.store, { asOf, settings: SETTINGS });
const upnsOf = (list: ReadonlyArray<{ recipientUpn: string }>) => list.map((a) => a.recipientUpn).sort();

test('2026-01-05 (5 days overdue): each owner gets one notification with a working deep link', async () => {
  const actions = await n.actions('2026-01-05');
  expect([...actions.keys()].sort()).toEqual(['r14-a1', 'r16-a1', 'r17-a1', 'r2-a1', 'r3-a1', 'r5-a1']);

  const result = await run('2026-01-05');
  expect(result.overdueActions).toBe(6);
  expect(result.unresolved).toEqual([]);
  expect(result.notifications.map((x) => x.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);

  const sent = await n.activity();
  expect(upnsOf(sent)).toEqual(['anders.nyberg@region.example', 'lars.bergstrom@region.example', 'maria.holm@region.example', 'per.akesson@region.example', 'sara.lundgren@region.example']);

  // One action: its title and days overdue, the link opens that action (plan key and ref, as the tab reads it).
  const anders = sent.find((a) => a.recipientUpn === 'anders.nyberg@region.example');
  expect(anders?.activityType).toBe('actionOverdue');
  expect(parameters(anders ?? sent[0]!)).toEqual({ actionTitle: 'Genomföra granskning av automatiskt attesterade fakturor enligt upprättad rutin.', daysOverdue: '5' });
  const link = parseDeepLink(anders?.body.topic.webUrl ?? '');
  expect(link).toEqual({ appId: APP_ID, entityId: TAB_ENTITY_ID, subEntityId: 'RS:2025/action/r5-a1' });
  expect(parseSubPageId(link.subEntityId)).toEqual({ kind: 'item', planKey: 'RS:2025', subjectKind: 'action', ref: 'r5-a1' });
  expect(actions.get('r5-a1')?.title).toBe(parameters(anders ?? sent[0]!).actionTitle);

  // Several: how many, the most overdue named, the link opens Försenade åtgärder.
  const maria = sent.find((a) => a.recipientUpn === 'maria.holm@region.example');
  expect(maria?.activityType).toBe('actionsOverdue');
  expect(parameters(maria ?? sent[0]!)).toEqual({ count: '2', actionTitle: 'Genomgång och kvalitetssäkring av processerna inom lönehanteringsområdet.' });
  const mariaLink = parseDeepLink(maria?.body.topic.webUrl ?? '');
  expect(mariaLink).toEqual({ appId: APP_ID, entityId: TAB_ENTITY_ID, subEntityId: 'overdue' });
  expect(parseSubPageId(mariaLink.subEntityId)).toEqual({ kind: 'overdue' });
  expect(result.notifications.find((x) => x.recipient.upn === 'maria.holm@region.example')?.text).toBe(
    '2 åtgärder är försenade, mest: Genomgång och kvalitetssäkring av processerna inom lönehanteringsområdet.',
  );

  // What was sent is on the actions.
  const after = await n.actions('2026-01-05');
  for (const action of after.values()) expect([action.notifiedLevel, action.notifiedOn]).toEqual([1, '2026-01-05']);
});

test('a second run the same day sends nothing', async () => {
  const before = (await n.activity()).length;
  const result = await run('2026-01-05');
  expect(result.notifications).toEqual([]);
  expect(result.skipped).toHaveLength(6);
  expect((await n.activity()).length).toBe(before);
});

test('after the escalation delay (9 days) the managers are added; owners are not told again yet', async () => {
  const before = (await n.activity()).length;
  const result = await run('2026-01-09');
  const sent = (await n.activity()).slice(before);
  expect(upnsOf(sent)).toEqual(['eva.sandberg@region.example', 'karin.lindqvist@region.example', 'per.akesson@region.example']);

  const karin = sent.find((a) => a.recipientUpn === 'karin.lindqvist@region.example');
  // Maria's two, Anders's and Per's own: all four 9 days; the most overdue named (ties by title).
  expect(parameters(karin ?? sent[0]!)).toMatchObject({ count: '4' });
  // Per manages Sara: one action, as manager; the link opens that action like the owner's would.
  const per = sent.find((a) => a.recipientUpn === 'per.akesson@region.example');
  const actions = await n.actions('2026-01-09');
  expect(parameters(per ?? sent[0]!)).toEqual({ actionTitle: expect.stringMatching(/^Att tydliggöra verksamheternas ansvar/) as unknown as string, daysOverdue: '9' });
  // The manager reads who is responsible by name, never as an address.
  expect((per?.body as { previewText?: { content?: string } } | undefined)?.previewText?.content).toMatch(/Ansvarig: Sara Lundgren\.$/);
  expect(result.notifications.flatMap((x) => x.actions).every((a) => a.ownerName !== undefined)).toBe(true);
  const perLink = parseDeepLink(per?.body.topic.webUrl ?? '');
  expect(perLink).toEqual({ appId: APP_ID, entityId: TAB_ENTITY_ID, subEntityId: 'RS:2025/action/r16-a1' });
  expect(parseSubPageId(perLink.subEntityId)).toMatchObject({ kind: 'item', subjectKind: 'action', ref: 'r16-a1' });
  expect(actions.get('r16-a1')).toBeDefined();
  expect(result.notifications.every((x) => x.actions.every((a) => a.role === 'manager'))).toBe(true);
  for (const action of actions.values()) expect([action.notifiedLevel, action.notifiedOn]).toEqual([2, '2026-01-09']);

  const again = await run('2026-01-09');
  expect(again.notifications).toEqual([]);
});

test('a recipient is reminded only after the reminder interval (7 days)', async () => {
  const before = (await n.activity()).length;
  expect((await run('2026-01-15')).notifications).toEqual([]);
  const result = await run('2026-01-16');
  const sent = (await n.activity()).slice(before);
  // Owners and managers, each still once: Per as owner of r14-a1 and manager of Sara together.
  expect(upnsOf(sent)).toEqual([
    'anders.nyberg@region.example',
    'eva.sandberg@region.example',
    'karin.lindqvist@region.example',
    'lars.bergstrom@region.example',
    'maria.holm@region.example',
    'per.akesson@region.example',
    'sara.lundgren@region.example',
  ]);
  const per = result.notifications.find((x) => x.recipient.upn === 'per.akesson@region.example');
  expect(per?.actions.map((a) => a.role).sort()).toEqual(['manager', 'owner']);
  expect(per?.text).toMatch(/^2 åtgärder är försenade, mest: /);
  // Every owner was sent to before their manager.
  const order = result.notifications.map((x) => x.recipient.upn);
  expect(order.indexOf('sara.lundgren@region.example')).toBeLessThan(order.indexOf('per.akesson@region.example'));
  expect(order.indexOf('per.akesson@region.example')).toBeLessThan(order.indexOf('karin.lindqvist@region.example'));
  expect(order.indexOf('lars.bergstrom@region.example')).toBeLessThan(order.indexOf('eva.sandberg@region.example'));
});

test('a dry run tells who would get what and changes nothing', async () => {
  const before = await n.activity();
  const records = [...(await n.actions('2026-01-30')).values()].map((a) => a.eTag);
  const result = await runNotify(n.store, { asOf: '2026-01-30', settings: SETTINGS, dryRun: true });
  expect(result.notifications.length).toBe(7);
  expect(result.notifications.every((x) => x.status === 'would-send')).toBe(true);
  expect(await n.activity()).toHaveLength(before.length);
  expect([...(await n.actions('2026-01-30')).values()].map((a) => a.eTag)).toEqual(records);
});
