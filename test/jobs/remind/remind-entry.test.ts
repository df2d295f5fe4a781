// The entry points: `malkoll remind` (dry run, then for real) and the Azure Functions timer, one
// schedule for both jobs: notify first, then remind, in the same invocation.
import os from 'node:os';
import { InvocationContext } from '@azure/functions';
import type { Timer } from '@azure/functions';
import { remindCommand } from '../../../src/cli/remind.command';
import { createJobsTimerHandler } from '../../../src/jobs/notify/timer-handler';
import { SITE } from '../../store/harness';
import { textSink } from '../../cli/text-sink';
import { JOB_APP } from '../notify/notify-harness';
import type { RemindHarness } from './remind-harness';
import { APP_ID, NOT_DONE, each, sorted, startRemindHarness } from './remind-harness';

let r: RemindHarness;

beforeAll(async () => {
  r = await startRemindHarness();
});

afterAll(async () => {
  await r.close();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const env = { MALKOLL_GRAPH_URL: r.h.emulator.graphUrl, MALKOLL_TEAMS_APP_ID: APP_ID, MALKOLL_APP_CLIENT_ID: JOB_APP };
  const code = await remindCommand.run(args, { out, err, cwd: os.tmpdir(), env });
  return { code, out: out.text(), err: err.text() };
}

const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

test('malkoll remind --dry-run prints who would be reminded of what, and sends nothing', async () => {
  const { code, out } = await cli('--as-of', '2026-01-24', '--dry-run');
  expect(code).toBe(0);
  expect(out).toContain('Perioder att påminna om per 2026-01-24: (Provkörning: inget skickas eller skrivs.)');
  expect(out).toContain('  RS:2025 2025-annual, sista dag 2026-01-31 (7 dagar före sista dagen): 79 av 85 inte klara');
  expect(out).toContain('Skulle påminna 7 personer:');
  expect(out).toContain('  Johan Ekström <johan.ekstrom@region.example> (rapporterar): Inte klart i Regionstyrelsen 2025: 26 uppföljningar, sista dag 31 januari, om 7 dagar');
  expect(out).toContain(`länk: https://teams.microsoft.com/l/entity/${APP_ID}/malkoll-att-gora?context=%7B%22subEntityId%22%3A%22todo%2FRS%3A2025%2F2025-annual%2Finte-klar%22%7D`);
  expect(await r.activity()).toEqual([]);
});

test('the one timer runs notify and then remind, as of today in Stockholm', async () => {
  const lines: string[] = [];
  const context = new InvocationContext({ functionName: 'notifyOverdue', logHandler: (_level, ...args) => lines.push(args.map(String).join(' ')) });
  const token = r.jobToken();
  const handler = createJobsTimerHandler({
    env: { MALKOLL_GRAPH_URL: r.h.emulator.graphUrl, MALKOLL_SITE: SITE, MALKOLL_TEAMS_APP_ID: APP_ID },
    tokenSource: { getToken: () => Promise.resolve(token) },
    // 23:30 UTC on Friday 23 January 2026: already Saturday 24 January in Stockholm.
    now: () => new Date('2026-01-23T23:30:00Z'),
  });
  const { notify, remind } = await handler(timer, context);
  expect(notify.asOf).toBe('2026-01-24');
  expect(remind.asOf).toBe('2026-01-24');
  expect(remind.notifications.filter((n) => n.status === 'sent')).toHaveLength(NOT_DONE.length);
  const log = lines.join('\n');
  expect(log).toContain('Inga försenade åtgärder per 2026-01-24.');
  expect(log).toContain('Påmint 7 personer:');
  expect(sorted(await r.perRecipient())).toEqual(each(NOT_DONE, 1));

  // The CLI, for real, the same day: nothing left to send.
  const { code, out } = await cli('--as-of', '2026-01-24');
  expect(code).toBe(0);
  expect(out).toContain('Redan påminda för det här tillfället: 7.');
});

test('a wrong remind setting fails the invocation before either job sends anything', async () => {
  const before = (await r.activity()).length;
  const handler = createJobsTimerHandler({
    env: { MALKOLL_GRAPH_URL: r.h.emulator.graphUrl, MALKOLL_SITE: SITE, MALKOLL_TEAMS_APP_ID: APP_ID, MALKOLL_REMIND_AFTER_DAYS: 'en vecka' },
    tokenSource: { getToken: () => Promise.resolve(r.jobToken()) },
    now: () => new Date('2026-02-02T06:00:00Z'),
  });
  await expect(handler(timer, new InvocationContext({ functionName: 'notifyOverdue', logHandler: () => undefined }))).rejects.toThrow('MALKOLL_REMIND_AFTER_DAYS ska vara ett heltal från 0 till 90 (fick "en vecka").');
  expect(await r.activity()).toHaveLength(before);
});
