// Last link: sends the request. Stands in for the SDK's HTTPMessageHandler, which always calls the
// global `fetch`; taking it as a parameter lets tests inject a fake server while production
// resolves the global at call time (browser, Office webview and Node alike).
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { StatsCounter } from './stats';
import { GraphRequestError } from './graph-request-error';
import { requestMethod, requestUrl } from './request-state';

export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch | undefined,
    private readonly stats: StatsCounter,
  ) {}

  async execute(context: Context): Promise<void> {
    this.stats.requests += 1;
    // Called as a plain function: browsers reject `fetch` invoked with another `this` ("Illegal invocation").
    const send = this.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    try {
      context.response = await send(context.request, context.options);
    } catch (error) {
      // No response at all (DNS, refused connection, CORS, abort): still one typed error for callers.
      const message = error instanceof Error ? error.message : String(error);
      throw new GraphRequestError({
        status: 0,
        code: 'networkError',
        message: `Network error: ${message}`,
        method: requestMethod(context),
        url: requestUrl(context),
        cause: error,
      });
    }
  }
}
