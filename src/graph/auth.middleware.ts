// First link of the chain: attaches `Authorization: Bearer …` for Graph hosts and the declared custom
// hosts (the emulator), strips it for anything else so a foreign link never sees our token. Being
// first, it also records the original error for the caller before the SDK re-wraps it.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenSource } from './token-source';
import { deleteRequestHeader, setRequestHeader } from './headers';
import { isTokenHost } from './graph-hosts';
import { requestStateOf, requestUrl } from './request-state';
import { nextOf } from './middleware-link';

export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly tokenSource: TokenSource) {}

  async execute(context: Context): Promise<void> {
    try {
      const init = context.options ?? (context.options = {});
      if (isTokenHost(requestUrl(context), context.customHosts)) {
        // Once per logical request: the retries below reuse it, as the SDK's own chain does.
        const token = await this.tokenSource.getToken();
        if (typeof context.request !== 'string') context.request.headers.set('Authorization', `Bearer ${token}`);
        else setRequestHeader(init, 'Authorization', `Bearer ${token}`);
      } else {
        if (typeof context.request !== 'string') context.request.headers.delete('Authorization');
        deleteRequestHeader(init, 'Authorization');
      }
      await nextOf(this.next).execute(context);
    } catch (error) {
      const state = requestStateOf(context);
      if (state && state.error === undefined) state.error = error;
      throw error;
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
