// Users and managers through Graph (/users, /users/{id|upn}, /manager) and through the dev
// endpoints (/_dev/users).
import { userIdFor } from '../../../src/emulator/directory';
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, call, graphError, rec, startServer, tokenFor, values } from './helpers';

let emu: RunningEmulator;
let token: string;

const PEOPLE = [
  ANNA,
  BO,
  { upn: 'cecilia@malkoll.test', displayName: 'Cecilia Ceder', managerUpn: BO.upn },
  { upn: 'david@malkoll.test', displayName: 'David Dahl', mail: 'david.dahl@malkoll.test' },
  { upn: 'asa@malkoll.test', displayName: 'Åsa Öberg' },
];

beforeAll(async () => {
  emu = await startServer();
  // Anna comes before her manager Bo: managers may be registered later in the same call.
  emu.registerUsers(PEOPLE);
  token = tokenFor(emu, ANNA.upn);
});

afterAll(() => emu.close());

const get = (path: string): ReturnType<typeof call> => call(`${emu.graphUrl}${path}`, { token });

describe('GET /users/{id | userPrincipalName}', () => {
  test('by UPN (any case) and by id give the same user, in Graph’s default shape', async () => {
    const byUpn = await get('/users/ANNA@MALKOLL.TEST');
    expect(byUpn.status).toBe(200);
    const user = rec(byUpn.body);
    expect(Object.keys(user)).toEqual([
      '@odata.context',
      'businessPhones',
      'displayName',
      'givenName',
      'jobTitle',
      'mail',
      'mobilePhone',
      'officeLocation',
      'preferredLanguage',
      'surname',
      'userPrincipalName',
      'id',
    ]);
    expect(user).toMatchObject({
      '@odata.context': `${emu.graphUrl}/$metadata#users/$entity`,
      displayName: ANNA.displayName,
      jobTitle: ANNA.jobTitle,
      mail: ANNA.upn,
      userPrincipalName: ANNA.upn,
      id: userIdFor(ANNA.upn),
    });
    const byId = await get(`/users/${String(user['id']).toUpperCase()}`);
    expect(rec(byId.body)['userPrincipalName']).toBe(ANNA.upn);
  });

  test('$select returns only the chosen properties', async () => {
    const r = await get('/users/anna@malkoll.test?$select=displayName,mail');
    expect(r.body).toEqual({
      '@odata.context': `${emu.graphUrl}/$metadata#users(displayName,mail)/$entity`,
      displayName: ANNA.displayName,
      mail: ANNA.upn,
    });
    const bad = graphError(await get('/users/anna@malkoll.test?$select=shoeSize'), 400);
    expect(bad['message']).toBe("Parsing OData Select and Expand failed: Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
  });

  test('an unknown user is 404 Request_ResourceNotFound', async () => {
    const error = graphError(await get('/users/nobody@malkoll.test'), 404);
    expect(error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: "Resource 'nobody@malkoll.test' does not exist or one of its queried reference-property objects are not present.",
    });
  });
});

describe('GET /users/{id}/manager', () => {
  test('answers the manager as a directoryObject of type user', async () => {
    const r = await get(`/users/${ANNA.upn}/manager`);
    expect(rec(r.body)).toMatchObject({
      '@odata.context': `${emu.graphUrl}/$metadata#directoryObjects/$entity`,
      '@odata.type': '#microsoft.graph.user',
      userPrincipalName: BO.upn,
      jobTitle: BO.jobTitle,
    });
  });

  test("no manager: 404 with Graph's exact message", async () => {
    const error = graphError(await get(`/users/${BO.upn}/manager`), 404);
    expect(error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
    });
  });
});

