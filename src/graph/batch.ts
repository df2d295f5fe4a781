// JSON batching: chunks of at most 20 (Graph's limit), a bounded number of batches in flight, and
// inner 429/503 answers retried on their own (Graph evaluates throttling per inner request and the
// SDK's retry never looks inside a batch), honouring each one's Retry-After, capped like the rest.
// Inner headers are readable even in a browser (they are JSON, not CORS-filtered headers): their
// Retry-After and RateLimit-* feed the client's rate-limit gate, so the whole client slows down.
import type { BaseUrl } from './base-url';
import type { RateLimitGate } from './rate-limit';
import type { RetrySettings } from './retry-policy';
import type { StatsCounter } from './stats';
import type { Send } from './transport';
import { batchRelative } from './base-url';
import { headerValue } from './headers';
import { GraphRequestError, toGraphRequestError } from './graph-request-error';
import { isRecord } from './odata';
import { estimatedUnits, rateLimitResetMs } from './rate-limit';
import { RETRYABLE_INNER_STATUSES, parseRetryAfter, throttleBackoff } from './retry-policy';

/** Graph's documented maximum of requests in one `$batch`. */
export const MAX_BATCH_SIZE = 20;

export interface BatchRequest {
  /** Correlation id; unique in the call (case-insensitive, as Graph compares them). Defaults to the position, 1-based. */
  readonly id?: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the base URL, e.g. `/sites/x/lists/y/items?$top=5`. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export interface BatchOptions {
  /** Batches in flight at once; default 2. */
  readonly concurrency?: number;
}

export interface BatchDeps {
  readonly send: Send;
  readonly base: BaseUrl;
  readonly retry: RetrySettings;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  readonly stats: StatsCounter;
  readonly gate: RateLimitGate;
}

interface Prepared {
  readonly index: number;
  readonly wire: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown };
}

function prepare(base: BaseUrl, requests: readonly BatchRequest[]): Prepared[] {
  const taken = new Set<string>();
  for (const request of requests) {
    if (request.id === undefined) continue;
    const key = request.id.toLowerCase();
    // Graph fails the whole batch with 400 on a duplicate id; say so before sending anything.
    if (taken.has(key)) throw new Error(`Duplicate $batch request id: ${request.id}`);
    taken.add(key);
  }
  return requests.map((request, index) => {
    let id = request.id;
    if (id === undefined) {
      id = String(index + 1);
      while (taken.has(id.toLowerCase())) id = `${id}_`;
      taken.add(id.toLowerCase());
    }
    const headers: Record<string, string> = { ...request.headers };
    // Graph rejects an inner request with a body but no Content-Type.
    if (request.body !== undefined && headerValue(headers, 'content-type') === undefined) headers['Content-Type'] = 'application/json';
    return {
      index,
      wire: {
        id,
        method: request.method,
        url: batchRelative(base, request.url),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
      },
    };
  });
}

function toHeaderRecord(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!isRecord(value)) return headers;
  for (const [key, item] of Object.entries(value)) if (item !== undefined && item !== null) headers[key] = String(item);
  return headers;
}

function parseResponses(body: unknown): Map<string, Omit<BatchResponse, 'id'>> {
  const responses = isRecord(body) ? body['responses'] : undefined;
  if (!Array.isArray(responses)) throw new Error('The $batch answer has no responses array');
  const byId = new Map<string, Omit<BatchResponse, 'id'>>();
  for (const entry of responses) {
    if (!isRecord(entry)) continue;
    const id = entry['id'];
    const status = entry['status'];
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof status !== 'number') continue;
    byId.set(String(id).toLowerCase(), { status, headers: toHeaderRecord(entry['headers']), body: entry['body'] });
  }
  return byId;
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < list.length; start += size) chunks.push(list.slice(start, start + size));
  return chunks;
}

/** Runs `work` over `inputs` with at most `limit` in flight; stops taking new work after a failure. */
async function runLimited<T>(inputs: readonly T[], limit: number, work: (input: T) => Promise<void>): Promise<void> {
  let nextIndex = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && nextIndex < inputs.length) {
      const input = inputs[nextIndex] as T;
      nextIndex += 1;
      try {
        await work(input);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, () => worker());
  await Promise.all(workers);
}

export async function batch(deps: BatchDeps, requests: readonly BatchRequest[], options: BatchOptions = {}): Promise<BatchResponse[]> {
  const prepared = prepare(deps.base, requests);
  const results: Array<BatchResponse | undefined> = new Array<BatchResponse | undefined>(prepared.length).fill(undefined);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));

  const runChunk = async (entries: Prepared[]): Promise<void> => {
    const { retry, now, random, sleep, stats, gate } = deps;
    let pending = entries;
    let spent = 0;
    for (let attempt = 1; ; attempt += 1) {
      const started = now();
      const body = { requests: pending.map((entry) => entry.wire) };
      const response = await deps.send('POST', '/$batch', { body });
      spent += Math.max(0, now() - started);
      const byId = parseResponses(response.body);
      const throttled: Prepared[] = [];
      let waitMs: number | undefined;
      for (const entry of pending) {
        const answer = byId.get(entry.wire.id.toLowerCase());
        if (!answer) {
          throw new GraphRequestError({ status: response.status, code: 'batchResponseMissing', message: `The $batch answer has no response for request id ${entry.wire.id}` });
        }
        results[entry.index] = { id: entry.wire.id, ...answer };
        gate.observe(answer.headers);
        if (!RETRYABLE_INNER_STATUSES.has(answer.status)) continue;
        throttled.push(entry);
        const after =
          parseRetryAfter(headerValue(answer.headers, 'retry-after'), headerValue(answer.headers, 'date') ?? response.headers['date'], now()) ?? rateLimitResetMs(answer.headers);
        // One wait for the group: the longest Retry-After among them, as Graph's guidance suggests.
        if (after !== undefined) waitMs = Math.max(waitMs ?? 0, after);
      }
      if (throttled.length === 0) return;
      // Inner 429/503 are SharePoint throttling the app: not a reason to come back sooner than the floor.
      const delay = waitMs ?? throttleBackoff(attempt, retry, random);
      const until = gate.time() + delay;
      if (throttled.some((entry) => estimatedUnits(entry.wire.method, entry.wire.url) > 0)) gate.hold(until);
      if (attempt >= retry.maxAttempts) return;
      // Out of budget: the 429/503 stays in the results for the caller to see.
      if (spent + delay > retry.maxTotalMs) return;
      stats.retries += throttled.length;
      await sleep(delay);
      gate.passed(until);
      spent += delay;
      pending = throttled;
    }
  };

  await runLimited(chunk(prepared, MAX_BATCH_SIZE), concurrency, runChunk);
  return results.map((result, index) => {
    if (!result) throw new Error(`No $batch result for request ${index}`);
    return result;
  });
}

/** GETs in batches; the bodies in order, or the first failure (in request order) as GraphRequestError. */
export async function batchGet<T>(deps: BatchDeps, urls: readonly string[], options: BatchOptions = {}): Promise<T[]> {
  const responses = await batch(
    deps,
    urls.map((url) => ({ method: 'GET' as const, url })),
    options,
  );
  return responses.map((response, index) => {
    if (response.status >= 200 && response.status <= 299) return response.body as T;
    throw toGraphRequestError(
      { status: response.status, headers: response.headers, body: response.body, method: 'GET', url: urls[index] ?? '' },
      deps.now(),
    );
  });
}
