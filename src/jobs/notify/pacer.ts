// Paces sends under Graph's limit for sendActivityNotification: starts at least 1/rate apart, so
// no one-second window holds more than `rate` of them, and a Retry-After holds every send back,
// not just the one that was throttled (the limit is per app and tenant, not per recipient).

export interface Clock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Pacer {
  /** Resolves when the next send may start, and counts it as started. */
  next(): Promise<void>;
  /** No send starts for `ms` from now (a 429's Retry-After). */
  holdFor(ms: number): void;
}

export function createPacer(perSecond: number, clock: Clock = realClock): Pacer {
  const spacing = 1000 / perSecond;
  let earliest = Number.NEGATIVE_INFINITY;
  return {
    async next() {
      // A loop, not one sleep: timers may fire a little early, and a hold may arrive while waiting.
      for (let wait = earliest - clock.now(); wait > 0; wait = earliest - clock.now()) await clock.sleep(Math.ceil(wait));
      earliest = Math.max(clock.now(), earliest) + spacing;
    },
    holdFor(ms) {
      earliest = Math.max(earliest, clock.now() + ms);
    },
  };
}
