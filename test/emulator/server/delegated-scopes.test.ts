// A delegated token carries the scopes the app's configuration asks for (the front ends'), and a
// call beyond them gets Graph's 403: reading another user's manager needs User.Read.All, creating a
// list Sites.Manage.All; /me/directReports is what User.Read and User.ReadBasic.All allow.
import { FRONT_END_SCOPES } from '../../../src/emulator/auth/tokens';
import { startEmulator } from '../../../src/emulator';
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator';
import { ANNA, BO, call, graphError, rec } from './helpers';

const startServer = (options: EmulatorOptions = {}) => startEmulator({ port: 0, dbPath: ':memory:', ...options });

let emu: RunningEmulator;
let site = '';

beforeAll(async () => {
  emu = await startServer();
  emu.registerUsers([BO, { ...ANNA, managerUpn: BO.upn }]);
  const app = emu.issueToken({ app: true }).access_token;
  site = String(rec((await call(`${emu.graphUrl}/sites/root`, { token: app })).body)['id']);
});

afterAll(async () => {
  await emu.close();
});

const frontEnd = (upn: string) => emu.issueToken({ upn }).access_token;

test("a dev token carries exactly the front ends' scopes", () => {
  const claims = JSON.parse(Buffer.from(frontEnd(ANNA.upn).split('.')[1] ?? '', 'base64url').toString('utf8')) as { scp: string };
  expect(claims.scp.split(' ')).toEqual([...FRONT_END_SCOPES]);
});

test('within the scopes: /me, a person by name, my direct reports, the lists', async () => {
  expect((await call(`${emu.graphUrl}/me`, { token: frontEnd(ANNA.upn) })).status).toBe(200);
  expect((await call(`${emu.graphUrl}/users/${encodeURIComponent(BO.upn)}?$select=displayName`, { token: frontEnd(ANNA.upn) })).status).toBe(200);
  const reports = await call(`${emu.graphUrl}/me/directReports?$select=userPrincipalName,displayName`, { token: frontEnd(BO.upn) });
  expect(reports.status).toBe(200);
  expect((rec(reports.body)['value'] as Array<{ userPrincipalName: string }>).map((u) => u.userPrincipalName)).toEqual([ANNA.upn]);
  expect((await call(`${emu.graphUrl}/sites/${site}/lists`, { token: frontEnd(ANNA.upn) })).status).toBe(200);
});

test("beyond them: another user's manager, a new list, an activity notification get Graph's 403", async () => {
  const manager = await call(`${emu.graphUrl}/users/${encodeURIComponent(ANNA.upn)}/manager`, { token: frontEnd(BO.upn) });
  expect(graphError(manager, 403)['code']).toBe('Authorization_RequestDenied');
  const list = await call(`${emu.graphUrl}/sites/${site}/lists`, { method: 'POST', token: frontEnd(ANNA.upn), body: { displayName: 'Ny', list: { template: 'genericList' } } });
  expect(graphError(list, 403)['code']).toBe('accessDenied');
  const send = await call(`${emu.graphUrl}/users/${encodeURIComponent(BO.upn)}/teamwork/sendActivityNotification`, { method: 'POST', token: frontEnd(ANNA.upn), body: {} });
  expect(send.status).toBe(403);
});

test('inside $batch each step is held to the same scopes', async () => {
  const answer = await call(`${emu.graphUrl}/$batch`, {
    method: 'POST',
    token: frontEnd(BO.upn),
    body: { requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: `/users/${encodeURIComponent(ANNA.upn)}/manager` }] },
  });
  const responses = rec(answer.body)['responses'] as Array<{ id: string; status: number }>;
  expect(Object.fromEntries(responses.map((r) => [r.id, r.status]))).toEqual({ '1': 200, '2': 403 });
});

test('with enforcement off, the same token reaches everything (an emulator option)', async () => {
  const open = await startServer({ enforceScopes: false });
  try {
    open.registerUsers([BO, { ...ANNA, managerUpn: BO.upn }]);
    const token = open.issueToken({ upn: BO.upn }).access_token;
    expect((await call(`${open.graphUrl}/users/${encodeURIComponent(ANNA.upn)}/manager`, { token })).status).toBe(200);
  } finally {
    await open.close();
  }
});
