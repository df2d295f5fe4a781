// POST /$batch: limits and validation (whole batch 400), steps through the pipeline, dependsOn
// with 424, and faults applied per step with an outer 200.
import type { RunningEmulator } from '../../../src/emulator/server/emulator';
import { ANNA, BO, appToken, call, graphError, list, rec, startServer, tokenFor } from './helpers';
import type { Json } from './helpers';

let emu: RunningEmulator;
let token: string;

beforeAll(async () => {
  emu = await startServer({}, {
    ensureDefaultSite: () => undefined,
    createListOperations: () => ({
      createList: (req) => ({ status: 201, headers: { Location: 'somewhere' }, body: { echo: req.body, by: req.caller.kind } }),
    }),
  });
  emu.registerUsers([BO, ANNA]);
  token = tokenFor(emu, ANNA.upn);
});

afterEach(() => emu.faults.reset());
afterAll(() => emu.close());

const batch = (requests: unknown, bearer = token): ReturnType<typeof call> =>
  call(`${emu.graphUrl}/$batch`, { method: 'POST', token: bearer, body: { requests } });

function responses(body: unknown): Map<string, Json> {
  return new Map(list(rec(body)['responses']).map((r) => [String(rec(r)['id']), rec(r)]));
}

const getUser = (id: string, upn: string): Json => ({ id, method: 'GET', url: `/users/${upn}` });

describe('a batch that parses answers 200 with one response per step', () => {
  test('steps run through the pipeline as the batch caller, with status, headers and body each', async () => {
    const r = await batch([
      getUser('1', BO.upn),
      { id: '2', method: 'GET', url: 'users/ghost@malkoll.test' },
      { id: '3', method: 'GET', url: '/v1.0/me?$select=displayName' },
      { id: '4', method: 'POST', url: '/graph/v1.0/sites/root/lists', body: { displayName: 'Mål' }, headers: { 'Content-Type': 'application/json' } },
      { id: '5', method: 'DELETE', url: '/me' },
    ]);
    expect(r.status).toBe(200);
    const byId = responses(r.body);
    expect(byId.get('1')).toMatchObject({ status: 200, body: { userPrincipalName: BO.upn } });
    expect(rec(byId.get('1')?.['headers'])['Content-Type']).toMatch(/^application\/json/);
    expect(byId.get('2')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
    expect(rec(rec(rec(byId.get('2')?.['body'])['error'])['innerError'])['request-id']).toBe(r.headers.get('request-id'));
    expect(byId.get('3')).toMatchObject({ status: 200, body: { displayName: ANNA.displayName } });
    expect(byId.get('4')).toMatchObject({ status: 201, headers: { Location: 'somewhere' }, body: { echo: { displayName: 'Mål' }, by: 'user' } });
    expect(byId.get('5')).toMatchObject({ status: 405 });
  });

  test('a 204 step has no body', async () => {
    const step = {
      id: 'n',
      method: 'POST',
      url: `/users/${BO.upn}/teamwork/sendActivityNotification`,
      headers: { 'content-type': 'application/json' },
      body: { topic: { source: 'text', value: 'x', webUrl: 'https://teams.microsoft.com/l/x' }, activityType: 't', previewText: { content: 'p' } },
    };
    const one = responses((await batch([step], appToken(emu))).body).get('n');
    expect(one).toMatchObject({ id: 'n', status: 204 });
    expect(one && 'body' in one).toBe(false);
  });

  test('a batch inside a batch is refused for that step', async () => {
    const r = await batch([{ id: '1', method: 'POST', url: '/$batch', headers: { 'Content-Type': 'application/json' }, body: { requests: [] } }]);
    expect(responses(r.body).get('1')).toMatchObject({ status: 400 });
  });

  test('without a token the whole batch is 401', async () => {
    const r = await call(`${emu.graphUrl}/$batch`, { method: 'POST', body: { requests: [getUser('1', BO.upn)] } });
    expect(graphError(r, 401)['code']).toBe('InvalidAuthenticationToken');
  });
});

describe('a malformed batch fails whole with 400', () => {
  test('more than 20 requests', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => getUser(String(i + 1), BO.upn));
    expect((await batch(twenty)).status).toBe(200);
    const error = graphError(await batch([...twenty, getUser('21', BO.upn)]), 400);
    expect(error).toMatchObject({ code: 'BadRequest', message: 'Number of requests inside batch exceeds the limit.' });
  });

  test('ids must be unique, without regard to case', async () => {
    const error = graphError(await batch([getUser('a', BO.upn), getUser('A', ANNA.upn)]), 400);
    expect(error['message']).toBe('Request Id A has to be unique in a batch.');
  });

  test('a body needs a Content-Type header, and a write needs a body', async () => {
    const noType = { id: '1', method: 'POST', url: '/sites/root/lists', body: { displayName: 'x' } };
    expect(graphError(await batch([noType]), 400)['message']).toBe('Write request id : 1 does not contain Content-Type header or body.');
    const noBody = { id: '2', method: 'PATCH', url: '/sites/root/lists/x', headers: { 'Content-Type': 'application/json' } };
    expect(graphError(await batch([noBody]), 400)['message']).toBe('Write request id : 2 does not contain Content-Type header or body.');
  });

  test('structure, unknown dependencies and cycles', async () => {
    expect(graphError(await call(`${emu.graphUrl}/$batch`, { method: 'POST', token, body: { nope: [] } }), 400)['message']).toBe(
      'Invalid batch payload format.',
    );
    expect(graphError(await batch([{ id: '1', method: 'GET' }]), 400)['message']).toBe('Invalid batch payload format.');
    expect(graphError(await batch([{ ...getUser('1', BO.upn), dependsOn: ['9'] }]), 400)['message']).toMatch(/depends on '9'/);
    const cycle = [
      { ...getUser('1', BO.upn), dependsOn: ['2'] },
      { ...getUser('2', BO.upn), dependsOn: ['1'] },
    ];
    expect(graphError(await batch(cycle), 400)['message']).toMatch(/cycle/);
  });
});

