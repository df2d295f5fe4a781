// Tokens: what they carry, what is refused (with Graph's 401 wording), and that they survive a
// restart of a file-backed emulator.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMULATOR_APP, TOKEN_LIFETIME_SECONDS } from '../../../src/emulator/auth';
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, appToken, call, graphError, rec, startServer, tokenFor } from './helpers';

function claimsOf(token: string): Record<string, unknown> {
  const [header, payload, signature] = token.split('.');
  expect(signature).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(rec(JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')))).toMatchObject({ alg: 'HS256', typ: 'JWT' });
  return rec(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')));
}

let clock = new Date('2025-03-01T08:00:00Z');
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startServer({ now: () => clock });
  emu.registerUsers([BO, ANNA]);
});

afterAll(() => emu.close());

describe('issued tokens', () => {
  test('a delegated token carries upn, oid, name, scp, aud and exp', () => {
    const response = emu.issueToken({ upn: 'ANNA@malkoll.test' });
    expect(response).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = claimsOf(response.access_token);
    expect(claims).toMatchObject({ upn: ANNA.upn, name: ANNA.displayName, aud: 'https://graph.microsoft.com', idtyp: 'user' });
    expect(claims['oid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(claims['scp']).split(' ')).toEqual(['Sites.Read.All', 'User.Read', 'User.ReadBasic.All']);
    expect(claims['exp']).toBe(clock.getTime() / 1000 + TOKEN_LIFETIME_SECONDS);
  });

  test('an application token carries appid and roles, and no user', () => {
    const claims = claimsOf(appToken(emu));
    expect(claims).toMatchObject({ appid: EMULATOR_APP.id, idtyp: 'app', aud: 'https://graph.microsoft.com' });
    expect(claims['roles']).toEqual(expect.arrayContaining(['Sites.ReadWrite.All', 'TeamsActivity.Send']));
    expect(claims['upn']).toBeUndefined();
  });

  test('an unknown UPN gets no token', () => {
    expect(() => emu.issueToken({ upn: 'nobody@malkoll.test' })).toThrow(/No user 'nobody@malkoll.test' is registered/);
  });
});

describe('refused tokens answer 401 InvalidAuthenticationToken', () => {
  async function refusal(authorization: string | undefined): Promise<string> {
    const r = await call(`${emu.graphUrl}/me`, authorization === undefined ? {} : { headers: { Authorization: authorization } });
    const error = graphError(r, 401);
    expect(error['code']).toBe('InvalidAuthenticationToken');
    return String(error['message']);
  }

  test('missing, empty or not a bearer token', async () => {
    expect(await refusal(undefined)).toBe('Access token is empty.');
    expect(await refusal('Bearer ')).toBe('Access token is empty.');
    expect(await refusal('Basic YTpi')).toBe('Access token is empty.');
  });

  test('not a JWT', async () => {
    expect(await refusal('Bearer not-a-token')).toBe('CompactToken parsing failed with error code: 80049217');
  });

  test('a signature the emulator did not make', async () => {
    const [h, p] = tokenFor(emu, ANNA.upn).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(tokenFor(emu, ANNA.upn)), upn: BO.upn })).toString('base64url');
    expect(await refusal(`Bearer ${h}.${forged}.AAAA`)).toBe('Access token validation failure.');
    expect(await refusal(`Bearer ${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`)).toBe('Access token validation failure.');
  });

  test('an expired token (after the 5-minute clock skew Graph allows)', async () => {
    const token = tokenFor(emu, ANNA.upn);
    const issued = clock;
    try {
      clock = new Date(issued.getTime() + (TOKEN_LIFETIME_SECONDS + 240) * 1000);
      expect((await call(`${emu.graphUrl}/me`, { token })).status).toBe(200);
      clock = new Date(issued.getTime() + (TOKEN_LIFETIME_SECONDS + 301) * 1000);
      expect(await refusal(`Bearer ${token}`)).toBe('Lifetime validation failed, the token is expired.');
    } finally {
      clock = issued;
    }
  });
});

describe('who is calling', () => {
  test('/me and /me/manager answer for the delegated user', async () => {
    const me = await call(`${emu.graphUrl}/me`, { token: tokenFor(emu, ANNA.upn) });
    expect(rec(me.body)['userPrincipalName']).toBe(ANNA.upn);
    const manager = await call(`${emu.graphUrl}/me/manager`, { token: tokenFor(emu, ANNA.upn) });
    expect(rec(manager.body)['userPrincipalName']).toBe(BO.upn);
  });

  test('/me with an application token answers 400 as Graph does', async () => {
    for (const path of ['/me', '/me/manager']) {
      const error = graphError(await call(`${emu.graphUrl}${path}`, { token: appToken(emu) }), 400);
      expect(error).toMatchObject({ code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' });
    }
  });

  test('an application token can read users', async () => {
    const r = await call(`${emu.graphUrl}/users/${BO.upn}`, { token: appToken(emu) });
    expect(r.status).toBe(200);
  });
});

test('tokens survive a restart of a file-backed emulator, and so do users', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-emu-'));
  try {
    const first = await startServer({ dbPath: undefined, dataDir: path.join(dataDir, 'nested') });
    first.registerUsers([BO, ANNA]);
    const token = tokenFor(first, ANNA.upn);
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'nested', 'emulator.sqlite'))).toBe(true);

    const second = await startServer({ dbPath: undefined, dataDir: path.join(dataDir, 'nested') });
    try {
      const r = await call(`${second.graphUrl}/me`, { token });
      expect(r.status).toBe(200);
      expect(rec(r.body)['displayName']).toBe(ANNA.displayName);
    } finally {
      await second.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the emulator refuses to listen beyond loopback', async () => {
  await expect(startServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
});
