// The 2025 fixture (Regionstyrelsen) in an in-process emulator, set up as notify's tests set it up
// (the Målkoll app in the catalog and installed for the plan's people, the job signed in as the
// manifest's Entra app), with two reporters whose every goal, styrtal and uppdrag in the annual
// period is marked klar; and helpers to lock a period, archive the plan and read what was sent.
//
// The annual period's deadline is 2026-01-31. Reporters not done: anders, eva, johan, lars, maria,
// per and sara; done: ingrid and mikael. Managers of the ones not done: anders, eva, johan, maria
// and per → karin; sara → per; lars → eva.
import { fixture } from '../../store/harness';
import type { FollowUpEntry, PlanDocument, SubjectKind } from '../../../src/core';
import { planKey } from '../../../src/core';
import { remindSettings } from '../../../src/jobs/remind';
import type { RemindSettings } from '../../../src/jobs/remind';
import { followUpFields } from '../../../src/lists/mapping';
import type { FollowUpStore, LoadedPlan } from '../../../src/store';
import { entryOf, graphClientOf } from '../../../src/store';
import type { NotifyHarness, NotifyHarnessOptions, RecordedNotification } from '../notify/notify-harness';
import { APP_ID, startNotifyHarness } from '../notify/notify-harness';

export { APP_ID, parseDeepLink, parameters } from '../notify/notify-harness';
export type { RecordedNotification } from '../notify/notify-harness';

export const PLAN = 'RS:2025';
export const PERIOD = '2025-annual';
export const DEADLINE = '2026-01-31';
export const SETTINGS: RemindSettings = remindSettings({}, { teamsAppId: APP_ID });

const at = (name: string): string => `${name}@region.example`;
export const DONE = [at('ingrid.sjoberg'), at('mikael.bjork')];
export const NOT_DONE = ['anders.nyberg', 'eva.sandberg', 'johan.ekstrom', 'lars.bergstrom', 'maria.holm', 'per.akesson', 'sara.lundgren'].map(at);
export const MANAGERS = ['eva.sandberg', 'karin.lindqvist', 'per.akesson'].map(at);

export interface RemindHarness extends NotifyHarness {
  plan(): Promise<LoadedPlan>;
  /** Locks (or unlocks) the plan's own row for the period, as the controller's lock would. */
  lock(periodKey: string, locked: boolean): Promise<void>;
  setPlanStatus(status: 'adopted' | 'archived' | 'draft'): Promise<void>;
  /** Notifications recorded so far, counted per recipient (lower case). */
  perRecipient(): Promise<Map<string, number>>;
}

/** Marks every goal, styrtal and uppdrag the person owns klar in the period, writing what is missing. */
export async function markAllDone(store: FollowUpStore, plan: LoadedPlan, ownerUpn: string, periodKey: string): Promise<void> {
  const client = graphClientOf(store);
  const items = `/sites/${store.site.siteId}/lists/${store.site.listIds.FollowUps}/items`;
  const mine = (o: string | undefined) => o?.toLowerCase() === ownerUpn.toLowerCase();
  const things: Array<{ kind: SubjectKind; ref: string; itemId: string }> = [
    ...plan.goals.filter((g) => mine(g.ownerUpn)).map((g) => ({ kind: 'goal' as const, ref: g.ref, itemId: g.itemId })),
    ...plan.indicators.filter((i) => mine(i.ownerUpn)).map((i) => ({ kind: 'indicator' as const, ref: i.ref, itemId: i.itemId })),
    ...plan.assignments.filter((a) => mine(a.ownerUpn)).map((a) => ({ kind: 'assignment' as const, ref: a.ref, itemId: a.itemId })),
  ];
  for (const t of things) {
    const entry = entryOf(plan, t.kind, t.ref, periodKey);
    const round = { State: 'done', StateByUpn: ownerUpn, StateAt: '2026-01-20T10:00:00Z' };
    if (entry) await client.patch(`${items}/${entry.itemId}/fields`, round);
    else {
      const created: FollowUpEntry = { subjectKind: t.kind, subjectRef: t.ref, periodKey, comment: 'Klart.', reportedByUpn: ownerUpn, state: 'done' };
      await client.post(items, { fields: { ...followUpFields(created, { planItemId: plan.planItemId, subjectItemId: t.itemId }), ...round } });
    }
  }
}

export async function startRemindHarness(doc: PlanDocument = fixture('rs-2025.json'), options: NotifyHarnessOptions = {}): Promise<RemindHarness> {
  const n = await startNotifyHarness(doc, options);
  const key = planKey(doc.organisation.code, doc.year);
  const plan = () => n.store.loadPlan(key);
  for (const upn of DONE) await markAllDone(n.store, await plan(), upn, PERIOD);
  const list = (name: 'PlanPeriods' | 'Plans') => `/sites/${n.store.site.siteId}/lists/${n.store.site.listIds[name] ?? ''}/items`;
  return {
    ...n,
    plan,
    async lock(periodKey, locked) {
      const loaded = await plan();
      const row = loaded.planPeriods.find((p) => p.periodKey === periodKey);
      if (row) await n.client.patch(`${list('PlanPeriods')}/${row.itemId}/fields`, { Locked: locked });
      else throw new Error(`No schedule row for ${periodKey} in ${key}`);
    },
    async setPlanStatus(status) {
      const loaded = await plan();
      await n.client.patch(`${list('Plans')}/${loaded.planItemId}/fields`, { Status: status });
    },
    async perRecipient() {
      return counts(await n.activity());
    },
  };
}

export function counts(list: readonly RecordedNotification[]): Map<string, number> {
  const byUpn = new Map<string, number>();
  for (const a of list) byUpn.set(a.recipientUpn.toLowerCase(), (byUpn.get(a.recipientUpn.toLowerCase()) ?? 0) + 1);
  return byUpn;
}

/** Each of `upns` exactly `times`, nobody else. */
export function each(upns: readonly string[], times: number): Map<string, number> {
  return new Map([...upns].sort().map((u) => [u, times]));
}

export function sorted(map: ReadonlyMap<string, number>): Map<string, number> {
  return new Map([...map].sort((a, b) => a[0].localeCompare(b[0])));
}
