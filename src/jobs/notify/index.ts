// The notify job: overdue åtgärder → one Teams activity notification per recipient and run.
export { runNotify } from './run-notify';
export type { NotifyEvent, NotifyRunOptions } from './run-notify';
export type { NotificationOutcome, NotificationStatus, NotifyRunResult, PhaseFigures } from './result';
export { DEFAULT_NOTIFY_SETTINGS, GRAPH_SENDS_PER_SECOND, NOTIFY_ENV, NotifySettingsError, notifySettings } from './settings';
export type { NotifySettings } from './settings';
export { ACTIVITY_TYPES, chainIdFor, renderTemplate } from './message';
export type { ActivityNotificationBody, ActivityType, Role } from './message';
export { formatRunResult } from './format-result';
export { dueFor, recordAfter, LEVEL } from './due';
export type { Clock } from './pacer';
export { todayIn } from './today';
