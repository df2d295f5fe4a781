// One run of the notify job, as of a date, under the job's lease (one run at a time): scan, resolve,
// compose, then per recipient write the intent, send, paced (installing the Teams app for a
// recipient who lacks it), mark the intent sent and record on the actions. See docs/notify.md for
// what each failure in between leads to.
import { isOverdue, renderTemplate } from '../../core';
import type { GraphClient } from '../../graph';
import type { ActionNoticeWrite, FollowUpStore } from '../../store';
import { graphClientOf, scanOverdue, writeActionNotices } from '../../store';
import type { Notice, NoticeClaim } from '../../store/action-notices';
import { claimNotice, dropNotice, markNoticeSent, noticeKey, scanOverdueAssignments } from '../../store/action-notices';
import type { Lease } from '../../store/lease';
import { acquireLease, busyText, keepLease, newRunId, releaseLease } from '../../store/lease';
import type { PlannedNotification } from './compose';
import { actionRef, compose } from './compose';
import { deliver } from './deliver';
import { resolveDirectory } from './directory';
import type { DueAction } from './due';
import { dueFor, recordAfter } from './due';
import type { Clock } from './pacer';
import { createPacer, realClock } from './pacer';
import type { NotificationOutcome, NotifyRunResult, PhaseFigures } from './result';
import type { NotifySettings } from './settings';
import { GRAPH_SENDS_PER_SECOND } from './settings';

export type NotifyEvent =
  | { readonly type: 'sent'; readonly recipientUpn: string; readonly index: number }
  | { readonly type: 'failed'; readonly recipientUpn: string; readonly error: string }
  | { readonly type: 'unreached'; readonly recipientUpn: string; readonly reason: string }
  | { readonly type: 'recorded'; readonly recipientUpn: string; readonly actions: number; readonly unrecorded: number };

export interface NotifyRunOptions {
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly settings: NotifySettings;
  /** Scan, resolve and compose; send and record nothing. */
  readonly dryRun?: boolean;
  /** Checked before each send: an aborted run stops cleanly, everything sent so far recorded. */
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  readonly onEvent?: (event: NotifyEvent) => void;
  /** How long the job's lease lasts unless renewed (default 10 minutes; renewed as the run goes). */
  readonly leaseMs?: number;
}

/** The job's lease: one run of notify on the site at a time. */
export const NOTIFY_LEASE_KEY = 'notify';
const DEFAULT_LEASE_MS = 10 * 60_000;

/** Conflicting writes re-tried on the item's new version before giving up on recording it. */
const RECORD_ATTEMPTS = 3;

async function measured<T>(client: GraphClient, clock: Clock, work: () => Promise<T>): Promise<{ value: T; figures: PhaseFigures }> {
  const requests = client.stats.requests;
  const started = clock.now();
  const value = await work();
  return { value, figures: { requests: client.stats.requests - requests, ms: clock.now() - started } };
}

export async function runNotify(store: FollowUpStore, options: NotifyRunOptions): Promise<NotifyRunResult> {
  const { asOf } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new Error(`Datumet ska skrivas ÅÅÅÅ-MM-DD, inte "${asOf}".`);
  // A dry run writes nothing, so it needs no lease and may run beside a real one.
  if (options.dryRun) return runLeased(store, options, undefined);
  const holder = newRunId();
  const ttlMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const attempt = await acquireLease(store, NOTIFY_LEASE_KEY, { holder, ttlMs });
  if (attempt.status === 'busy') {
    return { ...emptyResult(asOf), busy: `En annan körning av aviseringsjobbet pågår redan (${busyText(attempt)}); den här körningen skickar och skriver inget.` };
  }
  const held = { lease: attempt.lease, holder, ttlMs };
  try {
    return await runLeased(store, options, held);
  } finally {
    await releaseLease(store, held.lease).catch(() => undefined); // left to expire
  }
}

type ClaimOutcome = { readonly claim: NoticeClaim; readonly error?: undefined } | { readonly claim?: undefined; readonly error: unknown };

