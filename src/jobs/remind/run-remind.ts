// One run of the remind job, as of a date, under the job's lease (one run at a time): scan the
// adopted plans' periods, read the records of reminders sent, resolve people, compose one reminder
// per person, then per person write the intents (one record per occasion), send, paced (installing
// the Teams app for someone who lacks it, as notify does), and mark the records sent. See
// docs/notify.md, "Remind", for what each failure in between leads to.
import { renderTemplate } from '../../core';
import type { GraphClient } from '../../graph';
import type { FollowUpStore } from '../../store';
import { graphClientOf } from '../../store';
import type { NoticeClaim } from '../../store/action-notices';
import { claimNotice, dropNotice, markNoticeSent } from '../../store/action-notices';
import type { Lease } from '../../store/lease';
import { acquireLease, busyText, keepLease, newRunId, releaseLease } from '../../store/lease';
import { deliver } from '../notify/deliver';
import { resolveDirectory } from '../notify/directory';
import type { Clock } from '../notify/pacer';
import { createPacer, realClock } from '../notify/pacer';
import type { PhaseFigures } from '../notify/result';
import { GRAPH_SENDS_PER_SECOND } from '../notify/settings';
import { todayIn } from '../notify/today';
import type { PlannedReminder } from './compose';
import { composeReminders } from './compose';
import type { ReminderPart } from './message';
import { reminderBody } from './message';
import { deleteRecords, expiredRecords, readReminderRecords, recordExpiry } from './records';
import type { ReminderOutcome, RemindRunResult } from './result';
import { scanReminders } from './scan';
import type { RemindSettings } from './settings';

export type RemindEvent =
  | { readonly type: 'sent'; readonly recipientUpn: string; readonly index: number }
  | { readonly type: 'failed'; readonly recipientUpn: string; readonly error: string }
  | { readonly type: 'unreached'; readonly recipientUpn: string; readonly reason: string };

export interface RemindRunOptions {
  /** YYYY-MM-DD */
  readonly asOf: string;
  readonly settings: RemindSettings;
  /** Scan, resolve and compose; send and write nothing. */
  readonly dryRun?: boolean;
  /** Checked before each send: an aborted run stops cleanly, everything sent so far marked. */
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  readonly onEvent?: (event: RemindEvent) => void;
  /** How long the job's lease lasts unless renewed (default 10 minutes; renewed as the run goes). */
  readonly leaseMs?: number;
}

/** The job's lease: one run of remind on the site at a time (notify has its own). */
export const REMIND_LEASE_KEY = 'remind';
const DEFAULT_LEASE_MS = 10 * 60_000;

interface HeldLease {
  lease: Lease;
  readonly holder: string;
  readonly ttlMs: number;
}

type PartClaim = { readonly part: ReminderPart; readonly claim: NoticeClaim; readonly error?: undefined } | { readonly part: ReminderPart; readonly claim?: undefined; readonly error: unknown };

