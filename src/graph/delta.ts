// `items/delta`: follow nextLinks to the deltaLink, then hand back what changed, what was deleted
// and the link to store for next time. A 410 surfaces as GraphRequestError (isGone): resync.
import type { Send } from './transport';
import { collectionPage, isRecord } from './odata';

export interface DeltaResult<T> {
  /** Latest state of each changed item (an item listed more than once counts once, last wins). */
  readonly changed: T[];
  readonly deletedIds: string[];
  /** Store it and pass it to the next `delta` call. */
  readonly deltaLink: string;
}

/** SharePoint marks deletions with a `deleted` facet; directory resources use `@removed`. */
function isDeletion(item: Record<string, unknown>): boolean {
  return isRecord(item['deleted']) || isRecord(item['@removed']);
}

function idOf(item: Record<string, unknown>): string | undefined {
  const id = item['id'];
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

export async function delta<T>(send: Send, pathOrLink: string): Promise<DeltaResult<T>> {
  // Keyed by id so the feed's repeats collapse to the last occurrence.
  const latest = new Map<string, { deleted: boolean; item: unknown }>();
  const anonymous: unknown[] = [];
  let next = pathOrLink;
  const seen = new Set<string>();
  for (;;) {
    if (seen.has(next)) throw new Error(`Delta loop: ${next} was returned twice`);
    seen.add(next);
    const response = await send('GET', next);
    const page = collectionPage(response.body, next);
    for (const item of page.value) {
      const id = isRecord(item) ? idOf(item) : undefined;
      if (id === undefined || !isRecord(item)) {
        anonymous.push(item);
        continue;
      }
      latest.delete(id);
      latest.set(id, { deleted: isDeletion(item), item });
    }
    if (page.deltaLink !== undefined) {
      const changed: T[] = [...anonymous as T[]];
      const deletedIds: string[] = [];
      for (const [id, entry] of latest) {
        if (entry.deleted) deletedIds.push(id);
        else changed.push(entry.item as T);
      }
      return { changed, deletedIds, deltaLink: page.deltaLink };
    }
    if (page.nextLink === undefined) throw new Error(`Delta page from ${next} has neither @odata.nextLink nor @odata.deltaLink`);
    next = page.nextLink;
  }
}
