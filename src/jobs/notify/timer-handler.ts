// The Azure Functions timer's work, apart from its registration so it can be tested without the
// Functions host: app-only token, the site's lists, one run of each job as of today in Sweden (notify,
// then remind, on one schedule and one time budget), the results logged.
import type { InvocationContext, Timer } from '@azure/functions';
import { FEDERATED_ENV, appOnlyCredentialFromEnv, createAppOnlyTokenSource, credentialFor } from '../../auth/app-only-token-source';
import type { AppOnlyCredentialConfig } from '../../auth/app-only-token-source';
import type { TokenSource } from '../../graph';
import { createGraphClient, malkollUserAgent } from '../../graph';
import { FollowUpStore, openSite } from '../../store';
import type { RemindRunResult } from '../remind';
import { REMIND_ENV, formatRemindResult, remindSettings, runRemind } from '../remind';
import { formatRunResult } from './format-result';
import type { NotifyRunResult } from './result';
import { systemicFailure } from './run-health';
import { runNotify } from './run-notify';
import { NOTIFY_ENV, SCHEDULE_ENV, notifyGraphUrl, notifySettings } from './settings';
import { DEFAULT_TIME_ZONE, todayIn } from './today';

/** App settings of the Function App besides the job's own (settings.ts) and AZURE_* for the credential. */
export const FUNCTION_ENV = {
  graphUrl: 'MALKOLL_GRAPH_URL',
  site: 'MALKOLL_SITE',
  timeZone: 'MALKOLL_TIME_ZONE',
  budgetSeconds: 'MALKOLL_NOTIFY_BUDGET_SECONDS',
} as const;

/**
 * Every app setting the job reads, by name: the Function App in infra/azure.bicep sets exactly
 * these besides the platform's own (storage and monitoring), and a test holds the two together.
 */
export const NOTIFY_FUNCTION_APP_SETTINGS: readonly string[] = [
  ...Object.values(NOTIFY_ENV),
  SCHEDULE_ENV,
  ...Object.values(FUNCTION_ENV),
  ...Object.values(FEDERATED_ENV),
];

/**
 * The job's credential: a plain managed identity is refused, because its token names the identity,
 * not the app in the manifest's webApplicationInfo.id, and Teams refuses its notifications.
 */
export function notifyCredential(env: Readonly<Record<string, string | undefined>>): AppOnlyCredentialConfig {
  const config = appOnlyCredentialFromEnv(env);
  if (config.kind === 'managed-identity') {
    throw new Error(
      `Aviseringsjobbet måste logga in som Målkoll-appen, inte som en hanterad identitet: ange ${FEDERATED_ENV.appClientId}, ` +
        `${FEDERATED_ENV.tenantId} och ${FEDERATED_ENV.managedIdentityClientId} (identiteten som är federerad på appen; se docs/deploy.md).`,
    );
  }
  return config;
}

/** The remind job's own app settings, read by the same Function (optional; docs/notify.md). */
export const REMIND_FUNCTION_APP_SETTINGS: readonly string[] = Object.values(REMIND_ENV);

export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com/v1.0';
/**
 * Stop starting sends after this long: below the Consumption plan's default 5-minute timeout, so
 * the run ends cleanly with everything sent also recorded, and the next run does the rest.
 */
export const DEFAULT_BUDGET_SECONDS = 240;

export interface TimerDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Injected by tests (the emulator's app token); otherwise the app-only credential from the environment. */
  readonly tokenSource?: TokenSource;
  readonly now?: () => Date;
}

export interface JobsRunResult {
  readonly notify: NotifyRunResult;
  readonly remind: RemindRunResult;
}

/** The notify job's part of the timer (what its tests look at); remind runs after it all the same. */
export function createNotifyTimerHandler(deps: TimerDeps): (timer: Timer, context: InvocationContext) => Promise<NotifyRunResult> {
  const jobs = createJobsTimerHandler(deps);
  return async (timer, context) => (await jobs(timer, context)).notify;
}

/** One timer, both jobs: notify, then remind, within one budget. Fails only on a systemic error of either. */
export function createJobsTimerHandler(deps: TimerDeps): (timer: Timer, context: InvocationContext) => Promise<JobsRunResult> {
  return async (timer, context) => {
    const { env } = deps;
    const site = env[FUNCTION_ENV.site];
    if (!site) throw new Error(`${FUNCTION_ENV.site} saknas: ange webbplatsen med listorna, till exempel contoso.sharepoint.com:/sites/malkoll.`);
    const settings = notifySettings(env);
    // Both jobs' settings before either runs: a wrong one fails the invocation before any send.
    const reminding = remindSettings(env, { teamsAppId: settings.teamsAppId });
    const graphUrl = notifyGraphUrl(env[FUNCTION_ENV.graphUrl], FUNCTION_ENV.graphUrl, DEFAULT_GRAPH_URL);
    const budgetSeconds = Number(env[FUNCTION_ENV.budgetSeconds] ?? DEFAULT_BUDGET_SECONDS);
    const asOf = todayIn(env[FUNCTION_ENV.timeZone] ?? DEFAULT_TIME_ZONE, deps.now?.() ?? new Date());
    if (timer.isPastDue) context.warn(`Körningen är försenad (schemat missades); kör nu som av ${asOf}.`);

    const tokenSource = deps.tokenSource ?? createAppOnlyTokenSource(() => credentialFor(notifyCredential(env)));
    const client = createGraphClient({ baseUrl: graphUrl, tokenSource, userAgent: malkollUserAgent('notify') });
    const store = new FollowUpStore(client, await openSite(client, site));
    const signal = AbortSignal.timeout(Math.max(1, Number.isFinite(budgetSeconds) ? budgetSeconds : DEFAULT_BUDGET_SECONDS) * 1000);
    const result = await runNotify(store, { asOf, settings, signal });

    for (const line of formatRunResult(result)) context.log(line);
    const missed = result.notifications.filter((n) => n.status === 'failed' || n.status === 'unreached' || (n.unrecorded?.length ?? 0) > 0);
    if (result.unresolved.length > 0) context.warn(`${result.unresolved.length} personer kunde inte aviseras; se raderna ovan.`);
    if (missed.length > 0) context.warn(`${missed.length} aviseringar nådde inte fram eller kunde inte registreras (försöks igen nästa körning): ${missed.map((n) => n.recipient.upn).join(', ')}`);

    // Whatever notify met, the reminders still go: a problem of one job is no reason to skip the other's.
    const remind = await runRemind(store, { asOf, settings: reminding, signal });
    for (const line of formatRemindResult(remind)) context.log(line);
    const unsent = remind.notifications.filter((n) => n.status === 'failed' || n.status === 'unreached');
    if (unsent.length > 0) context.warn(`${unsent.length} påminnelser nådde inte fram (försöks igen nästa körning): ${unsent.map((n) => n.recipient.upn).join(', ')}`);

    // A failed invocation is what monitoring alerts on: only for what no single recipient explains.
    const systemic = [systemicFailure(result), systemicFailure(remind)].filter((s): s is string => s !== undefined);
    if (systemic.length > 0) throw new Error(systemic.join(' '));
    return { notify: result, remind };
  };
}
