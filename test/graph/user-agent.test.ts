// SharePoint's traffic decoration (`ISV|CompanyName|AppName/Version`) on what the job and the
// command line send; the browser front ends cannot set a User-Agent and send none of their own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvocationContext } from '@azure/functions';
import type { Timer } from '@azure/functions';
import { openGraphSession } from '../../src/cli/graph-session';
import { startEmulator } from '../../src/emulator';
import type { RunningEmulator } from '../../src/emulator';
import { MALKOLL_VERSION, createGraphClient, malkollUserAgent } from '../../src/graph';
import { createNotifyTimerHandler } from '../../src/jobs/notify/timer-handler';
import { provision } from '../../src/lists';
import { json, testClient } from './fake-graph';

const SITE = 'localhost:/sites/malkoll';

test('the form is the documented one, with the version package.json has', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(MALKOLL_VERSION).toBe(pkg.version);
  expect(malkollUserAgent('notify')).toBe(`ISV|Malkoll|Malkoll/${pkg.version} (notify)`);
  expect(malkollUserAgent('cli')).toMatch(/^ISV\|Malkoll\|Malkoll\/\d+\.\d+\.\d+ \(cli\)$/);
});

test('a client given a User-Agent sends it on every round trip, $batch included', async () => {
  const { client, server } = testClient((request) => {
    if (!request.url.href.endsWith('/$batch')) return json(200, {});
    return json(200, { responses: [{ id: '1', status: 200, headers: {}, body: {} }] });
  }, { userAgent: 'ISV|Malkoll|Malkoll/0.1.0 (cli)' });
  await client.get('/sites/root');
  await client.batch([{ method: 'GET', url: '/sites/root' }]);
  expect(server.sent.map((r) => r.headers.get('user-agent'))).toEqual(['ISV|Malkoll|Malkoll/0.1.0 (cli)', 'ISV|Malkoll|Malkoll/0.1.0 (cli)']);
});

describe('the job and the command line, as the emulator sees them', () => {
  let emu: RunningEmulator;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, dbPath: ':memory:' });
    const token = emu.issueToken({ app: true }).access_token;
    await provision(createGraphClient({ baseUrl: emu.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } }), SITE);
  });

  afterAll(() => emu.close());

  beforeEach(() => emu.resourceUnits.reset());

  const userAgentsSeen = () => emu.resourceUnits.get().apps.flatMap((a) => a.userAgents);

  test('the command line decorates its traffic', async () => {
    const session = await openGraphSession({ graphUrl: emu.graphUrl, site: SITE, local: true, origin: emu.url }, {});
    await session.store();
    expect(userAgentsSeen()).toEqual([malkollUserAgent('cli')]);
  });

  test('the notify job decorates its traffic', async () => {
    const token = emu.issueToken({ app: true }).access_token;
    const handler = createNotifyTimerHandler({
      env: { MALKOLL_GRAPH_URL: emu.graphUrl, MALKOLL_SITE: SITE, MALKOLL_TEAMS_APP_ID: '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f' },
      tokenSource: { getToken: () => Promise.resolve(token) },
      now: () => new Date('2026-01-09T06:00:00Z'),
    });
    const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
    await handler(timer, new InvocationContext({ functionName: 'notifyOverdue', logHandler: () => undefined }));
    expect(userAgentsSeen()).toEqual([malkollUserAgent('notify')]);
  });
});
