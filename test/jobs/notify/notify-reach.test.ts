// Recipients without the Teams app (issue 11, item 4): Teams takes a notification only for someone
// who has the app, so the job installs it for them where it may (POST …/teamwork/installedApps),
// reports them as unreached where it may not, and fails a run only on a systemic error.
import os from 'node:os';
import { InvocationContext } from '@azure/functions';
import type { Timer } from '@azure/functions';
import { notifyCommand } from '../../../src/cli/notify.command';
import { formatRunResult, runNotify, systemicFailure } from '../../../src/jobs/notify';
import type { NotificationOutcome, NotifyRunResult } from '../../../src/jobs/notify';
import { createNotifyTimerHandler } from '../../../src/jobs/notify/timer-handler';
import { textSink } from '../../cli/text-sink';
import { SITE } from '../../store/harness';
import type { NotifyHarness } from './notify-harness';
import { APP_ID, JOB_APP, SETTINGS, startNotifyHarness } from './notify-harness';

/** 5 days overdue: the five owners (managers come after the escalation delay). */
const AS_OF = '2026-01-05';
const MARIA = 'maria.holm@region.example';
const ANDERS = 'anders.nyberg@region.example';
const OWNERS = [ANDERS, 'lars.bergstrom@region.example', MARIA, 'per.akesson@region.example', 'sara.lundgren@region.example'];
const WITHOUT_APP = OWNERS.filter((upn) => upn !== MARIA && upn !== ANDERS);
/** The job's permissions less the one to install the app. */
const NO_INSTALL = ['Sites.Selected', 'TeamsActivity.Send', 'User.Read.All'];
const TIMER: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

function timerRun(n: NotifyHarness, token: string): Promise<NotifyRunResult> {
  const context = new InvocationContext({ functionName: 'notifyOverdue', logHandler: () => undefined });
  const handler = createNotifyTimerHandler({
    env: { MALKOLL_GRAPH_URL: n.h.emulator.graphUrl, MALKOLL_SITE: SITE, MALKOLL_TEAMS_APP_ID: APP_ID },
    tokenSource: { getToken: () => Promise.resolve(token) },
    // 07:00 in Stockholm on Monday 5 January 2026.
    now: () => new Date('2026-01-05T06:00:00Z'),
  });
  return handler(TIMER, context);
}

const upnsOf = (list: ReadonlyArray<{ recipientUpn: string }>): string[] => list.map((a) => a.recipientUpn).sort();

describe('recipients without the Teams app, where the job may install it', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness(undefined, { installedFor: [MARIA] });
  });
  afterAll(() => n.close());

  test('the job installs the app for each of them and then sends: everyone is reached', async () => {
    const result = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(result.notifications.map((x) => x.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(result.notifications.filter((x) => x.installed).map((x) => x.recipient.upn).sort()).toEqual(OWNERS.filter((upn) => upn !== MARIA));
    expect(result.figures.send.installs).toBe(4);
    expect(await n.installed()).toEqual(OWNERS);
    expect(upnsOf(await n.activity())).toEqual(OWNERS);
    const report = formatRunResult(result).join('\n');
    expect(report).toContain('appen installerades för mottagaren');
    expect(report).toContain('Teams-appen installerades för 4 mottagare som saknade den.');
    expect(systemicFailure(result)).toBeUndefined();
  });
});

describe('recipients without the Teams app, where the job may not install it', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness(undefined, { installedFor: [MARIA, ANDERS], jobRoles: NO_INSTALL });
  });
  afterAll(() => n.close());

  test('they are reported as unreached with what to do, their actions stay unrecorded, and the command line does not fail', async () => {
    const out = textSink();
    const env = { MALKOLL_GRAPH_URL: n.h.emulator.graphUrl, MALKOLL_TEAMS_APP_ID: APP_ID, MALKOLL_APP_CLIENT_ID: JOB_APP };
    const code = await notifyCommand.run(['--as-of', AS_OF], { out, err: textSink(), cwd: os.tmpdir(), env });
    expect(code).toBe(0);
    expect(out.text()).toContain('Når inte (3; Teams-appen saknas, försöks igen nästa körning):');
    expect(out.text()).toContain('TeamsAppInstallation.ReadWriteForUser.All');
    expect(out.text()).not.toContain('KÖRNINGEN MISSLYCKADES');
    expect(upnsOf(await n.activity())).toEqual([ANDERS, MARIA]);
    const actions = await n.actions(AS_OF);
    // Per's, Sara's and Lars's actions: nobody was told, so nothing is recorded.
    expect(['r14-a1', 'r16-a1', 'r17-a1'].map((ref) => actions.get(ref)?.notifiedLevel)).toEqual([undefined, undefined, undefined]);
  });

  test('the Function does not fail either, even when the only recipients left are unreachable', async () => {
    const result = await timerRun(n, n.jobToken());
    expect(result.notifications.map((x) => [x.recipient.upn, x.status])).toEqual(expect.arrayContaining(WITHOUT_APP.map((upn) => [upn, 'unreached'])));
    expect(result.notifications.filter((x) => x.status !== 'unreached')).toEqual([]);
  });

  test('once the app is installed for them (an app setup policy), the next run reaches exactly them', async () => {
    n.h.emulator.installTeamsApp(WITHOUT_APP, APP_ID);
    const result = await runNotify(n.store, { asOf: AS_OF, settings: SETTINGS });
    expect(result.notifications.map((x) => x.recipient.upn).sort()).toEqual(WITHOUT_APP);
    expect(result.notifications.every((x) => x.status === 'sent' && x.installed !== true)).toBe(true);
    expect(upnsOf(await n.activity())).toEqual(OWNERS);
  });
});

