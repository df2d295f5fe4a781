// The 2025 fixture in an in-process emulator, with some of its actions reopened, the Målkoll app
// set up as in a tenant (its Teams app in the catalog, installed for the plan's people unless a
// test says otherwise; the job signed in as the manifest's Entra app), and readers for what the
// emulator recorded (GET /_dev/activity, /_dev/installations).
import path from 'node:path';
import { localTeamsManifest } from '../../../src/cli/app-manifests';
import { installForPeople, registerMalkollApp } from '../../../src/cli/local-seed';
import type { ActionDoc, PlanDocument } from '../../../src/core';
import type { GraphClient } from '../../../src/graph';
import { notifySettings } from '../../../src/jobs/notify';
import type { NotifySettings } from '../../../src/jobs/notify';
import type { FollowUpStore, OverdueAction } from '../../../src/store';
import { importPlan } from '../../../src/store';
import type { Harness } from '../../store/harness';
import { fixture, registerPeople, startHarness } from '../../store/harness';

/** The Teams app's id in the organisation's catalog: the deep links' app id, what installs bind to. */
export const APP_ID = '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f';
export const MANIFEST = localTeamsManifest(path.resolve(__dirname, '..', '..', '..'));
/** The Entra app the job signs in as: the manifest's webApplicationInfo.id. */
export const JOB_APP = MANIFEST.webApplicationInfo?.id ?? '';
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
  /** The job's client: signed in as the Målkoll app. */
  readonly client: GraphClient;
  readonly store: FollowUpStore;
  /** A fresh token of the Målkoll app (for the timer handler and the command line). */
  jobToken(): string;
  /** Actions by ref (r2-a1 …), as stored now. */
  actions(asOf: string): Promise<Map<string, OverdueAction>>;
  activity(): Promise<RecordedNotification[]>;
  /** UPNs (lower case) the Teams app is installed for, sorted. */
  installed(): Promise<string[]>;
  close(): Promise<void>;
}

export interface NotifyHarnessOptions {
  client?: Parameters<Harness['client']>[0];
  /** Whom the Teams app is installed for at the start (default: everyone in the document). */
  installedFor?: readonly string[];
  /** The Målkoll app's application permissions (default: the job's, JOB_APP_ROLES). */
  jobRoles?: readonly string[];
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

export async function startNotifyHarness(doc: PlanDocument = reopened2025(), options: NotifyHarnessOptions = {}): Promise<NotifyHarness> {
  const h = await startHarness();
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
  await registerMalkollApp(h.emulator, h.client(), MANIFEST, { catalogId: APP_ID });
  if (options.jobRoles) h.emulator.registerApp({ appId: JOB_APP, displayName: 'Målkoll', roles: options.jobRoles });
  if (options.installedFor) for (const upn of options.installedFor) h.emulator.installTeamsApp(upn, APP_ID);
  else installForPeople(h.emulator, [doc], APP_ID);
  const jobToken = (): string => h.emulator.issueToken({ app: true, appId: JOB_APP }).access_token;
  const token = jobToken();
  // Generous attempts: the throttling test answers 30 % of all requests with 429.
  const client = h.client({ retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 50 }, tokenSource: { getToken: () => Promise.resolve(token) }, ...options.client });
  const store = await h.store(client);
  return {
    h,
    client,
    store,
    jobToken,
    async installed() {
      const response = await fetch(`${h.emulator.url}/_dev/installations`);
      const json = (await response.json()) as { value: Array<{ userPrincipalName: string; teamsAppId: string }> };
      return json.value.filter((i) => i.teamsAppId === APP_ID).map((i) => i.userPrincipalName.toLowerCase()).sort();
    },
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
