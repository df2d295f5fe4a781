// The remind job's configuration: when reporters are reminded before and after a plan's deadline,
// when their managers hear of it, and (shared with notify) the Teams app and the pace of sends.
import type { NotifySettings } from '../notify/settings';
import { NotifySettingsError, notifySettings } from '../notify/settings';

export interface RemindSettings extends Pick<NotifySettings, 'teamsAppId' | 'sendsPerSecond' | 'throttledRounds'> {
  /** Days before the deadline a reporter is reminded, largest first (default 7 and 1). */
  readonly beforeDays: readonly number[];
  /** After the deadline a reporter is reminded once a day for this many days (default 7; 0: never). */
  readonly afterDays: number;
  /** Each manager hears of their reports' unfinished items once the deadline is this many days past. */
  readonly escalationDays: number;
}

export const DEFAULT_REMIND_SETTINGS: Pick<RemindSettings, 'beforeDays' | 'afterDays' | 'escalationDays'> = {
  beforeDays: [7, 1],
  afterDays: 7,
  escalationDays: 7,
};

/**
 * A reminder that was due on a day no run came (a weekend, an outage) is still sent on a later
 * day while it is this recent: the manager's digest up to a week after it was due.
 */
export const ESCALATION_CATCH_UP_DAYS = 7;

/** App settings (environment) the job reads besides notify's (MALKOLL_TEAMS_APP_ID, MALKOLL_NOTIFY_SENDS_PER_SECOND). */
export const REMIND_ENV = {
  beforeDays: 'MALKOLL_REMIND_BEFORE_DAYS',
  afterDays: 'MALKOLL_REMIND_AFTER_DAYS',
  escalationDays: 'MALKOLL_REMIND_ESCALATION_DAYS',
} as const;

const MAX_DAYS = 90;

function days(value: string | number | undefined, name: string, min: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(n) || n < min || n > MAX_DAYS) throw new NotifySettingsError(`${name} ska vara ett heltal från ${min} till ${MAX_DAYS} (fick "${value}").`);
  return n;
}

function offsets(value: string | readonly number[] | undefined, name: string): number[] | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = typeof value === 'string' ? value.split(',').map((p) => Number(p.trim() === '' ? Number.NaN : p.trim())) : value;
  if (parts.some((n) => !Number.isInteger(n) || n < 0 || n > MAX_DAYS)) {
    throw new NotifySettingsError(`${name} ska vara dagar före sista dagen (0–${MAX_DAYS}), åtskilda med kommatecken, till exempel 7,1 (fick "${String(value)}").`);
  }
  // Largest first: each offset's window runs down to the next one.
  return [...new Set(parts)].sort((a, b) => b - a);
}

/** Settings from defaults, then the environment, then explicit values; checked, with Swedish refusals. */
export function remindSettings(env: Readonly<Record<string, string | undefined>>, given: Partial<RemindSettings> = {}): RemindSettings {
  const shared = notifySettings(env, {
    ...(given.teamsAppId !== undefined ? { teamsAppId: given.teamsAppId } : {}),
    ...(given.sendsPerSecond !== undefined ? { sendsPerSecond: given.sendsPerSecond } : {}),
    ...(given.throttledRounds !== undefined ? { throttledRounds: given.throttledRounds } : {}),
  });
  return {
    teamsAppId: shared.teamsAppId,
    sendsPerSecond: shared.sendsPerSecond,
    throttledRounds: shared.throttledRounds,
    beforeDays: offsets(given.beforeDays, 'beforeDays') ?? offsets(env[REMIND_ENV.beforeDays], REMIND_ENV.beforeDays) ?? DEFAULT_REMIND_SETTINGS.beforeDays,
    afterDays: days(given.afterDays, 'afterDays', 0) ?? days(env[REMIND_ENV.afterDays], REMIND_ENV.afterDays, 0) ?? DEFAULT_REMIND_SETTINGS.afterDays,
    escalationDays: days(given.escalationDays, 'escalationDays', 0) ?? days(env[REMIND_ENV.escalationDays], REMIND_ENV.escalationDays, 0) ?? DEFAULT_REMIND_SETTINGS.escalationDays,
  };
}
