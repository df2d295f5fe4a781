// The two entry points over the same emulator: `malkoll notify` (dry run, then for real) and the
// Azure Functions timer handler (test mode of @azure/functions: no host needed).
import os from 'node:os';
import { InvocationContext } from '@azure/functions';
import type { Timer } from '@azure/functions';
import { notifyCommand } from '../../../src/cli/notify.command';
import { createNotifyTimerHandler } from '../../../src/jobs/notify/timer-handler';
import { SITE } from '../../store/harness';
import type { NotifyHarness } from './notify-harness';
import { APP_ID, JOB_APP, startNotifyHarness } from './notify-harness';
import { textSink } from '../../cli/text-sink';

let n: NotifyHarness;

beforeAll(async () => {
  n = await startNotifyHarness();
});

afterAll(async () => {
  await n.close();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  // Locally the command signs in as the app the manifest names, as the Function does in Azure.
  const env = { MALKOLL_GRAPH_URL: n.h.emulator.graphUrl, MALKOLL_TEAMS_APP_ID: APP_ID, MALKOLL_APP_CLIENT_ID: JOB_APP };
  const code = await notifyCommand.run(args, { out, err, cwd: os.tmpdir(), env });
  return { code, out: out.text(), err: err.text() };
}

test('malkoll notify --dry-run prints who would get what and sends nothing', async () => {
  const { code, out } = await cli('--as-of', '2026-01-05', '--dry-run');
  expect(code).toBe(0);
  expect(out).toContain('Försenade åtgärder per 2026-01-05: 6.');
  expect(out).toContain('Skulle skicka till 5 mottagare:');
  expect(out).toContain('Maria Holm <maria.holm@region.example> (ansvarig): 2 åtgärder är försenade, mest: Genomgång och kvalitetssäkring');
  expect(out).toContain(`länk: https://teams.microsoft.com/l/entity/${APP_ID}/malkoll-att-gora?context=%7B%22subEntityId%22%3A%22overdue%22%7D`);
  expect(await n.activity()).toEqual([]);
});

test('malkoll notify refuses a bad date in Swedish', async () => {
  await expect(cli('--as-of', '5/1/2026')).rejects.toThrow(/ÅÅÅÅ-MM-DD/);
});

test('the timer handler runs as of today in Stockholm with the app settings', async () => {
  const lines: string[] = [];
  const context = new InvocationContext({ functionName: 'notifyOverdue', logHandler: (_level, ...args) => lines.push(args.map(String).join(' ')) });
  const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
  const token = n.jobToken();
  const handler = createNotifyTimerHandler({
    env: { MALKOLL_GRAPH_URL: n.h.emulator.graphUrl, MALKOLL_SITE: SITE, MALKOLL_TEAMS_APP_ID: APP_ID },
    tokenSource: { getToken: () => Promise.resolve(token) },
    // 06:00 UTC on Friday 9 January 2026: 07:00 in Stockholm.
    now: () => new Date('2026-01-09T06:00:00Z'),
  });
  const result = await handler(timer, context);
  expect(result.asOf).toBe('2026-01-09');
  expect(result.notifications.filter((x) => x.status === 'sent')).toHaveLength(7);
  expect(lines.join('\n')).toContain('Skickat till 7 mottagare:');

  // The next weekday morning the CLI, for real, has nothing to send.
  const { code, out } = await cli('--as-of', '2026-01-12');
  expect(code).toBe(0);
  expect(out).not.toMatch(/Skickat till [1-9]/);
  expect(out).toContain('Redan aviserade, ingen påminnelse än: 6 åtgärder.');
});
