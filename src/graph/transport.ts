// One round trip through the SDK: its Client with our middleware chain (auth → retry → rate limit →
// logging → fetch), asked for the RAW response so that status, headers and body are ours to read and every
// non-2xx becomes a GraphRequestError here, in one place.
import { Client, ResponseType } from '@microsoft/microsoft-graph-client';
import type { GraphRequest } from '@microsoft/microsoft-graph-client';
import type { BaseUrl } from './base-url';
import type { RequestEvent } from './logging.middleware';
import type { RetrySettings } from './retry-policy';
import type { StatsCounter } from './stats';
import type { TokenSource } from './token-source';
import { AuthMiddleware } from './auth.middleware';
import { FetchMiddleware } from './fetch.middleware';
import { LoggingMiddleware } from './logging.middleware';
import type { RateLimitGate } from './rate-limit';
import { RateLimitMiddleware } from './rate-limit.middleware';
import { RetryMiddleware } from './retry.middleware';
import { RequestState } from './request-state';
import { toGraphRequestError } from './graph-request-error';
import { originRelative, resolveUrl } from './base-url';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface SendOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A successful answer, parsed. */
export interface GraphResponse<T = unknown> {
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: T;
}

export interface TransportDeps {
  readonly base: BaseUrl;
  readonly tokenSource: TokenSource;
  readonly retry: RetrySettings;
  readonly onRequest: ((event: RequestEvent) => void) | undefined;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  readonly fetch: typeof fetch | undefined;
  readonly stats: StatsCounter;
  readonly gate: RateLimitGate;
  /** Sent as User-Agent on every request, when given (Node only: browsers keep their own). */
  readonly userAgent: string | undefined;
}

export type Send = <T = unknown>(method: HttpMethod, pathOrUrl: string, options?: SendOptions) => Promise<GraphResponse<T>>;

interface ResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  text(): Promise<string>;
}

/** Duck-typed: a fetch polyfill's Response is not the global class. */
function isResponseLike(value: unknown): value is ResponseLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ResponseLike>;
  return typeof candidate.status === 'number' && typeof candidate.text === 'function' && typeof candidate.headers?.get === 'function';
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key.toLowerCase()] = value;
  });
  return record;
}

async function readBody(response: ResponseLike): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/[/+]json\b/i.test(type) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export function createTransport(deps: TransportDeps): Send {
  const sdk = Client.initWithMiddleware({
    middleware: [
      new AuthMiddleware(deps.tokenSource),
      new RetryMiddleware({ settings: deps.retry, sleep: deps.sleep, random: deps.random, now: deps.now, stats: deps.stats, gate: deps.gate }),
      new RateLimitMiddleware({ gate: deps.gate, sleep: deps.sleep, stats: deps.stats }),
      new LoggingMiddleware(deps.onRequest, deps.now),
      new FetchMiddleware(deps.fetch, deps.stats),
    ],
    // Origin and path kept apart: GraphRequest joins host + version + path, and per request we set
    // the version to '' and pass the full origin-relative path (see base-url.ts).
    baseUrl: deps.base.origin,
    defaultVersion: deps.base.path,
    // The injected base URL's host is declared as a custom host so that a non-Graph host (the
    // emulator) gets the token; our AuthMiddleware reads this set from the request context.
    customHosts: new Set([deps.base.hostname]),
  });

  function graphRequest(url: string): GraphRequest {
    const relative = originRelative(deps.base, url);
    if (relative !== undefined) return sdk.api(relative).version('');
    // A link to another https origin: the SDK parses host and version itself; AuthMiddleware decides
    // whether it gets a token.
    if (/^https:\/\//i.test(url)) return sdk.api(url);
    throw new Error(`Cannot request ${url}: not under ${deps.base.href}`);
  }

  return async function send<T>(method: HttpMethod, pathOrUrl: string, options: SendOptions = {}): Promise<GraphResponse<T>> {
    const url = resolveUrl(deps.base, pathOrUrl);
    const state = new RequestState();
    const request = graphRequest(url)
      .headers({ ...(deps.userAgent !== undefined ? { 'User-Agent': deps.userAgent } : {}), ...options.headers })
      .middlewareOptions([state])
      .responseType(ResponseType.RAW);
    // Serialised here (not by the SDK, whose serializeContent reaches for Node's Buffer on binary
    // content) so the body is a string: replayable by the retry middleware.
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    let raw: unknown;
    try {
      switch (method) {
        case 'GET':
          raw = await request.get();
          break;
        case 'POST':
          raw = await request.post(payload);
          break;
        case 'PATCH':
          raw = await request.patch(payload);
          break;
        case 'PUT':
          raw = await request.put(payload);
          break;
        case 'DELETE':
          raw = await request.delete();
          break;
      }
    } catch (error) {
      // The SDK re-wraps anything thrown in the chain as its GraphError; hand back the original
      // (a GraphRequestError for network failures, the token source's own error for auth failures).
      throw state.error ?? error;
    }
    if (!isResponseLike(raw)) throw new Error(`Graph client: no response for ${method} ${url}`);
    const headers = headerRecord(raw.headers);
    const body = await readBody(raw);
    if (raw.status < 200 || raw.status > 299) {
      throw toGraphRequestError({ status: raw.status, statusText: raw.statusText, headers, body, method, url }, deps.now());
    }
    return { status: raw.status, headers, body: body as T };
  };
}
