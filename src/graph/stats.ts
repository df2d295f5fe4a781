/** Round-trip counters for benchmarks: every HTTP request sent, and how many of them were retries. */
export interface GraphStats {
  readonly requests: number;
  readonly retries: number;
  reset(): void;
}

export class StatsCounter implements GraphStats {
  requests = 0;
  retries = 0;
  reset(): void {
    this.requests = 0;
    this.retries = 0;
  }
}
