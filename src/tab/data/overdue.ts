// Försenade åtgärder for a manager: overdue actions (the store's rule over every plan) of the people
// who report to them (/me/directReports: the least-privileged call; a refusal is an error shown,
// never "no reports") and of the plans whose organisation they manage.
import type { Plan } from '../../core';
import { daysOverdue } from '../../core';
import type { FollowUpStore, Stored, StoredAction } from '../../store';
import { foundPerson } from '../../store';

export type OverdueReason = 'report' | 'responsible' | 'own';

export interface OverdueRow {
  readonly action: StoredAction;
  readonly plan?: Stored<Plan>;
  readonly ownerUpn?: string;
  readonly ownerName?: string;
  readonly days: number;
  readonly reasons: readonly OverdueReason[];
}

export async function overdueForManager(store: FollowUpStore, me: string, asOf: string): Promise<OverdueRow[]> {
  const [{ actions }, plans, orgs, reports] = await Promise.all([store.overdueActions(asOf), store.listPlans(), store.organisations(), store.myDirectReports()]);
  const self = me.toLowerCase();
  const planById = new Map(plans.map((p) => [p.itemId, p]));
  const managerOfOrg = new Map(orgs.map((o) => [o.code, o.managerUpn?.toLowerCase()]));
  const mine = new Set(reports.map((r) => r.upn.toLowerCase()));
  const shown = actions.filter((a) => a.ownerUpn !== undefined);
  const owners = [...new Set(shown.map((a) => (a.ownerUpn ?? '').toLowerCase()))].filter((upn) => mine.has(upn) || upn === self);
  const found = await store.people({ users: owners });
  const rows: OverdueRow[] = [];
  for (const action of actions) {
    const owner = action.ownerUpn?.toLowerCase();
    const plan = planById.get(action.planItemId);
    const reasons: OverdueReason[] = [];
    if (owner && mine.has(owner)) reasons.push('report');
    if (plan && managerOfOrg.get(plan.organisationCode) === self) reasons.push('responsible');
    if (owner === self) reasons.push('own');
    if (reasons.length === 0) continue;
    const name = owner ? (foundPerson(found.users.get(owner))?.displayName ?? reports.find((r) => r.upn.toLowerCase() === owner)?.displayName) : undefined;
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
