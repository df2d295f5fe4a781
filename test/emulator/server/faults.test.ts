// Fault injection (latency, 429, 503, seeded) and the dev endpoints around it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createFaultController } from '../../../src/emulator/faults';
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, call, graphError, rec, startServer, tokenFor } from './helpers';
import type { Answer } from './helpers';

let emu: RunningEmulator;
let token: string;
let firstAnswer: Answer;

const me = (): Promise<Answer> => call(`${emu.graphUrl}/me`, { token });

beforeAll(async () => {
  emu = await startServer({ faults: { throttleRate: 1, retryAfterSeconds: 3, seed: 9 } });
  emu.registerUsers([ANNA, BO]);
  token = tokenFor(emu, ANNA.upn);
  firstAnswer = await me();
});

afterEach(() => emu.faults.reset());
afterAll(() => emu.close());

describe('injected errors', () => {
  test('faults given at start apply from the first request: 429 TooManyRequests with Retry-After', async () => {
    const r = firstAnswer;
    expect(graphError(r, 429)).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.' });
    expect(r.headers.get('retry-after')).toBe('3');
  });

  test('503 serviceNotAvailable with Retry-After', async () => {
    emu.faults.set({ unavailableRate: 1 });
    const r = await me();
    expect(graphError(r, 503)['code']).toBe('serviceNotAvailable');
    expect(r.headers.get('retry-after')).toBe('1');
  });

  test('faults come after auth: a request without a token is still 401', async () => {
    emu.faults.set({ throttleRate: 1 });
    expect((await call(`${emu.graphUrl}/me`)).status).toBe(401);
  });

  test('the dev endpoints are never faulted', async () => {
    emu.faults.set({ throttleRate: 1, latencyMs: 200 });
    const started = Date.now();
    expect((await call(`${emu.url}/_dev/health`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(150);
  });

  test('a seed gives the same sequence of faults; reset turns them off', async () => {
    const statuses = async (): Promise<number[]> => {
      emu.faults.set({ throttleRate: 0.3, unavailableRate: 0.2, seed: 77 });
      const out: number[] = [];
      for (let i = 0; i < 30; i += 1) out.push((await me()).status);
      return out;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
    expect(await statuses()).toEqual(first);
    emu.faults.reset();
    expect((await me()).status).toBe(200);
  });
});

describe('latency', () => {
  test('a fixed latency delays each Graph answer', async () => {
    emu.faults.set({ latencyMs: 120 });
    const started = Date.now();
    expect((await me()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  test('a range draws each delay from it', () => {
    const faults = createFaultController({ latencyMs: { min: 10, max: 20 }, seed: 5 });
    const delays = Array.from({ length: 50 }, () => faults.decide().delayMs);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...delays)).toBeLessThanOrEqual(20);
    expect(new Set(delays).size).toBeGreaterThan(3);
  });
});

describe('GET/PUT /_dev/faults', () => {
  test('PUT replaces the settings and GET shows them, seed included', async () => {
    const put = await call(`${emu.url}/_dev/faults`, { method: 'PUT', body: { throttleRate: 1, retryAfterSeconds: 2 } });
    expect(put.status).toBe(200);
    const shown = rec((await call(`${emu.url}/_dev/faults`)).body);
    expect(shown).toMatchObject({ throttleRate: 1, retryAfterSeconds: 2 });
    expect(typeof shown['seed']).toBe('number');
    expect((await me()).status).toBe(429);
    expect(emu.faults.get()).toEqual(shown);
  });

  test('bad settings are refused with a plain message and change nothing', async () => {
    emu.faults.set({ latencyMs: 5, seed: 3 });
    for (const body of [{ throttleRate: 2 }, { latency: 5 }, { throttleRate: 0.6, unavailableRate: 0.6 }, { latencyMs: { min: 9, max: 1 } }, { retryAfterSeconds: 1.5 }]) {
      const r = await call(`${emu.url}/_dev/faults`, { method: 'PUT', body });
      expect(graphError(r, 400)['code']).toBe('invalidRequest');
    }
    expect(emu.faults.get()).toEqual({ latencyMs: 5, seed: 3 });
    expect(() => emu.faults.set({ throttleRate: -1 })).toThrow(/throttleRate/);
  });
});

describe('other dev endpoints', () => {
  test('POST /_dev/token: a token for a user or the app; unknown users and bad requests are refused', async () => {
    const user = await call(`${emu.url}/_dev/token`, { method: 'POST', body: { upn: ANNA.upn } });
    expect(user.status).toBe(200);
    expect(rec(user.body)).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await call(`${emu.graphUrl}/me`, { token: String(rec(user.body)['access_token']) })).status).toBe(200);
    const app = await call(`${emu.url}/_dev/token`, { method: 'POST', body: { app: true } });
    expect(app.status).toBe(200);
    const unknown = await call(`${emu.url}/_dev/token`, { method: 'POST', body: { upn: 'ghost@malkoll.test' } });
    expect(graphError(unknown, 404)).toMatchObject({ code: 'userNotFound' });
    expect(String(graphError(unknown, 404)['message'])).toContain('POST /_dev/users');
    expect(graphError(await call(`${emu.url}/_dev/token`, { method: 'POST', body: { user: 'x' } }), 400)['code']).toBe('invalidRequest');
  });

  test('GET /_dev/health, and 404/405 for what is not there', async () => {
    expect(rec((await call(`${emu.url}/_dev/health`)).body)).toEqual({ status: 'ok', graphUrl: emu.graphUrl });
    expect(graphError(await call(`${emu.url}/_dev/nothing`), 404)['message']).toMatch(/\/_dev\/token/);
    const wrong = await call(`${emu.url}/_dev/health`, { method: 'DELETE' });
    expect(graphError(wrong, 405)['code']).toBe('methodNotAllowed');
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});

/** A GET with the path sent as written (fetch would normalise the dots away). */
function rawStatus(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: rawPath }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

test('staticRoot serves files at / for paths that are neither Graph nor /_dev', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-static-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>Målkoll</h1>');
  fs.mkdirSync(path.join(root, 'js'));
  fs.writeFileSync(path.join(root, 'js', 'app.js'), 'console.log(1)');
  const withStatic = await startServer({ staticRoot: root });
  try {
    const index = await fetch(`${withStatic.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe('<h1>Målkoll</h1>');
    expect((await fetch(`${withStatic.url}/js/app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await rawStatus(withStatic.port, '/js/../../../etc/passwd')).toBe(404);
    expect(await rawStatus(withStatic.port, '/%2e%2e/%2e%2e/etc/passwd')).toBe(404);
    expect((await fetch(`${withStatic.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${withStatic.url}/graph/v1.0/me`)).status).toBe(401);
  } finally {
    await withStatic.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
