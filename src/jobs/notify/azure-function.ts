// Azure Functions entry (Node.js v4 programming model): the notify and remind jobs on one timer,
// notify first (timer-handler.ts). Weekday mornings by default; the NCRONTAB schedule (with
// seconds) comes from the MALKOLL_NOTIFY_SCHEDULE app setting. The host's clock is UTC unless
// WEBSITE_TIME_ZONE is set (see docs/notify.md). The jobs sign in as the Målkoll app through the
// Function's managed identity, federated on the app (MALKOLL_APP_CLIENT_ID, MALKOLL_APP_TENANT_ID,
// MALKOLL_MANAGED_IDENTITY_CLIENT_ID; infra/azure.bicep).
import { app } from '@azure/functions';
import { DEFAULT_SCHEDULE, SCHEDULE_ENV } from './settings';
import { createJobsTimerHandler } from './timer-handler';

export { DEFAULT_SCHEDULE, SCHEDULE_ENV } from './settings';

const handler = createJobsTimerHandler({ env: process.env });

app.timer('notifyOverdue', {
  schedule: process.env[SCHEDULE_ENV] ?? DEFAULT_SCHEDULE,
  handler: async (timer, context) => {
    await handler(timer, context);
  },
});
