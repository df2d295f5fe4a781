// Retries 429/503 honouring Retry-After (or RateLimit-Reset, the same number on a throttled
// answer), else backing off from a floor; a 504 only for idempotent requests, with exponential
// backoff and full jitter. Capped in attempts and in total time. While the app is throttled every
// other SharePoint request of this client waits too (the rate-limit gate). Replaces the SDK's
// RetryHandler, whose caps (at most 10 retries, delays in whole seconds from a fixed 3 s base, no
// total-time budget) and global Math.random/setTimeout cannot be bounded or tested the way we need.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RateLimitGate } from './rate-limit';
import type { RetrySettings } from './retry-policy';
import type { StatsCounter } from './stats';
import { estimatedUnits, rateLimitResetMs } from './rate-limit';
import { RETRYABLE_STATUSES, THROTTLING_STATUSES, parseRetryAfter, retryDelay } from './retry-policy';
import { setRequestHeader } from './headers';
import { isIdempotent } from './idempotency';
import { requestMethod, requestStateOf, requestUrl } from './request-state';
import { nextOf } from './middleware-link';

export interface RetryDeps {
  readonly settings: RetrySettings;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  readonly stats: StatsCounter;
  readonly gate: RateLimitGate;
}

/** A body fetch can send again: strings and buffers yes, a one-shot stream no. */
function isReplayable(context: Context): boolean {
  if (typeof context.request !== 'string') return context.request.body === null;
  const body: unknown = context.options?.body;
  if (body === undefined || body === null || typeof body === 'string') return true;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return true;
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return true;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return true;
  if (typeof FormData !== 'undefined' && body instanceof FormData) return true;
  return false;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (init?.headers) new Headers(init.headers).forEach((value, key) => (record[key] = value));
  return record;
}

/** Whether a 504 may be retried: the server may have done the work, so only if doing it twice is harmless. */
function mayRepeat(context: Context): boolean {
  const url = requestUrl(context);
  return isIdempotent({ method: requestMethod(context), headers: headersOf(context.options), body: context.options?.body, isBatch: /\/\$batch(\?|$)/.test(url) });
}

function responseHeaders(response: Response): Record<string, string> {
  const record: Record<string, string> = {};
  response.headers.forEach((value, key) => (record[key.toLowerCase()] = value));
  return record;
}

/** Lets the connection go: an unread body keeps the socket busy until it is garbage-collected. */
function discard(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => undefined);
}

export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly deps: RetryDeps) {}

  async execute(context: Context): Promise<void> {
    const { settings, sleep, random, now, stats, gate } = this.deps;
    const state = requestStateOf(context);
    // Time spent = round trips as measured + waits as requested; counting the requested waits (not
    // the clock across them) keeps the budget exact when a test injects an instant sleep.
    let spent = 0;
    for (let attempt = 1; ; attempt += 1) {
      if (state) state.attempt = attempt;
      // The SDK's RetryHandler convention; lets the server side tell a retry from a first try.
      if (attempt > 1 && context.options) setRequestHeader(context.options, 'Retry-Attempt', String(attempt - 1));
      const started = now();
      await nextOf(this.next).execute(context);
      spent += Math.max(0, now() - started);
      const response = context.response;
      if (!response || !RETRYABLE_STATUSES.has(response.status)) return;
      const throttled = THROTTLING_STATUSES.has(response.status);
      if (!throttled && !mayRepeat(context)) return;
      const headers = responseHeaders(response);
      const retryAfterMs = parseRetryAfter(headers['retry-after'], headers['date'], now()) ?? (throttled ? rateLimitResetMs(headers) : undefined);
      const delay = retryDelay(attempt, response.status, retryAfterMs, settings, random);
      // The whole app is throttled, not just this request: the client's other SharePoint requests
      // wait as long, whether or not this one is tried again.
      const until = gate.time() + delay;
      if (throttled && estimatedUnits(requestMethod(context), requestUrl(context), context.options?.body) > 0) gate.hold(until);
      if (attempt >= settings.maxAttempts || !isReplayable(context)) return;
      // Give up now rather than sleep past the budget only to fail anyway; the caller gets the
      // last 429/503/504 as a GraphRequestError carrying retryAfterMs.
      if (spent + delay > settings.maxTotalMs) return;
      discard(response);
      stats.retries += 1;
      await sleep(delay);
      gate.passed(until);
      spent += delay;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
