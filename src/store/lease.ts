// One run at a time: a lease is an item of the Körningar list whose unique Key names the job
// (`notify`, `import:RS:2025`). The create that SharePoint lets through holds it; every other run
// gets 409 and reads who holds it and until when. A lease past its expiry (its run died) is taken
// over with If-Match, so of several runs taking it over only one wins. See docs/notify.md, "One run
// at a time".
import { isGraphRequestError } from '../graph';
import type { Stored } from '../lists/mapping';
import type { LeaseRecord } from '../lists/mapping';
import { leaseFields, leaseFromItem } from '../lists/mapping';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import { readItemsBatched } from './read-items';
import { itemsQuery, listPath, odataString } from './site';

export interface Lease {
  readonly key: string;
  readonly holder: string;
  readonly itemId: string;
  readonly eTag: string;
  /** ISO instant. */
  readonly expiresAt: string;
  /** When it was taken or last renewed (ms, wall clock). */
  readonly renewedAt: number;
}

export type LeaseAttempt =
  | { readonly status: 'held'; readonly lease: Lease }
  /** Another run holds it: who and until when, for the Swedish message (`busyText`). */
  | { readonly status: 'busy'; readonly key: string; readonly holder: string; readonly expiresAt: string };

export interface LeaseOptions {
  /** This run's id (default: a random one). */
  readonly holder?: string;
  /** How long the lease lasts unless renewed. */
  readonly ttlMs: number;
  /** Wall clock (ms); expiries are compared across machines, so never a run's simulated clock. */
  readonly now?: () => number;
}

/** Attempts before giving up on a lease that keeps changing under us (released, taken over). */
const ATTEMPTS = 5;

export function newRunId(): string {
  return globalThis.crypto.randomUUID();
}

const itemsOf = (store: FollowUpStore) => `${listPath(store.site, 'Leases')}/items`;

export async function readLease(store: FollowUpStore, key: string): Promise<Stored<LeaseRecord> | undefined> {
  const [items = []] = await readItemsBatched(graphClientOf(store), [itemsQuery(store.site, 'Leases', { filter: `fields/Key eq ${odataString(key)}` })]);
  const [item] = items;
  return item ? leaseFromItem(item) : undefined;
}

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return isGraphRequestError(error) && statuses.includes(error.status);
}

/** Takes the lease if nobody holds it, or its holder let it expire; otherwise says who holds it. */
export async function acquireLease(store: FollowUpStore, key: string, options: LeaseOptions): Promise<LeaseAttempt> {
  const client = graphClientOf(store);
  const now = options.now ?? Date.now;
  const holder = options.holder ?? newRunId();
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const record: LeaseRecord = { key, kind: 'lease', holder, expiresAt: new Date(at + options.ttlMs).toISOString() };
    try {
      const { body, eTag } = await client.post<{ id: string; eTag?: string }>(itemsOf(store), { fields: leaseFields(record) });
      return { status: 'held', lease: { key, holder, itemId: body.id, eTag: eTag ?? body.eTag ?? '', expiresAt: record.expiresAt, renewedAt: at } };
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    const current = await readLease(store, key);
    if (!current) {
      if (attempt < ATTEMPTS) continue; // released in between: try the create again
      throw new Error(`Körningen ${key} kunde inte påbörjas: lånet växlade ägare ${ATTEMPTS} gånger.`);
    }
    // Our own create, sent again after a timeout, or a lease this run already holds.
    if (current.holder === holder) return { status: 'held', lease: { key, holder, itemId: current.itemId, eTag: current.eTag, expiresAt: current.expiresAt, renewedAt: at } };
    if (Date.parse(current.expiresAt) > at) return { status: 'busy', key, holder: current.holder, expiresAt: current.expiresAt };
    try {
      const { eTag } = await client.patch(`${itemsOf(store)}/${current.itemId}/fields`, { Holder: holder, ExpiresAt: record.expiresAt }, { ifMatch: current.eTag });
      return { status: 'held', lease: { key, holder, itemId: current.itemId, eTag: eTag ?? '', expiresAt: record.expiresAt, renewedAt: at } };
    } catch (error) {
      // 412: another run took the expired lease over first; 404: it was released. Look again.
      if (!isStatus(error, 412, 404) || attempt >= ATTEMPTS) throw error;
    }
  }
}

export interface WaitOptions extends LeaseOptions {
  /** How long to wait for another run to finish before giving up. */
  readonly waitMs: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Told once, when the lease is busy and the wait begins. */
  readonly onWait?: (busy: Extract<LeaseAttempt, { status: 'busy' }>) => void;
}

/** Takes the lease, waiting (polling) while another run holds it, up to `waitMs`. */
export async function waitForLease(store: FollowUpStore, key: string, options: WaitOptions): Promise<LeaseAttempt> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const holder = options.holder ?? newRunId();
  const giveUpAt = now() + options.waitMs;
  let told = false;
  for (;;) {
    const attempt = await acquireLease(store, key, { ...options, holder });
    if (attempt.status === 'held' || now() >= giveUpAt) return attempt;
    if (!told) options.onWait?.(attempt);
    told = true;
    // A little jitter, so runs waiting together do not all ask at the same instant.
    await sleep(Math.min((options.pollMs ?? 250) * (0.75 + Math.random() / 2), Math.max(0, giveUpAt - now())));
  }
}

/**
 * Moves the expiry on, with If-Match: a lease someone took over after it expired is not taken back.
 * Returns the renewed lease, or undefined when it was lost (the caller must stop).
 */
export async function renewLease(store: FollowUpStore, lease: Lease, options: LeaseOptions): Promise<Lease | undefined> {
  const at = (options.now ?? Date.now)();
  const expiresAt = new Date(at + options.ttlMs).toISOString();
  try {
    const { eTag } = await graphClientOf(store).patch(`${itemsOf(store)}/${lease.itemId}/fields`, { ExpiresAt: expiresAt }, { ifMatch: lease.eTag });
    return { ...lease, eTag: eTag ?? '', expiresAt, renewedAt: at };
  } catch (error) {
    if (isStatus(error, 412, 404)) return undefined;
    throw error;
  }
}

/** Renews when a third of the lease's time has passed since it was taken or last renewed. */
export async function keepLease(store: FollowUpStore, lease: Lease, options: LeaseOptions): Promise<Lease | undefined> {
  const at = (options.now ?? Date.now)();
  return at - lease.renewedAt < options.ttlMs / 3 ? lease : renewLease(store, lease, options);
}

/** Gives the lease back (deletes it, If-Match). One someone else took over is left to them. */
export async function releaseLease(store: FollowUpStore, lease: Lease): Promise<void> {
  try {
    await graphClientOf(store).delete(`${itemsOf(store)}/${lease.itemId}`, { ifMatch: lease.eTag });
  } catch (error) {
    if (!isStatus(error, 412, 404)) throw error;
  }
}

/** "… pågår redan (körning 1b2c…, lånet gäller till 2026-01-05 07:14 UTC)". */
export function busyText(busy: Extract<LeaseAttempt, { status: 'busy' }>): string {
  const until = busy.expiresAt.replace('T', ' ').slice(0, 16);
  return `körning ${busy.holder.slice(0, 8)}, lånet gäller till ${until} UTC om den inte blir klar före dess`;
}
