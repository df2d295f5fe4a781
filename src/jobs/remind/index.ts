// The remind job: reporters with goals, styrtal and uppdrag not yet klar get one Teams activity
// notification per person before and after their plan's deadline; their managers one after it.
export { runRemind, REMIND_LEASE_KEY } from './run-remind';
export type { RemindEvent, RemindRunOptions } from './run-remind';
export type { PeriodSummary, ReminderOutcome, ReminderPartOutcome, RemindRunResult } from './result';
export { DEFAULT_REMIND_SETTINGS, REMIND_ENV, remindSettings } from './settings';
export type { RemindSettings } from './settings';
export { managerOccasion, reporterOccasion, whenText } from './occasions';
export type { Occasion } from './occasions';
export { reminderBody, reminderChainId, todoPage } from './message';
export type { ReminderItem, ReminderPart, ReminderRole } from './message';
export { recordKey } from './records';
export { formatRemindResult } from './format-result';
export { systemicFailure } from '../notify/run-health';
export { remindNow } from './remind-now';
export type { RemindNowOutcome, RemindNowRequest } from './remind-now';
