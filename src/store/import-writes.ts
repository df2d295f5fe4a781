// The import's writes: each item created or changed on its unique key, in $batch chunks, with
// If-Match on every change (an item someone changed since the import read it is not written over),
// throttled steps sent again, and creates that clash on their key adopted when they are ours. In a
// dry run the same writes are worked out and recorded, and nothing is sent.
import type { BatchRequest, BatchResponse, GraphClient } from '../graph';
import { parseRetryAfter } from '../graph';
import type { ListItem, WriteFields } from '../lists/mapping';
import { refOfKey } from '../lists/mapping';
import type { ListName } from '../lists/schema';
import { listSpec } from '../lists/schema';
import { sameFieldValue } from '../lists/fields';
import { readItemsBatched } from './read-items';
import type { SiteLists } from './site';
import { itemsQuery, listPath, odataString } from './site';

/** A list's things in Swedish (lists the import never writes may be absent). */
const THING: Readonly<Partial<Record<ListName, string>>> = {
  Organisations: 'organisationen',
  Plans: 'planen',
  Periods: 'perioden',
  PlanPeriods: 'planens period',
  Goals: 'målet',
  Indicators: 'styrtalet',
  Assignments: 'uppdraget',
  Risks: 'risken',
  Actions: 'åtgärden',
  FollowUps: 'uppföljningen',
  Leases: 'körningen',
};

export interface Write {
  readonly list: ListName;
  readonly key: string;
  readonly itemId?: string;
  readonly fields: WriteFields;
  readonly stored?: ListItem;
}

/** One item an import creates or changes (or, in a dry run, would): for the change set it prints. */
export interface PlannedChange {
  readonly action: 'create' | 'update';
  readonly list: ListName;
  /** The item in Swedish: "styrtalet g1-i1". */
  readonly name: string;
  /** The columns an update changes. */
  readonly fields: readonly string[];
}

export interface WriteTally {
  created: number;
  updated: number;
  unchanged: number;
  readonly changes: PlannedChange[];
}

/** The id a dry run gives an item it would create: nothing stored has it, so nothing matches it. */
export const NOT_YET_CREATED = 'ny';

/** Why SharePoint refused a write, in Swedish, with what to do; its own words follow in parentheses. */
function refusalText(status: number): string {
  if (status === 429 || status === 503 || status === 504) return 'SharePoint är överbelastat just nu; kör importen igen, den fortsätter där den slutade';
  if (status === 401 || status === 403) return 'behörighet att skriva i listan saknas';
  if (status === 404) return 'listan eller posten finns inte (kör "malkoll provision")';
  if (status === 409 || status === 412) return 'någon annan ändrade den samtidigt; kör importen igen';
  if (status === 400) return 'SharePoint tog inte emot värdena';
  return `SharePoint svarade ${status}`;
}

/** An item in Swedish, by its list and key: "målet g1", "perioden 2025-annual". */
export function itemName(write: Pick<Write, 'list' | 'key'>): string {
  const ref = write.list === 'Organisations' || write.list === 'Periods' || write.list === 'Plans' || write.list === 'FollowUps' ? write.key : refOfKey(write.key);
  return `${THING[write.list] ?? 'posten'} ${ref}`;
}

/** Fields whose stored value differs from the wanted one, compared as the list's columns mean them (sameFieldValue). */
export function changedFields(wanted: WriteFields, stored: Readonly<Record<string, unknown>>, list: ListName): WriteFields {
  const kindOf = new Map(listSpec(list).columns.map((c) => [c.name, c.kind]));
  const changed: WriteFields = {};
  for (const [name, value] of Object.entries(wanted)) {
    if (!sameFieldValue(kindOf.get(name), value, stored[name])) changed[name] = value;
  }
  return changed;
}

/**
 * SharePoint compares text without regard to case, so keys match that way: `rs` finds the stored
 * `RS` (a create would clash with it). The stored spelling of the key is kept.
 */
export function keyOf(value: unknown): string {
  return String(value ?? '').normalize('NFC').toLowerCase();
}

/** The column holding each list's unique key. */
function keyField(list: ListName): 'Code' | 'Key' {
  return list === 'Organisations' ? 'Code' : 'Key';
}

export function upsert(list: ListName, key: string, fields: WriteFields, existing: ReadonlyMap<string, ListItem>): Write {
  const stored = existing.get(keyOf(key));
  if (!stored) return { list, key, fields };
  const storedKey = stored.fields[keyField(list)];
  const kept = typeof storedKey === 'string' ? { ...fields, [keyField(list)]: storedKey, ...(list === 'FollowUps' ? { Title: storedKey } : {}) } : fields;
  return { list, key, itemId: stored.id, fields: kept, stored };
}

