// Locking and unlocking a plan's period (issue 13 item 2): the lock is the plan's own row in
// Planperioder, with who locked it and when. Locking is refused while items of the period are not
// approved, naming them, unless forced. A locked period is read-only through the rules
// (applyEdit, the round's writes), so every surface refuses writes to it.
import type { PlanPeriod, RoundItem } from '../core';
import { periodLabel, roundItemName, roundItems } from '../core';
import { isConflict, isGraphRequestError } from '../graph';
import type { Stored } from '../lists/mapping';
import { planPeriodFields, planPeriodFromItem } from '../lists/mapping';
import { planPeriodKey } from '../lists/schema';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { LoadedPlan } from './loaded-plan';
import { readItems, toListItem } from './read-items';
import { hasList, itemsQuery, listPath, odataString } from './site';

export interface LockOptions {
  readonly byUpn: string;
  /** Lock even though items are not approved. */
  readonly force?: boolean;
}

export interface LockRefusal {
  readonly code: 'unknown-period' | 'not-approved' | 'no-schedule-list';
  readonly message: string;
  /** The items not approved, for `not-approved`. */
  readonly items?: readonly RoundItem[];
}

export type LockResult =
  | { readonly status: 'saved'; readonly saved: Stored<PlanPeriod>; /** Not approved, locked anyway (forced). */ readonly notApproved: readonly RoundItem[] }
  /** Already as asked: nothing was written. */
  | { readonly status: 'unchanged' }
  /** Someone changed the plan's row for the period since the plan was loaded: nothing written. */
  | { readonly status: 'conflict'; readonly server: Stored<PlanPeriod> }
  | { readonly status: 'refused'; readonly refusal: LockRefusal };

/** How many items a refusal names before it says how many more there are. */
const NAMED_IN_MESSAGE = 10;

export function notApprovedMessage(periodKey: string, items: readonly RoundItem[]): string {
  const named = items.slice(0, NAMED_IN_MESSAGE).map(roundItemName);
  const more = items.length > NAMED_IN_MESSAGE ? `; och ${items.length - NAMED_IN_MESSAGE} till` : '';
  const count = items.length === 1 ? '1 post är' : `${items.length} poster är`;
  return `${periodLabel(periodKey)} låstes inte: ${count} inte godkända: ${named.join('; ')}${more}. Godkänn dem först, eller lås ändå.`;
}

function clockOf(store: FollowUpStore): Date {
  return store['clock']();
}

/** Writes the plan's own row for the period: changes its lock columns, or creates it with the lock alone. */
async function writeLock(store: FollowUpStore, plan: LoadedPlan, periodKey: string, lock: Pick<PlanPeriod, 'locked' | 'lockedByUpn' | 'lockedAt'>): Promise<LockResult> {
  const client = graphClientOf(store);
  const items = `${listPath(store.site, 'PlanPeriods')}/items`;
  const own = plan.planPeriods.find((p) => p.periodKey === periodKey);
  const fields = planPeriodFields({ periodKey, ...lock }, plan.planItemId);
  const lockFields = { Locked: fields.Locked ?? null, LockedByUpn: fields.LockedByUpn ?? null, LockedAt: fields.LockedAt ?? null };
  try {
    if (own) {
      const written = await client.patch<Record<string, unknown>>(`${items}/${own.itemId}/fields`, lockFields, { ifMatch: own.eTag });
      const eTag = written.eTag ?? (typeof written.body['@odata.etag'] === 'string' ? written.body['@odata.etag'] : '');
      return { status: 'saved', saved: planPeriodFromItem({ id: own.itemId, eTag, fields: written.body }), notApproved: [] };
    }
    // A row of its own without a deadline: the shared period's deadline still shows through.
    const { Deadline: _deadline, ...created } = fields;
    const { body } = await client.post<{ id: string; eTag?: string; fields?: Record<string, unknown> }>(items, { fields: created });
    return { status: 'saved', saved: planPeriodFromItem(toListItem(body)), notApproved: [] };
  } catch (error) {
    const clash = !own && isGraphRequestError(error) && (error.status === 409 || (error.status === 400 && /unique|duplicate|dubblett/i.test(error.message)));
    if (!isConflict(error) && !clash) throw error;
    // Someone locked, unlocked or scheduled it since the plan was loaded: theirs is shown, not overwritten.
    const key = planPeriodKey(plan.planItemId, periodKey);
    const [server] = await readItems(client, itemsQuery(store.site, 'PlanPeriods', { filter: `fields/Key eq ${odataString(key)}` }));
    if (!server) throw error;
    return { status: 'conflict', server: planPeriodFromItem(server) };
  }
}

function scheduleListMissing(): LockResult {
  return { status: 'refused', refusal: { code: 'no-schedule-list', message: 'Listan Planperioder saknas på webbplatsen. Kör malkoll provision först.' } };
}

/**
 * Locks the plan's period, recording who and when (the store's clock). Refused, naming them, while
 * items of the period are not approved, unless `force`; a period already locked is left as it is.
 */
export async function lockPeriod(store: FollowUpStore, plan: LoadedPlan, periodKey: string, options: LockOptions): Promise<LockResult> {
  const period = plan.periods.find((p) => p.key === periodKey);
  if (!period) return { status: 'refused', refusal: { code: 'unknown-period', message: `Perioden ${periodKey} hör inte till planen ${plan.plan.title}.` } };
  if (!hasList(store.site, 'PlanPeriods')) return scheduleListMissing();
  if (period.locked) return { status: 'unchanged' };
  const notApproved = roundItems(plan, periodKey).filter((i) => i.state !== 'approved');
  if (notApproved.length > 0 && !options.force) {
    return { status: 'refused', refusal: { code: 'not-approved', message: notApprovedMessage(periodKey, notApproved), items: notApproved } };
  }
  const written = await writeLock(store, plan, periodKey, { locked: true, lockedByUpn: options.byUpn, lockedAt: clockOf(store).toISOString() });
  return written.status === 'saved' ? { ...written, notApproved } : written;
}

/**
 * Opens the plan's period again. The plan's own row says unlocked, which also overrides a lock on
 * the shared period (older data) for this plan alone; who locked it is cleared (versions keep it).
 */
export async function unlockPeriod(store: FollowUpStore, plan: LoadedPlan, periodKey: string): Promise<LockResult> {
  const period = plan.periods.find((p) => p.key === periodKey);
  if (!period) return { status: 'refused', refusal: { code: 'unknown-period', message: `Perioden ${periodKey} hör inte till planen ${plan.plan.title}.` } };
  if (!hasList(store.site, 'PlanPeriods')) return scheduleListMissing();
  if (!period.locked) return { status: 'unchanged' };
  return writeLock(store, plan, periodKey, { locked: false });
}