interface HeldLease {
  lease: Lease;
  readonly holder: string;
  readonly ttlMs: number;
}

function emptyResult(asOf: string): NotifyRunResult {
  const none = { requests: 0, ms: 0 };
  return {
    asOf,
    dryRun: false,
    interrupted: false,
    overdueActions: 0,
    notifications: [],
    skipped: [],
    unresolved: [],
    figures: { scan: none, resolve: none, send: { ...none, sends: 0, sendRequests: 0, recordRequests: 0, throttled: 0, installs: 0 }, pacingMinimumMs: 0 },
  };
}

async function runLeased(store: FollowUpStore, options: NotifyRunOptions, held: HeldLease | undefined): Promise<NotifyRunResult> {
  const { asOf, settings } = options;
  const client = graphClientOf(store);
  const clock = options.clock ?? realClock;
  const emit = options.onEvent ?? (() => undefined);

  // Overdue uppdrag join the åtgärder: read beside them, told about in the same notification.
  const scan = await measured(client, clock, () => Promise.all([scanOverdue(store, asOf), scanOverdueAssignments(store, asOf)]));
  const [{ actions, plans }, assignments] = scan.value;
  const dues = [
    ...actions.filter((a) => isOverdue(a, asOf)).map((a) => dueFor(a, asOf, settings)),
    ...assignments.map((a) => dueFor(a, asOf, settings, 'assignment')),
  ];

  const resolve = await measured(client, clock, () =>
    resolveDirectory(store, {
      // Every owner, also those only their manager hears about: the manager's lines name them.
      owners: dues.filter((d) => d.ownerDue || d.managerDue).flatMap((d) => (d.action.ownerUpn ? [d.action.ownerUpn] : [])),
      managersOf: dues.filter((d) => d.managerDue).flatMap((d) => (d.action.ownerUpn ? [d.action.ownerUpn] : [])),
      organisationManagers: dues.filter((d) => d.managerDue).flatMap((d) => plans.get(d.action.planItemId)?.organisation.managerUpn ?? []),
    }),
  );
  const composition = compose(dues, resolve.value, plans, asOf, settings.teamsAppId);

  const outcomes: NotificationOutcome[] = [];
  const counts = { sends: 0, sendRequests: 0, recordRequests: 0, throttled: 0, installs: 0 };
  const sendStarted = clock.now();
  const sendRequestsBefore = client.stats.requests;
  let interrupted = false;

  let stopped: string | undefined;

  if (options.dryRun || !held) {
    outcomes.push(...composition.notifications.map((n) => outcome(n, 'would-send', plans)));
  } else {
    const pacer = createPacer(settings.sendsPerSecond, clock);
    // This run's successful sends per action, and each action's latest eTag as this run wrote it.
    const told = new Map<string, { owner: boolean; manager: boolean }>();
    const eTags = new Map<string, string>();
    const bookkeeping = async <T>(work: () => Promise<T>): Promise<T> => {
      const before = client.stats.requests;
      try {
        return await work();
      } finally {
        counts.recordRequests += client.stats.requests - before;
      }
    };
    // The next recipient's intent is written, and spent intents deleted, while this recipient's
    // record is: the intent adds no round trip to a recipient's time. Nothing overlaps a send, so
    // the figures count each request once.
    const notifications = composition.notifications;
    const claimOf = (next: PlannedNotification): Promise<ClaimOutcome> =>
      claimNotice(store, noticeKey(asOf, next.recipient.upn), held.holder, held.lease.expiresAt).then(
        (claim): ClaimOutcome => ({ claim }),
        (error: unknown): ClaimOutcome => ({ error }),
      );
    let spent: Notice[] = [];
    const dropSpent = (): Promise<unknown> => {
      const notices = spent;
      spent = [];
      return Promise.all(notices.map((notice) => dropNotice(store, notice).catch(() => undefined)));
    };
    let nextClaim: ClaimOutcome | undefined;
    for (const [index, notification] of notifications.entries()) {
      const claimed = nextClaim;
      nextClaim = undefined;
      if (options.signal?.aborted || stopped !== undefined) {
        interrupted = true;
        // Written ahead for a send that will not happen: taken back, so the next run sends it.
        if (claimed?.claim?.status === 'claimed') spent.push(claimed.claim.notice);
        outcomes.push(outcome(notification, 'not-sent', plans));
        continue;
      }
      const upn = notification.recipient.upn;
      // The intent, before the send: without it written, nothing is sent.
      const { claim, error: claimError } = claimed ?? (await bookkeeping(() => claimOf(notification)));
      if (!claim) {
        const message = `Avsikten kunde inte skrivas före utskicket, så inget skickades: ${claimError instanceof Error ? claimError.message : String(claimError)}`;
        emit({ type: 'failed', recipientUpn: upn, error: message });
        outcomes.push({ ...outcome(notification, 'failed', plans), error: message, failure: { status: 0, code: 'intentNotWritten' } });
        continue;
      }
      const { notice } = claim;
      if (claim.status === 'in-doubt') {
        const message = `En tidigare körning (${claim.holder.slice(0, 8)}) skrev avsikten men inte om aviseringen gick iväg; den skickas inte igen i dag, utan i morgon om åtgärderna fortfarande är försenade.`;
        outcomes.push({ ...outcome(notification, 'in-doubt', plans), error: message });
        continue;
      }
      if (claim.status === 'sent-earlier') {
        const unrecorded = await bookkeeping(() => record(store, notification, asOf, told, eTags));
        if (unrecorded.length === 0) spent.push(notice);
        emit({ type: 'recorded', recipientUpn: upn, actions: notification.items.length, unrecorded: unrecorded.length });
        outcomes.push({ ...outcome(notification, 'sent-earlier', plans), ...(unrecorded.length > 0 ? { unrecorded } : {}) });
        continue;
      }
      const before = client.stats.requests;
      const delivery = await deliver(client, notification, { pacer, teamsAppId: settings.teamsAppId, throttledRounds: settings.throttledRounds, counts });
      counts.sendRequests += client.stats.requests - before;
      if (delivery.kind !== 'sent') {
        // Not sent: the intent goes at once, so the next run may try again.
        spent.push(notice);
        await bookkeeping(dropSpent);
        if (delivery.kind === 'failed') {
          emit({ type: 'failed', recipientUpn: upn, error: delivery.error });
          outcomes.push({ ...outcome(notification, 'failed', plans), error: delivery.error, failure: delivery.failure });
        } else {
          emit({ type: 'unreached', recipientUpn: upn, reason: delivery.reason });
          outcomes.push({ ...outcome(notification, 'unreached', plans), error: delivery.reason, failure: delivery.failure });
        }
        continue;
      }
      counts.sends += 1;
      emit({ type: 'sent', recipientUpn: upn, index: counts.sends });
      const following = options.signal?.aborted ? undefined : notifications[index + 1];
      const [, unrecorded, claimedNext] = await bookkeeping(() =>
        Promise.all([
          // Marked sent beside the record: if the record fails, a later run records without sending.
          markNoticeSent(store, notice).catch(() => undefined),
          record(store, notification, asOf, told, eTags),
          following ? claimOf(following) : undefined,
          dropSpent(),
        ]),
      );
      nextClaim = claimedNext;
      if (unrecorded.length === 0) spent.push(notice);
      emit({ type: 'recorded', recipientUpn: upn, actions: notification.items.length, unrecorded: unrecorded.length });
      outcomes.push({ ...outcome(notification, 'sent', plans), ...(delivery.installed ? { installed: true } : {}), ...(unrecorded.length > 0 ? { unrecorded } : {}) });
      // A renewal that fails outright (network) leaves the lease as it was: lost only when taken over.
      const kept = await bookkeeping(() => keepLease(store, held.lease, { holder: held.holder, ttlMs: held.ttlMs }).catch(() => held.lease));
      if (kept) held.lease = kept;
      else stopped = 'Körningen tog längre tid än sitt lån och en annan körning tog över; den här slutade skicka. Det som skickats är registrerat.';
    }
    if (nextClaim?.claim?.status === 'claimed') spent.push(nextClaim.claim.notice);
    await bookkeeping(dropSpent);
  }

  return {
    asOf,
    dryRun: options.dryRun === true,
    interrupted,
    ...(stopped !== undefined ? { stopped } : {}),
    overdueActions: dues.length,
    notifications: outcomes,
    skipped: composition.skipped,
    unresolved: composition.unresolved,
    figures: {
      scan: scan.figures,
      resolve: resolve.figures,
      send: { requests: client.stats.requests - sendRequestsBefore, ms: clock.now() - sendStarted, ...counts },
      pacingMinimumMs: Math.round((composition.notifications.length / GRAPH_SENDS_PER_SECOND) * 1000),
    },
  };
}

