// From overdue actions to this run's notifications: who is owed what, one notification per
// recipient (all their actions together, owner or manager), unresolved people and skipped actions
// kept for the report, and the order to send in.
import type { PlanContext } from '../../store';
import type { Directory, Person } from './directory';
import type { DueAction, OverdueItem, OverdueKind } from './due';
import type { ActivityNotificationBody, NotifiedItem, Role } from './message';
import { notificationBody } from './message';

export interface ActionRef {
  /** Set for an uppdrag; an åtgärd has none. */
  readonly kind?: Exclude<OverdueKind, 'action'>;
  readonly itemId: string;
  readonly title: string;
  readonly days: number;
  readonly ownerUpn?: string;
  /** The owner as people know them (the directory's display name). */
  readonly ownerName?: string;
  /** `ORG:YEAR` */
  readonly planKey?: string;
}

export interface PlannedNotification {
  readonly recipient: Person;
  /** Most overdue first. */
  readonly items: readonly NotifiedItem[];
  readonly body: ActivityNotificationBody;
}

export interface UnresolvedPerson {
  readonly role: Role;
  /** The owner whose account, or whose manager, could not be found. */
  readonly ownerUpn?: string;
  readonly problem: string;
  readonly actions: readonly ActionRef[];
}

export interface SkippedAction extends ActionRef {
  readonly reason: string;
}

export interface Composition {
  /** In send order: an action's owner before its manager. */
  readonly notifications: readonly PlannedNotification[];
  readonly unresolved: readonly UnresolvedPerson[];
  readonly skipped: readonly SkippedAction[];
}

export function actionRef(action: OverdueItem, days: number, plans: ReadonlyMap<string, PlanContext>, ownerName?: string, kind: OverdueKind = 'action'): ActionRef {
  const planKey = plans.get(action.planItemId)?.key;
  return { ...(kind === 'assignment' ? { kind } : {}), itemId: action.itemId, title: action.title, days, ...(action.ownerUpn ? { ownerUpn: action.ownerUpn } : {}), ...(ownerName ? { ownerName } : {}), ...(planKey ? { planKey } : {}) };
}

const byMostOverdue = (a: NotifiedItem, b: NotifiedItem): number => b.due.days - a.due.days || a.due.action.title.localeCompare(b.due.action.title, 'sv') || Number(a.due.action.itemId) - Number(b.due.action.itemId);

export function compose(dues: readonly DueAction[], directory: Directory, plans: ReadonlyMap<string, PlanContext>, asOf: string, teamsAppId: string): Composition {
  const byRecipient = new Map<string, { person: Person; items: NotifiedItem[] }>();
  const unresolved = new Map<string, { role: Role; ownerUpn?: string; problem: string; actions: ActionRef[] }>();
  const skipped: SkippedAction[] = [];
  // owner → managers who must be sent to after them (see sendOrder).
  const after = new Map<string, Set<string>>();

  const add = (person: Person, item: NotifiedItem): void => {
    const k = person.upn.toLowerCase();
    const entry = byRecipient.get(k) ?? { person, items: [] };
    entry.items.push(item);
    byRecipient.set(k, entry);
  };
  const report = (role: Role, due: DueAction, problem: string): void => {
    const ownerUpn = due.action.ownerUpn;
    const k = `${role}|${(ownerUpn ?? '').toLowerCase()}|${problem}`;
    const entry = unresolved.get(k) ?? { role, ...(ownerUpn ? { ownerUpn } : {}), problem, actions: [] };
    entry.actions.push(actionRef(due.action, due.days, plans, undefined, due.kind));
    unresolved.set(k, entry);
  };

  for (const due of dues) {
    if (!due.ownerDue && !due.managerDue) {
      skipped.push({ ...actionRef(due.action, due.days, plans, undefined, due.kind), reason: `Aviserad ${due.action.notifiedOn ?? ''} (nivå ${due.action.notifiedLevel ?? 0}); påminns tidigast efter påminnelseintervallet.` });
      continue;
    }
    const owner = directory.owner(due.action.ownerUpn);
    if (due.ownerDue) {
      if ('person' in owner) add(owner.person, { due, role: 'owner' });
      else report('owner', due, owner.problem);
    }
    if (due.managerDue) {
      const manager = directory.manager(due.action.ownerUpn, plans.get(due.action.planItemId)?.organisation.managerUpn);
      if ('person' in manager) {
        add(manager.person, { due, role: 'manager', ...('person' in owner ? { ownerName: owner.person.displayName } : {}) });
        if (due.ownerDue && 'person' in owner) {
          const k = owner.person.upn.toLowerCase();
          after.set(k, (after.get(k) ?? new Set()).add(manager.person.upn.toLowerCase()));
        }
      } else {
        report('manager', due, manager.problem);
      }
    }
  }

  const notifications = sendOrder([...byRecipient.keys()], after).map((k) => {
    const { person, items } = byRecipient.get(k) as { person: Person; items: NotifiedItem[] };
    const sorted = [...items].sort(byMostOverdue);
    return { recipient: person, items: sorted, body: notificationBody(sorted, person.upn, asOf, teamsAppId, (id) => plans.get(id)?.key) };
  });
  return { notifications, unresolved: [...unresolved.values()], skipped };
}

/**
 * Recipients ordered so that an action's owner comes before its manager (Kahn's algorithm, by
 * name among equals). The record after the owner's send says "manager still owed", so a run that
 * stops in between resends nothing to the owner. Reporting lines have no cycles; if the
 * organisation fallback ever makes one, the rest follow by name.
 */
export function sendOrder(recipients: readonly string[], after: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const waiting = new Map(recipients.map((r) => [r, 0]));
  for (const [owner, managers] of after) for (const m of managers) if (m !== owner && waiting.has(m) && waiting.has(owner)) waiting.set(m, (waiting.get(m) ?? 0) + 1);
  const order: string[] = [];
  const ready = (): string[] => [...waiting].filter(([, n]) => n === 0).map(([r]) => r).sort();
  for (let next = ready(); waiting.size > 0; next = ready()) {
    if (next.length === 0) {
      order.push(...[...waiting.keys()].sort());
      break;
    }
    for (const r of next) {
      waiting.delete(r);
      order.push(r);
      for (const m of after.get(r) ?? []) if (waiting.has(m)) waiting.set(m, (waiting.get(m) ?? 1) - 1);
    }
  }
  return order;
}
