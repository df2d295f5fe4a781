// The notify job: overdue åtgärder → one Teams activity notification per recipient and run.
export { runNotify } from './run-notify';
export type { NotifyEvent, NotifyRunOptions } from './run-notify';
export type { NotificationOutcome, NotificationStatus, NotifyRunResult, PhaseFigures } from './result';
export { DEFAULT_NOTIFY_SETTINGS, GRAPH_SENDS_PER_SECOND, NOTIFY_ENV, NotifySettingsError, notifySettings } from './settings';
export type { NotifySettings } from './settings';
export { chainIdFor } from './message';
export type { ActivityNotificationBody, Role } from './message';
// The activity types and their text live in core (the tab shows them too); re-exported for callers of the job.
export { ACTIVITY_TYPES, renderTemplate } from '../../core';
export type { ActivityType } from '../../core';
export { formatRunResult } from './format-result';
export { systemicFailure } from './run-health';
export { deliver, isAppNotInstalled } from './deliver';
export type { Deliverable, Delivery, DeliveryCounts } from './deliver';
export { createPacer } from './pacer';
export { dueFor, recordAfter, LEVEL } from './due';
export type { Clock } from './pacer';
export { todayIn } from './today';
