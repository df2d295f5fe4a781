// Site permissions for applications (Sites.Selected), as an admin grants them and as they bite:
// POST/GET/PATCH/DELETE /sites/{id}/permissions with roles read, write, manage, fullcontrol; app-only
// tokens carrying the roles registered for the app; service principals with their app role
// assignments; TeamsActivity.Send for activity notifications.
import { startEmulator } from '../../../src/emulator';
import type { RunningEmulator } from '../../../src/emulator';
import { GRAPH_APP_ROLE_IDS } from '../../../src/emulator/permissions';
import type { Answer } from './helpers';
import { ANNA, BO, call, graphError, rec, values } from './helpers';

const JOB = { appId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d', displayName: 'Målkoll dev' };
const SITE = 'localhost:/sites/malkoll:';

let emu: RunningEmulator;
let admin: string;
let siteId: string;

const appToken = (appId?: string): string => emu.issueToken(appId ? { app: true, appId } : { app: true }).access_token;
const graph = (path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Answer> => call(`${emu.graphUrl}${path}`, { ...init, token });

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function grant(roles: string[], appId = JOB.appId): Promise<Answer> {
  return graph(`/sites/${siteId}/permissions`, admin, { method: 'POST', body: { roles, grantedToIdentities: [{ application: { id: appId, displayName: JOB.displayName } }] } });
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, dbPath: ':memory:' });
  emu.registerUsers([ANNA, BO]);
  emu.registerApp({ ...JOB, roles: ['Sites.Selected', 'TeamsActivity.Send', 'User.Read.All'] });
  admin = appToken();
  siteId = String(rec((await graph(`/sites/${SITE}`, admin)).body)['id']);
});

afterAll(async () => {
  await emu.close();
});

test('an app-only token carries the roles registered for its app; an unknown app gets none', async () => {
  expect(claims(appToken(JOB.appId))).toMatchObject({ appid: JOB.appId, app_displayname: JOB.displayName, idtyp: 'app', roles: ['Sites.Selected', 'TeamsActivity.Send', 'User.Read.All'] });
  expect(claims(admin)['roles']).toEqual(expect.arrayContaining(['Sites.FullControl.All']));
  const refused = await call(`${emu.url}/_dev/token`, { method: 'POST', body: { app: true, appId: '99999999-9999-4999-8999-999999999999' } });
  expect(refused.status).toBe(404);
  expect(JSON.stringify(refused.body)).toContain('POST /_dev/apps');
});

test('with Sites.Selected and no grant the app reaches no site', async () => {
  const job = appToken(JOB.appId);
  expect(graphError(await graph(`/sites/${SITE}`, job), 403)).toMatchObject({ code: 'accessDenied', message: 'Access denied' });
  expect((await graph(`/sites/${siteId}/lists`, job)).status).toBe(403);
});

test('a write grant: items yes, lists and columns no; manage adds them; read takes writing away', async () => {
  const created = await grant(['write']);
  expect(created.status).toBe(201);
  const permission = rec(created.body);
  expect(permission).toMatchObject({ roles: ['write'], grantedToIdentitiesV2: [{ application: { id: JOB.appId, displayName: JOB.displayName } }] });

  const job = appToken(JOB.appId);
  expect((await graph(`/sites/${SITE}`, job)).status).toBe(200);
  const list = rec((await graph(`/sites/${siteId}/lists`, admin, { method: 'POST', body: { displayName: 'Probe', list: { template: 'genericList' } } })).body);
  const items = `/sites/${siteId}/lists/${String(list['id'])}/items`;
  expect((await graph(items, job, { method: 'POST', body: { fields: { Title: 'skrivs av jobbet' } } })).status).toBe(201);
  expect(graphError(await graph(`/sites/${siteId}/lists`, job, { method: 'POST', body: { displayName: 'Nej', list: { template: 'genericList' } } }), 403)['code']).toBe('accessDenied');
  expect((await graph(`/sites/${siteId}/lists/${String(list['id'])}/columns`, job, { method: 'POST', body: { name: 'Extra', text: {} } })).status).toBe(403);

  const id = String(permission['id']);
  expect(rec((await graph(`/sites/${siteId}/permissions/${id}`, admin, { method: 'PATCH', body: { roles: ['manage'] } })).body)['roles']).toEqual(['manage']);
  expect((await graph(`/sites/${siteId}/lists/${String(list['id'])}/columns`, job, { method: 'POST', body: { name: 'Extra', text: {} } })).status).toBe(201);

  await graph(`/sites/${siteId}/permissions/${id}`, admin, { method: 'PATCH', body: { roles: ['read'] } });
  expect((await graph(items, job)).status).toBe(200);
  expect((await graph(items, job, { method: 'POST', body: { fields: { Title: 'nej' } } })).status).toBe(403);
});

