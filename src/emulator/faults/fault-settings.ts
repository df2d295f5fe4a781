// Fault settings and their validation (shared by `startEmulator`, the programmatic control and
// `PUT /_dev/faults`).

export interface LatencyRange {
  min: number;
  max: number;
}

export interface FaultSettings {
  /** Added latency per Graph request: a fixed number of milliseconds, or a range drawn uniformly. */
  latencyMs?: number | LatencyRange;
  /** Share of Graph requests (0–1) answered 429 Too Many Requests. */
  throttleRate?: number;
  /** Share of Graph requests (0–1) answered 503 Service Unavailable. */
  unavailableRate?: number;
  /** `Retry-After` in whole seconds on injected 429 and 503 answers (default 1). */
  retryAfterSeconds?: number;
  /** Seed of the random source; the same seed gives the same faults in the same order. */
  seed?: number;
}

export const DEFAULT_RETRY_AFTER_SECONDS = 1;

const KEYS: ReadonlySet<string> = new Set(['latencyMs', 'throttleRate', 'unavailableRate', 'retryAfterSeconds', 'seed']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FaultSettingsError(`${name} must be a number of 0 or more.`);
  }
  return value;
}

function rate(value: unknown, name: string): number {
  const n = nonNegative(value, name);
  if (n > 1) throw new FaultSettingsError(`${name} must be between 0 and 1.`);
  return n;
}

export class FaultSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSettingsError';
  }
}

/** Checks settings from outside (JSON or code); throws FaultSettingsError with a plain message. */
export function parseFaultSettings(input: unknown): FaultSettings {
  if (!isRecord(input)) throw new FaultSettingsError('Fault settings must be a JSON object.');
  const unknown = Object.keys(input).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) {
    throw new FaultSettingsError(`Unknown fault setting(s): ${unknown.join(', ')}. Known: ${[...KEYS].join(', ')}.`);
  }
  const settings: FaultSettings = {};
  const latency = input['latencyMs'];
  if (latency !== undefined) {
    if (isRecord(latency)) {
      const min = nonNegative(latency['min'], 'latencyMs.min');
      const max = nonNegative(latency['max'], 'latencyMs.max');
      if (max < min) throw new FaultSettingsError('latencyMs.max must not be below latencyMs.min.');
      settings.latencyMs = { min, max };
    } else {
      settings.latencyMs = nonNegative(latency, 'latencyMs');
    }
  }
  if (input['throttleRate'] !== undefined) settings.throttleRate = rate(input['throttleRate'], 'throttleRate');
  if (input['unavailableRate'] !== undefined) settings.unavailableRate = rate(input['unavailableRate'], 'unavailableRate');
  if ((settings.throttleRate ?? 0) + (settings.unavailableRate ?? 0) > 1) {
    throw new FaultSettingsError('throttleRate and unavailableRate together must not exceed 1.');
  }
  const retryAfter = input['retryAfterSeconds'];
  if (retryAfter !== undefined) {
    if (!Number.isInteger(retryAfter) || nonNegative(retryAfter, 'retryAfterSeconds') > 86400) {
      throw new FaultSettingsError('retryAfterSeconds must be a whole number of seconds from 0 to 86400.');
    }
    settings.retryAfterSeconds = nonNegative(retryAfter, 'retryAfterSeconds');
  }
  const seed = input['seed'];
  if (seed !== undefined) {
    if (!Number.isSafeInteger(seed)) throw new FaultSettingsError('seed must be an integer.');
    settings.seed = nonNegative(seed, 'seed');
  }
  return settings;
}
