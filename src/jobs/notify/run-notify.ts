// One run of the notify job, as of a date: scan, resolve, compose, then send one notification per
// recipient, paced (installing the Teams app for a recipient who lacks it), each followed at once
// by the record on its actions. See docs/notify.md for why the record comes after the send and what
// that guarantees.
import { isOverdue, renderTemplate } from '../../core';
import type { GraphClient } from '../../graph';
import type { ActionNoticeWrite, FollowUpStore } from '../../store';
import { graphClientOf, scanOverdue, writeActionNotices } from '../../store';
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
}

/** Conflicting writes re-tried on the item's new version before giving up on recording it. */
const RECORD_ATTEMPTS = 3;

async function measured<T>(client: GraphClient, clock: Clock, work: () => Promise<T>): Promise<{ value: T; figures: PhaseFigures }> {
  const requests = client.stats.requests;
  const started = clock.now();
  const value = await work();
  return { value, figures: { requests: client.stats.requests - requests, ms: clock.now() - started } };
}

export async function runNotify(store: FollowUpStore, options: NotifyRunOptions): Promise<NotifyRunResult> {
  const { asOf, settings } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new Error(`Datumet ska skrivas ÅÅÅÅ-MM-DD, inte "${asOf}".`);
  const client = graphClientOf(store);
  const clock = options.clock ?? realClock;
  const emit = options.onEvent ?? (() => undefined);

  const scan = await measured(client, clock, () => scanOverdue(store, asOf));
  const { actions, plans } = scan.value;
  const dues = actions.filter((a) => isOverdue(a, asOf)).map((a) => dueFor(a, asOf, settings));

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

  if (options.dryRun) {
    outcomes.push(...composition.notifications.map((n) => outcome(n, 'would-send', plans)));
  } else {
    const pacer = createPacer(settings.sendsPerSecond, clock);
    // This run's successful sends per action, and each action's latest eTag as this run wrote it.
    const told = new Map<string, { owner: boolean; manager: boolean }>();
    const eTags = new Map<string, string>();
    for (const notification of composition.notifications) {
      if (options.signal?.aborted) {
        interrupted = true;
        outcomes.push(outcome(notification, 'not-sent', plans));
        continue;
      }
      const before = client.stats.requests;
      const delivery = await deliver(client, notification, { pacer, teamsAppId: settings.teamsAppId, throttledRounds: settings.throttledRounds, counts });
      counts.sendRequests += client.stats.requests - before;
      if (delivery.kind === 'failed') {
        emit({ type: 'failed', recipientUpn: notification.recipient.upn, error: delivery.error });
        outcomes.push({ ...outcome(notification, 'failed', plans), error: delivery.error, failure: delivery.failure });
        continue;
      }
      if (delivery.kind === 'unreached') {
        emit({ type: 'unreached', recipientUpn: notification.recipient.upn, reason: delivery.reason });
        outcomes.push({ ...outcome(notification, 'unreached', plans), error: delivery.reason, failure: delivery.failure });
        continue;
      }
      counts.sends += 1;
      emit({ type: 'sent', recipientUpn: notification.recipient.upn, index: counts.sends });
      const recordBefore = client.stats.requests;
      const unrecorded = await record(store, notification, asOf, told, eTags);
      counts.recordRequests += client.stats.requests - recordBefore;
      emit({ type: 'recorded', recipientUpn: notification.recipient.upn, actions: notification.items.length, unrecorded: unrecorded.length });
      outcomes.push({ ...outcome(notification, 'sent', plans), ...(delivery.installed ? { installed: true } : {}), ...(unrecorded.length > 0 ? { unrecorded } : {}) });
    }
  }

  return {
    asOf,
    dryRun: options.dryRun === true,
    interrupted,
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
    actions: notification.items.map((i) => ({ ...actionRef(i.due.action, i.due.days, plans, i.ownerName), role: i.role })),
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
  const byItem = new Map<string, DueAction>();
  let writes: ActionNoticeWrite[] = [];
  for (const { due, role } of notification.items) {
    const itemId = due.action.itemId;
    const state = { ...(told.get(itemId) ?? { owner: false, manager: false }), [role]: true };
    told.set(itemId, state);
    const level = recordAfter(due, state);
    if (level === undefined) continue;
    byItem.set(itemId, due);
    writes.push({ itemId, eTag: eTags.get(itemId) ?? due.action.eTag, level, on: asOf });
  }
  const unrecorded: string[] = [];
  for (let attempt = 1; writes.length > 0; attempt += 1) {
    let results;
    try {
      results = await writeActionNotices(store, writes);
    } catch (error) {
      // The whole $batch failed (network, throttled past every retry): report, keep sending.
      const message = error instanceof Error ? error.message : String(error);
      unrecorded.push(...writes.map((w) => `${byItem.get(w.itemId)?.action.title ?? w.itemId}: ${message}`));
      break;
    }
    const again: ActionNoticeWrite[] = [];
    results.forEach((result, i) => {
      const write = writes[i] as ActionNoticeWrite;
      const title = byItem.get(write.itemId)?.action.title ?? write.itemId;
      if (result.status === 'saved') eTags.set(result.itemId, result.eTag);
      else if (result.status === 'failed') unrecorded.push(`${title}: ${result.error.message}`);
      else if (result.server.notifiedOn === asOf && (result.server.notifiedLevel ?? 0) >= write.level) eTags.set(result.itemId, result.server.eTag);
      else if (attempt < RECORD_ATTEMPTS) again.push({ ...write, eTag: result.server.eTag });
      else unrecorded.push(`${title}: ändrades av någon annan under körningen`);
    });
    writes = again;
  }
  return unrecorded;
}
