// Collections as async iteration (PnPjs style): follow `@odata.nextLink` exactly as given until
// there is none. A page may be empty and the page size is the server's choice, so nothing here
// assumes one page or a fixed size.
import type { Send } from './transport';
import { collectionPage } from './odata';

export async function* pages<T>(send: Send, path: string, headers?: Record<string, string>): AsyncGenerator<T[], void, undefined> {
  const seen = new Set<string>();
  let next: string | undefined = path;
  while (next !== undefined) {
    // A server that hands back a link it already gave would otherwise page forever.
    if (seen.has(next)) throw new Error(`Paging loop: ${next} was returned twice`);
    seen.add(next);
    const response = await send('GET', next, headers ? { headers } : {});
    const page = collectionPage(response.body, next);
    yield page.value as T[];
    next = page.nextLink;
  }
}

export async function* items<T>(send: Send, path: string, headers?: Record<string, string>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages<T>(send, path, headers)) yield* page;
}
