// The remind job's pure rules: which occasion a day is for a deadline, the settings and their
// Swedish refusals, the reminder's text and its link into Att göra.
import { formatSubPageId, parseSubPageId, renderTemplate } from '../../../src/core';
import { chainIdFor } from '../../../src/jobs/notify';
import { managerOccasion, reminderBody, reminderChainId, remindSettings, reporterOccasion, whenText } from '../../../src/jobs/remind';
import type { ReminderPart } from '../../../src/jobs/remind';
import { addDays } from '../../../src/jobs/remind/occasions';
import type { PeriodDue } from '../../../src/jobs/remind/scan';
import { readAddress, searchFor } from '../../../src/tab/data/address';
import { openingOf } from '../../../src/tab/data/link-target';

const DEADLINE = '2026-01-31';
const DEFAULTS = remindSettings({}, { teamsAppId: 'app' });
const day = (n: number) => addDays(DEADLINE, n);

describe('occasions', () => {
  test('7 days before to 2 days before is the 7-day reminder; 1 day before and the day itself the 1-day one', () => {
    expect([8, 7, 6, 2, 1, 0].map((n) => reporterOccasion(DEADLINE, day(-n), DEFAULTS)?.id)).toEqual([undefined, 'before-7', 'before-7', 'before-7', 'before-1', 'before-1']);
  });

  test('a day without a run is caught up: a run on the Monday after a 7-day Saturday is still in its window', () => {
    // 2026-01-24 (7 days before) is a Saturday; the timer runs on weekdays.
    expect(new Date('2026-01-24T12:00:00Z').getUTCDay()).toBe(6);
    expect(reporterOccasion(DEADLINE, '2026-01-26', DEFAULTS)).toMatchObject({ id: 'before-7', daysLeft: 5, lastDay: '2026-01-29' });
  });

  test('after the deadline one occasion a day for afterDays days, then none; the managers once, from the day after escalationDays, caught up for a week', () => {
    expect([1, 2, 7, 8].map((n) => reporterOccasion(DEADLINE, day(n), DEFAULTS)?.id)).toEqual(['late-2026-02-01', 'late-2026-02-02', 'late-2026-02-07', undefined]);
    expect([7, 8, 14, 15].map((n) => managerOccasion(DEADLINE, day(n), DEFAULTS)?.id)).toEqual([undefined, 'escalation', 'escalation', undefined]);
    expect(reporterOccasion(DEADLINE, day(1), { ...DEFAULTS, afterDays: 0 })).toBeUndefined();
  });

  test('offsets are configurable: 14, 3 and 0 days before', () => {
    const settings = remindSettings({ MALKOLL_REMIND_BEFORE_DAYS: '3, 14,0' }, { teamsAppId: 'app' });
    expect(settings.beforeDays).toEqual([14, 3, 0]);
    expect([15, 14, 4, 3, 1, 0].map((n) => reporterOccasion(DEADLINE, day(-n), settings)?.id)).toEqual([undefined, 'before-14', 'before-14', 'before-3', 'before-3', 'before-0']);
  });

  test('what a reminder says of the deadline', () => {
    expect([5, 1, 0, -1, -8].map((n) => whenText({ daysLeft: n }, '31 januari'))).toEqual([
      'sista dag 31 januari, om 5 dagar',
      'sista dag i morgon, 31 januari',
      'sista dag i dag, 31 januari',
      'sista dag var i går, 31 januari',
      'sista dag var 31 januari, för 8 dagar sedan',
    ]);
  });
});

describe('settings', () => {
  test('defaults: 7 and 1 days before, daily for 7 days after, managers after 7 days', () => {
    expect(DEFAULTS).toMatchObject({ beforeDays: [7, 1], afterDays: 7, escalationDays: 7, sendsPerSecond: 5 });
  });

  test('wrong values are refused in Swedish, naming the setting', () => {
    expect(() => remindSettings({ MALKOLL_REMIND_BEFORE_DAYS: 'en vecka' }, { teamsAppId: 'app' })).toThrow(/^MALKOLL_REMIND_BEFORE_DAYS ska vara dagar före sista dagen \(0–90\), åtskilda med kommatecken/);
    expect(() => remindSettings({ MALKOLL_REMIND_AFTER_DAYS: '2.5' }, { teamsAppId: 'app' })).toThrow('MALKOLL_REMIND_AFTER_DAYS ska vara ett heltal från 0 till 90 (fick "2.5").');
    expect(() => remindSettings({ MALKOLL_REMIND_ESCALATION_DAYS: '365' }, { teamsAppId: 'app' })).toThrow(/MALKOLL_REMIND_ESCALATION_DAYS/);
    expect(() => remindSettings({})).toThrow(/MALKOLL_TEAMS_APP_ID/);
  });
});

