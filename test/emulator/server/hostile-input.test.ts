// The emulator as a hostile page or a careless client would meet it: cross-site requests, DNS
// rebinding, absolute $batch URLs, forged long-lived tokens, a readable key file, undecodable paths.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signJwt } from '../../../src/emulator/auth/jwt';
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, call, graphError, rec, startServer, tokenFor, values } from './helpers';

interface RawAnswer {
  status: number;
  body: string;
}

/** A request with headers fetch would not let us set (Host) and the path exactly as written. */
function raw(port: number, init: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: init.method ?? 'GET', path: init.path, headers: init.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

function errorMessage(answer: RawAnswer): string {
  return String(rec(rec(JSON.parse(answer.body))['error'])['message']);
}

let emu: RunningEmulator;

beforeEach(async () => {
  emu = await startServer();
  emu.registerUsers([BO]);
});

afterEach(() => emu.close());

const EVIL = 'https://evil.example';

describe('cross-site requests are refused', () => {
  test('a cross-origin POST to /_dev/users is refused and registers nobody', async () => {
    const refused = await call(`${emu.url}/_dev/users`, { method: 'POST', body: [ANNA], headers: { Origin: EVIL } });
    expect(refused.status).toBe(403);
    expect(String(rec(rec(refused.body)['error'])['message'])).toMatch(/Origin "https:\/\/evil.example" is not the emulator's own/);
    const users = values((await call(`${emu.url}/_dev/users`)).body).map((u) => u['upn']);
    expect(users).toEqual([BO.upn]);
  });

  test('a form post from a foreign page (text/plain, no preflight) registers nobody either', async () => {
    const refused = await call(`${emu.url}/_dev/users`, { method: 'POST', body: JSON.stringify([ANNA]), headers: { Origin: EVIL, 'Content-Type': 'text/plain' } });
    expect(refused.status).toBe(403);
    expect(values((await call(`${emu.url}/_dev/users`)).body)).toHaveLength(1);
  });

  test('the emulator’s own pages may call it, by any loopback name', async () => {
    const own = await call(`${emu.url}/_dev/users`, { method: 'POST', body: [ANNA], headers: { Origin: emu.url } });
    expect(own.status).toBe(200);
    const byAddress = await call(`${emu.url}/_dev/token`, { method: 'POST', body: { upn: ANNA.upn }, headers: { Origin: `http://127.0.0.1:${emu.port}` } });
    expect(byAddress.status).toBe(200);
  });

  test('another local port, a null origin and a cross-site no-cors request are foreign too', async () => {
    for (const headers of [{ Origin: `http://localhost:${emu.port + 1}` }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }]) {
      expect((await call(`${emu.url}/_dev/token`, { method: 'POST', body: { upn: BO.upn }, headers })).status).toBe(403);
    }
  });

  test('a CORS preflight from a foreign origin is refused, for _dev and Graph', async () => {
    const preflight = { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type', Origin: EVIL };
    expect((await call(`${emu.url}/_dev/users`, { method: 'OPTIONS', headers: preflight })).status).toBe(403);
    const graph = await call(`${emu.graphUrl}/me`, { method: 'OPTIONS', headers: preflight });
    expect(graphError(graph, 403)['code']).toBe('Forbidden');
  });

  test('Graph refuses a foreign origin in its own error envelope, whatever the token', async () => {
    const answer = await call(`${emu.graphUrl}/me`, { token: tokenFor(emu, BO.upn), headers: { Origin: EVIL } });
    expect(graphError(answer, 403)['message']).toMatch(/Cross-site request refused/);
    expect((await call(`${emu.graphUrl}/me`, { token: tokenFor(emu, BO.upn), headers: { Origin: emu.url } })).status).toBe(200);
  });
});

describe('DNS rebinding: a Host that is not a loopback name is refused', () => {
  test('_dev, Graph and the static files', async () => {
    const token = await raw(emu.port, { method: 'POST', path: '/_dev/token', headers: { Host: `evil.example:${emu.port}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ app: true }) });
    expect(token.status).toBe(403);
    expect(token.body).not.toMatch(/access_token/);
    expect(errorMessage(token)).toMatch(/not Host "evil.example:\d+"/);
    const graph = await raw(emu.port, { path: '/graph/v1.0/users', headers: { Host: 'evil.example', Authorization: `Bearer ${tokenFor(emu, BO.upn)}` } });
    expect(graph.status).toBe(403);
    expect((await raw(emu.port, { path: '/index.html', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  test('loopback names with the emulator’s port pass; another port does not', async () => {
    for (const host of [`localhost:${emu.port}`, `127.0.0.1:${emu.port}`, `[::1]:${emu.port}`, `LOCALHOST:${emu.port}`]) {
      expect((await raw(emu.port, { path: '/_dev/health', headers: { Host: host } })).status).toBe(200);
    }
    expect((await raw(emu.port, { path: '/_dev/health', headers: { Host: `localhost:${emu.port + 1}` } })).status).toBe(403);
    expect((await raw(emu.port, { path: '/_dev/health', headers: { Host: 'localhost.evil.example' } })).status).toBe(403);
  });
});

describe('paths that do not decode answer 400, not 500', () => {
  test('NUL and broken percent-encoding, with and without a static folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-static-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<h1>Målkoll</h1>');
    const withStatic = await startServer({ staticRoot: root });
    try {
      for (const server of [emu, withStatic]) {
        for (const rawPath of ['/%00', '/index.html%00', '/%E0%A4%A', '/graph/v1.0/%00', '/_dev/%00']) {
          const answer = await raw(server.port, { path: rawPath, headers: { Host: `localhost:${server.port}` } });
          expect([rawPath, answer.status]).toEqual([rawPath, 400]);
        }
      }
      expect((await raw(withStatic.port, { path: '/index.html', headers: { Host: `localhost:${withStatic.port}` } })).status).toBe(200);
    } finally {
      await withStatic.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('$batch', () => {
  test('refuses absolute step URLs as Graph does, and runs relative ones', async () => {
    const token = tokenFor(emu, BO.upn);
    for (const url of [`${emu.graphUrl}/me`, 'https://graph.microsoft.com/v1.0/me', 'http://169.254.169.254/latest/meta-data', '//evil.example/me']) {
      const answer = await call(`${emu.graphUrl}/$batch`, { method: 'POST', token, body: { requests: [{ id: '1', method: 'GET', url }] } });
      expect([url, graphError(answer, 400)['message']]).toEqual([url, 'Invalid batch payload format.']);
    }
    const ok = await call(`${emu.graphUrl}/$batch`, { method: 'POST', token, body: { requests: [{ id: '1', method: 'GET', url: '/me' }] } });
    expect(ok.status).toBe(200);
  });
});

describe('tokens and the key', () => {
  let dataDir: string;
  let fileEmu: RunningEmulator;
  const file = (): string => path.join(dataDir, 'emulator.sqlite');

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-emu-'));
    fileEmu = await startServer({ dbPath: undefined, dataDir });
    fileEmu.registerUsers([BO, ANNA]);
  });

  afterEach(async () => {
    await fileEmu.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A token signed with the emulator's real key, as someone who read the database could make. */
  function forged(claims: Record<string, unknown>): string {
    const db = new Database(file(), { readonly: true, fileMustExist: true });
    try {
      const key = db.prepare<[], { kid: string; secret: Buffer }>('SELECT kid, secret FROM auth_signing_keys').get();
      if (!key) throw new Error('no signing key');
      const [, payload] = tokenFor(fileEmu, ANNA.upn).split('.');
      const base = rec(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')));
      return signJwt({ ...base, ...claims }, key.secret, key.kid);
    } finally {
      db.close();
    }
  }

  test('the database holding the signing key is readable by its owner only', () => {
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
    for (const extra of ['-wal', '-shm']) {
      if (fs.existsSync(file() + extra)) expect(fs.statSync(file() + extra).mode & 0o777).toBe(0o600);
    }
  });

  test('a world-readable database from an earlier run is tightened at start', async () => {
    await fileEmu.close();
    fs.chmodSync(file(), 0o644);
    fileEmu = await startServer({ dbPath: undefined, dataDir });
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
  });

  test('a token that lives longer than Entra allows (here until 2100) is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await call(`${fileEmu.graphUrl}/me`, { token: forged({ iat: now, nbf: now, exp: now + 24 * 3600 }) })).status).toBe(200);
    const longLived = await call(`${fileEmu.graphUrl}/me`, { token: forged({ iat: now, nbf: now, exp: Date.UTC(2100, 0, 1) / 1000 }) });
    expect(graphError(longLived, 401)['code']).toBe('InvalidAuthenticationToken');
    expect((await call(`${fileEmu.graphUrl}/me`, { token: forged({ iat: undefined }) })).status).toBe(401);
  });

  test('a token for someone who is not registered is refused', async () => {
    const stranger = forged({ oid: '11111111-2222-3333-4444-555555555555', upn: 'mallory@evil.example', name: 'Mallory' });
    expect(graphError(await call(`${fileEmu.graphUrl}/me`, { token: stranger }), 401)['code']).toBe('InvalidAuthenticationToken');
    const app = forged({ idtyp: 'app', appid: '99999999-8888-7777-6666-555555555555', roles: ['Sites.FullControl.All'] });
    expect((await call(`${fileEmu.graphUrl}/users`, { token: app })).status).toBe(401);
  });
});
