// Users and managers: /me, /users/{upn|id}, /users?$filter, /users/{id}/manager
// (graph-lists.md §9 "Get a user's manager", checklist §12 "Manager"), and 401 without a token.
import type { Emulator, GraphCaller, Json } from './harness';
import {
  GUID_RE,
  expectErrorEnvelope,
  expectStatus,
  graphClient,
  q,
  rec,
  startTestEmulator,
  str,
  tokenFor,
  values,
} from './harness';

let emu: Emulator;
let anna: GraphCaller;
let app: GraphCaller;

beforeAll(async () => {
  emu = await startTestEmulator();
  await emu.registerUsers([
    { upn: 'bo@malkoll.test', displayName: 'Bo Berg' },
    { upn: 'anna@malkoll.test', displayName: 'Anna Andersson', managerUpn: 'bo@malkoll.test' },
    { upn: 'cecilia@malkoll.test', displayName: 'Cecilia Carlsson', managerUpn: 'bo@malkoll.test' },
  ]);
  anna = graphClient(emu, { token: await tokenFor(emu, { upn: 'anna@malkoll.test' }) });
  app = graphClient(emu, { token: await tokenFor(emu, { app: true }) });
});

afterAll(async () => {
  await emu.close();
});

function expectUser(body: unknown, upn: string, displayName: string): Json {
  const u = rec(body, 'user');
  expect(str(u['id'])).toMatch(GUID_RE);
  expect(u['userPrincipalName']).toBe(upn);
  expect(u['displayName']).toBe(displayName);
  return u;
}

describe('users', () => {
  test('GET /me answers the signed-in user', async () => {
    const r = await anna.get('/me');
    expectStatus(r, 200);
    expectUser(r.body, 'anna@malkoll.test', 'Anna Andersson');
  });

  test('GET /users/{upn} and /users/{id} answer the same user', async () => {
    const byUpn = await app.get('/users/bo@malkoll.test');
    expectStatus(byUpn, 200);
    const bo = expectUser(byUpn.body, 'bo@malkoll.test', 'Bo Berg');
    const byId = await app.get(`/users/${str(bo['id'])}`);
    expectStatus(byId, 200);
    expect(rec(byId.body)['id']).toBe(bo['id']);
  });

  test('$select limits the user properties', async () => {
    const r = await app.get('/users/bo@malkoll.test?$select=displayName,mail');
    expectStatus(r, 200);
    const u = rec(r.body);
    expect(u['displayName']).toBe('Bo Berg');
    expect(u['userPrincipalName']).toBeUndefined();
  });

  test('GET /users lists the directory', async () => {
    const r = await app.get('/users');
    expectStatus(r, 200);
    const upns = values(r.body).map((u) => u['userPrincipalName']);
    expect(upns).toEqual(expect.arrayContaining(['anna@malkoll.test', 'bo@malkoll.test', 'cecilia@malkoll.test']));
  });

  test('GET /users?$filter on userPrincipalName and startswith(displayName)', async () => {
    const eq = await app.get(`/users?$filter=${q("userPrincipalName eq 'cecilia@malkoll.test'")}`);
    expectStatus(eq, 200);
    expect(values(eq.body).map((u) => u['userPrincipalName'])).toEqual(['cecilia@malkoll.test']);

    const sw = await app.get(`/users?$filter=${q("startswith(displayName,'Bo')")}`);
    expectStatus(sw, 200);
    expect(values(sw.body).map((u) => u['userPrincipalName'])).toEqual(['bo@malkoll.test']);

    const none = await app.get(`/users?$filter=${q("userPrincipalName eq 'nobody@malkoll.test'")}`);
    expectStatus(none, 200);
    expect(values(none.body)).toEqual([]);
  });

  test('an unknown user answers 404 Request_ResourceNotFound', async () => {
    const err = expectErrorEnvelope(await app.get('/users/nobody@malkoll.test'), 404);
    expect(err['code']).toBe('Request_ResourceNotFound');
    expect(err['message']).toBe(
      "Resource 'nobody@malkoll.test' does not exist or one of its queried reference-property objects are not present.",
    );
  });
});

describe('managers', () => {
  test('GET /users/{upn}/manager answers the manager as a user object', async () => {
    const r = await app.get('/users/anna@malkoll.test/manager');
    expectStatus(r, 200);
    const m = expectUser(r.body, 'bo@malkoll.test', 'Bo Berg');
    expect(m['@odata.type']).toBe('#microsoft.graph.user');
  });

  test('GET /users/{id}/manager and /me/manager answer the same manager', async () => {
    const me = rec((await anna.get('/me')).body);
    const byId = await app.get(`/users/${str(me['id'])}/manager`);
    expectStatus(byId, 200);
    expect(rec(byId.body)['userPrincipalName']).toBe('bo@malkoll.test');
    const mine = await anna.get('/me/manager');
    expectStatus(mine, 200);
    expect(rec(mine.body)['userPrincipalName']).toBe('bo@malkoll.test');
  });

  test('a user without a manager answers 404 Request_ResourceNotFound with Graph\'s message', async () => {
    const err = expectErrorEnvelope(await app.get('/users/bo@malkoll.test/manager'), 404);
    expect(err['code']).toBe('Request_ResourceNotFound');
    expect(err['message']).toBe("Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
  });

  test('the manager of an unknown user answers 404 Request_ResourceNotFound', async () => {
    const err = expectErrorEnvelope(await app.get('/users/nobody@malkoll.test/manager'), 404);
    expect(err['code']).toBe('Request_ResourceNotFound');
  });
});

describe('dev users endpoint', () => {
  test('POST /_dev/users registers people that Graph then serves; GET /_dev/users lists them', async () => {
    const post = await fetch(`${emu.url}/_dev/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ upn: 'david@malkoll.test', displayName: 'David Dahl', managerUpn: 'bo@malkoll.test' }]),
    });
    expect(post.status).toBe(200);
    const list = await fetch(`${emu.url}/_dev/users`);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('david@malkoll.test');
    const r = await app.get('/users/david@malkoll.test/manager');
    expectStatus(r, 200);
    expect(rec(r.body)['userPrincipalName']).toBe('bo@malkoll.test');
  });
});

describe('authentication', () => {
  test('no token answers 401 InvalidAuthenticationToken (users, sites and lists alike)', async () => {
    const anon = graphClient(emu);
    for (const p of ['/me', '/users', '/sites/root', '/sites/localhost:/sites/malkoll:/lists']) {
      const r = await anon.get(p);
      const err = expectErrorEnvelope(r, 401);
      expect(err['code']).toBe('InvalidAuthenticationToken');
      expect(String(r.headers.get('www-authenticate'))).toMatch(/^Bearer /);
    }
  });

  test('a token the emulator did not issue answers 401 InvalidAuthenticationToken', async () => {
    const forged = graphClient(emu, { token: 'eyJhbGciOiJub25lIn0.eyJ1cG4iOiJ4In0.' });
    const err = expectErrorEnvelope(await forged.get('/me'), 401);
    expect(err['code']).toBe('InvalidAuthenticationToken');
  });

  test('/me with an app-only token answers 400 (delegated flows only)', async () => {
    expectErrorEnvelope(await app.get('/me'), 400);
  });
});
