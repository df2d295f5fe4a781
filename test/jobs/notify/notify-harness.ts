// The 2025 fixture in an in-process emulator, with some of its actions reopened, and readers for
// what the emulator recorded (GET /_dev/activity).
import type { ActionDoc, PlanDocument } from '../../../src/core';
import type { GraphClient } from '../../../src/graph';
import { notifySettings } from '../../../src/jobs/notify';
import type { NotifySettings } from '../../../src/jobs/notify';
import type { FollowUpStore, OverdueAction } from '../../../src/store';
import { importPlan } from '../../../src/store';
import type { Harness } from '../../store/harness';
import { fixture, registerPeople, startHarness } from '../../store/harness';

export const APP_ID = '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f';
export const SETTINGS: NotifySettings = notifySettings({}, { teamsAppId: APP_ID });

/**
 * The 2025 report has every action done (it is the year-end report). These are reopened as if
 * still under way, due 2025-12-31 like every action of the plan. Managers in the fixture:
 * maria, anders, per → karin; sara → per; lars → eva; karin has none.
 */
export const REOPENED: Readonly<Record<string, string>> = {
  'r2-a1': 'maria.holm@region.example',
  'r3-a1': 'maria.holm@region.example',
  'r5-a1': 'anders.nyberg@region.example',
  'r14-a1': 'per.akesson@region.example',
  'r16-a1': 'sara.lundgren@region.example',
  'r17-a1': 'lars.bergstrom@region.example',
};

export function reopened2025(owners: Readonly<Record<string, string>> = {}): PlanDocument {
  const doc = fixture('rs-2025.json');
  const reopen = (a: ActionDoc): ActionDoc => {
    if (owners[a.ref] !== undefined) return { ...a, ownerUpn: owners[a.ref] ?? '', status: 'in-progress' };
    return REOPENED[a.ref] !== undefined ? { ...a, status: 'in-progress' } : a;
  };
  const reopenedRefs = new Set([...Object.keys(REOPENED), ...Object.keys(owners)]);
  // The year-end report says done too: reopened, it reports them as under way (the status rule
  // reads the latest report first).
  const followUps = (doc.followUps ?? []).map((f) => (reopenedRefs.has(f.subject) && f.status !== undefined ? { ...f, status: 'in-progress' as const } : f));
  return { ...doc, followUps, risks: (doc.risks ?? []).map((r) => ({ ...r, actions: (r.actions ?? []).map(reopen) })) };
}

export interface NotifyHarness {
  readonly h: Harness;
  readonly client: GraphClient;
  readonly store: FollowUpStore;
  /** Actions by ref (r2-a1 …), as stored now. */
  actions(asOf: string): Promise<Map<string, OverdueAction>>;
  activity(): Promise<RecordedNotification[]>;
  close(): Promise<void>;
}

export interface RecordedNotification {
  readonly id: string;
  readonly recipientUpn: string;
  readonly activityType: string;
  readonly chainId: string | null;
  readonly body: {
    readonly topic: { readonly source: string; readonly value: string; readonly webUrl: string };
    readonly activityType: string;
    readonly previewText: { readonly content: string };
    readonly templateParameters: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  };
}

export async function startNotifyHarness(doc: PlanDocument = reopened2025(), options: { client?: Parameters<Harness['client']>[0] } = {}): Promise<NotifyHarness> {
  const h = await startHarness();
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
  // Generous attempts: the throttling test answers 30 % of all requests with 429.
  const client = h.client({ retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 50 }, ...options.client });
  const store = await h.store(client);
  return {
    h,
    client,
    store,
    async actions(asOf) {
      const { actions } = await store.overdueActions(asOf);
      return new Map(actions.map((a) => [a.ref, a]));
    },
    async activity() {
      const response = await fetch(`${h.emulator.url}/_dev/activity`);
      const json = (await response.json()) as { value: RecordedNotification[] };
      // Newest first from the emulator; oldest first reads better in tests.
      return [...json.value].reverse();
    },
    close: () => h.close(),
  };
}

/** `subEntityId` of a Teams entity deep link, and its entity id. */
export function parseDeepLink(webUrl: string): { appId: string; entityId: string; subEntityId?: string } {
  const url = new URL(webUrl);
  const match = /^\/l\/entity\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (url.origin !== 'https://teams.microsoft.com' || !match) throw new Error(`Not a Teams entity link: ${webUrl}`);
  const context = url.searchParams.get('context');
  const sub = context ? (JSON.parse(context) as { subEntityId?: string }).subEntityId : undefined;
  return { appId: decodeURIComponent(match[1] ?? ''), entityId: decodeURIComponent(match[2] ?? ''), ...(sub !== undefined ? { subEntityId: sub } : {}) };
}

export function parameters(n: RecordedNotification): Record<string, string> {
  return Object.fromEntries(n.body.templateParameters.map((p) => [p.name, p.value]));
}
