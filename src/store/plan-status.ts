// Adopting and archiving a plan (utkast → fastställd → arkiverad) by the core rules, recorded with
// who and when, written with If-Match. Who may (a controller) is the write API's check: the
// actor's UPN is an argument here.
import type { Plan, PlanStatusChange, PlanStatusRefusal } from '../core';
import { changePlanStatus } from '../core';
import { isConflict } from '../graph';
import type { Stored } from '../lists/mapping';
import { planFromItem } from '../lists/mapping';
import { writeDateTime } from '../lists/fields';
import type { FollowUpStore } from './follow-up-store';
import { PlanNotFoundError, graphClientOf } from './follow-up-store';
import { readItems, toListItem } from './read-items';
import { itemsQuery, listPath, odataString } from './site';

export type PlanStatusResult =
  | { readonly status: 'saved'; readonly saved: Stored<Plan> }
  /** Someone else changed the plan since `eTag`: nothing was written; the server's version is here. */
  | { readonly status: 'conflict'; readonly server: Stored<Plan> }
  | { readonly status: 'refused'; readonly refusal: PlanStatusRefusal };

export interface PlanStatusRequest {
  /** `ORG:YEAR`. */
  readonly planKey: string;
  readonly change: PlanStatusChange;
  /** The version the user started from; the plan as read now when absent (the command line). */
  readonly eTag?: string | undefined;
}

/** Adopts or archives the plan as `actorUpn`; throws PlanNotFoundError for a plan that does not exist. */
export async function changeStatusOfPlan(store: FollowUpStore, request: PlanStatusRequest, actorUpn: string, now: Date = new Date()): Promise<PlanStatusResult> {
  const client = graphClientOf(store);
  const [item] = await readItems(client, itemsQuery(store.site, 'Plans', { filter: `fields/Key eq ${odataString(request.planKey)}` }));
  if (!item) throw new PlanNotFoundError(request.planKey);
  const current = planFromItem(item);
  const eTag = request.eTag ?? current.eTag;
  if (eTag !== current.eTag) return { status: 'conflict', server: current };
  const changed = changePlanStatus(current, request.change, { upn: actorUpn, at: now });
  if (!changed.ok) return { status: 'refused', refusal: changed.refusal };
  const { fields } = changed;
  const write =
    fields.status === 'adopted'
      ? { Status: fields.status, AdoptedByUpn: fields.adoptedByUpn ?? null, AdoptedAt: writeDateTime(fields.adoptedAt) }
      : { Status: fields.status, ArchivedByUpn: fields.archivedByUpn ?? null, ArchivedAt: writeDateTime(fields.archivedAt) };
  const path = `${listPath(store.site, 'Plans')}/items/${item.id}`;
  try {
    const written = await client.patch<Record<string, unknown>>(`${path}/fields`, write, { ifMatch: eTag });
    const body = written.body;
    return { status: 'saved', saved: planFromItem({ id: item.id, eTag: written.eTag ?? String(body['@odata.etag'] ?? ''), fields: body }) };
  } catch (error) {
    if (!isConflict(error)) throw error;
    return { status: 'conflict', server: planFromItem(toListItem(await client.get(`${path}?$expand=fields`))) };
  }
}