describe('dependsOn', () => {
  test('a step whose dependency failed answers 424, and so do steps after it', async () => {
    const r = await batch([
      getUser('1', 'ghost@malkoll.test'),
      { ...getUser('2', BO.upn), dependsOn: ['1'] },
      { ...getUser('3', BO.upn), dependsOn: ['2'] },
      { ...getUser('4', BO.upn), dependsOn: [] },
    ]);
    const byId = responses(r.body);
    expect(r.status).toBe(200);
    expect(byId.get('1')?.['status']).toBe(404);
    expect(byId.get('2')).toMatchObject({ status: 424, body: { error: { code: 'failedDependency' } } });
    expect(byId.get('3')?.['status']).toBe(424);
    expect(byId.get('4')?.['status']).toBe(200);
  });

  test('dependent steps run after their dependencies', async () => {
    const steps = [
      {
        id: 'send',
        method: 'POST',
        url: `/users/${BO.upn}/teamwork/sendActivityNotification`,
        headers: { 'Content-Type': 'application/json' },
        body: { topic: { source: 'text', value: 'ordered', webUrl: 'https://teams.microsoft.com/l/x' }, activityType: 'first', previewText: { content: '' } },
        dependsOn: ['second'],
      },
      {
        id: 'second',
        method: 'POST',
        url: `/users/${BO.upn}/teamwork/sendActivityNotification`,
        headers: { 'Content-Type': 'application/json' },
        body: { topic: { source: 'text', value: 'ordered', webUrl: 'https://teams.microsoft.com/l/x' }, activityType: 'second', previewText: { content: '' } },
      },
    ];
    const r = await batch(steps, appToken(emu));
    expect([...responses(r.body).values()].map((s) => s['status'])).toEqual([204, 204]);
    const recorded = list(rec((await call(`${emu.url}/_dev/activity?recipient=${BO.upn}`)).body)['value']).map((a) => rec(a)['activityType']);
    // Newest first: 'first' ran after 'second'.
    expect(recorded.slice(0, 2)).toEqual(['first', 'second']);
  });
});

describe('faults inside a batch', () => {
  test('each step can be throttled on its own, with Retry-After in its headers; the batch is still 200', async () => {
    emu.faults.set({ throttleRate: 1, retryAfterSeconds: 7, seed: 1 });
    const r = await batch([getUser('1', BO.upn), getUser('2', ANNA.upn)]);
    expect(r.status).toBe(200);
    for (const step of responses(r.body).values()) {
      expect(step).toMatchObject({ status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests' } } });
    }
  });

  test('with a partial rate, some steps are throttled and some are not, the same way for the same seed', async () => {
    const steps = Array.from({ length: 20 }, (_, i) => getUser(String(i), BO.upn));
    const run = async (): Promise<number[]> => {
      emu.faults.set({ throttleRate: 0.5, seed: 1234 });
      return [...responses((await batch(steps)).body).values()].map((s) => Number(s['status']));
    };
    const first = await run();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});