describe('the link into Att göra', () => {
  test('names the plan and period, filtered to what is not yet klar, and reads back', () => {
    const page = { kind: 'todo', planKey: 'RS:2025', periodKey: '2025-annual', notDone: true } as const;
    expect(formatSubPageId(page)).toBe('todo/RS:2025/2025-annual/inte-klar');
    expect(parseSubPageId('todo/RS:2025/2025-annual/inte-klar')).toEqual(page);
    expect(parseSubPageId('todo/RS:2025/2025-annual')).toEqual({ kind: 'todo', planKey: 'RS:2025', periodKey: '2025-annual' });
    for (const bad of ['todo/RS2025/2025-annual', 'todo/RS:2025', 'todo/RS:2025/2025-annual/allt', 'todo/RS:2025/a/b/c']) expect(parseSubPageId(bad)).toBeUndefined();
  });

  test('the tab opens Att göra for that plan and period with the filter, and keeps it in its address', () => {
    expect(openingOf('todo/RS:2025/2025-annual/inte-klar')).toEqual({ view: 'todo', planKey: 'RS:2025', periodKey: '2025-annual', filter: 'not-done' });
    const search = searchFor({ planKey: 'RS:2025', periodKey: '2025-annual', view: 'todo', filter: 'not-done' }, '?as=johan');
    expect(search).toBe('?as=johan&plan=RS%3A2025&period=2025-annual&view=todo&filter=inte-klar');
    expect(readAddress(search)).toEqual({ planKey: 'RS:2025', periodKey: '2025-annual', view: 'todo', filter: 'not-done' });
  });
});

describe('the reminder', () => {
  const period = (planKey: string, planTitle: string, deadline: string): PeriodDue => ({ planKey, planTitle, periodKey: '2025-annual', deadline, unfinished: [], items: 10 });
  const item = (state: 'not-started' | 'draft' | 'returned', ownerName?: string) => ({ kind: 'indicator' as const, ref: 'x', title: 'x', state, ...(ownerName ? { ownerName } : {}) });
  const part = (role: 'reporter' | 'manager', p: PeriodDue, asOf: string, items: ReminderPart['items']): ReminderPart => {
    const occasion = role === 'reporter' ? reporterOccasion(p.deadline, asOf, DEFAULTS) : managerOccasion(p.deadline, asOf, DEFAULTS);
    if (!occasion) throw new Error('no occasion');
    return { role, period: p, occasion, key: 'k', items };
  };

  test('one item: singular; several plans in one digest, led by the most urgent', () => {
    const rs = period('RS:2025', 'Regionstyrelsen 2025', '2026-01-31');
    const hsn = period('HSN:2025', 'Hälso- och sjukvårdsnämnden 2025', '2026-01-25');
    const one = reminderBody([part('reporter', rs, '2026-01-24', [item('returned')])], 'a@x', '2026-01-24', 'app');
    expect(renderTemplate(one.activityType, one.templateParameters)).toBe('Inte klart i Regionstyrelsen 2025: 1 uppföljning, sista dag 31 januari, om 7 dagar');
    expect(one.previewText.content).toBe('1 återremitterad; markera den klar i Att göra.');

    const both = reminderBody([part('reporter', rs, '2026-01-24', [item('draft'), item('draft')]), part('reporter', hsn, '2026-01-24', [item('not-started')])], 'a@x', '2026-01-24', 'app');
    expect(renderTemplate(both.activityType, both.templateParameters)).toBe('Inte klart i Hälso- och sjukvårdsnämnden 2025: 1 uppföljning, sista dag i morgon, 25 januari');
    expect(both.previewText.content).toBe('1 ej påbörjad; markera den klar i Att göra. Dessutom 2 i Regionstyrelsen 2025.');
    expect(parseSubPageId(JSON.parse(decodeURIComponent(both.topic.webUrl.split('context=')[1] ?? '')).subEntityId)).toMatchObject({ planKey: 'HSN:2025' });
  });

  test("a manager's digest names the people, most items first; a manager who also reports leads with their own", () => {
    const rs = period('RS:2025', 'Regionstyrelsen 2025', '2026-01-31');
    const theirs = part('manager', rs, '2026-02-08', [item('draft', 'Sara Lundgren'), item('draft', 'Mikael Björk'), item('not-started', 'Mikael Björk')]);
    const body = reminderBody([theirs], 'per@x', '2026-02-08', 'app');
    expect(renderTemplate(body.activityType, body.templateParameters)).toBe('Inte klart hos Mikael Björk och Sara Lundgren: 3 uppföljningar i Regionstyrelsen 2025, sista dag var 31 januari, för 8 dagar sedan');
    expect(body.previewText.content).toBe('Mikael Björk 2, Sara Lundgren 1.');
    const mixed = reminderBody([theirs, part('reporter', period('HSN:2025', 'HSN 2025', '2026-02-05'), '2026-02-08', [item('draft')])], 'per@x', '2026-02-08', 'app');
    expect(mixed.activityType).toBe('reportingDue');
    expect(mixed.previewText.content).toBe('1 utkast; markera den klar i Att göra. Dessutom 3 uppföljningar hos dina medarbetare.');
  });

  test("its chain id is not notify's for the same person and day: a reminder never replaces an overdue notice", () => {
    expect(reminderChainId('a@x', '2026-01-24')).not.toBe(chainIdFor('a@x', '2026-01-24'));
    expect(reminderChainId('A@X', '2026-01-24')).toBe(reminderChainId('a@x', '2026-01-24'));
  });
});
