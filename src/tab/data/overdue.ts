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
  const rows: Array<Omit<OverdueRow, 'ownerName'>> = [];
  for (const action of actions) {
    const owner = action.ownerUpn?.toLowerCase();
    const plan = planById.get(action.planItemId);
    const reasons: OverdueReason[] = [];
    if (owner && mine.has(owner)) reasons.push('report');
    if (plan && managerOfOrg.get(plan.organisationCode) === self) reasons.push('responsible');
    if (owner === self) reasons.push('own');
    if (reasons.length === 0) continue;
    rows.push({
      action,
      ...(plan ? { plan } : {}),
      ...(action.ownerUpn ? { ownerUpn: action.ownerUpn } : {}),
      days: action.dueDate ? daysOverdue(action.dueDate, asOf) : 0,
      reasons,
    });
  }
  // People by name: one batched lookup for the owners shown.
  const found = await store.people({ users: [...new Set(rows.flatMap((r) => (r.ownerUpn ? [r.ownerUpn] : [])))] });
  const named = rows.map((row): OverdueRow => {
    const name = row.ownerUpn ? foundPerson(found.users.get(row.ownerUpn.toLowerCase()))?.displayName : undefined;
    return { ...row, ...(name ? { ownerName: name } : {}) };
  });
  return named.sort((a, b) => b.days - a.days || a.action.title.localeCompare(b.action.title, 'sv'));
}
