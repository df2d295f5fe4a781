// The notify job's configuration: the Teams app the deep links open, when to escalate, how often
// to remind, and how fast to send. Defaults follow issue 7; every value can come from app settings.
import { checkGraphEndpoint } from '../../core/graph-endpoint';

export interface NotifySettings {
  /**
   * The Teams app id in deep links: the manifest id for an uploaded custom app, the org catalog
   * id once the app is published to the organisation's catalog.
   */
  readonly teamsAppId: string;
  /** The owner's manager is told once an action has been overdue longer than this many days. */
  readonly escalationDays: number;
  /** A recipient is reminded of the same action again only after this many days. */
  readonly reminderDays: number;
  /**
   * Sends started per second. Graph allows 5 per second per app and tenant for
   * sendActivityNotification (research: graph-lists.md §9); the pacer never starts more than this
   * many in any one-second window.
   */
  readonly sendsPerSecond: number;
  /** Rounds the job itself gives a send still throttled after the client's retries. */
  readonly throttledRounds: number;
}

export const DEFAULT_NOTIFY_SETTINGS: Omit<NotifySettings, 'teamsAppId'> = {
  escalationDays: 7,
  reminderDays: 7,
  sendsPerSecond: 5,
  throttledRounds: 3,
};

/** Graph's documented limit for the per-user send endpoint, per app and tenant. */
export const GRAPH_SENDS_PER_SECOND = 5;

export class NotifySettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotifySettingsError';
  }
}

/** 07:00 Monday to Friday (in the host's clock: UTC on Flex Consumption, see docs/notify.md). */
export const DEFAULT_SCHEDULE = '0 0 7 * * 1-5';
/** The Function's NCRONTAB schedule (with seconds), read when the timer is registered. */
export const SCHEDULE_ENV = 'MALKOLL_NOTIFY_SCHEDULE';

/** App settings (environment) the job reads; each optional but the app id. */
export const NOTIFY_ENV = {
  teamsAppId: 'MALKOLL_TEAMS_APP_ID',
  escalationDays: 'MALKOLL_NOTIFY_ESCALATION_DAYS',
  reminderDays: 'MALKOLL_NOTIFY_REMINDER_DAYS',
  sendsPerSecond: 'MALKOLL_NOTIFY_SENDS_PER_SECOND',
} as const;

function wholeNumber(value: string | number | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new NotifySettingsError(`${name} ska vara ett heltal från ${min} till ${max} (fick "${value}").`);
  return n;
}

/** Settings from defaults, then the environment, then explicit values; checked, with Swedish refusals. */
export function notifySettings(env: Readonly<Record<string, string | undefined>>, given: Partial<NotifySettings> = {}): NotifySettings {
  const teamsAppId = given.teamsAppId ?? env[NOTIFY_ENV.teamsAppId]?.trim();
  if (!teamsAppId) throw new NotifySettingsError(`Teams-appens id saknas: ange ${NOTIFY_ENV.teamsAppId} (appens id i manifestet, eller katalogens id om appen är publicerad i organisationens katalog).`);
  if (!/^[0-9A-Za-z-]{1,64}$/.test(teamsAppId)) throw new NotifySettingsError(`${NOTIFY_ENV.teamsAppId} ska vara ett app-id (GUID), inte "${teamsAppId}".`);
  const pick = (key: 'escalationDays' | 'reminderDays' | 'sendsPerSecond', min: number, max: number): number =>
    wholeNumber(given[key], key, min, max) ?? wholeNumber(env[NOTIFY_ENV[key]], NOTIFY_ENV[key], min, max) ?? DEFAULT_NOTIFY_SETTINGS[key];
  return {
    teamsAppId,
    escalationDays: pick('escalationDays', 0, 365),
    reminderDays: pick('reminderDays', 1, 365),
    // Above Graph's limit only invites 429s; refuse it rather than pace into throttling.
    sendsPerSecond: pick('sendsPerSecond', 1, GRAPH_SENDS_PER_SECOND),
    throttledRounds: wholeNumber(given.throttledRounds, 'throttledRounds', 1, 10) ?? DEFAULT_NOTIFY_SETTINGS.throttledRounds,
  };
}

/**
 * The Graph root the job sends its app-only token to, from the app setting `name` (default global
 * Graph): Microsoft Graph over https or the local emulator, refused before any token is asked for.
 */
export function notifyGraphUrl(value: string | undefined, name: string, fallback: string): string {
  const raw = value === undefined || value.trim() === '' ? fallback : value;
  const checked = checkGraphEndpoint(raw);
  if (!checked.ok) throw new NotifySettingsError(`${name}: ${checked.problem}`);
  return checked.endpoint.url;
}
