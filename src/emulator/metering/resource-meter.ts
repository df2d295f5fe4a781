// SharePoint's per-app budget of resource units: every app's usage in one-minute windows, and,
// when a budget is set, the RateLimit-* headers from 80 % of it and 429 beyond it. Throttled
// requests still count, as SharePoint says they do. The counters are what the benches read.

/** SharePoint's own figures: headers from 80 % of the one-minute budget. */
export const RATE_LIMIT_HEADERS_FROM = 0.8;
const WINDOW_MS = 60_000;
/** Distinct User-Agent strings remembered per app (enough to see decoration, bounded). */
const USER_AGENTS_KEPT = 20;

export interface ResourceUnitSettings {
  /** Resource units per app per minute; `null` meters without ever throttling (the default). */
  readonly perMinute: number | null;
}

export interface OperationUsage {
  readonly requests: number;
  readonly units: number;
}

export interface AppUsage {
  readonly appId: string;
  /** Since the emulator started or the counters were last reset. */
  readonly units: number;
  readonly requests: number;
  readonly throttled: number;
  readonly byOperation: Readonly<Record<string, OperationUsage>>;
  readonly userAgents: readonly string[];
  /** The current one-minute window, when one is open. */
  readonly window?: { readonly units: number; readonly resetsInSeconds: number };
}

export interface ResourceUnitReport {
  readonly perMinute: number | null;
  readonly apps: readonly AppUsage[];
}

/** Runtime control (also behind `GET/PUT/DELETE /_dev/resource-units`). */
export interface ResourceUnitControl {
  get(): ResourceUnitReport;
  /** Sets the budget; the counters stay. */
  set(settings: ResourceUnitSettings): ResourceUnitReport;
  /** Zeroes every counter and window; the budget stays. */
  reset(): void;
}

export interface Charge {
  readonly appId: string;
  readonly operation: string;
  readonly units: number;
  /** SharePoint returns the RateLimit headers only to calls with application permissions. */
  readonly appOnly: boolean;
  readonly userAgent?: string | undefined;
}

export interface ChargeVerdict {
  /** RateLimit-* (and Retry-After when throttled) for the answer; empty below 80 %. */
  readonly headers: Record<string, string>;
  readonly throttled: boolean;
}

export interface ResourceMeter extends ResourceUnitControl {
  charge(charge: Charge): ChargeVerdict;
}

interface AppState {
  units: number;
  requests: number;
  throttled: number;
  byOperation: Map<string, { requests: number; units: number }>;
  userAgents: Set<string>;
  window: { start: number; units: number } | undefined;
}

export class ResourceUnitSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceUnitSettingsError';
  }
}

/** Checks settings from outside (JSON or code). */
export function parseResourceUnitSettings(input: unknown): ResourceUnitSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ResourceUnitSettingsError('Resource unit settings must be a JSON object: {"perMinute": 1200} or {"perMinute": null}.');
  const unknown = Object.keys(input).filter((key) => key !== 'perMinute');
  if (unknown.length > 0) throw new ResourceUnitSettingsError(`Unknown resource unit setting(s): ${unknown.join(', ')}. Known: perMinute.`);
  const perMinute = (input as { perMinute?: unknown }).perMinute;
  if (perMinute === undefined || perMinute === null) return { perMinute: null };
  if (typeof perMinute !== 'number' || !Number.isInteger(perMinute) || perMinute < 1) {
    throw new ResourceUnitSettingsError('perMinute must be a whole number of resource units of 1 or more, or null for no budget.');
  }
  return { perMinute };
}

export function createResourceMeter(options: { now: () => Date; perMinute?: number | null | undefined }): ResourceMeter {
  let settings = parseResourceUnitSettings({ perMinute: options.perMinute ?? null });
  const apps = new Map<string, AppState>();

  const stateOf = (appId: string): AppState => {
    let state = apps.get(appId);
    if (!state) {
      state = { units: 0, requests: 0, throttled: 0, byOperation: new Map(), userAgents: new Set(), window: undefined };
      apps.set(appId, state);
    }
    return state;
  };

  /** The app's open window, a fresh one when the last has run out. */
  const windowOf = (state: AppState, at: number): { start: number; units: number } => {
    if (!state.window || at >= state.window.start + WINDOW_MS) state.window = { start: at, units: 0 };
    return state.window;
  };

  const resetSeconds = (window: { start: number }, at: number) => Math.max(1, Math.ceil((window.start + WINDOW_MS - at) / 1000));

  function charge(request: Charge): ChargeVerdict {
    const at = options.now().getTime();
    const state = stateOf(request.appId);
    if (request.userAgent && state.userAgents.size < USER_AGENTS_KEPT) state.userAgents.add(request.userAgent);
    if (request.units <= 0) return { headers: {}, throttled: false };
    const window = windowOf(state, at);
    const before = window.units;
    window.units += request.units;
    state.units += request.units;
    state.requests += 1;
    const operation = state.byOperation.get(request.operation) ?? { requests: 0, units: 0 };
    operation.requests += 1;
    operation.units += request.units;
    state.byOperation.set(request.operation, operation);

    const budget = settings.perMinute;
    if (budget === null) return { headers: {}, throttled: false };
    const throttled = before + request.units > budget;
    if (throttled) state.throttled += 1;
    const reset = String(resetSeconds(window, at));
    const headers: Record<string, string> = {};
    if (request.appOnly && (throttled || window.units >= budget * RATE_LIMIT_HEADERS_FROM)) {
      headers['RateLimit-Limit'] = String(budget);
      headers['RateLimit-Remaining'] = String(Math.max(0, budget - window.units));
      headers['RateLimit-Reset'] = reset;
    }
    // On a 429, SharePoint's Retry-After is the same number as RateLimit-Reset.
    if (throttled) headers['Retry-After'] = reset;
    return { headers, throttled };
  }

  function get(): ResourceUnitReport {
    const at = options.now().getTime();
    return {
      perMinute: settings.perMinute,
      apps: [...apps.entries()].map(([appId, state]) => {
        const open = state.window && at < state.window.start + WINDOW_MS ? state.window : undefined;
        return {
          appId,
          units: state.units,
          requests: state.requests,
          throttled: state.throttled,
          byOperation: Object.fromEntries([...state.byOperation.entries()].map(([name, usage]) => [name, { ...usage }])),
          userAgents: [...state.userAgents],
          ...(open ? { window: { units: open.units, resetsInSeconds: resetSeconds(open, at) } } : {}),
        };
      }),
    };
  }

  return {
    charge,
    get,
    set: (next) => {
      settings = parseResourceUnitSettings(next);
      return get();
    },
    reset: () => apps.clear(),
  };
}
