// The activity feed as Teams checks it, once the Målkoll app is in the tenant's catalog: declared
// activity types and their parameters (400), the app installed for the recipient and sent by the
// manifest's Entra app (403 with Teams's message), 5 sends a second per app (429), and the
// installations behind it (/_dev/installations, GET and POST /users/{id}/teamwork/installedApps).
import path from 'node:path';
import { localTeamsManifest } from '../../../src/cli/app-manifests';
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, appToken, call, graphError, rec, startServer, values } from './helpers';

const MANIFEST = localTeamsManifest(path.resolve(__dirname, '..', '..', '..'));
const MALKOLL_APP = MANIFEST.webApplicationInfo?.id ?? '';
/** The org catalog's own id for the uploaded app (differs from the manifest id). */
const CATALOG_ID = 'c0ffee00-1111-4222-8333-444455556666';
const CARL = { upn: 'carl@malkoll.test', displayName: 'Carl Carlsson' };
/** A second Teams app with its own Entra app, to show the limit is per sending app. */
const OTHER_APP = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER_CATALOG_ID = 'dddddddd-1111-4222-8333-444455556666';
const INSTALLER = '7e6d5c4b-3a29-4181-8f7e-6d5c4b3a2918';

const DEEP_LINK = 'https://teams.microsoft.com/l/entity/app/malkoll-att-gora?context=%7B%22subEntityId%22%3A%22overdue%22%7D';
const NOT_INSTALLED = /^Application with AAD App Id '(.+)' is not authorized to generate custom text notifications about '.+' to the recipient\. Ensure that the expected Teams app is installed in the target scope \(user, team, or chat\)\.$/;

let clock = new Date('2025-06-02T08:00:00Z');
let emu: RunningEmulator;

/** Each test starts ten seconds after the last, so no test sees another's sends in its second. */
function nextTest(): void {
  clock = new Date(clock.getTime() + 10_000);
}

function overdue(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topic: { source: 'text', value: 'Åtgärd 7', webUrl: DEEP_LINK },
    activityType: 'actionOverdue',
    previewText: { content: 'Slutdatum 2025-05-30' },
    templateParameters: [
      { name: 'actionTitle', value: 'Åtgärd 7' },
      { name: 'daysOverdue', value: '3' },
    ],
    ...extra,
  };
}

const tokenOf = (appId: string): string => emu.issueToken({ app: true, appId }).access_token;
const send = (upn: string, body: unknown, token = tokenOf(MALKOLL_APP)) =>
  call(`${emu.graphUrl}/users/${upn}/teamwork/sendActivityNotification`, { method: 'POST', token, body });