test('the permissions read back, one per app, and go away on delete', async () => {
  const listed = values((await graph(`/sites/${siteId}/permissions`, admin)).body);
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({ roles: ['read'], grantedToIdentities: [{ application: { id: JOB.appId } }] });
  expect((await grant(['write'])).status).toBe(409);
  const id = String(listed[0]?.['id']);
  expect(rec((await graph(`/sites/${siteId}/permissions/${id}`, admin)).body)['id']).toBe(id);
  expect((await graph(`/sites/${siteId}/permissions/${id}`, admin, { method: 'DELETE' })).status).toBe(204);
  expect(values((await graph(`/sites/${siteId}/permissions`, admin)).body)).toEqual([]);
  expect((await graph(`/sites/${SITE}`, appToken(JOB.appId))).status).toBe(403);
});

test('only Sites.FullControl.All manages site permissions; bad bodies are refused', async () => {
  expect((await graph(`/sites/${siteId}/permissions`, appToken(JOB.appId))).status).toBe(403);
  const anna = emu.issueToken({ upn: ANNA.upn }).access_token;
  expect((await graph(`/sites/${siteId}/permissions`, anna)).status).toBe(403);
  expect((await grant(['owner'])).status).toBe(400);
  expect((await graph(`/sites/${siteId}/permissions`, admin, { method: 'POST', body: { roles: ['write'] } })).status).toBe(400);
  expect((await graph('/sites/localhost:/sites/finns-inte:/permissions', admin)).status).toBe(404);
});

test('activity notifications need TeamsActivity.Send in the token', async () => {
  const body = { topic: { source: 'text', value: 'Målkoll', webUrl: 'https://teams.microsoft.com/l/entity/x/y' }, activityType: 'actionOverdue', previewText: { content: 'x' }, templateParameters: [{ name: 'actionTitle', value: 'A' }, { name: 'daysOverdue', value: '3' }] };
  const path = `/users/${BO.upn}/teamwork/sendActivityNotification`;
  expect((await graph(path, appToken(JOB.appId), { method: 'POST', body })).status).toBe(204);
  emu.registerApp({ appId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', displayName: 'Utan Teams', roles: ['Sites.Selected'] });
  const refused = await graph(path, appToken('2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'), { method: 'POST', body });
  expect(graphError(refused, 403)['message']).toContain('TeamsActivity.Send');
});

test("a $batch step is checked as its caller: the job's site read inside a batch is refused too", async () => {
  const answer = await graph('/$batch', appToken(JOB.appId), { method: 'POST', body: { requests: [{ id: '1', method: 'GET', url: `/sites/${SITE}` }] } });
  expect(answer.status).toBe(200);
  expect((rec(answer.body)['responses'] as Array<Record<string, unknown>>)[0]?.['status']).toBe(403);
});

test("the app's service principal shows its consented Graph application permissions", async () => {
  const found = values((await graph(`/servicePrincipals?$filter=appId eq '${JOB.appId}'`, admin)).body);
  expect(found).toEqual([expect.objectContaining({ appId: JOB.appId, displayName: JOB.displayName })]);
  const assignments = values((await graph(`/servicePrincipals/${String(found[0]?.['id'])}/appRoleAssignments`, admin)).body);
  expect(assignments.map((a) => a['appRoleId']).sort()).toEqual([GRAPH_APP_ROLE_IDS['Sites.Selected'], GRAPH_APP_ROLE_IDS['TeamsActivity.Send'], GRAPH_APP_ROLE_IDS['User.Read.All']].sort());
  expect(assignments[0]).toMatchObject({ resourceDisplayName: 'Microsoft Graph', principalType: 'ServicePrincipal' });
  expect(values((await graph("/servicePrincipals?$filter=appId eq '99999999-9999-4999-8999-999999999999'", admin)).body)).toEqual([]);
  expect(graphError(await graph('/servicePrincipals', appToken(JOB.appId)), 403)['code']).toBe('Authorization_RequestDenied');
});
