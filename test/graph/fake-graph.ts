// A tiny fake Graph server for unit tests: a function from the request to a Response, plus a record
// of every request the client sent (after the middleware chain, so headers are as sent).
import { createGraphClient } from '../../src/graph';
import type { GraphClient, GraphClientOptions, RequestEvent } from '../../src/graph';

export interface SentRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The body parsed as JSON when it was JSON, else the text, else undefined. */
  readonly body: unknown;
  readonly rawBody: string;
}

export type Handler = (request: SentRequest, index: number) => Response | Promise<Response>;

export interface FakeServer {
  readonly fetch: typeof fetch;
  readonly sent: SentRequest[];
}

export function fakeServer(handler: Handler): FakeServer {
  const sent: SentRequest[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const rawBody = await request.text();
    let body: unknown = undefined;
    if (rawBody !== '') {
      try {
        body = JSON.parse(rawBody) as unknown;
      } catch {
        body = rawBody;
      }
    }
    const entry: SentRequest = { method: request.method, url: new URL(request.url), headers: request.headers, body, rawBody };
    sent.push(entry);
    return handler(entry, sent.length - 1);
  };
  return { fetch: fakeFetch as typeof fetch, sent };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: { code, message, innerError: { 'request-id': `req-${status}`, date: '2025-03-01T10:00:00' } } }, headers);
}

export interface TestClient {
  readonly client: GraphClient;
  readonly server: FakeServer;
  readonly sleeps: number[];
  readonly events: RequestEvent[];
}

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const LOCAL = 'http://localhost:7357/graph/v1.0';

export function testClient(handler: Handler, options: Partial<GraphClientOptions> = {}): TestClient {
  const server = fakeServer(handler);
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const client = createGraphClient({
    baseUrl: GRAPH,
    tokenSource: { getToken: () => Promise.resolve('test-token') },
    fetch: server.fetch,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    onRequest: (event) => events.push(event),
    ...options,
  });
  return { client, server, sleeps, events };
}

/** Resolves when `open()` is called; lets a test hold fake responses back to observe concurrency. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}
