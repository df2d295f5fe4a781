// Försenade åtgärder for a manager: overdue actions (one indexed query over every plan) of the people
// who report to them (Graph's manager relation, batched) and of the plans whose organisation they
// manage.
import type { Organisation, Plan } from '../../core';
import { daysOverdue } from '../../core';
import type { ListItem, Stored } from '../../lists';
import { organisationFromItem } from '../../lists';
import type { FollowUpStore, StoredAction } from '../../store';

export type OverdueReason = 'report' | 'responsible' | 'own';

export interface OverdueRow {
  readonly action: StoredAction;
  readonly plan?: Stored<Plan>;
  readonly ownerUpn?: string;
  readonly ownerName?: string;
  readonly days: number;
  readonly reasons: readonly OverdueReason[];
}

interface GraphItem {
  readonly id: string;
  readonly eTag?: string;
  readonly fields?: Record<string, unknown>;
}

interface GraphUser {
  readonly userPrincipalName?: string;
  readonly displayName?: string;
}

async function organisations(store: FollowUpStore): Promise<Array<Stored<Organisation>>> {
  const items: ListItem[] = [];
  for await (const item of store.client.items<GraphItem>(`/sites/${store.site.siteId}/lists/${store.site.listIds.Organisations}/items?$expand=fields&$top=5000`)) {
    items.push({ id: item.id, eTag: item.eTag ?? '', fields: item.fields ?? {} });
  }
  const codeOf = new Map(items.map((i) => [i.id, String(i.fields.Code ?? '')]));
  return items.map((i) => organisationFromItem(i, (id) => codeOf.get(id)));
}

/** Each owner's manager and display name, in $batch round trips of 20; no manager is no entry. */
async function managersOf(store: FollowUpStore, upns: readonly string[]): Promise<Map<string, { manager?: string; name?: string }>> {
  const result = new Map<string, { manager?: string; name?: string }>();
  if (upns.length === 0) return result;
  const requests = upns.flatMap((upn) => [
    { method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}/manager` },
    { method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}?$select=displayName,userPrincipalName` },
  ]);
  const responses = await store.client.batch(requests);
  upns.forEach((upn, i) => {
    const manager = responses[i * 2];
    const user = responses[i * 2 + 1];
    const managerUpn = manager && manager.status < 300 ? (manager.body as GraphUser).userPrincipalName : undefined;
    const name = user && user.status < 300 ? (user.body as GraphUser).displayName : undefined;
    result.set(upn.toLowerCase(), { ...(managerUpn ? { manager: managerUpn.toLowerCase() } : {}), ...(name ? { name } : {}) });
  });
  return result;
}

export async function overdueForManager(store: FollowUpStore, me: string, asOf: string): Promise<OverdueRow[]> {
  const [actions, plans, orgs] = await Promise.all([store.overdueActions(asOf), store.listPlans(), organisations(store)]);
  const self = me.toLowerCase();
  const planById = new Map(plans.map((p) => [p.itemId, p]));
  const managerOfOrg = new Map(orgs.map((o) => [o.code, o.managerUpn?.toLowerCase()]));
  const owners = [...new Set(actions.map((a) => a.ownerUpn?.toLowerCase()).filter((u): u is string => Boolean(u)))];
  const people = await managersOf(store, owners);
  const rows: OverdueRow[] = [];
  for (const action of actions) {
    const owner = action.ownerUpn?.toLowerCase();
    const plan = planById.get(action.planItemId);
    const reasons: OverdueReason[] = [];
    if (owner && people.get(owner)?.manager === self) reasons.push('report');
    if (plan && managerOfOrg.get(plan.organisationCode) === self) reasons.push('responsible');
    if (owner === self) reasons.push('own');
    if (reasons.length === 0) continue;
    const name = owner ? people.get(owner)?.name : undefined;
    rows.push({
      action,
      ...(plan ? { plan } : {}),
      ...(action.ownerUpn ? { ownerUpn: action.ownerUpn } : {}),
      ...(name ? { ownerName: name } : {}),
      days: action.dueDate ? daysOverdue(action.dueDate, asOf) : 0,
      reasons,
    });
  }
  return rows.sort((a, b) => b.days - a.days || a.action.title.localeCompare(b.action.title, 'sv'));
}
