// Per-request state threaded through the SDK's middleware chain. The SDK looks middleware options
// up by constructor (MiddlewareControl), so one instance of this class rides on every request the
// client sends and lets the middlewares talk to each other and back to the caller.
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

export class RequestState implements MiddlewareOptions {
  /** 1 for the first round trip, 2 for the first retry, ... (set by the retry middleware). */
  attempt = 1;
  /**
   * The first error thrown inside the chain (the token source failing, fetch failing). The SDK
   * re-wraps thrown errors into its own GraphError; this keeps the original for the caller.
   */
  error: unknown = undefined;
}

export function requestStateOf(context: Context): RequestState | undefined {
  // Duck-typed rather than `instanceof MiddlewareControl`: bundlers may load the SDK's CommonJS and
  // ES builds side by side, and then the classes differ.
  const control = context.middlewareControl;
  if (typeof control?.getMiddlewareOptions !== 'function') return undefined;
  const state: unknown = control.getMiddlewareOptions(RequestState);
  return state instanceof RequestState ? state : undefined;
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  if (typeof context.request !== 'string') return context.request.method.toUpperCase();
  return (context.options?.method ?? 'GET').toUpperCase();
}