function outcome(notification: PlannedNotification, status: NotificationOutcome['status'], plans: Parameters<typeof actionRef>[2]): NotificationOutcome {
  const { body } = notification;
  return {
    recipient: notification.recipient,
    status,
    activityType: body.activityType,
    text: renderTemplate(body.activityType, body.templateParameters),
    webUrl: body.topic.webUrl,
    chainId: body.chainId,
    actions: notification.items.map((i) => ({ ...actionRef(i.due.action, i.due.days, plans, i.ownerName, i.due.kind), role: i.role })),
  };
}

/**
 * NotifiedLevel / NotifiedOn on every action of a sent notification, in one $batch, If-Match on
 * the version this run last saw. A conflict (someone edited the item meanwhile) is written again
 * on the new version unless the item already records as much for today. Returns the titles of
 * actions whose record could not be written.
 */
async function record(
  store: FollowUpStore,
  notification: PlannedNotification,
  asOf: string,
  told: Map<string, { owner: boolean; manager: boolean }>,
  eTags: Map<string, string>,
): Promise<string[]> {
  // An åtgärd and an uppdrag may share an item id (two lists): each is known by its list too.
  const keyOf = (w: Pick<ActionNoticeWrite, 'list' | 'itemId'>) => `${w.list ?? 'Actions'}:${w.itemId}`;
  const byItem = new Map<string, DueAction>();
  let writes: ActionNoticeWrite[] = [];
  for (const { due, role } of notification.items) {
    const itemId = due.action.itemId;
    const list = due.kind === 'assignment' ? ('Assignments' as const) : undefined;
    const key = keyOf({ itemId, ...(list ? { list } : {}) });
    const state = { ...(told.get(key) ?? { owner: false, manager: false }), [role]: true };
    told.set(key, state);
    const level = recordAfter(due, state);
    if (level === undefined) continue;
    byItem.set(key, due);
    writes.push({ ...(list ? { list } : {}), itemId, eTag: eTags.get(key) ?? due.action.eTag, level, on: asOf });
  }
  const unrecorded: string[] = [];
  for (let attempt = 1; writes.length > 0; attempt += 1) {
    let results;
    try {
      results = await writeActionNotices(store, writes);
    } catch (error) {
      // The whole $batch failed (network, throttled past every retry): report, keep sending.
      const message = error instanceof Error ? error.message : String(error);
      unrecorded.push(...writes.map((w) => `${byItem.get(keyOf(w))?.action.title ?? w.itemId}: ${message}`));
      break;
    }
    const again: ActionNoticeWrite[] = [];
    results.forEach((result, i) => {
      const write = writes[i] as ActionNoticeWrite;
      const title = byItem.get(keyOf(write))?.action.title ?? write.itemId;
      if (result.status === 'saved') eTags.set(keyOf(write), result.eTag);
      else if (result.status === 'failed') unrecorded.push(`${title}: ${result.error.message}`);
      else if (result.server.notifiedOn === asOf && (result.server.notifiedLevel ?? 0) >= write.level) eTags.set(keyOf(write), result.server.eTag);
      else if (attempt < RECORD_ATTEMPTS) again.push({ ...write, eTag: result.server.eTag });
      else unrecorded.push(`${title}: ändrades av någon annan under körningen`);
    });
    writes = again;
  }
  return unrecorded;
}
