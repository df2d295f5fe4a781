// Graph's error envelope `{ error: { code, message, innerError: { 'request-id', date } } }` as one
// typed error, whatever path (plain request, page, batch inner response, delta) it came from.
import { parseRetryAfter } from './retry-policy';
import { headerValue } from './headers';

export interface GraphRequestErrorInit {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly date?: string;
  readonly retryAfterMs?: number;
  readonly body?: unknown;
  readonly method?: string;
  readonly url?: string;
  readonly location?: string;
  readonly cause?: unknown;
}

export class GraphRequestError extends Error {
  override readonly name = 'GraphRequestError';
  /** HTTP status; 0 when no response arrived (network failure). */
  readonly status: number;
  /** Graph's `error.code` (e.g. `itemNotFound`, `resyncRequired`), or a stand-in when there was no envelope. */
  readonly code: string;
  readonly requestId?: string;
  /** `innerError.date` as Graph sent it (UTC without a zone designator), else the `Date` header. */
  readonly date?: string;
  readonly retryAfterMs?: number;
  /** The parsed response body (JSON when it was JSON, else text). */
  readonly body?: unknown;
  readonly method?: string;
  readonly url?: string;
  /** The `Location` header: on a delta 410 it is the link that starts a fresh enumeration. */
  readonly location?: string;

  constructor(init: GraphRequestErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    // Keeps `instanceof` working when compiled to ES5-style classes by a consumer's bundler.
    Object.setPrototypeOf(this, GraphRequestError.prototype);
    this.status = init.status;
    this.code = init.code;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.date !== undefined) this.date = init.date;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.body !== undefined) this.body = init.body;
    if (init.method !== undefined) this.method = init.method;
    if (init.url !== undefined) this.url = init.url;
    if (init.location !== undefined) this.location = init.location;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = record?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What an error response carried: status, headers (any letter case) and the parsed body. */
export interface ErrorSource {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly method?: string;
  readonly url?: string;
}

/** Builds the typed error from a non-2xx answer, envelope or not. */
export function toGraphRequestError(source: ErrorSource, nowMs: number = Date.now()): GraphRequestError {
  const envelope = isRecord(source.body) && isRecord(source.body['error']) ? source.body['error'] : undefined;
  // Graph spells it `innerError`; SharePoint- and OneDrive-backed answers often `innererror`.
  const inner = envelope
    ? isRecord(envelope['innerError'])
      ? envelope['innerError']
      : isRecord(envelope['innererror'])
        ? envelope['innererror']
        : undefined
    : undefined;
  const retryAfterMs = parseRetryAfter(headerValue(source.headers, 'retry-after'), headerValue(source.headers, 'date'), nowMs);
  const requestId =
    stringField(inner, 'request-id') ?? headerValue(source.headers, 'request-id') ?? headerValue(source.headers, 'client-request-id');
  const date = stringField(inner, 'date') ?? headerValue(source.headers, 'date');
  const location = headerValue(source.headers, 'location');
  const fallbackMessage = `HTTP ${source.status}${source.statusText ? ` ${source.statusText}` : ''}`;
  return new GraphRequestError({
    status: source.status,
    code: stringField(envelope, 'code') ?? `http${source.status}`,
    message: stringField(envelope, 'message') ?? (typeof source.body === 'string' && source.body.trim() !== '' ? source.body.slice(0, 500) : fallbackMessage),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(source.body !== undefined && source.body !== '' ? { body: source.body } : {}),
    ...(source.method !== undefined ? { method: source.method } : {}),
    ...(source.url !== undefined ? { url: source.url } : {}),
    ...(location !== undefined ? { location } : {}),
  });
}

function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof GraphRequestError && statuses.includes(error.status);
}

export const isGraphRequestError = (error: unknown): error is GraphRequestError => error instanceof GraphRequestError;
/** 404: the item (or list, or site) is not there. */
export const isNotFound = (error: unknown): error is GraphRequestError => hasStatus(error, 404);
/** 412: the If-Match eTag no longer matches; someone else saved first. Show it, never overwrite. */
export const isConflict = (error: unknown): error is GraphRequestError => hasStatus(error, 412);
/** 429, or SharePoint's 503 "Server Too Busy": still throttled after the client's own retries. */
export const isThrottled = (error: unknown): error is GraphRequestError => hasStatus(error, 429, 503);
/** 410: the delta token expired; resync from scratch. */
export const isGone = (error: unknown): error is GraphRequestError => hasStatus(error, 410);
