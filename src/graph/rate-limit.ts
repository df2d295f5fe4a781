// Pacing against SharePoint's per-app budget of resource units. Once an app has used 80 % of its
// minute, SharePoint adds RateLimit-Limit/-Remaining/-Reset to its answers (app-only calls); a
// throttled answer says how long to stay away. The gate spreads what is left of the minute over
// the requests still to come, and holds every SharePoint request while the app is throttled,
// instead of letting each one find out with a 429 of its own (those count against the budget too).
import { headerValue } from './headers';
import { isRecord } from './odata';

/** Never hold a request longer than SharePoint's window, whatever a header says. */
const MAX_WAIT_MS = 60_000;

const SINGLE_ITEM = 1;
const MULTI_ITEM_OR_WRITE = 2;
const PERMISSIONS = 5;

export interface RateLimitReading {
  readonly remaining: number;
  readonly resetMs: number;
}

/** RateLimit-Remaining and RateLimit-Reset (delta-seconds, IETF draft-03), when both are there. */
export function readRateLimit(headers: Record<string, string>): RateLimitReading | undefined {
  const remainingText = headerValue(headers, 'ratelimit-remaining');
  const resetText = headerValue(headers, 'ratelimit-reset');
  if (remainingText === undefined || resetText === undefined) return undefined;
  const remaining = Number(remainingText);
  const reset = Number(resetText);
  if (!Number.isFinite(remaining) || !Number.isFinite(reset) || remaining < 0 || reset < 0) return undefined;
  return { remaining, resetMs: Math.round(reset * 1000) };
}

/** RateLimit-Reset in milliseconds: on a 429 SharePoint gives the same number as Retry-After. */
export function rateLimitResetMs(headers: Record<string, string>): number | undefined {
  return readRateLimit(headers)?.resetMs;
}

/**
 * What SharePoint will charge for a request, by its table for Graph calls: 1 for a single item or a
 * delta with a token, 2 for a multi-item query or a write, 5 for permissions; a `$batch` costs its
 * steps. Anything not under /sites is not SharePoint's and costs nothing here.
 */
export function estimatedUnits(method: string, url: string, body?: unknown): number {
  const [path = '', query = ''] = url.split('?', 2);
  if (/\/\$batch$/.test(path)) return batchSteps(body).reduce((sum, step) => sum + estimatedUnits(step.method, step.url), 0);
  if (!/(^|\/)sites(\/|$)/i.test(path)) return 0;
  if (/\/permissions(\/|$)/i.test(path) || /\$expand=[^&]*permissions/i.test(decodeURIComponent(query))) return PERMISSIONS;
  if (method.toUpperCase() !== 'GET') return MULTI_ITEM_OR_WRITE;
  if (/\/items\/delta$/i.test(path)) return /(^|&)token=/.test(query) ? SINGLE_ITEM : MULTI_ITEM_OR_WRITE;
  const single = /\/items\/[^/]+(\/fields)?$|\/lists\/[^/]+$|\/columns\/[^/]+$|\/versions\/[^/]+$|\/sites\/[^/]+$/i;
  return single.test(path) ? SINGLE_ITEM : MULTI_ITEM_OR_WRITE;
}

function batchSteps(body: unknown): Array<{ method: string; url: string }> {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body) as unknown;
    } catch {
      return [];
    }
  }
  const requests = isRecord(parsed) ? parsed['requests'] : undefined;
  if (!Array.isArray(requests)) return [];
  return requests.filter(isRecord).map((step) => ({ method: String(step['method'] ?? 'GET'), url: String(step['url'] ?? '') }));
}

/** One per client: the budget as last heard from SharePoint, and when the next request may go. */
export class RateLimitGate {
  private remaining: number | undefined;
  private resetAt = 0;
  private nextSlot = 0;
  private heldUntil = 0;
  /** The latest moment a finished wait reached: an injected sleep may take no time at all. */
  private reached = 0;

  constructor(private readonly clock: () => number) {}

  /** Now, as far as this client's waits are concerned. */
  time(): number {
    return Math.max(this.clock(), this.reached);
  }

  /** A wait until `until` is over (the clock may not show it when the sleep was a stand-in). */
  passed(until: number): void {
    this.reached = Math.max(this.reached, until);
  }

  /** Takes in RateLimit-* headers, from an answer or from a `$batch` step's answer. */
  observe(headers: Record<string, string>): void {
    const reading = readRateLimit(headers);
    if (!reading) return;
    this.remaining = reading.remaining;
    this.resetAt = this.time() + reading.resetMs;
  }

  /** Holds every SharePoint request until `until` (the app is throttled until then). */
  hold(until: number): void {
    this.heldUntil = Math.max(this.heldUntil, until);
  }

  /** How long a request costing `units` must wait; reserves its place in the minute. */
  delayFor(units: number): number {
    if (units <= 0) return 0;
    const now = this.time();
    let start = Math.max(now, this.heldUntil);
    if (this.remaining !== undefined && start >= this.resetAt) this.remaining = undefined;
    if (this.remaining !== undefined) {
      if (this.remaining < units) {
        // Nothing left this minute: everyone waits for the window to turn, then hears afresh.
        this.hold(this.resetAt);
        this.remaining = undefined;
        start = this.resetAt;
      } else {
        start = Math.max(start, this.nextSlot);
        this.nextSlot = start + ((this.resetAt - start) * units) / this.remaining;
        this.remaining -= units;
      }
    }
    return Math.min(MAX_WAIT_MS, Math.max(0, start - now));
  }
}
