// The request pipeline: envelope and ids, stage order, 400/404/405/501, body and query checks.
import { GraphError, OPERATIONS } from '../../../src/emulator/server/contract';
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ROUTES, graphSegments, matchRoute } from '../../../src/emulator/server/router';
import { ANNA, BO, call, graphError, rec, startServer, tokenFor } from './helpers';

let emu: RunningEmulator;
let token: string;

beforeAll(async () => {
  emu = await startServer({}, {
    ensureDefaultSite: () => undefined,
    createListOperations: () => ({
      getSite: (req) => ({ status: 200, body: { siteRef: req.params['siteRef'], path: req.path } }),
      listLists: () => {
        throw new Error('boom');
      },
      getList: (req) => {
        throw new GraphError(404, 'itemNotFound', `List '${req.params['listRef'] ?? ''}' not found.`, { 'x-extra': 'yes' });
      },
      createList: (req) => ({ status: 201, body: { received: req.body } }),
      listItems: (req) => ({ status: 200, body: { top: req.query.get('$top') } }),
    }),
  });
  emu.registerUsers([BO, ANNA]);
  token = tokenFor(emu, ANNA.upn);
});

afterAll(() => emu.close());

describe('envelope and ids', () => {
  test('every answer carries request-id and client-request-id headers; the envelope repeats them', async () => {
    const r = await call(`${emu.graphUrl}/nothing-here`, { token });
    const error = graphError(r, 400);
    const inner = rec(error['innerError']);
    expect(r.headers.get('request-id')).toBe(inner['request-id']);
    expect(r.headers.get('client-request-id')).toBe(inner['client-request-id']);
    // Without a client-request-id from the caller, Graph reuses the request id.
    expect(inner['client-request-id']).toBe(inner['request-id']);
  });

  test("the caller's client-request-id is echoed, and request ids are fresh per request", async () => {
    const a = await call(`${emu.graphUrl}/me`, { token, headers: { 'client-request-id': 'my-correlation-1' } });
    const b = await call(`${emu.graphUrl}/me`, { token });
    expect(a.status).toBe(200);
    expect(a.headers.get('client-request-id')).toBe('my-correlation-1');
    expect(a.headers.get('request-id')).not.toBe(b.headers.get('request-id'));
    expect(a.headers.get('content-type')).toMatch(/^application\/json;odata\.metadata=minimal/);
  });

  test('a GraphError from a handler keeps its status, code, message and headers', async () => {
    const r = await call(`${emu.graphUrl}/sites/root/lists/Mål`, { token });
    const error = graphError(r, 404);
    expect(error['code']).toBe('itemNotFound');
    expect(error['message']).toBe("List 'Mål' not found.");
    expect(r.headers.get('x-extra')).toBe('yes');
  });

  test('an unexpected error becomes 500 generalException without leaking the exception', async () => {
    const r = await call(`${emu.graphUrl}/sites/root/lists`, { token });
    const error = graphError(r, 500);
    expect(error).toMatchObject({ code: 'generalException', message: 'An unspecified error has occurred.' });
  });
});

