// What the remind job remembers: one item of the Körningar list per reminder occasion and person
// (`remind:RS:2025:2025-annual:before-7:anna.berg@region.example`), written as the intent before
// the send (State pending) and marked sent once Graph took it. Unlike notify's notices they stay:
// they are the record that the reminder went. Each carries, in ExpiresAt, the day after which its
// occasion can no longer be due, and runs delete those past it.
import type { FollowUpStore } from '../../store';
import { graphClientOf } from '../../store';
import type { Notice } from '../../store/action-notices';
import { readItemsBatched } from '../../store/read-items';
import { hasList, itemsQuery, listPath } from '../../store/site';
import { addDays } from './occasions';

export const RECORD_PREFIX = 'remind:';

export interface ReminderRecord extends Notice {
  readonly state: 'pending' | 'sent' | undefined;
  /** The run that wrote the intent. */
  readonly holder: string;
  /** ISO instant: past it the record may go. */
  readonly expiresAt: string;
}

/** One record per plan, period, occasion and person. Lower case: SharePoint compares keys without case. */
export function recordKey(planKey: string, periodKey: string, occasionId: string, upn: string): string {
  return `${RECORD_PREFIX}${planKey}:${periodKey}:${occasionId}:${upn}`.toLowerCase();
}

/** The record's ExpiresAt: the start of the day after the occasion's last day (UTC). */
export function recordExpiry(lastDay: string): string {
  return `${addDays(lastDay, 1)}T00:00:00.000Z`;
}

/**
 * Every reminder record, by key: the Körningar list read whole (paged) in one request. It holds
 * only runs' leases, notices on their way and the reminders of occasions still open, because runs
 * delete the records past their expiry.
 */
export async function readReminderRecords(store: FollowUpStore): Promise<Map<string, ReminderRecord>> {
  // A site provisioned before the list has no records (and no run there can write one: the lease says so).
  if (!hasList(store.site, 'Leases')) return new Map();
  const [items = []] = await readItemsBatched(graphClientOf(store), [itemsQuery(store.site, 'Leases', { fields: ['Key', 'Holder', 'ExpiresAt', 'State'] })]);
  const records = new Map<string, ReminderRecord>();
  for (const item of items) {
    const key = String(item.fields['Key'] ?? '').toLowerCase();
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const state = item.fields['State'];
    records.set(key, {
      key,
      itemId: item.id,
      eTag: item.eTag,
      state: state === 'pending' || state === 'sent' ? state : undefined,
      holder: String(item.fields['Holder'] ?? ''),
      expiresAt: String(item.fields['ExpiresAt'] ?? ''),
    });
  }
  return records;
}

/** Records whose occasion closed before `day` (YYYY-MM-DD). */
export function expiredRecords(records: ReadonlyMap<string, ReminderRecord>, day: string): ReminderRecord[] {
  const before = Date.parse(`${day}T00:00:00Z`);
  return [...records.values()].filter((r) => {
    const at = Date.parse(r.expiresAt);
    return Number.isFinite(at) && at <= before;
  });
}

/** Deletes records, 20 to a $batch; a record already gone is fine, and a failed delete is left for the next run. */
export async function deleteRecords(store: FollowUpStore, records: readonly ReminderRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const items = `${listPath(store.site, 'Leases')}/items`;
  const responses = await graphClientOf(store).batch(records.map((r) => ({ method: 'DELETE' as const, url: `${items}/${r.itemId}` })));
  return responses.filter((r) => (r.status >= 200 && r.status < 300) || r.status === 404).length;
}
