// Getting one notification to its recipient: the paced send, and, when Teams refuses it because
// the recipient does not have the app, a proactive install of the app for them and one more send.
// Someone the job cannot install for is reported as unreached, never as a failed run: see
// docs/notify.md, "Recipients without the app".
import type { GraphClient } from '../../graph';
import { isGraphRequestError, isThrottled } from '../../graph';
import type { PlannedNotification } from './compose';
import type { Pacer } from './pacer';

/** What a send needs of a notification: whom it goes to and what it says (notify's and remind's alike). */
export type Deliverable = Pick<PlannedNotification, 'recipient' | 'body'>;

export type Delivery =
  | { readonly kind: 'sent'; readonly installed: boolean }
  /** The app is not installed for them and the job could not install it: the next run tries again. */
  | { readonly kind: 'unreached'; readonly reason: string; readonly failure: FailureCode }
  | { readonly kind: 'failed'; readonly error: string; readonly failure: FailureCode };

/** What a failure looks like, without the parts that name the recipient: runs compare these. */
export interface FailureCode {
  readonly status: number;
  readonly code: string;
}

export interface DeliveryCounts {
  throttled: number;
  installs: number;
}

/** Graph's catalog URL form for the binding (microsoftgraph docs: userteamwork-post-installedapps). */
const CATALOG_APP = 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/';

function failureOf(error: unknown): FailureCode {
  return isGraphRequestError(error) ? { status: error.status, code: error.code } : { status: 0, code: 'error' };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Teams' 403 for a recipient who does not have the sending app: "… is not authorized to generate
 * custom text notifications … Ensure that the expected Teams app is installed in the target scope".
 */
export function isAppNotInstalled(error: unknown): boolean {
  return isGraphRequestError(error) && error.status === 403 && /Teams app is installed/i.test(error.message);
}

/**
 * One send, paced. A 429 (or 503) means Graph did not take it, so sending again is safe: the
 * client retries it honouring Retry-After; if it is still throttled after that, the whole pacer
 * holds for the Retry-After and this recipient gets another round.
 */
async function send(client: GraphClient, notification: Deliverable, pacer: Pacer, rounds: number, counts: DeliveryCounts): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const url = `/users/${encodeURIComponent(notification.recipient.id)}/teamwork/sendActivityNotification`;
  for (let round = 1; ; round += 1) {
    await pacer.next();
    try {
      await client.post(url, notification.body);
      return { ok: true };
    } catch (error) {
      if (isThrottled(error) && round < rounds) {
        counts.throttled += 1;
        pacer.holdFor(error.retryAfterMs ?? 1000 * round);
        continue;
      }
      return { ok: false, error };
    }
  }
}

type Install = { readonly kind: 'installed' | 'already' } | { readonly kind: 'refused'; readonly error: unknown };

/** POST /users/{id}/teamwork/installedApps: 201 installed, 409 installed already. */
async function install(client: GraphClient, recipientId: string, teamsAppId: string): Promise<Install> {
  try {
    await client.post(`/users/${encodeURIComponent(recipientId)}/teamwork/installedApps`, { 'teamsApp@odata.bind': `${CATALOG_APP}${encodeURIComponent(teamsAppId)}` });
    return { kind: 'installed' };
  } catch (error) {
    if (isGraphRequestError(error) && error.status === 409) return { kind: 'already' };
    return { kind: 'refused', error };
  }
}

function whyNotInstalled(error: unknown): string {
  const failure = failureOf(error);
  if (failure.status === 403 || failure.status === 401) {
    return (
      `Målkoll-appen är inte installerad för mottagaren, och jobbet får inte installera den (${failure.status} ${failure.code}). ` +
      'Ge appen programbehörigheten TeamsAppInstallation.ReadWriteForUser.All, eller installera appen för alla med en konfigurationsprincip i Teams (docs/deploy.md).'
    );
  }
  if (failure.status === 404) return `Målkoll-appen är inte installerad för mottagaren och kunde inte installeras: ${messageOf(error)} Kontrollera appens katalog-id (MALKOLL_TEAMS_APP_ID).`;
  return `Målkoll-appen är inte installerad för mottagaren och kunde inte installeras: ${messageOf(error)}`;
}

export interface DeliverOptions {
  readonly pacer: Pacer;
  /** The app's id in the organisation's catalog, what teamsApp@odata.bind names. */
  readonly teamsAppId: string;
  readonly throttledRounds: number;
  readonly counts: DeliveryCounts;
}

export async function deliver(client: GraphClient, notification: Deliverable, options: DeliverOptions): Promise<Delivery> {
  const { pacer, throttledRounds, counts } = options;
  const first = await send(client, notification, pacer, throttledRounds, counts);
  if (first.ok) return { kind: 'sent', installed: false };
  if (!isAppNotInstalled(first.error)) return { kind: 'failed', error: messageOf(first.error), failure: failureOf(first.error) };

  const installed = await install(client, notification.recipient.id, options.teamsAppId);
  if (installed.kind === 'refused') return { kind: 'unreached', reason: whyNotInstalled(installed.error), failure: failureOf(installed.error) };
  if (installed.kind === 'already') {
    // Installed, yet refused: the app Teams found is not the one the job signs in as.
    return {
      kind: 'failed',
      error: `Appen är installerad för mottagaren, men Teams tar inte emot aviseringen: ${messageOf(first.error)} Kontrollera att jobbet loggar in som appen i manifestets webApplicationInfo.id.`,
      failure: failureOf(first.error),
    };
  }
  counts.installs += 1;
  const again = await send(client, notification, pacer, throttledRounds, counts);
  if (again.ok) return { kind: 'sent', installed: true };
  // Refused right after the install: most likely the job is not the app Teams expects (Teams
  // documents the install as immediate; a delay would show here too, and clear by the next run).
  const hint = isAppNotInstalled(again.error) ? ' Appen installerades just, men Teams tar ändå inte emot aviseringen: kontrollera att jobbet loggar in som appen i manifestets webApplicationInfo.id.' : '';
  return { kind: 'failed', error: `${messageOf(again.error)}${hint}`, failure: failureOf(again.error) };
}