describe('a systemic error', () => {
  let n: NotifyHarness;
  beforeAll(async () => {
    n = await startNotifyHarness();
  });
  afterAll(() => n.close());

  test('a job signed in as an app other than the manifest names: every send refused alike, the run fails and says what to check', async () => {
    const other = '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c';
    n.h.emulator.registerApp({ appId: other, displayName: 'Fel app', roles: ['Sites.ReadWrite.All', 'User.Read.All', 'TeamsActivity.Send', 'TeamsAppInstallation.ReadWriteForUser.All'] });
    const token = n.h.emulator.issueToken({ app: true, appId: other }).access_token;
    await expect(timerRun(n, token)).rejects.toThrow(/^Inget utskick lyckades, och alla 5 fel är desamma \(403 Forbidden\): .*webApplicationInfo\.id/);
    expect(await n.activity()).toEqual([]);
  });
});

describe('systemicFailure', () => {
  const outcome = (upn: string, status: NotificationOutcome['status'], failure?: { status: number; code: string }, unrecorded?: string[]): NotificationOutcome => ({
    recipient: { upn, displayName: upn, id: upn },
    status,
    activityType: 'actionOverdue',
    text: '',
    webUrl: '',
    chainId: 1,
    actions: [],
    ...(failure ? { failure, error: `${failure.status}` } : {}),
    ...(unrecorded ? { unrecorded } : {}),
  });
  const run = (...notifications: NotificationOutcome[]): NotifyRunResult => ({
    asOf: AS_OF,
    dryRun: false,
    interrupted: false,
    overdueActions: notifications.length,
    notifications,
    skipped: [],
    unresolved: [],
    figures: {
      scan: { requests: 0, ms: 0 },
      resolve: { requests: 0, ms: 0 },
      send: { requests: 0, ms: 0, sends: 0, sendRequests: 0, recordRequests: 0, throttled: 0, installs: 0 },
      pacingMinimumMs: 0,
    },
  });
  const forbidden = { status: 403, code: 'Forbidden' };

  test('people without the app are never systemic, alone or all together', () => {
    expect(systemicFailure(run(outcome('a', 'unreached', forbidden)))).toBeUndefined();
    expect(systemicFailure(run(outcome('a', 'unreached', forbidden), outcome('b', 'unreached', forbidden), outcome('c', 'unreached', forbidden)))).toBeUndefined();
  });

  test('every send refused the same way with nothing sent is; one sent, or different errors, is not', () => {
    expect(systemicFailure(run(outcome('a', 'failed', forbidden), outcome('b', 'failed', forbidden), outcome('c', 'unreached', forbidden)))).toMatch(/alla 2 fel/);
    expect(systemicFailure(run(outcome('a', 'failed', forbidden), outcome('b', 'sent')))).toBeUndefined();
    expect(systemicFailure(run(outcome('a', 'failed', forbidden), outcome('b', 'failed', { status: 500, code: 'generalException' })))).toBeUndefined();
  });

  test('no record written for any notification sent is; one written is not; a dry run never is', () => {
    expect(systemicFailure(run(outcome('a', 'sent', undefined, ['x: fetch failed']), outcome('b', 'sent', undefined, ['y: fetch failed'])))).toMatch(/registreras/);
    expect(systemicFailure(run(outcome('a', 'sent', undefined, ['x: fetch failed']), outcome('b', 'sent')))).toBeUndefined();
    expect(systemicFailure({ ...run(outcome('a', 'failed', forbidden)), dryRun: true })).toBeUndefined();
  });
});
