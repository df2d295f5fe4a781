// A Graph URL that is not Microsoft Graph or the loopback emulator is refused where each entry
// point reads its configuration: the command line, the notify Function and the front ends'
// /config.json — before any token is asked for.
import os from 'node:os';
import { InvocationContext } from '@azure/functions';
import type { Timer } from '@azure/functions';
import { parseAppConfig } from '../../src/auth';
import { main } from '../../src/cli/main';
import { openGraphSession } from '../../src/cli/graph-session';
import { createNotifyTimerHandler } from '../../src/jobs/notify/timer-handler';
import { textSink } from './text-sink';

const HOSTILE = ['https://evil.example/v1.0', 'http://graph.microsoft.com/v1.0', 'http://169.254.169.254/metadata/identity/oauth2/token'];

describe.each(HOSTILE)('%s', (graphUrl) => {
  test('the command line refuses it as --graph-url and as MALKOLL_GRAPH_URL (exit 2, Swedish)', async () => {
    for (const [argv, env] of [
      [['plans', '--graph-url', graphUrl], {}],
      [['plans'], { MALKOLL_GRAPH_URL: graphUrl }],
    ] as const) {
      const out = textSink();
      const err = textSink();
      const code = await main(argv, { out, err, cwd: os.tmpdir(), env: { AZURE_CLIENT_ID: 'x', AZURE_TENANT_ID: 'y', AZURE_CLIENT_SECRET: 'z', ...env } });
      expect(code).toBe(2);
      expect(err.text()).toMatch(/(--graph-url|MALKOLL_GRAPH_URL): .*(inte Microsoft Graph|nås bara över https)/);
    }
  });

  test('a CLI session built around the option parser refuses it too', async () => {
    await expect(openGraphSession({ graphUrl, site: 'root', local: false }, {})).rejects.toThrow(/inte Microsoft Graph|nås bara över https/);
    await expect(openGraphSession({ graphUrl, site: 'root', local: true, origin: 'http://localhost:3000' }, {})).rejects.toThrow(/inte Microsoft Graph|nås bara över https/);
  });

  test('the notify Function refuses it before asking for a token', async () => {
    let asked = 0;
    const handler = createNotifyTimerHandler({
      env: { MALKOLL_GRAPH_URL: graphUrl, MALKOLL_SITE: 'contoso.sharepoint.com:/sites/malkoll', MALKOLL_TEAMS_APP_ID: '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f' },
      tokenSource: { getToken: () => ((asked += 1), Promise.resolve('token')) },
    });
    const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
    await expect(handler(timer, new InvocationContext({ functionName: 'notifyOverdue', logHandler: () => undefined }))).rejects.toThrow(/^MALKOLL_GRAPH_URL: .*(inte Microsoft Graph|nås bara över https)/);
    expect(asked).toBe(0);
  });

  test('the front ends refuse a /config.json pointing there, in either mode', () => {
    for (const mode of ['tenant', 'emulator']) {
      const result = parseAppConfig({ mode, graphUrl, siteRef: 'contoso.sharepoint.com:/sites/malkoll', clientId: '8d3e6c2a-41b7-4f0e-b5a9-7c1f0e9d2b34', tenantId: 'contoso.onmicrosoft.com' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.join(' ')).toMatch(/"graphUrl": .*(inte Microsoft Graph|nås bara över https)/);
    }
  });
});

test('Microsoft Graph and the loopback emulator still pass every entry point', () => {
  expect(parseAppConfig({ mode: 'tenant', graphUrl: 'https://graph.microsoft.us/v1.0', siteRef: 'contoso.sharepoint.us:/sites/malkoll', clientId: '8d3e6c2a-41b7-4f0e-b5a9-7c1f0e9d2b34', tenantId: 'contoso.onmicrosoft.us', apiUrl: 'https://malkoll-func.azurewebsites.us/api', apiScope: 'api://malkoll.example.us/8d3e6c2a-41b7-4f0e-b5a9-7c1f0e9d2b34/access_as_user' })).toMatchObject({ ok: true });
  expect(parseAppConfig({ mode: 'emulator', graphUrl: 'http://127.0.0.1:3000/graph/v1.0', siteRef: 'localhost:/sites/malkoll' })).toMatchObject({ ok: true });
});
