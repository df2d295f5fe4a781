// Azure Functions entry (Node.js v4 programming model): the notify job on a timer. Weekday
// mornings by default; the NCRONTAB schedule (with seconds) comes from the MALKOLL_NOTIFY_SCHEDULE
// app setting. The host's clock is UTC unless WEBSITE_TIME_ZONE is set (see docs/notify.md).
import { app } from '@azure/functions';
import { createNotifyTimerHandler } from './timer-handler';

/** 07:00 Monday to Friday. */
export const DEFAULT_SCHEDULE = '0 0 7 * * 1-5';
export const SCHEDULE_ENV = 'MALKOLL_NOTIFY_SCHEDULE';

const handler = createNotifyTimerHandler({ env: process.env });

app.timer('notifyOverdue', {
  schedule: process.env[SCHEDULE_ENV] ?? DEFAULT_SCHEDULE,
  handler: async (timer, context) => {
    await handler(timer, context);
  },
});
