// Reports every round trip (retries included, as it sits after the retry middleware) to the
// injected `onRequest` hook: method, URL, status, duration, attempt and Graph's request-id.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { requestMethod, requestStateOf, requestUrl } from './request-state';
import { nextOf } from './middleware-link';

export interface RequestEvent {
  readonly method: string;
  readonly url: string;
  /** HTTP status; 0 when the request failed without a response. */
  readonly status: number;
  readonly ms: number;
  /** 1 for the first round trip of a request, 2 for its first retry, ... */
  readonly attempt: number;
  readonly requestId?: string;
}

export class LoggingMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly onRequest: ((event: RequestEvent) => void) | undefined,
    private readonly now: () => number,
  ) {}

  async execute(context: Context): Promise<void> {
    const started = this.now();
    try {
      await nextOf(this.next).execute(context);
    } finally {
      this.report(context, this.now() - started);
    }
  }

  private report(context: Context, ms: number): void {
    if (!this.onRequest) return;
    const response = context.response;
    const requestId = response?.headers.get('request-id') ?? response?.headers.get('client-request-id') ?? undefined;
    const event: RequestEvent = {
      method: requestMethod(context),
      url: requestUrl(context),
      status: response?.status ?? 0,
      ms,
      attempt: requestStateOf(context)?.attempt ?? 1,
      ...(requestId ? { requestId } : {}),
    };
    try {
      this.onRequest(event);
    } catch {
      // A failing log hook must not fail the request it describes.
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
