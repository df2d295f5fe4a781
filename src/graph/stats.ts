/** Round-trip counters for benchmarks: every HTTP request sent, how many were retries, and time held back by pacing. */
export interface GraphStats {
  readonly requests: number;
  readonly retries: number;
  /** Milliseconds requests waited at the rate-limit gate (RateLimit-* headers, throttling holds). */
  readonly pacedMs: number;
  reset(): void;
}

export class StatsCounter implements GraphStats {
  requests = 0;
  retries = 0;
  pacedMs = 0;
  reset(): void {
    this.requests = 0;
    this.retries = 0;
    this.pacedMs = 0;
  }
}
