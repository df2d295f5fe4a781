// A 504 may come after the server did the work. Sent again, a create would make a second item
// (under a unique Key: a clash that reads as someone else's save), so only requests whose
// repetition changes nothing are retried: GET, PUT, DELETE, PATCH with If-Match, and a $batch of
// only those. 429 and 503 are refusals: every request is sent again.
import { json, testClient } from './fake-graph';

const ITEMS = '/sites/s/lists/l/items';

/** 504 on the first round trip, then 201/200. */
const timeoutOnce = (_request: unknown, index: number) => (index === 0 ? json(504, { error: { code: 'gatewayTimeout', message: 'Gateway Timeout' } }) : json(201, { id: '9' }));

describe('retries after a 504', () => {
  it('a create is not sent again: the caller gets the 504', async () => {
    const { client, server } = testClient(timeoutOnce);
    await expect(client.post(ITEMS, { fields: { Key: 'indicator:3:2025-annual' } })).rejects.toMatchObject({ status: 504 });
    expect(server.sent).toHaveLength(1);
  });

  it('a $batch with a create in it is not sent again', async () => {
    const { client, server } = testClient(timeoutOnce);
    await expect(
      client.batch([
        { method: 'GET', url: `${ITEMS}/1` },
        { method: 'POST', url: ITEMS, body: { fields: { Key: 'indicator:3:2025-annual' } } },
      ]),
    ).rejects.toMatchObject({ status: 504 });
    expect(server.sent).toHaveLength(1);
  });

  it('a PATCH without If-Match is not sent again (it could overwrite what someone saved in between)', async () => {
    const { client, server } = testClient(timeoutOnce);
    await expect(client.patch(`${ITEMS}/1/fields`, { Comment: 'x' })).rejects.toMatchObject({ status: 504 });
    expect(server.sent).toHaveLength(1);
  });

  it('GET, DELETE, PATCH with If-Match and a $batch of reads and guarded updates are', async () => {
    for (const send of [
      (c: ReturnType<typeof testClient>['client']) => c.get(`${ITEMS}/1`),
      (c: ReturnType<typeof testClient>['client']) => c.delete(`${ITEMS}/1`, { ifMatch: '"a,1"' }),
      (c: ReturnType<typeof testClient>['client']) => c.patch(`${ITEMS}/1/fields`, { Comment: 'x' }, { ifMatch: '"a,1"' }),
    ]) {
      const { client, server } = testClient(timeoutOnce);
      await send(client);
      expect(server.sent).toHaveLength(2);
    }
    const { client, server } = testClient((request, index) => {
      if (index === 0) return json(504, {});
      const steps = (request.body as { requests: Array<{ id: string }> }).requests;
      return json(200, { responses: steps.map((s) => ({ id: s.id, status: 200, headers: {}, body: {} })) });
    });
    await client.batch([
      { method: 'GET', url: `${ITEMS}/1` },
      { method: 'PATCH', url: `${ITEMS}/2/fields`, body: { Comment: 'x' }, headers: { 'If-Match': '"b,4"' } },
    ]);
    expect(server.sent).toHaveLength(2);
  });

  it('a create refused with 429 or 503 is sent again: the server did nothing', async () => {
    for (const status of [429, 503]) {
      const { client, server } = testClient((_request, index) => (index === 0 ? json(status, {}, { 'Retry-After': '1' }) : json(201, { id: '9' })));
      await client.post(ITEMS, { fields: { Key: 'k' } });
      expect(server.sent).toHaveLength(2);
    }
  });
});