const installedApps = (upn: string, query = '', token = tokenOf(MALKOLL_APP)) => call(`${emu.graphUrl}/users/${upn}/teamwork/installedApps${query}`, { token });
const install = (upn: string, catalogId: string, token = tokenOf(MALKOLL_APP)) =>
  call(`${emu.graphUrl}/users/${upn}/teamwork/installedApps`, { method: 'POST', token, body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogId}` } });

beforeAll(async () => {
  emu = await startServer({ now: () => clock, activityFeed: { teamsApps: [{ manifest: MANIFEST, id: CATALOG_ID }] } });
  emu.registerUsers([BO, ANNA, CARL]);
  emu.registerApp({ appId: MALKOLL_APP, displayName: 'Målkoll', roles: ['TeamsActivity.Send', 'TeamsAppInstallation.ReadWriteSelfForUser.All'] });
  emu.registerApp({ appId: OTHER_APP, displayName: 'Annan app', roles: ['TeamsActivity.Send'] });
  emu.registerApp({ appId: INSTALLER, displayName: 'Installerare', roles: ['TeamsAppInstallation.ReadWriteForUser.All'] });
  emu.registerTeamsApp({ manifest: { ...MANIFEST, id: '5b0f2f8e-0000-4c1e-9a1d-2c7d3b8e4a11', name: { short: 'Annan' }, webApplicationInfo: { id: OTHER_APP } }, id: OTHER_CATALOG_ID });
  emu.installTeamsApp([ANNA.upn, BO.upn], CATALOG_ID);
  emu.installTeamsApp(ANNA.upn, OTHER_CATALOG_ID);
});

afterAll(() => emu.close());

describe('sendActivityNotification against the manifest', () => {
  test('a declared type with its parameters, to someone with the app, from the manifest app: 204 and recorded', async () => {
    nextTest();
    expect((await send(ANNA.upn, overdue())).status).toBe(204);
    const [latest] = values((await call(`${emu.url}/_dev/activity?recipient=${ANNA.upn}`)).body);
    expect(latest).toMatchObject({ activityType: 'actionOverdue', sender: { kind: 'app', id: MALKOLL_APP } });
  });

  test('an activity type the manifest does not declare is 400', async () => {
    nextTest();
    const error = graphError(await send(ANNA.upn, overdue({ activityType: 'actionLate' })), 400);
    expect(error['message']).toMatch(/'actionLate' is not declared in the manifest .*actionOverdue, actionsOverdue/);
  });

  test("parameters that do not match the type's template are 400: one missing, one the template lacks", async () => {
    nextTest();
    const missing = graphError(await send(ANNA.upn, overdue({ templateParameters: [{ name: 'actionTitle', value: 'Å' }] })), 400);
    expect(missing['message']).toMatch(/missing daysOverdue/);
    const extra = overdue({ templateParameters: [{ name: 'actionTitle', value: 'Å' }, { name: 'daysOverdue', value: '3' }, { name: 'owner', value: 'x' }] });
    expect(graphError(await send(ANNA.upn, extra), 400)['message']).toMatch(/not in the template owner/);
    // The other type's parameters under this type's name.
    const swapped = overdue({ templateParameters: [{ name: 'count', value: '2' }, { name: 'actionTitle', value: 'Å' }] });
    expect(graphError(await send(ANNA.upn, swapped), 400)['message']).toMatch(/missing daysOverdue; not in the template count/);
    // systemDefault is reserved: never declared, always available.
    const free = overdue({ activityType: 'systemDefault', templateParameters: [{ name: 'systemDefaultText', value: 'Hej' }] });
    expect((await send(ANNA.upn, free)).status).toBe(204);
  });

  test("a recipient without the app is 403 with Teams's message, and reachable once it is installed", async () => {
    nextTest();
    const error = graphError(await send(CARL.upn, overdue()), 403);
    expect(error['code']).toBe('Forbidden');
    expect(NOT_INSTALLED.exec(String(error['message']))?.[1]).toBe(MALKOLL_APP);
    const installed = await call(`${emu.url}/_dev/installations`, { method: 'POST', body: { upn: CARL.upn, teamsAppId: CATALOG_ID } });
    expect(installed.status).toBe(200);
    expect(values(installed.body)[0]).toMatchObject({ userPrincipalName: CARL.upn, teamsAppId: CATALOG_ID });
    expect((await send(CARL.upn, overdue())).status).toBe(204);
  });

  test("a sender that is not the manifest's webApplicationInfo.id is 403 with Teams's message, naming the sender", async () => {
    nextTest();
    // The emulator's own app holds TeamsActivity.Send, but the manifest names another Entra app.
    const error = graphError(await send(BO.upn, overdue(), appToken(emu)), 403);
    expect(NOT_INSTALLED.exec(String(error['message']))?.[1]).not.toBe(MALKOLL_APP);
    expect(NOT_INSTALLED.test(String(error['message']))).toBe(true);
  });

  test('a notification refused is not recorded', async () => {
    nextTest();
    const before = values((await call(`${emu.url}/_dev/activity`)).body).length;
    await send(ANNA.upn, overdue({ activityType: 'actionLate' }));
    await send(BO.upn, overdue(), appToken(emu));
    expect(values((await call(`${emu.url}/_dev/activity`)).body)).toHaveLength(before);
  });

  test('the sixth send within one second is 429 with Retry-After; the limit is per app; a second later it is taken', async () => {
    nextTest();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await send(BO.upn, overdue())).status);
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
    const sixth = await send(BO.upn, overdue());
    expect(graphError(sixth, 429)['code']).toBe('TooManyRequests');
    expect(sixth.headers.get('retry-after')).toBe('1');
    // Another app's sends in the same second are its own.
    expect((await send(ANNA.upn, overdue(), tokenOf(OTHER_APP))).status).toBe(204);
    clock = new Date(clock.getTime() + 1000);
    expect((await send(BO.upn, overdue())).status).toBe(204);
  });
});

describe('installed apps', () => {
  test('POST installedApps with teamsApp@odata.bind installs (201), again is 409, and GET finds it by manifest or catalog id', async () => {
    nextTest();
    const dora = { upn: 'dora@malkoll.test', displayName: 'Dora Dahl' };
    emu.registerUsers([dora]);
    expect(values((await installedApps(dora.upn)).body)).toEqual([]);
    const first = await install(dora.upn, CATALOG_ID);
    expect(first.status).toBe(201);
    expect(first.body).toBeUndefined();
    expect(graphError(await install(dora.upn, CATALOG_ID), 409)['code']).toBe('Conflict');

    const byManifest = values((await installedApps(dora.upn, `?$expand=teamsApp&$filter=teamsApp/externalId eq '${MANIFEST.id}'`)).body);
    expect(byManifest).toHaveLength(1);
    expect(rec(byManifest[0]?.['teamsApp'])).toEqual({ id: CATALOG_ID, externalId: MANIFEST.id, displayName: 'Målkoll', distributionMethod: 'organization' });
    expect(Buffer.from(String(byManifest[0]?.['id']), 'base64').toString()).toMatch(/##c0ffee00-1111-4222-8333-444455556666$/);
    expect(values((await installedApps(dora.upn, `?$filter=teamsApp/id eq '${CATALOG_ID}'`)).body)).toHaveLength(1);
    expect(values((await installedApps(dora.upn, `?$filter=teamsApp/id eq '${OTHER_CATALOG_ID}'`)).body)).toEqual([]);
    // Installed through Graph, the notification is taken.
    expect((await send(dora.upn, overdue())).status).toBe(204);
  });

  test('the Self permission installs and reads only the app itself; ReadWriteForUser.All any app; none, nothing', async () => {
    nextTest();
    const eva = { upn: 'eva@malkoll.test', displayName: 'Eva Ek' };
    emu.registerUsers([eva]);
    expect(graphError(await install(eva.upn, OTHER_CATALOG_ID), 403)['message']).toMatch(/^Missing role permissions on the request/);
    expect(graphError(await install(eva.upn, CATALOG_ID, appToken(emu)), 403)['code']).toBe('Forbidden');
    expect(graphError(await installedApps(eva.upn, '', appToken(emu)), 403)['code']).toBe('Forbidden');
    expect((await install(eva.upn, OTHER_CATALOG_ID, tokenOf(INSTALLER))).status).toBe(201);
    expect((await install(eva.upn, CATALOG_ID, tokenOf(INSTALLER))).status).toBe(201);
    expect(values((await installedApps(eva.upn, '?$expand=teamsApp', tokenOf(INSTALLER))).body)).toHaveLength(2);
    const own = values((await installedApps(eva.upn, '?$expand=teamsApp')).body);
    expect(own.map((i) => rec(i['teamsApp'])['id'])).toEqual([CATALOG_ID]);
  });

  test('refusals: unknown user 404, an app not in the catalog 404, a body without the binding 400, an unknown $expand 400', async () => {
    nextTest();
    expect(graphError(await install('ghost@malkoll.test', CATALOG_ID), 404)['code']).toBe('Request_ResourceNotFound');
    expect(graphError(await install(BO.upn, '99999999-1111-4222-8333-444455556666', tokenOf(INSTALLER)), 404)['message']).toMatch(/not in the tenant's app catalog/);
    const bad = await call(`${emu.graphUrl}/users/${BO.upn}/teamwork/installedApps`, { method: 'POST', token: tokenOf(MALKOLL_APP), body: { teamsApp: CATALOG_ID } });
    expect(graphError(bad, 400)['message']).toMatch(/teamsApp@odata.bind/);
    expect(graphError(await installedApps(BO.upn, '?$expand=chat'), 400)['message']).toMatch(/'chat'/);
  });
});

describe('the /_dev catalog', () => {
  test('GET /_dev/teamsApps shows the uploaded manifests with their activity types and Entra app', async () => {
    const apps = values((await call(`${emu.url}/_dev/teamsApps`)).body);
    const malkoll = apps.find((a) => a['id'] === CATALOG_ID);
    expect(malkoll).toMatchObject({ externalId: MANIFEST.id, azureADAppId: MALKOLL_APP.toLowerCase(), displayName: 'Målkoll' });
    // Every type the manifest declares, no more, no less.
    const declared = (MANIFEST as { activities?: { activityTypes?: unknown[] } }).activities?.activityTypes ?? [];
    expect((malkoll?.['activityTypes'] as unknown[]).length).toBe(declared.length);
    expect(declared.length).toBeGreaterThanOrEqual(2);
  });

  test('a manifest with unfilled ${{…}} placeholders, or an unknown person to install for, is refused', async () => {
    const raw = await call(`${emu.url}/_dev/teamsApps`, { method: 'POST', body: { manifest: { ...MANIFEST, id: '${{TEAMS_APP_ID}}' } } });
    expect(raw.status).toBe(400);
    expect(JSON.stringify(raw.body)).toContain('env/.env.local');
    expect((await call(`${emu.url}/_dev/installations`, { method: 'POST', body: { upn: 'ghost@malkoll.test', teamsAppId: CATALOG_ID } })).status).toBe(404);
    const list = values((await call(`${emu.url}/_dev/installations?user=${ANNA.upn}`)).body);
    expect(list.map((i) => i['teamsAppId']).sort()).toEqual([CATALOG_ID, OTHER_CATALOG_ID].sort());
  });
});

describe('with the checks off', () => {
  test('anything well formed is recorded, as before the catalog', async () => {
    const open = await startServer({ activityFeed: { teamsApps: [{ manifest: MANIFEST, id: CATALOG_ID }], checks: false } });
    try {
      open.registerUsers([CARL]);
      const token = open.issueToken({ app: true }).access_token;
      const r = await call(`${open.graphUrl}/users/${CARL.upn}/teamwork/sendActivityNotification`, { method: 'POST', token, body: overdue({ activityType: 'anything' }) });
      expect(r.status).toBe(204);
    } finally {
      await open.close();
    }
  });
});
