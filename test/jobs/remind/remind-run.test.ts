// The remind job over Regionstyrelsen 2025 as the days go by towards the annual period's deadline
// (2026-01-31) and past it: who gets a reminder, exactly once per occasion, what it says and where
// it leads; and that a rerun, or a later run in the same window, sends nothing.
import { parseSubPageId, readTeamsTabLink } from '../../../src/core';
import { formatRemindResult, runRemind, systemicFailure } from '../../../src/jobs/remind';
import type { RemindRunResult } from '../../../src/jobs/remind';
import type { RemindHarness } from './remind-harness';
import { APP_ID, DONE, MANAGERS, NOT_DONE, PERIOD, PLAN, SETTINGS, each, parameters, parseDeepLink, sorted, startRemindHarness } from './remind-harness';

let r: RemindHarness;

beforeAll(async () => {
  r = await startRemindHarness();
});

afterAll(async () => {
  await r.close();
});

const run = (asOf: string, extra: { dryRun?: boolean } = {}): Promise<RemindRunResult> => runRemind(r.store, { asOf, settings: SETTINGS, ...extra });

/** Notifications sent since `from` (an index into the activity so far). */
async function sentSince(from: number) {
  return (await r.activity()).slice(from);
}

test('a dry run 7 days before the deadline says who would be reminded, and sends and writes nothing', async () => {
  const dry = await run('2026-01-24', { dryRun: true });
  expect(dry.notifications.map((n) => [n.recipient.upn, n.status])).toEqual(NOT_DONE.map((u) => [u, 'would-send']));
  expect(formatRemindResult(dry).join('\n')).toContain('Skulle påminna 7 personer:');
  expect(await r.activity()).toEqual([]);
});

test('7 days before the deadline: exactly one reminder to each reporter with unfinished items, none to those who are done', async () => {
  const result = await run('2026-01-24');
  expect(systemicFailure(result)).toBeUndefined();
  expect(result.periods).toEqual([expect.objectContaining({ planKey: PLAN, periodKey: PERIOD, deadline: '2026-01-31', daysLeft: 7, reporterOccasion: 'before-7' })]);
  expect(result.notifications.map((n) => n.status)).toEqual(Array(NOT_DONE.length).fill('sent'));

  const sent = await r.activity();
  expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));
  for (const upn of DONE) expect(sent.find((n) => n.recipientUpn.toLowerCase() === upn)).toBeUndefined();

  // What Johan reads: his 3 goals, 16 styrtal and 7 uppdrag, and a link to Att göra for the plan and period.
  const johan = sent.find((n) => n.recipientUpn === 'johan.ekstrom@region.example');
  expect(johan?.activityType).toBe('reportingDue');
  expect(parameters(johan as NonNullable<typeof johan>)).toEqual({ planTitle: 'Regionstyrelsen 2025', items: '26 uppföljningar', when: 'sista dag 31 januari, om 7 dagar' });
  const link = parseDeepLink(johan?.body.topic.webUrl ?? '');
  expect(link.appId).toBe(APP_ID);
  expect(parseSubPageId(link.subEntityId)).toEqual({ kind: 'todo', planKey: PLAN, periodKey: PERIOD, notDone: true });
  expect(readTeamsTabLink(johan?.body.topic.webUrl ?? '')?.subPageId).toBe('todo/RS:2025/2025-annual/inte-klar');
  expect(johan?.body.previewText.content).toMatch(/^\d+ utkast|ej påbörjad/);
});

test('a second run the same day sends nothing', async () => {
  const before = (await r.activity()).length;
  const again = await run('2026-01-24');
  expect(again.notifications).toEqual([]);
  expect(again.skipped.filter((s) => s.why === 'sent')).toHaveLength(NOT_DONE.length);
  expect(formatRemindResult(again).join('\n')).toContain('Redan påminda för det här tillfället: 7.');
  expect(await sentSince(before)).toEqual([]);
});

