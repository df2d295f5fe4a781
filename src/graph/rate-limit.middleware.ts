// Between retry and logging: every round trip (retries included) to SharePoint waits its turn at
// the client's rate-limit gate, and every answer's RateLimit-* headers are taken in.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RateLimitGate } from './rate-limit';
import { estimatedUnits } from './rate-limit';
import type { StatsCounter } from './stats';
import { nextOf } from './middleware-link';
import { requestMethod, requestUrl } from './request-state';

export interface RateLimitDeps {
  readonly gate: RateLimitGate;
  readonly sleep: (ms: number) => Promise<void>;
  readonly stats: StatsCounter;
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key.toLowerCase()] = value;
  });
  return record;
}

export class RateLimitMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly deps: RateLimitDeps) {}

  async execute(context: Context): Promise<void> {
    const { gate, sleep, stats } = this.deps;
    const units = estimatedUnits(requestMethod(context), requestUrl(context), context.options?.body);
    const wait = gate.delayFor(units);
    if (wait > 0) {
      const until = gate.time() + wait;
      stats.pacedMs += wait;
      await sleep(wait);
      gate.passed(until);
    }
    await nextOf(this.next).execute(context);
    if (context.response) gate.observe(headerRecord(context.response.headers));
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
