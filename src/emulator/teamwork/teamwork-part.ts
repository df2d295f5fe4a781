// The teamwork part put together for the emulator: the catalog (seeded from the options), the
// send-rate limit, the Graph operations and the `/_dev` endpoints.
import type Database from 'better-sqlite3';
import type { OperationHandlers } from '../server/contract';
import type { UserStore } from '../directory';
import { createSendRate } from './activity-checks';
import type { ActivityStore } from './activity-store';
import { createTeamworkOperations } from './activity.handler';
import { createInstalledAppsOperations } from './installed-apps.handler';
import { createTeamsAppCatalog } from './teams-apps';
import type { TeamsAppUpload } from './teams-apps';
import { createTeamworkDev } from './teamwork-dev';
import type { TeamworkDev } from './teamwork-dev';

export interface ActivityFeedOptions {
  /** Teams apps in the tenant's catalog from the start, by manifest (`npm start` puts Målkoll's there). */
  readonly teamsApps?: readonly TeamsAppUpload[];
  /**
   * Teams' checks on activity notifications (installation, sender, declared types, 5 a second).
   * Default on; they apply once a Teams app is in the catalog, so an emulator without one records
   * every well-formed notification, as tests of other parts expect.
   */
  readonly checks?: boolean;
  /** Sends a second per sending app (default 5, Graph's limit for the single-recipient endpoints). */
  readonly sendsPerSecond?: number;
}

/** Graph's service limit for /users/{id}/teamwork/sendActivityNotification, per app and tenant. */
export const GRAPH_SENDS_PER_SECOND = 5;

export interface TeamworkPartDeps {
  readonly db: Database.Database;
  readonly now: () => Date;
  readonly users: UserStore;
  readonly activities: ActivityStore;
  readonly appDisplayName: (appId: string) => string;
  /** The app the emulator's delegated tokens are issued to. */
  readonly delegatedAppId: string;
  readonly options?: ActivityFeedOptions | undefined;
}

export function createTeamworkPart(deps: TeamworkPartDeps): { operations: OperationHandlers; dev: TeamworkDev } {
  const catalog = createTeamsAppCatalog(deps.db, deps.now);
  const dev = createTeamworkDev({ users: deps.users, catalog });
  for (const upload of deps.options?.teamsApps ?? []) dev.registerTeamsApp(upload);
  const checks = deps.options?.checks !== false;
  const operations: OperationHandlers = {
    ...createTeamworkOperations({
      users: deps.users,
      activities: deps.activities,
      appDisplayName: deps.appDisplayName,
      catalog,
      delegatedAppId: deps.delegatedAppId,
      checksActive: () => checks && catalog.list().length > 0,
      sendRate: createSendRate(deps.options?.sendsPerSecond ?? GRAPH_SENDS_PER_SECOND, deps.now),
    }),
    ...createInstalledAppsOperations({ users: deps.users, catalog }),
  };
  return { operations, dev };
}