test('the next days of the same window send nothing either; 1 day before, everyone not done again', async () => {
  const before = (await r.activity()).length;
  for (const day of ['2026-01-26', '2026-01-29']) expect((await run(day)).notifications).toEqual([]);
  expect(await sentSince(before)).toEqual([]);

  const dayBefore = await run('2026-01-30');
  expect(dayBefore.periods[0]?.reporterOccasion).toBe('before-1');
  const sent = await sentSince(before);
  expect(sorted(new Map(sent.map((n) => [n.recipientUpn.toLowerCase(), 1])))).toEqual(each(NOT_DONE, 1));
  expect(sent).toHaveLength(NOT_DONE.length);
  expect(parameters(sent[0] as NonNullable<(typeof sent)[number]>).when).toBe('sista dag i morgon, 31 januari');
});

test('after the deadline: at most one reminder a day', async () => {
  const before = (await r.activity()).length;
  const first = await run('2026-02-02');
  expect(first.notifications).toHaveLength(NOT_DONE.length);
  expect(await run('2026-02-02')).toMatchObject({ notifications: [] });
  const sent = await sentSince(before);
  expect(sent).toHaveLength(NOT_DONE.length);
  expect(parameters(sent[0] as NonNullable<(typeof sent)[number]>).when).toBe('sista dag var 31 januari, för 2 dagar sedan');
  // The next day, again: reminders continue daily for MALKOLL_REMIND_AFTER_DAYS days.
  expect((await run('2026-02-03')).notifications).toHaveLength(NOT_DONE.length);
});

test('8 days after the deadline the managers get one digest each, naming their reports by name', async () => {
  const before = (await r.activity()).length;
  const result = await run('2026-02-08');
  expect(result.periods[0]).toMatchObject({ managerOccasion: 'escalation' });
  // Reminders to reporters stopped after 7 days; the managers take over.
  expect(result.periods[0]?.reporterOccasion).toBeUndefined();
  const sent = await sentSince(before);
  expect(sorted(new Map(sent.map((n) => [n.recipientUpn.toLowerCase(), sent.filter((m) => m.recipientUpn === n.recipientUpn).length])))).toEqual(each(MANAGERS, 1));

  const karin = sent.find((n) => n.recipientUpn === 'karin.lindqvist@region.example');
  expect(karin?.activityType).toBe('reportingLate');
  const says = parameters(karin as NonNullable<typeof karin>);
  // Display names, never addresses; Mikael and Ingrid (done) are not named.
  expect(says.people).toMatch(/^Johan Ekström, /);
  for (const name of ['Eva Sandberg', 'Maria Holm', 'Anders Nyberg', 'Per Åkesson']) expect(says.people).toContain(name);
  expect(says.people).not.toMatch(/@|Ingrid|Mikael/);
  expect(says.when).toBe('sista dag var 31 januari, för 8 dagar sedan');
  const eva = sent.find((n) => n.recipientUpn === 'eva.sandberg@region.example');
  expect(parameters(eva as NonNullable<typeof eva>).people).toBe('Lars Bergström');

  // Once: the next days send the managers nothing more.
  expect((await run('2026-02-09')).notifications).toEqual([]);
  expect(await sentSince(before)).toHaveLength(MANAGERS.length);
});

test('long after the deadline nothing more is sent, and the records of closed occasions are gone', async () => {
  const result = await run('2026-03-01');
  expect(result.periods).toEqual([]);
  expect(result.notifications).toEqual([]);
  expect(result.pruned).toBeGreaterThan(0);
  const leases = await r.client.get<{ value: Array<{ fields?: { Key?: string } }> }>(
    `/sites/${r.store.site.siteId}/lists/${r.store.site.listIds.Leases}/items?$expand=fields($select=Key)`,
  );
  expect(leases.value.map((l) => l.fields?.Key)).toEqual([]);
});