/**
 * Sends the creates and changed fields of a group of independent writes in $batch chunks, and
 * returns each write's item id in order. Unchanged items are not written at all; a dry run sends
 * nothing and gives an item it would create the id NOT_YET_CREATED.
 */
export async function applyWrites(client: GraphClient, site: SiteLists, writes: readonly Write[], tally: WriteTally, dryRun = false): Promise<string[]> {
  const ids: Array<string | undefined> = writes.map((w) => w.itemId);
  const requests: BatchRequest[] = [];
  const requestFor: number[] = [];
  writes.forEach((w, i) => {
    const items = `${listPath(site, w.list)}/items`;
    if (!w.stored) {
      tally.changes.push({ action: 'create', list: w.list, name: itemName(w), fields: [] });
      tally.created += 1;
      if (dryRun) ids[i] = NOT_YET_CREATED;
      else {
        requests.push({ method: 'POST', url: items, body: { fields: w.fields } });
        requestFor.push(i);
      }
      return;
    }
    const changed = changedFields(w.fields, w.stored.fields, w.list);
    if (Object.keys(changed).length === 0) {
      tally.unchanged += 1;
      return;
    }
    tally.changes.push({ action: 'update', list: w.list, name: itemName(w), fields: Object.keys(changed) });
    tally.updated += 1;
    if (dryRun) return;
    // The eTag the import read: a change made since (a save in the tab) is a 412, never written over.
    requests.push({ method: 'PATCH', url: `${items}/${w.stored.id}/fields`, body: changed, ...(w.stored.eTag ? { headers: { 'If-Match': w.stored.eTag } } : {}) });
    requestFor.push(i);
  });
  if (requests.length === 0) return ids.map((id) => id ?? '');
  const responses = await batchThroughThrottling(client, requests);
  const clashes: number[] = [];
  responses.forEach((response, r) => {
    const index = requestFor[r] ?? -1;
    const write = writes[index];
    if (response.status === 409 && write && !write.stored) {
      clashes.push(index);
      return;
    }
    if (response.status >= 400) {
      const message = (response.body as { error?: { message?: string } } | undefined)?.error?.message;
      const what = write ? itemName(write) : 'en post';
      throw new Error(`Kunde inte skriva ${what}: ${refusalText(response.status)}.${message ? ` (SharePoint: ${message})` : ''}`);
    }
    if (!write?.itemId) ids[index] = String((response.body as { id?: string }).id ?? '');
  });
  if (clashes.length > 0) await adoptClashes(client, site, clashes.map((index) => ({ index, write: writes[index] as Write })), ids);
  return ids.map((id) => id ?? '');
}

/** Rounds of a batch's still-throttled steps after the client's own retries gave up on them. */
const THROTTLED_ROUNDS = 4;

/**
 * A $batch whose steps still answer 429 or 503 after the client's retries are sent again, those
 * steps only, after their Retry-After: a throttled step did nothing, so sending it again (a create
 * too) is safe, and an import under throttling finishes instead of stopping halfway.
 */
async function batchThroughThrottling(client: GraphClient, requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
  const responses = await client.batch(requests);
  for (let round = 1; round <= THROTTLED_ROUNDS; round += 1) {
    const throttled = responses.flatMap((r, i) => (r.status === 429 || r.status === 503 ? [i] : []));
    if (throttled.length === 0) break;
    const waits = throttled.map((i) => parseRetryAfter(headerOf(responses[i]?.headers, 'retry-after'), undefined, Date.now()) ?? 1000 * round);
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(...waits), 60_000)));
    const again = await client.batch(throttled.map((i) => requests[i] as BatchRequest));
    again.forEach((response, n) => (responses[throttled[n] ?? -1] = response));
  }
  return responses;
}

function headerOf(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
}

/**
 * Creates refused because the unique key exists: after a batch retried on a 504 once SharePoint had
 * written it, or beside another import of the same plan. An item holding what we wrote is ours; one
 * holding anything else is someone else's, and the import stops rather than overwrite it.
 */
async function adoptClashes(client: GraphClient, site: SiteLists, clashes: ReadonlyArray<{ index: number; write: Write }>, ids: Array<string | undefined>): Promise<void> {
  const found = await readItemsBatched(
    client,
    clashes.map(({ write }) => itemsQuery(site, write.list, { filter: `fields/${keyField(write.list)} eq ${odataString(write.key)}` })),
  );
  clashes.forEach(({ index, write }, n) => {
    const [item] = found[n] ?? [];
    if (!item || Object.keys(changedFields(write.fields, item.fields, write.list)).length > 0) {
      throw new Error(`Kunde inte skriva ${itemName(write)}: någon annan har just skapat den med andra värden. Läs in planen igen och försök på nytt.`);
    }
    ids[index] = item.id;
  });
}
