// What Teams checks before it takes an activity notification, beyond the body's shape: the sending
// Entra app must be the `webApplicationInfo.id` of a Teams app installed for the recipient, the
// activity type must be declared in that app's manifest with exactly the template's parameters,
// and an app sends at most 5 a second per tenant. Sources: docs/emulator.md, "Activity feed".
import { GraphError } from '../server/contract';
import { badRequest } from '../server/graph-errors';
import type { ActivityNotification } from './activity-validation';
import type { TeamsApp, TeamsAppCatalog } from './teams-apps';

/** Teams' own wording (OfficeDev/microsoft-365-agents-toolkit#6067); the quoted path is the emulator's. */
export function notAuthorizedToNotify(appId: string, recipientId: string): GraphError {
  return new GraphError(
    403,
    'Forbidden',
    `Application with AAD App Id '${appId}' is not authorized to generate custom text notifications about '/users/${recipientId}/teamwork/sendActivityNotification' to the recipient. ` +
      'Ensure that the expected Teams app is installed in the target scope (user, team, or chat).',
  );
}

/**
 * The Teams app the notification is from: installed for the recipient, with the sender as its
 * Entra app (and the one `teamsAppId` names, when given).
 */
export function sendingApp(catalog: TeamsAppCatalog, senderAppId: string, recipientId: string, teamsAppId?: string): TeamsApp {
  const sender = senderAppId.toLowerCase();
  const installed = catalog
    .installationsOf(recipientId)
    .map((i) => catalog.find(i.teamsAppId))
    .filter((app): app is TeamsApp => app !== undefined && app.azureADAppId === sender && (teamsAppId === undefined || app.id.toLowerCase() === teamsAppId.toLowerCase()));
  const app = installed[0];
  if (!app) throw notAuthorizedToNotify(senderAppId, recipientId);
  return app;
}

/** `{name}` placeholders of a template, but `{actor}`, which Teams fills itself. */
export function templateParameterNames(templateText: string): string[] {
  const names = [...templateText.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? '').filter((name) => name !== 'actor');
  return [...new Set(names)];
}

/** The emulator's own wording: Graph's for these cases is not documented. */
export function checkDeclaredActivity(app: TeamsApp, notification: ActivityNotification): void {
  const { activityType } = notification;
  if (activityType === 'systemDefault') return;
  const declared = app.activityTypes.find((t) => t.type === activityType);
  if (!declared) {
    const known = app.activityTypes.map((t) => t.type).join(', ') || '(none)';
    throw badRequest(`The activity type '${activityType}' is not declared in the manifest of the Teams app '${app.displayName}' (activities.activityTypes: ${known}).`);
  }
  const expected = templateParameterNames(declared.templateText);
  const given = notification.templateParameters.map((p) => p.name);
  const missing = expected.filter((name) => !given.includes(name));
  const unexpected = given.filter((name) => !expected.includes(name));
  if (missing.length > 0 || unexpected.length > 0) {
    const parts = [...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []), ...(unexpected.length > 0 ? [`not in the template ${unexpected.join(', ')}`] : [])];
    throw badRequest(`The template parameters do not match the activity type '${activityType}' ("${declared.templateText}"): ${parts.join('; ')}.`);
  }
}

export interface SendRate {
  /** Counts a send by this app, or refuses it with 429 and Retry-After. */
  admit(senderAppId: string): void;
}

/** Graph's limit for the single-recipient endpoints: per app and tenant, in any one second. */
export function createSendRate(perSecond: number, now: () => Date): SendRate {
  const sent = new Map<string, number[]>();
  return {
    admit(senderAppId) {
      const key = senderAppId.toLowerCase();
      const at = now().getTime();
      const recent = (sent.get(key) ?? []).filter((t) => t > at - 1000);
      const oldest = recent[0];
      if (oldest !== undefined && recent.length >= perSecond) {
        sent.set(key, recent);
        const retryAfter = Math.max(1, Math.ceil((oldest + 1000 - at) / 1000));
        throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': String(retryAfter) });
      }
      recent.push(at);
      sent.set(key, recent);
    },
  };
}