describe('routing', () => {
  test('an unknown segment answers 400 naming it, as Graph does', async () => {
    expect(graphError(await call(`${emu.graphUrl}/foo`, { token }), 400)['message']).toBe("Resource not found for the segment 'foo'.");
    expect(graphError(await call(`${emu.graphUrl}/users/x/bar`, { token }), 400)['message']).toBe(
      "Resource not found for the segment 'bar'.",
    );
  });

  test('a known path with another method answers 405 with Allow', async () => {
    const r = await call(`${emu.graphUrl}/me`, { method: 'DELETE', token });
    expect(graphError(r, 405)['code']).toBe('methodNotAllowed');
    expect(r.headers.get('allow')).toBe('GET');
  });

  test('a recognised operation without a handler answers 501 notImplemented', async () => {
    const r = await call(`${emu.graphUrl}/sites/root/lists/x/items/1`, { method: 'PATCH', token, body: {} });
    const error = graphError(r, 501);
    expect(error['code']).toBe('notImplemented');
    expect(error['message']).toContain('updateItem');
  });

  test('outside the Graph root: another version is 400, anything else 404', async () => {
    expect(graphError(await call(`${emu.url}/graph/beta/me`, { token }), 400)['message']).toBe('Invalid version: beta');
    expect(graphError(await call(`${emu.url}/index.html`), 404)['code']).toBe('notFound');
  });

  test('the three site reference forms reach the handler as one raw siteRef', async () => {
    const forms: Array<[string, string]> = [
      ['/sites/root', 'root'],
      ['/sites/localhost,a,b', 'localhost,a,b'],
      ['/sites/localhost%2Ca%2Cb', 'localhost,a,b'],
      ['/sites/localhost:/sites/malkoll', 'localhost:/sites/malkoll'],
      ['/sites/localhost:/sites/malkoll:', 'localhost:/sites/malkoll'],
    ];
    for (const [path, siteRef] of forms) {
      const r = await call(`${emu.graphUrl}${path}`, { token });
      expect(r.status).toBe(200);
      expect(rec(r.body)['siteRef']).toBe(siteRef);
    }
  });

  test('path-form site references continue after the closing colon', () => {
    expect(graphSegments('/sites/localhost:/sites/malkoll:/lists/Goals/items')).toEqual([
      'sites',
      'localhost:/sites/malkoll',
      'lists',
      'Goals',
      'items',
    ]);
    expect(matchRoute('GET', '/sites/localhost:/sites/malkoll:/lists/Goals/items/delta')).toMatchObject({
      kind: 'matched',
      operation: 'itemsDelta',
      params: { siteRef: 'localhost:/sites/malkoll', listRef: 'Goals' },
    });
    expect(matchRoute('GET', '/sites/root/lists/L/items/delta()')).toMatchObject({ operation: 'itemsDelta' });
    expect(matchRoute('GET', '/sites/root/lists/L/items/7')).toMatchObject({ operation: 'getItem', params: { itemId: '7' } });
    expect(matchRoute('GET', '/USERS/x@y.z/Manager')).toMatchObject({ operation: 'getManager', params: { userRef: 'x@y.z' } });
  });

  test('every operation of the contract has exactly one route', () => {
    const routed = ROUTES.flatMap((r) => Object.values(r.methods));
    expect([...routed].sort()).toEqual([...OPERATIONS].sort());
  });
});

describe('stage order', () => {
  test('route runs before auth: an unknown path is 400 even without a token', async () => {
    expect((await call(`${emu.graphUrl}/foo`)).status).toBe(400);
  });

  test('auth runs before the handler: a known path without a token is 401 Access token is empty.', async () => {
    const r = await call(`${emu.graphUrl}/sites/root`);
    const error = graphError(r, 401);
    expect(error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm=""/);
  });

  test('auth runs before parsing: a broken body without a token is 401, with a token 400', async () => {
    const url = `${emu.graphUrl}/sites/root/lists`;
    expect((await call(url, { method: 'POST', body: '{not json' })).status).toBe(401);
    const error = graphError(await call(url, { method: 'POST', token, body: '{not json' }), 400);
    expect(error['message']).toBe(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  });
});

describe('parse and validate', () => {
  test('a JSON body reaches the handler parsed', async () => {
    const r = await call(`${emu.graphUrl}/sites/root/lists`, { method: 'POST', token, body: { displayName: 'Mål' } });
    expect(r.status).toBe(201);
    expect(rec(r.body)['received']).toEqual({ displayName: 'Mål' });
  });

  test('a body without a JSON content type is refused', async () => {
    const r = await call(`${emu.graphUrl}/sites/root/lists`, {
      method: 'POST',
      token,
      body: '{"displayName":"x"}',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(graphError(r, 400)['code']).toBe('BadRequest');
  });

  test('a system query option given twice is refused with OData wording', async () => {
    const r = await call(`${emu.graphUrl}/sites/root/lists/L/items?$top=1&$top=2`, { token });
    expect(graphError(r, 400)['message']).toBe("Query option '$top' was specified more than once, but it must be specified at most once.");
    expect(rec((await call(`${emu.graphUrl}/sites/root/lists/L/items?$top=3`, { token })).body)['top']).toBe('3');
  });
});
