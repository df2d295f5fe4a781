// The job's pure parts: who is due, what is recorded, send order, pacing, settings, deep links.
import { TAB_ENTITY_ID, parseSubPageId, readTeamsTabLink } from '../../../src/core';
import { DEFAULT_NOTIFY_SETTINGS, LEVEL, NotifySettingsError, chainIdFor, dueFor, notifySettings, recordAfter, todayIn } from '../../../src/jobs/notify';
import { sendOrder } from '../../../src/jobs/notify/compose';
import { notificationBody } from '../../../src/jobs/notify/message';
import { createPacer } from '../../../src/jobs/notify/pacer';
import type { OverdueAction } from '../../../src/store';

const action = (over: Partial<OverdueAction> = {}): OverdueAction => ({
  ref: 'r1-a1',
  title: 'Åtgärd',
  status: 'in-progress',
  dueDate: '2025-12-31',
  itemId: '7',
  eTag: '"x,1"',
  planItemId: '1',
  ownerUpn: 'anna@region.example',
  ...over,
});
const rules = DEFAULT_NOTIFY_SETTINGS;

describe('dueFor and recordAfter', () => {
  test('the owner from the first day overdue; the manager only after the escalation delay', () => {
    expect(dueFor(action(), '2026-01-01', rules)).toMatchObject({ days: 1, level: 1, ownerDue: true, managerDue: false });
    expect(dueFor(action(), '2026-01-07', rules)).toMatchObject({ days: 7, level: 1, managerDue: false });
    expect(dueFor(action(), '2026-01-08', rules)).toMatchObject({ days: 8, level: 2, ownerDue: true, managerDue: true });
  });

  test('a record stops repeats until the reminder interval has passed', () => {
    const told = action({ notifiedLevel: 1, notifiedOn: '2026-01-02' });
    expect(dueFor(told, '2026-01-08', rules)).toMatchObject({ ownerDue: false, managerDue: true });
    expect(dueFor(told, '2026-01-09', rules)).toMatchObject({ ownerDue: true, managerDue: true });
    const escalated = action({ notifiedLevel: 2, notifiedOn: '2026-01-08' });
    expect(dueFor(escalated, '2026-01-14', rules)).toMatchObject({ ownerDue: false, managerDue: false });
    expect(dueFor(escalated, '2026-01-15', rules)).toMatchObject({ ownerDue: true, managerDue: true });
    // A record dated after the run's day (a run "as of" an earlier date) never reminds early.
    expect(dueFor(action({ notifiedLevel: 1, notifiedOn: '2026-02-01' }), '2026-01-09', rules)).toMatchObject({ ownerDue: false });
  });

  test('the record keeps the manager owed until the manager is told', () => {
    const due = dueFor(action(), '2026-01-10', rules);
    expect(recordAfter(due, { owner: false, manager: false })).toBeUndefined();
    expect(recordAfter(due, { owner: true, manager: false })).toBe(LEVEL.owner);
    expect(recordAfter(due, { owner: true, manager: true })).toBe(LEVEL.manager);
    // The owner's send failed, the manager's went: 2, the owner's failure is reported instead.
    expect(recordAfter(due, { owner: false, manager: true })).toBe(LEVEL.manager);
    // A reminder to a level-2 action where only the owner was reached: back to 1, the manager still owed.
    const reminder = dueFor(action({ notifiedLevel: 2, notifiedOn: '2026-01-01' }), '2026-01-10', rules);
    expect(recordAfter(reminder, { owner: true, manager: false })).toBe(LEVEL.owner);
  });
});

test('sendOrder puts owners before their managers, by name among equals, and survives a cycle', () => {
  const after = new Map([
    ['sara', new Set(['per'])],
    ['per', new Set(['karin'])],
    ['anders', new Set(['karin'])],
  ]);
  expect(sendOrder(['karin', 'per', 'sara', 'anders', 'bo'], after)).toEqual(['anders', 'bo', 'sara', 'per', 'karin']);
  expect(sendOrder(['a', 'b', 'c'], new Map([['a', new Set(['b'])], ['b', new Set(['a'])]]))).toEqual(['c', 'a', 'b']);
});

