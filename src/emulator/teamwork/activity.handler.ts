// `POST /users/{id|upn}/teamwork/sendActivityNotification` → 204, recorded. With a Teams app in
// the catalog (and checks on), it is held to what Teams checks: 5 a second per sending app, the
// sender's app installed for the recipient, the activity type and its parameters as declared.
import type { Caller, OperationHandlers } from '../server/contract';
import { resourceNotFound } from '../server/graph-errors';
import type { DirectoryUser, UserStore } from '../directory';
import { checkDeclaredActivity, sendingApp } from './activity-checks';
import type { SendRate } from './activity-checks';
import { parseActivityNotification } from './activity-validation';
import type { ActivitySender, ActivityStore } from './activity-store';
import type { TeamsAppCatalog } from './teams-apps';

export interface TeamworkDeps {
  users: UserStore;
  activities: ActivityStore;
  appDisplayName: (appId: string) => string;
  catalog: TeamsAppCatalog;
  /** The app delegated tokens are issued to (they carry it as `appid`). */
  delegatedAppId: string;
  /** Whether Teams' checks apply: on, and some Teams app is in the catalog. */
  checksActive: () => boolean;
  sendRate: SendRate;
}

function senderOf(caller: Caller, appDisplayName: (appId: string) => string): ActivitySender {
  return caller.kind === 'user'
    ? { kind: 'user', id: caller.userId, upn: caller.upn, displayName: caller.displayName }
    : { kind: 'app', id: caller.appId, displayName: appDisplayName(caller.appId) };
}

/** Teams does not show a notification a user sends to themselves with delegated permissions. */
function isSelfNotification(caller: Caller, recipient: DirectoryUser): boolean {
  return caller.kind === 'user' && caller.userId === recipient.id;
}

export function createTeamworkOperations(deps: TeamworkDeps): OperationHandlers {
  return {
    sendActivityNotification(req) {
      const checked = deps.checksActive();
      const senderAppId = req.caller.kind === 'app' ? req.caller.appId : deps.delegatedAppId;
      // Throttling comes first: Graph counts the request before it looks at it.
      if (checked) deps.sendRate.admit(senderAppId);
      const ref = req.params['userRef'] ?? '';
      const recipient = deps.users.byRef(ref);
      if (!recipient) throw resourceNotFound(ref);
      const notification = parseActivityNotification(req.body, req.graphBaseUrl);
      if (checked) checkDeclaredActivity(sendingApp(deps.catalog, senderAppId, recipient.id, notification.teamsAppId), notification);
      const self = isSelfNotification(req.caller, recipient);
      deps.activities.record({
        recipient: { id: recipient.id, upn: recipient.userPrincipalName },
        sender: senderOf(req.caller, deps.appDisplayName),
        activityType: notification.activityType,
        ...(notification.chainId !== undefined ? { chainId: notification.chainId } : {}),
        delivered: !self,
        ...(self ? { note: 'Not shown: Teams does not show a notification users send themselves with a delegated token.' } : {}),
        body: req.body,
      });
      return { status: 204 };
    },
  };
}