async function measured<T>(client: GraphClient, clock: Clock, work: () => Promise<T>): Promise<{ value: T; figures: PhaseFigures }> {
  const requests = client.stats.requests;
  const started = clock.now();
  const value = await work();
  return { value, figures: { requests: client.stats.requests - requests, ms: clock.now() - started } };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function emptyResult(asOf: string): RemindRunResult {
  const none = { requests: 0, ms: 0 };
  return {
    asOf,
    dryRun: false,
    interrupted: false,
    plans: 0,
    periods: [],
    lockedPeriods: [],
    notifications: [],
    skipped: [],
    unresolved: [],
    pruned: 0,
    figures: { scan: none, resolve: none, send: { ...none, sends: 0, sendRequests: 0, recordRequests: 0, throttled: 0, installs: 0 }, pacingMinimumMs: 0 },
  };
}

export async function runRemind(store: FollowUpStore, options: RemindRunOptions): Promise<RemindRunResult> {
  const { asOf } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new Error(`Datumet ska skrivas ÅÅÅÅ-MM-DD, inte "${asOf}".`);
  // A dry run writes nothing, so it needs no lease and may run beside a real one.
  if (options.dryRun) return runLeased(store, options, undefined);
  const holder = newRunId();
  const ttlMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const attempt = await acquireLease(store, REMIND_LEASE_KEY, { holder, ttlMs });
  if (attempt.status === 'busy') {
    return { ...emptyResult(asOf), busy: `En annan körning av påminnelsejobbet pågår redan (${busyText(attempt)}); den här körningen skickar och skriver inget.` };
  }
  const held = { lease: attempt.lease, holder, ttlMs };
  try {
    return await runLeased(store, options, held);
  } finally {
    await releaseLease(store, held.lease).catch(() => undefined); // left to expire
  }
}

function outcome(reminder: Pick<PlannedReminder, 'recipient' | 'body'>, parts: readonly ReminderPart[], status: ReminderOutcome['status']): ReminderOutcome {
  const { body } = reminder;
  return {
    recipient: reminder.recipient,
    status,
    activityType: body.activityType,
    text: renderTemplate(body.activityType, body.templateParameters),
    webUrl: body.topic.webUrl,
    chainId: body.chainId,
    parts: parts.map((p) => ({
      role: p.role,
      planKey: p.period.planKey,
      planTitle: p.period.planTitle,
      periodKey: p.period.periodKey,
      deadline: p.period.deadline,
      occasion: p.occasion.id,
      daysLeft: p.occasion.daysLeft,
      items: p.items,
    })),
  };
}

async function runLeased(store: FollowUpStore, options: RemindRunOptions, held: HeldLease | undefined): Promise<RemindRunResult> {
  const { asOf, settings } = options;
  const client = graphClientOf(store);
  const clock = options.clock ?? realClock;
  const emit = options.onEvent ?? (() => undefined);

  const scan = await measured(client, clock, async () => {
    const [found, records] = await Promise.all([scanReminders(store, asOf, settings), readReminderRecords(store)]);
    return { found, records };
  });
  const { found, records } = scan.value;
  const due = found.due.filter((p) => p.unfinished.length > 0);

  const resolve = await measured(client, clock, () => {
    const owners = due.flatMap((p) => p.unfinished.flatMap((i) => (i.ownerUpn ? [i.ownerUpn] : [])));
    const escalated = due.filter((p) => p.manager);
    return resolveDirectory(store, {
      owners: [...new Set(owners.map((u) => u.toLowerCase()))],
      managersOf: [...new Set(escalated.flatMap((p) => p.unfinished.flatMap((i) => (i.ownerUpn ? [i.ownerUpn.toLowerCase()] : []))))],
      organisationManagers: [...new Set(escalated.flatMap((p) => (p.organisationManagerUpn ? [p.organisationManagerUpn] : [])))],
    });
  });
  const composition = composeReminders(due, resolve.value, records, asOf, settings.teamsAppId);

  const outcomes: ReminderOutcome[] = [];
  const counts = { sends: 0, sendRequests: 0, recordRequests: 0, throttled: 0, installs: 0 };
  const sendStarted = clock.now();
  const sendRequestsBefore = client.stats.requests;
  let interrupted = false;
  let stopped: string | undefined;
  let pruned = 0;

  if (options.dryRun || !held) {
    outcomes.push(...composition.reminders.map((r) => outcome(r, r.parts, 'would-send')));
  } else {
    const pacer = createPacer(settings.sendsPerSecond, clock);
    const bookkeeping = async <T>(work: () => Promise<T>): Promise<T> => {
      const before = client.stats.requests;
      try {
        return await work();
      } finally {
        counts.recordRequests += client.stats.requests - before;
      }
    };
    // The intents of one person: one record per occasion, written together. The next person's are
    // written while this one's are marked, so they cost no round trip of a person's time.
    const claimAll = (reminder: PlannedReminder): Promise<PartClaim[]> =>
      Promise.all(
        reminder.parts.map((part) =>
          claimNotice(store, part.key, held.holder, recordExpiry(part.occasion.lastDay)).then(
            (claim): PartClaim => ({ part, claim }),
            (error: unknown): PartClaim => ({ part, error }),
          ),
        ),
      );
    const unclaim = (claims: readonly PartClaim[]): Promise<unknown> =>
      Promise.all(claims.flatMap((c) => (c.claim?.status === 'claimed' ? [dropNotice(store, c.claim.notice).catch(() => undefined)] : [])));

    const reminders = composition.reminders;
    let nextClaims: PartClaim[] | undefined;
    for (const [index, reminder] of reminders.entries()) {
      const prefetched = nextClaims;
      nextClaims = undefined;
      const upn = reminder.recipient.upn;
      if (options.signal?.aborted || stopped !== undefined) {
        interrupted = true;
        // Written ahead for a send that will not happen: taken back, so the next run sends it.
        if (prefetched) await bookkeeping(() => unclaim(prefetched));
        outcomes.push(outcome(reminder, reminder.parts, 'not-sent'));
        continue;
      }
      // The intents, before the send: an occasion whose intent is not written is not sent.
      const claims = prefetched ?? (await bookkeeping(() => claimAll(reminder)));
      const claimed = claims.filter((c): c is PartClaim & { claim: Extract<NoticeClaim, { status: 'claimed' }> } => c.claim?.status === 'claimed');
      if (claimed.length === 0) {
        const failedClaim = claims.find((c) => c.error !== undefined);
        if (failedClaim) {
          const message = `Avsikten kunde inte skrivas före utskicket, så inget skickades: ${messageOf(failedClaim.error)}`;
          emit({ type: 'failed', recipientUpn: upn, error: message });
          outcomes.push({ ...outcome(reminder, reminder.parts, 'failed'), error: message, failure: { status: 0, code: 'intentNotWritten' } });
        } else if (claims.every((c) => c.claim?.status === 'sent-earlier')) {
          outcomes.push({ ...outcome(reminder, reminder.parts, 'sent-earlier'), error: 'En annan körning skickade påminnelsen under tiden; den skickas inte igen.' });
        } else {
          outcomes.push({ ...outcome(reminder, reminder.parts, 'in-doubt'), error: 'En annan körning skrev avsikten men inte om påminnelsen gick iväg; den skickas inte igen för det här tillfället.' });
        }
        continue;
      }
      // Only the occasions this run holds the intent for; the others went, or may have.
      const parts = claimed.map((c) => c.part);
      const sending = parts.length === reminder.parts.length ? reminder : { ...reminder, parts, body: reminderBody(parts, upn, asOf, settings.teamsAppId) };
      const before = client.stats.requests;
      const delivery = await deliver(client, sending, { pacer, teamsAppId: settings.teamsAppId, throttledRounds: settings.throttledRounds, counts });
      counts.sendRequests += client.stats.requests - before;
      if (delivery.kind !== 'sent') {
        // Not sent: the intents go at once, so the next run tries again.
        await bookkeeping(() => unclaim(claimed));
        if (delivery.kind === 'failed') {
          emit({ type: 'failed', recipientUpn: upn, error: delivery.error });
          outcomes.push({ ...outcome(sending, parts, 'failed'), error: delivery.error, failure: delivery.failure });
        } else {
          emit({ type: 'unreached', recipientUpn: upn, reason: delivery.reason });
          outcomes.push({ ...outcome(sending, parts, 'unreached'), error: delivery.reason, failure: delivery.failure });
        }
        continue;
      }
      counts.sends += 1;
      emit({ type: 'sent', recipientUpn: upn, index: counts.sends });
      const following = options.signal?.aborted ? undefined : reminders[index + 1];
      const [marks, claimedNext] = await bookkeeping(() =>
        Promise.all([
          Promise.all(
            claimed.map((c) =>
              markNoticeSent(store, c.claim.notice).then(
                () => undefined,
                (error: unknown) => `${c.part.period.planKey} ${c.part.period.periodKey} (${c.part.occasion.id}): ${messageOf(error)}`,
              ),
            ),
          ),
          following ? claimAll(following) : undefined,
        ]),
      );
      nextClaims = claimedNext;
      const unrecorded = marks.filter((m): m is string => m !== undefined);
      outcomes.push({ ...outcome(sending, parts, 'sent'), ...(delivery.installed ? { installed: true } : {}), ...(unrecorded.length > 0 ? { unrecorded } : {}) });
      // A renewal that fails outright (network) leaves the lease as it was: lost only when taken over.
      const kept = await bookkeeping(() => keepLease(store, held.lease, { holder: held.holder, ttlMs: held.ttlMs }).catch(() => held.lease));
      if (kept) held.lease = kept;
      else stopped = 'Körningen tog längre tid än sitt lån och en annan körning tog över; den här slutade skicka. Det som skickats är registrerat.';
    }
    const leftover = nextClaims;
    if (leftover) await bookkeeping(() => unclaim(leftover));
    // Records whose occasion has closed are of no use any more. Never by a date later than today:
    // a run "as of" a future day must not delete the records today's runs still need.
    const today = todayIn();
    const expired = expiredRecords(records, asOf < today ? asOf : today);
    pruned = await bookkeeping(() => deleteRecords(store, expired).catch(() => 0));
  }

  return {
    asOf,
    dryRun: options.dryRun === true,
    interrupted,
    ...(stopped !== undefined ? { stopped } : {}),
    plans: found.plans,
    periods: found.due.map((p) => ({
      planKey: p.planKey,
      periodKey: p.periodKey,
      deadline: p.deadline,
      daysLeft: (p.reporter ?? p.manager)?.daysLeft ?? 0,
      ...(p.reporter ? { reporterOccasion: p.reporter.id } : {}),
      ...(p.manager ? { managerOccasion: p.manager.id } : {}),
      unfinished: p.unfinished.length,
      items: p.items,
    })),
    lockedPeriods: found.skipped,
    notifications: outcomes,
    skipped: composition.skipped,
    unresolved: composition.unresolved,
    pruned,
    figures: {
      scan: scan.figures,
      resolve: resolve.figures,
      send: { requests: client.stats.requests - sendRequestsBefore, ms: clock.now() - sendStarted, ...counts },
      pacingMinimumMs: Math.round((composition.reminders.length / GRAPH_SENDS_PER_SECOND) * 1000),
    },
  };
}
