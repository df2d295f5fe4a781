/** @jest-environment jsdom */
// Teams on a phone loads the tab top-level (a frameless webview): the host is found through
// teams-js's own initialisation, whatever the framing, and a plain browser tab stays standalone.
import { detectHost } from '../../src/tab/host/teams-host';

type TeamsJs = Parameters<typeof detectHost>[1];

function fakeTeams(initialize: () => Promise<void>): NonNullable<TeamsJs> {
  const app = {
    initialize,
    getContext: async () => ({
      app: { theme: 'dark', locale: 'sv-se' },
      user: { userPrincipalName: 'johan.ekstrom@region.example', loginHint: 'johan.ekstrom@region.example', displayName: 'Johan Ekström', tenant: { id: 't' } },
      page: { subPageId: 'RS:2025/indicator/g1-i1/2025-annual', frameContext: 'content' },
    }),
    registerOnThemeChangeHandler: () => undefined,
  };
  return async () => ({ app }) as unknown as Awaited<ReturnType<NonNullable<TeamsJs>>>;
}

test('top-level in Teams mobile (no parent, a native interface): the tab is in Teams', async () => {
  expect(window.parent).toBe(window);
  Object.assign(window, { nativeInterface: { framelessPostMessage: () => undefined } });
  const host = await detectHost(window, fakeTeams(async () => undefined));
  expect(host).toMatchObject({ inTeams: true, theme: 'dark', upn: 'johan.ekstrom@region.example', subPageId: 'RS:2025/indicator/g1-i1/2025-annual' });
});

test('a plain browser tab, where teams-js refuses at once, is standalone', async () => {
  const host = await detectHost(window, fakeTeams(async () => Promise.reject(new Error('No Parent window found'))));
  expect(host.inTeams).toBe(false);
});
