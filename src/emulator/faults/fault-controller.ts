// The faults in force, changeable while the emulator runs, and the per-request draw.
import { DEFAULT_RETRY_AFTER_SECONDS, parseFaultSettings } from './fault-settings';
import type { FaultSettings } from './fault-settings';
import { freshSeed, seededRandom } from './seeded-random';
import type { Random } from './seeded-random';

export interface FaultDecision {
  delayMs: number;
  error?: { status: 429 | 503; retryAfterSeconds: number };
}

/** Runtime control over fault injection (also behind `GET/PUT /_dev/faults`). */
export interface FaultControl {
  /** The settings in force, with the seed actually used. */
  get(): FaultSettings;
  /** Replaces all settings (validated) and restarts the random source from the seed. */
  set(settings: FaultSettings): FaultSettings;
  /** No faults. */
  reset(): void;
}

export interface FaultController extends FaultControl {
  /** Draws the faults for one request. */
  decide(): FaultDecision;
}

export function createFaultController(initial: FaultSettings = {}): FaultController {
  let settings: FaultSettings = {};
  let random: Random = seededRandom(0);

  function set(input: FaultSettings): FaultSettings {
    const parsed = parseFaultSettings(input);
    settings = { ...parsed, seed: parsed.seed ?? freshSeed() };
    random = seededRandom(settings.seed ?? 0);
    return get();
  }

  function get(): FaultSettings {
    const copy = { ...settings };
    if (typeof copy.latencyMs === 'object') copy.latencyMs = { ...copy.latencyMs };
    return copy;
  }

  function decide(): FaultDecision {
    // Two draws per request whatever the settings, so changing the latency does not change which
    // requests fail for a given seed.
    const latencyDraw = random();
    const errorDraw = random();
    const latency = settings.latencyMs ?? 0;
    const delayMs =
      typeof latency === 'number' ? latency : Math.round(latency.min + (latency.max - latency.min) * latencyDraw);
    const retryAfterSeconds = settings.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
    const throttleRate = settings.throttleRate ?? 0;
    if (errorDraw < throttleRate) return { delayMs, error: { status: 429, retryAfterSeconds } };
    if (errorDraw < throttleRate + (settings.unavailableRate ?? 0)) return { delayMs, error: { status: 503, retryAfterSeconds } };
    return { delayMs };
  }

  set(initial);
  return { get, set, reset: () => void set({}), decide };
}
