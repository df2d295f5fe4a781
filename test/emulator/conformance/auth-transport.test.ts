// How the bearer token reaches the emulator through @microsoft/microsoft-graph-client v3.
//
// The SDK's AuthenticationHandler sends the token only to Graph hosts or to hosts declared in
// `customHosts`, and its host check only recognises `https://` URLs. These tests pin that down:
//  - default chain + https base URL + customHosts: 200 (the token arrives);
//  - default chain + https base URL without customHosts: 401 InvalidAuthenticationToken (the SDK
//    drops it);
//  - default chain + plain http, even with customHosts: 401 (the SDK drops it) — so a client of the
//    emulator's http origin needs its own auth middleware, which is what `graphClient()` does.
import type { Emulator } from './harness';
import {
  defaultChainClient,
  expectErrorEnvelope,
  expectStatus,
  graphClient,
  signInAnna,
  rec,
  startTestEmulator,
  httpsGraphUrl,
  withHttpsOrigin,
} from './harness';

let emu: Emulator;
let token: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  token = await signInAnna(emu);
});

afterAll(async () => {
  await emu.close();
});

describe('token transport through the Graph SDK', () => {
  test('the emulator reports its Graph root as ${url}/graph/v1.0', () => {
    expect(emu.graphUrl).toBe(`${emu.url}/graph/v1.0`);
    expect(emu.url).toMatch(/^https?:\/\/(localhost|127\.0\.0\.1):\d+$/);
  });

  test('default chain, https base URL, with customHosts: the token reaches the emulator (200)', async () => {
    const client = defaultChainClient(httpsGraphUrl(emu), token, new Set(['localhost']));
    const r = await withHttpsOrigin(emu, () => client.get('/me'));
    expectStatus(r, 200);
    expect(rec(r.body)['userPrincipalName']).toBe('anna@malkoll.test');
  });

  test('default chain, https base URL, without customHosts: the SDK drops the token (401 InvalidAuthenticationToken)', async () => {
    const client = defaultChainClient(httpsGraphUrl(emu), token);
    const r = await withHttpsOrigin(emu, () => client.get('/me'));
    const err = expectErrorEnvelope(r, 401);
    expect(err['code']).toBe('InvalidAuthenticationToken');
  });

  test('default chain, plain http base URL: the SDK drops the token even with customHosts (401)', async () => {
    const host = new URL(emu.url).hostname;
    const client = defaultChainClient(emu.graphUrl, token, new Set([host]));
    const err = expectErrorEnvelope(await client.get('/me'), 401);
    expect(err['code']).toBe('InvalidAuthenticationToken');
  });

  test('a chain with its own bearer middleware works over plain http (200)', async () => {
    const r = await graphClient(emu, { token }).get('/me');
    expectStatus(r, 200);
    expect(rec(r.body)['userPrincipalName']).toBe('anna@malkoll.test');
  });

  test('the dev token endpoint issues a token that works', async () => {
    const res = await fetch(`${emu.url}/_dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ upn: 'anna@malkoll.test' }),
    });
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    const b = rec(body);
    expect(b['token_type']).toBe('Bearer');
    const t = b['access_token'];
    if (typeof t !== 'string') throw new Error(`no access_token in ${JSON.stringify(body)}`);
    const r = await graphClient(emu, { token: t }).get('/me');
    expectStatus(r, 200);
  });
});
