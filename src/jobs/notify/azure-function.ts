// Azure Functions entry (Node.js v4 programming model): the notify job on a timer. Weekday
// mornings by default; the NCRONTAB schedule (with seconds) comes from the MALKOLL_NOTIFY_SCHEDULE
// app setting. The host's clock is UTC unless WEBSITE_TIME_ZONE is set (see docs/notify.md). The
// job signs in as the Målkoll app through the Function's managed identity, federated on the app
// (MALKOLL_APP_CLIENT_ID, MALKOLL_APP_TENANT_ID, MALKOLL_MANAGED_IDENTITY_CLIENT_ID; infra/azure.bicep).
import { app } from '@azure/functions';
import { DEFAULT_SCHEDULE, SCHEDULE_ENV } from './settings';
import { createNotifyTimerHandler } from './timer-handler';

export { DEFAULT_SCHEDULE, SCHEDULE_ENV } from './settings';

const handler = createNotifyTimerHandler({ env: process.env });

app.timer('notifyOverdue', {
  schedule: process.env[SCHEDULE_ENV] ?? DEFAULT_SCHEDULE,
  handler: async (timer, context) => {
    await handler(timer, context);
  },
});
