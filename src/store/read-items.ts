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
 * Runs item queries together: first pages in one $batch round trip (chunks of 20), then any
 * further pages of each query by its nextLink.
 */
export async function readItemsBatched(client: GraphClient, urls: readonly string[]): Promise<ListItem[][]> {
  const responses = await client.batch(urls.map((url) => ({ method: 'GET' as const, url })));
  return Promise.all(
    responses.map(async (response, i) => {
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
