// The owners' delegates (Ombud): whom an owner lets report for them. Read by the write API when
// someone reports on a thing they do not own; written by the API for the owner.
import { sameUpn } from '../core';
import { isGraphRequestError } from '../graph';
import { readText } from '../lists/fields';
import { delegationKey } from '../lists/schema';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import { readItems } from './read-items';
import { itemsQuery, listPath, odataString } from './site';

export interface Delegation {
  readonly ownerUpn: string;
  readonly delegateUpn: string;
}

async function delegations(store: FollowUpStore, column: 'OwnerUpn' | 'DelegateUpn', upn: string): Promise<Array<Delegation & { itemId: string }>> {
  const items = await readItems(graphClientOf(store), itemsQuery(store.site, 'Delegates', { filter: `fields/${column} eq ${odataString(upn.trim())}` }));
  return items
    .map((item) => ({ itemId: item.id, ownerUpn: readText(item.fields, 'OwnerUpn') ?? '', delegateUpn: readText(item.fields, 'DelegateUpn') ?? '' }))
    .filter((d) => d.ownerUpn !== '' && d.delegateUpn !== '');
}

/** The UPNs `ownerUpn` has named as delegates. */
export async function delegatesOf(store: FollowUpStore, ownerUpn: string): Promise<string[]> {
  return (await delegations(store, 'OwnerUpn', ownerUpn)).map((d) => d.delegateUpn);
}

/** The owners who have named `delegateUpn`. */
export async function ownersDelegatingTo(store: FollowUpStore, delegateUpn: string): Promise<string[]> {
  return (await delegations(store, 'DelegateUpn', delegateUpn)).map((d) => d.ownerUpn);
}

/** Idempotent: naming someone already named changes nothing. */
export async function addDelegate(store: FollowUpStore, ownerUpn: string, delegateUpn: string): Promise<void> {
  if (sameUpn(ownerUpn, delegateUpn)) return;
  const fields = { Title: `${ownerUpn} → ${delegateUpn}`, Key: delegationKey(ownerUpn, delegateUpn), OwnerUpn: ownerUpn.trim(), DelegateUpn: delegateUpn.trim() };
  try {
    await graphClientOf(store).post(`${listPath(store.site, 'Delegates')}/items`, { fields });
  } catch (error) {
    // The unique Key: the same delegation made twice (or a create retried after a 504).
    if (isGraphRequestError(error) && (error.status === 409 || error.status === 400) && /unique|duplicate|dubblett|already/i.test(error.message)) return;
    throw error;
  }
}

export async function removeDelegate(store: FollowUpStore, ownerUpn: string, delegateUpn: string): Promise<boolean> {
  const found = (await delegations(store, 'OwnerUpn', ownerUpn)).filter((d) => sameUpn(d.delegateUpn, delegateUpn));
  for (const d of found) await graphClientOf(store).delete(`${listPath(store.site, 'Delegates')}/items/${d.itemId}`);
  return found.length > 0;
}
