import type { Middleware } from '@microsoft/microsoft-graph-client';

/** The next middleware, or a clear error when the chain was wired without one. */
export function nextOf(next: Middleware | undefined): Middleware {
  if (!next) throw new Error('Graph middleware chain is incomplete: the fetch middleware must come last');
  return next;
}