describe('GET /users', () => {
  const upns = async (query: string): Promise<string[]> => {
    const r = await get(`/users${query}`);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return values(r.body).map((u) => String(u['userPrincipalName']));
  };

  test('lists everyone', async () => {
    const r = await get('/users');
    expect(rec(r.body)['@odata.context']).toBe(`${emu.graphUrl}/$metadata#users`);
    expect(values(r.body)).toHaveLength(PEOPLE.length);
  });

  test('$filter with eq and startswith on userPrincipalName, mail and displayName, ignoring case', async () => {
    expect(await upns(`?$filter=${encodeURIComponent("userPrincipalName eq 'BO@malkoll.test'")}`)).toEqual([BO.upn]);
    expect(await upns(`?$filter=${encodeURIComponent("mail eq 'david.dahl@malkoll.test'")}`)).toEqual(['david@malkoll.test']);
    expect(await upns(`?$filter=${encodeURIComponent("startswith(displayName,'c')")}`)).toEqual(['cecilia@malkoll.test']);
    expect(await upns(`?$filter=${encodeURIComponent("startswith(displayName,'åsa')")}`)).toEqual(['asa@malkoll.test']);
    const either = await upns(`?$filter=${encodeURIComponent("displayName eq 'Bo Berg' or (startswith(mail,'anna') and displayName eq 'Anna Andersson')")}`);
    expect(either.sort()).toEqual([ANNA.upn, BO.upn]);
    expect(await upns(`?$filter=${encodeURIComponent("displayName eq 'It''s nobody'")}`)).toEqual([]);
  });

  test('$filter errors: syntax, unknown property, and what the emulator does not build', async () => {
    expect(graphError(await get(`/users?$filter=${encodeURIComponent("displayName eq 'x")}`), 400)['message']).toMatch(/^Invalid filter clause/);
    expect(graphError(await get(`/users?$filter=${encodeURIComponent("shoeSize eq '42'")}`), 400)).toMatchObject({
      code: 'Request_BadRequest',
      message: "Could not find a property named 'shoeSize' on type 'Microsoft.DirectoryServices.User'.",
    });
    expect(graphError(await get(`/users?$filter=${encodeURIComponent("jobTitle eq 'Chef'")}`), 501)['code']).toBe('notImplemented');
    expect(graphError(await get(`/users?$filter=${encodeURIComponent("displayName ne 'x'")}`), 501)['code']).toBe('notImplemented');
    expect(graphError(await get('/users?$orderby=displayName'), 501)['code']).toBe('notImplemented');
  });

  test('$top pages with an @odata.nextLink that keeps the other options', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${emu.graphUrl}/users?$top=2&$select=userPrincipalName`;
    let pages = 0;
    while (next) {
      const r = await call(next, { token });
      const body = rec(r.body);
      for (const u of values(body)) {
        expect(Object.keys(u)).toEqual(['userPrincipalName']);
        seen.push(String(u['userPrincipalName']));
      }
      next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
      if (next) expect(next).toMatch(/\$top=2&\$select=userPrincipalName&\$skiptoken=/);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(PEOPLE.map((p) => p.upn).sort());
  });

  test('$top outside 1..999 is refused', async () => {
    expect(graphError(await get('/users?$top=1000'), 400)['message']).toBe("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    expect(graphError(await get('/users?$top=0'), 400)['code']).toBe('BadRequest');
  });
});

describe('/_dev/users', () => {
  const dev = (method: string, body?: unknown): ReturnType<typeof call> =>
    call(`${emu.url}/_dev/users`, { method, ...(body !== undefined ? { body } : {}) });

  test('GET lists the people for a user picker, with their managers', async () => {
    const r = await dev('GET');
    expect(r.status).toBe(200);
    const anna = values(r.body).find((u) => u['upn'] === ANNA.upn);
    expect(anna).toEqual({
      id: userIdFor(ANNA.upn),
      upn: ANNA.upn,
      displayName: ANNA.displayName,
      mail: ANNA.upn,
      jobTitle: ANNA.jobTitle,
      managerUpn: BO.upn,
    });
  });

  test('POST is idempotent: registering again updates, and keeps what is left out', async () => {
    const once = await dev('POST', { upn: 'erik@malkoll.test', displayName: 'Erik', jobTitle: 'Controller', managerUpn: BO.upn });
    expect(once.status).toBe(200);
    const again = await dev('POST', [{ upn: 'Erik@malkoll.test', displayName: 'Erik Ek' }]);
    expect(values(again.body)).toEqual([
      { id: userIdFor('erik@malkoll.test'), upn: 'Erik@malkoll.test', displayName: 'Erik Ek', mail: 'erik@malkoll.test', jobTitle: 'Controller', managerUpn: BO.upn },
    ]);
    const cleared = await dev('POST', { upn: 'erik@malkoll.test', displayName: 'Erik Ek', managerUpn: null, jobTitle: null });
    expect(values(cleared.body)[0]).toMatchObject({ managerUpn: null, jobTitle: null });
    expect(values((await dev('GET')).body).filter((u) => String(u['upn']).toLowerCase() === 'erik@malkoll.test')).toHaveLength(1);
  });

  test('refusals name the problem and change nothing', async () => {
    const before = values((await dev('GET')).body).length;
    const unknownManager = await dev('POST', [{ upn: 'fia@malkoll.test', displayName: 'Fia', managerUpn: 'ghost@malkoll.test' }]);
    expect(graphError(unknownManager, 400)['message']).toMatch(/ghost@malkoll.test of fia@malkoll.test is not registered/);
    expect(values((await dev('GET')).body)).toHaveLength(before);
    expect(graphError(await dev('POST', { upn: 'not-an-address', displayName: 'X' }), 400)['message']).toMatch(/users\[0\]\.upn/);
    expect(graphError(await dev('POST', { upn: 'x@malkoll.test', displayName: 'X', managerUPN: 'y' }), 400)['message']).toMatch(/managerUPN/);
    const loop = await dev('POST', { upn: BO.upn, displayName: BO.displayName, managerUpn: ANNA.upn });
    expect(graphError(loop, 400)['message']).toMatch(/management loop/);
    expect(graphError(await call(`${emu.url}/_dev/users`, { method: 'POST', body: '{oops' }), 400)['message']).toBe('The body is not valid JSON.');
  });
});
