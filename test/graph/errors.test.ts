import { GraphRequestError, isConflict, isGone, isNotFound, isThrottled } from '../../src/graph';
import { json, testClient } from './fake-graph';

describe('Graph error envelope → GraphRequestError', () => {
  it('parses code, message, innerError request-id and date, and Retry-After', async () => {
    const { client } = testClient(() =>
      json(
        429,
        {
          error: {
            code: 'TooManyRequests',
            message: 'Please retry again later.',
            innerError: { code: '429', date: '2020-08-18T12:51:51', message: 'Please retry after', 'request-id': '94fb3b52-452a-4535-a601-69e0a90e3aa2', status: '429' },
          },
        },
        { 'Retry-After': '10' },
      ),
      { retry: { maxAttempts: 1 } },
    );
    const error = await client.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'GraphRequestError',
      status: 429,
      code: 'TooManyRequests',
      message: 'Please retry again later.',
      requestId: '94fb3b52-452a-4535-a601-69e0a90e3aa2',
      // Kept as sent: no zone designator, so not turned into a Date in local time.
      date: '2020-08-18T12:51:51',
      retryAfterMs: 10_000,
    });
    expect((error as GraphRequestError).body).toMatchObject({ error: { code: 'TooManyRequests' } });
  });

  it('reads the lower-case innererror spelling SharePoint uses', async () => {
    const { client } = testClient(() =>
      json(412, { error: { code: 'notAllowed', message: "ETag does not match current item's value", innererror: { code: 'preconditionFailed', 'request-id': 'abc' } } }),
    );
    await expect(client.get('/x')).rejects.toMatchObject({ status: 412, code: 'notAllowed', requestId: 'abc' });
  });

  it('falls back to the request-id and Date headers', async () => {
    const { client } = testClient(() =>
      json(404, { error: { code: 'itemNotFound', message: 'gone' } }, { 'request-id': 'hdr-id', Date: 'Sat, 01 Mar 2025 10:00:00 GMT' }),
    );
    await expect(client.get('/x')).rejects.toMatchObject({ requestId: 'hdr-id', date: 'Sat, 01 Mar 2025 10:00:00 GMT' });
  });

  it('copes with a body that is not an envelope', async () => {
    const { client } = testClient(() => new Response('Bad gateway', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/plain' } }));
    const error = await client.get('/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http502', message: 'Bad gateway', body: 'Bad gateway' });
  });

  it('copes with an empty error body', async () => {
    const { client } = testClient(() => new Response(null, { status: 401, statusText: 'Unauthorized' }));
    await expect(client.get('/x')).rejects.toMatchObject({ status: 401, code: 'http401', message: 'HTTP 401 Unauthorized' });
  });

  it('has helpers for the statuses callers branch on', () => {
    const make = (status: number): GraphRequestError => new GraphRequestError({ status, code: 'c', message: 'm' });
    expect(isNotFound(make(404))).toBe(true);
    expect(isConflict(make(412))).toBe(true);
    expect(isConflict(make(409))).toBe(false);
    expect(isThrottled(make(429))).toBe(true);
    expect(isThrottled(make(503))).toBe(true);
    expect(isGone(make(410))).toBe(true);
    expect(isNotFound(make(410))).toBe(false);
    expect(isNotFound(new Error('404'))).toBe(false);
    expect(isGone(undefined)).toBe(false);
  });
});
