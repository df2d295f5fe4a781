// Retry timing shared by the transport middleware and the `$batch` helper, so that a throttled
// request waits the same way whether it travelled alone or inside a batch.

/**
 * Statuses worth retrying: throttling (429), busy (503) and gateway timeout (504). Nothing else. A
 * 504 may come after the server did the work, so it is retried only for idempotent requests
 * (`isIdempotent`); 429 and 503 mean the request was refused, so any request is sent again.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** SharePoint's two throttling answers: too many requests for the app, and "server too busy". */
export const THROTTLING_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Inside a `$batch`, only throttling and busy are retried (504 there is the batch's own concern). */
export const RETRYABLE_INNER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface RetrySettings {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Time budget from the first attempt; a wait that would overrun it is not taken. */
  readonly maxTotalMs: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * The least wait after a 429 or 503 whose Retry-After cannot be read: a browser never sees
   * Graph's (it is not among the CORS-exposed headers), and a quick retry would count against the
   * app's budget as well. Doubles with each retry; maxDelayMs still caps it.
   */
  readonly throttleFloorMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 5,
  maxTotalMs: 60_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  throttleFloorMs: 5_000,
};

export function retrySettings(given: Partial<RetrySettings> | undefined): RetrySettings {
  const pick = (value: number | undefined, fallback: number, min: number): number =>
    value === undefined || !Number.isFinite(value) ? fallback : Math.max(min, value);
  return {
    maxAttempts: Math.floor(pick(given?.maxAttempts, DEFAULT_RETRY.maxAttempts, 1)),
    maxTotalMs: pick(given?.maxTotalMs, DEFAULT_RETRY.maxTotalMs, 0),
    baseDelayMs: pick(given?.baseDelayMs, DEFAULT_RETRY.baseDelayMs, 0),
    maxDelayMs: pick(given?.maxDelayMs, DEFAULT_RETRY.maxDelayMs, 0),
    throttleFloorMs: pick(given?.throttleFloorMs, DEFAULT_RETRY.throttleFloorMs, 0),
  };
}

/**
 * `Retry-After` in milliseconds: delta-seconds (Graph sends whole seconds, older SharePoint
 * fractional ones) or an HTTP date. A date is measured against the response's own `Date` header
 * when there is one, so that clock skew between us and the server does not stretch the wait.
 */
export function parseRetryAfter(value: string | null | undefined, responseDate: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const serverNow = responseDate ? Date.parse(responseDate) : Number.NaN;
  const reference = Number.isNaN(serverNow) ? nowMs : serverNow;
  return Math.max(0, at - reference);
}

/**
 * Exponential backoff with full jitter (a uniform pick in [0, cap]): spreads the retries of many
 * clients that were throttled together instead of having them come back in step.
 * `retry` is 1 for the first retry.
 */
export function backoffDelay(retry: number, settings: RetrySettings, random: () => number): number {
  const cap = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

/**
 * The wait after a 429/503 that said nothing readable: the floor, doubled per retry, plus up to half
 * again of jitter, so clients throttled together do not come back in step — and never sooner.
 */
export function throttleBackoff(retry: number, settings: RetrySettings, random: () => number): number {
  const floor = Math.min(settings.maxDelayMs, settings.throttleFloorMs * 2 ** Math.max(0, retry - 1));
  return Math.min(settings.maxDelayMs, Math.floor(floor * (1 + random() / 2)));
}

/** The wait before the next retry: the server's hint when it gave a readable one, else backoff. */
export function retryDelay(retry: number, status: number, retryAfterMs: number | undefined, settings: RetrySettings, random: () => number): number {
  // The server's Retry-After is honoured as given (not capped by maxDelayMs); the total-time budget
  // decides whether waiting that long is still worth it.
  if (retryAfterMs !== undefined) return retryAfterMs;
  return THROTTLING_STATUSES.has(status) ? throttleBackoff(retry, settings, random) : backoffDelay(retry, settings, random);
}
