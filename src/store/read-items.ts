// Reading list items: several independent queries in one $batch, each followed through its pages.
import type { GraphClient } from '../graph';
import { GraphRequestError } from '../graph';
import type { ListItem } from '../lists/mapping';

interface GraphItem {
  readonly id: string;
  readonly eTag?: string;
  readonly '@odata.etag'?: string;
  readonly fields?: Record<string, unknown>;
}

interface ItemPage {
  readonly value?: GraphItem[];
  readonly '@odata.nextLink'?: string;
}

export function toListItem(item: GraphItem): ListItem {
  return { id: item.id, eTag: item.eTag ?? item['@odata.etag'] ?? item.fields?.['@odata.etag']?.toString() ?? '', fields: item.fields ?? {} };
}

/**
 * A filtered query's way round SharePoint's list view threshold: a filter whose index still selects
 * more than 5 000 items is refused, while unfiltered paging always works. The list is then read
 * whole, page by page, and `keep` picks the items the filter meant (a 20 000-goal plan).
 */
export interface WholeListFallback {
  readonly url: string;
  readonly keep: (item: ListItem) => boolean;
}

/** SharePoint's refusal of a query past the list view threshold (see docs/emulator.md). */
export function isListViewThreshold(status: number, body: unknown): boolean {
  const envelope = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return status >= 400 && (/SPQueryThrottledException/.test(envelope?.code ?? '') || /list view threshold/i.test(envelope?.message ?? ''));
}

/**
 * Runs item queries together: first pages in one $batch round trip (chunks of 20), then any
 * further pages of each query by its nextLink.
 */
export async function readItemsBatched(client: GraphClient, urls: readonly string[], fallbacks: ReadonlyArray<WholeListFallback | undefined> = []): Promise<ListItem[][]> {
  const responses = await client.batch(urls.map((url) => ({ method: 'GET' as const, url })));
  return Promise.all(
    responses.map(async (response, i) => {
      const fallback = fallbacks[i];
      if (fallback && isListViewThreshold(response.status, response.body)) return (await readItems(client, fallback.url)).filter(fallback.keep);
      if (response.status >= 400) throw batchError(response.status, response.body, urls[i] ?? '');
      const page = response.body as ItemPage;
      const items = (page.value ?? []).map(toListItem);
      let next = page['@odata.nextLink'];
      while (next) {
        const more = await client.get<ItemPage>(next);
        items.push(...(more.value ?? []).map(toListItem));
        next = more['@odata.nextLink'];
      }
      return items;
    }),
  );
}

export async function readItems(client: GraphClient, url: string): Promise<ListItem[]> {
  const items: ListItem[] = [];
  for await (const item of client.items<GraphItem>(url)) items.push(toListItem(item));
  return items;
}

function batchError(status: number, body: unknown, url: string): GraphRequestError {
  const envelope = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new GraphRequestError({ status, code: envelope?.code ?? 'batchRequestFailed', message: envelope?.message ?? `Begäran ${url} misslyckades (${status})` });
}