test('the pacer starts at most `rate` sends in any second and holds all of them for a Retry-After', async () => {
  let now = 0;
  const clock = { now: () => now, sleep: (ms: number) => Promise.resolve(void (now += ms)) };
  const pacer = createPacer(5, clock);
  const starts: number[] = [];
  for (let i = 0; i < 11; i++) {
    await pacer.next();
    starts.push(now);
  }
  expect(starts).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000]);
  pacer.holdFor(3000);
  await pacer.next();
  expect(now).toBe(5000);
});

test('settings: defaults, environment, refusals in Swedish', () => {
  expect(notifySettings({ MALKOLL_TEAMS_APP_ID: 'abc-1' })).toEqual({ teamsAppId: 'abc-1', escalationDays: 7, reminderDays: 7, sendsPerSecond: 5, throttledRounds: 3 });
  expect(notifySettings({ MALKOLL_TEAMS_APP_ID: 'abc-1', MALKOLL_NOTIFY_ESCALATION_DAYS: '14', MALKOLL_NOTIFY_REMINDER_DAYS: '3' })).toMatchObject({ escalationDays: 14, reminderDays: 3 });
  expect(() => notifySettings({})).toThrow(/Teams-appens id saknas/);
  expect(() => notifySettings({ MALKOLL_TEAMS_APP_ID: 'a', MALKOLL_NOTIFY_SENDS_PER_SECOND: '10' })).toThrow(NotifySettingsError);
  expect(() => notifySettings({ MALKOLL_TEAMS_APP_ID: 'a', MALKOLL_NOTIFY_REMINDER_DAYS: 'sju' })).toThrow(/heltal/);
});

describe('deep links in the notification', () => {
  const appId = '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f';
  const planKeyOf = (id: string) => (id === '1' ? 'RS:2025' : undefined);
  const due = (over: Partial<OverdueAction> = {}) => dueFor(action(over), '2026-01-05', rules);

  test('one action: the tab opens that action of its plan, for owner and manager alike', () => {
    for (const role of ['owner', 'manager'] as const) {
      const body = notificationBody([{ due: due(), role }], 'anna@region.example', '2026-01-05', appId, planKeyOf);
      expect(body.topic.webUrl).toBe(`https://teams.microsoft.com/l/entity/${appId}/malkoll-att-gora?context=%7B%22subEntityId%22%3A%22RS%3A2025%2Faction%2Fr1-a1%22%7D`);
      const link = readTeamsTabLink(body.topic.webUrl);
      expect(link).toEqual({ appId, entityId: TAB_ENTITY_ID, subPageId: 'RS:2025/action/r1-a1' });
      expect(parseSubPageId(link?.subPageId)).toEqual({ kind: 'item', planKey: 'RS:2025', subjectKind: 'action', ref: 'r1-a1' });
    }
  });

  test('several actions open Försenade åtgärder', () => {
    const body = notificationBody(
      [
        { due: due(), role: 'owner' },
        { due: due({ ref: 'r2-a1', itemId: '8' }), role: 'manager' },
      ],
      'anna@region.example',
      '2026-01-05',
      appId,
      planKeyOf,
    );
    expect(parseSubPageId(readTeamsTabLink(body.topic.webUrl)?.subPageId)).toEqual({ kind: 'overdue' });
  });

  test('an action whose plan the scan could not place still lands in Försenade åtgärder', () => {
    const body = notificationBody([{ due: due({ planItemId: '99' }), role: 'owner' }], 'anna@region.example', '2026-01-05', appId, planKeyOf);
    expect(parseSubPageId(readTeamsTabLink(body.topic.webUrl)?.subPageId)).toEqual({ kind: 'overdue' });
  });
});

test('chainId: the same recipient and day give the same safe integer', () => {
  const id = chainIdFor('Anna@Region.example', '2026-01-05');
  expect(id).toBe(chainIdFor('anna@region.example', '2026-01-05'));
  expect(id).not.toBe(chainIdFor('anna@region.example', '2026-01-06'));
  expect(Number.isSafeInteger(id)).toBe(true);
});

test('today is the date in Stockholm, not in UTC', () => {
  expect(todayIn('Europe/Stockholm', new Date('2026-01-11T23:30:00Z'))).toBe('2026-01-12');
  expect(todayIn('Europe/Stockholm', new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  expect(todayIn('Europe/Stockholm', new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
});
