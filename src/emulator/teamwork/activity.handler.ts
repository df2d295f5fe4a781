// `POST /users/{id|upn}/teamwork/sendActivityNotification` → 204, recorded.
import type { Caller, OperationHandlers } from '../server/contract';
import { resourceNotFound } from '../server/graph-errors';
import type { DirectoryUser, UserStore } from '../directory';
import { parseActivityNotification } from './activity-validation';
import type { ActivitySender, ActivityStore } from './activity-store';

export interface TeamworkDeps {
  users: UserStore;
  activities: ActivityStore;
  appDisplayName: (appId: string) => string;
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
      const ref = req.params['userRef'] ?? '';
      const recipient = deps.users.byRef(ref);
      if (!recipient) throw resourceNotFound(ref);
      const notification = parseActivityNotification(req.body, req.graphBaseUrl);
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
