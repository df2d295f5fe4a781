// The one Graph client of every surface. Base URL and token source are injected: the same code talks
// to https://graph.microsoft.com/v1.0 and to the emulator's http://localhost:PORT/graph/v1.0.
import type { BatchOptions, BatchRequest, BatchResponse } from './batch';
import type { DeltaResult } from './delta';
import type { RequestEvent } from './logging.middleware';
import type { RetrySettings } from './retry-policy';
import type { GraphStats } from './stats';
import type { TokenSource } from './token-source';
import type { GraphResponse, HttpMethod, SendOptions } from './transport';
import { parseBaseUrl } from './base-url';
import { batch, batchGet } from './batch';
import { delta } from './delta';
import { eTagOf, ifMatchHeader } from './etag';
import { items, pages } from './paging';
import { RateLimitGate } from './rate-limit';
import { retrySettings } from './retry-policy';
import { StatsCounter } from './stats';
import { createTransport } from './transport';

export interface GraphClientOptions {
  /** e.g. `https://graph.microsoft.com/v1.0` or the emulator's `graphUrl`. */
  readonly baseUrl: string;
  readonly tokenSource: TokenSource;
  readonly retry?: Partial<RetrySettings>;
  /** Called once per HTTP round trip (retries included). */
  readonly onRequest?: (event: RequestEvent) => void;
  /** Injected for tests; defaults to setTimeout. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Injected for tests; defaults to Math.random (backoff jitter). */
  readonly random?: () => number;
  /** Injected for tests; defaults to the global fetch, looked up at call time. */
  readonly fetch?: typeof fetch;
  /** Injected for tests; defaults to Date.now (retry budgets, Retry-After dates, pacing). */
  readonly now?: () => number;
  /**
   * SharePoint's traffic decoration, `ISV|Company|App/Version` (see `malkollUserAgent`): decorated
   * traffic is prioritised when SharePoint throttles. Node only; a browser sends its own.
   */
  readonly userAgent?: string;
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
}

export interface WriteOptions extends RequestOptions {
  /** The item's eTag as last read: the write fails with 412 (isConflict) if someone saved since. */
  readonly ifMatch?: string;
}

export interface WriteResult<T> {
  readonly body: T;
  /** The new eTag (ETag header, else the body's `@odata.etag`/`eTag`), when the answer had one. */
  readonly eTag?: string;
}

export interface GraphClient {
  readonly baseUrl: string;
  readonly stats: GraphStats;
  /** Any method, parsed answer with status and headers; non-2xx throws GraphRequestError. */
  request<T = unknown>(method: HttpMethod, pathOrUrl: string, options?: SendOptions): Promise<GraphResponse<T>>;
  get<T = unknown>(pathOrUrl: string, options?: RequestOptions): Promise<T>;
  post<T = unknown>(pathOrUrl: string, body: unknown, options?: WriteOptions): Promise<WriteResult<T>>;
  patch<T = unknown>(pathOrUrl: string, body: unknown, options?: WriteOptions): Promise<WriteResult<T>>;
  delete(pathOrUrl: string, options?: WriteOptions): Promise<void>;
  /** Each page's `value`, following `@odata.nextLink` until there is none. */
  pages<T = unknown>(pathOrUrl: string, options?: RequestOptions): AsyncIterable<T[]>;
  /** Every item across all pages. */
  items<T = unknown>(pathOrUrl: string, options?: RequestOptions): AsyncIterable<T>;
  batch(requests: readonly BatchRequest[], options?: BatchOptions): Promise<BatchResponse[]>;
  batchGet<T = unknown>(urls: readonly string[], options?: BatchOptions): Promise<T[]>;
  delta<T = unknown>(pathOrLink: string): Promise<DeltaResult<T>>;
}

function writeHeaders(options: WriteOptions | undefined): Record<string, string> {
  return { ...options?.headers, ...(options?.ifMatch !== undefined ? ifMatchHeader(options.ifMatch) : {}) };
}

function writeResult<T>(response: GraphResponse<T>): WriteResult<T> {
  const eTag = eTagOf(response.headers, response.body);
  return eTag === undefined ? { body: response.body } : { body: response.body, eTag };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = parseBaseUrl(options.baseUrl);
  const retry = retrySettings(options.retry);
  const stats = new StatsCounter();
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? ((): number => Date.now());
  // One gate per client: every request of this client, alone or in a batch, paces by it.
  const gate = new RateLimitGate(now);
  const send = createTransport({
    base,
    tokenSource: options.tokenSource,
    retry,
    onRequest: options.onRequest,
    sleep,
    random,
    now,
    fetch: options.fetch,
    stats,
    gate,
    userAgent: options.userAgent,
  });
  const batchDeps = { send, base, retry, sleep, random, now, stats, gate };

  return {
    baseUrl: base.href,
    stats,
    request: (method, pathOrUrl, sendOptions) => send(method, pathOrUrl, sendOptions),
    async get<T>(pathOrUrl: string, requestOptions?: RequestOptions): Promise<T> {
      const response = await send<T>('GET', pathOrUrl, requestOptions?.headers ? { headers: requestOptions.headers } : {});
      return response.body;
    },
    async post<T>(pathOrUrl: string, body: unknown, writeOptions?: WriteOptions): Promise<WriteResult<T>> {
      return writeResult(await send<T>('POST', pathOrUrl, { body, headers: writeHeaders(writeOptions) }));
    },
    async patch<T>(pathOrUrl: string, body: unknown, writeOptions?: WriteOptions): Promise<WriteResult<T>> {
      return writeResult(await send<T>('PATCH', pathOrUrl, { body, headers: writeHeaders(writeOptions) }));
    },
    async delete(pathOrUrl: string, writeOptions?: WriteOptions): Promise<void> {
      await send('DELETE', pathOrUrl, { headers: writeHeaders(writeOptions) });
    },
    pages: <T>(pathOrUrl: string, requestOptions?: RequestOptions) => pages<T>(send, pathOrUrl, requestOptions?.headers),
    items: <T>(pathOrUrl: string, requestOptions?: RequestOptions) => items<T>(send, pathOrUrl, requestOptions?.headers),
    batch: (requests, batchOptions) => batch(batchDeps, requests, batchOptions),
    batchGet: <T>(urls: readonly string[], batchOptions?: BatchOptions) => batchGet<T>(batchDeps, urls, batchOptions),
    delta: <T>(pathOrLink: string) => delta<T>(send, pathOrLink),
  };
}
