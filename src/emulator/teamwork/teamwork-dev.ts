// The teamwork part's `/_dev` endpoints: the Teams app catalog (`/_dev/teamsApps`, a manifest in,
// as an admin uploads it) and installations in people's personal scope (`/_dev/installations`, as
// an app setup policy or a user would install it).
import type { EmulatorResponse } from '../server/contract';
import { GraphError } from '../server/contract';
import type { UserStore } from '../directory';
import { TeamsAppRegistrationError, parseTeamsAppUpload } from './teams-apps';
import type { TeamsApp, TeamsAppCatalog, TeamsAppUpload } from './teams-apps';

export interface DevInstallation {
  readonly userPrincipalName: string;
  readonly userId: string;
  readonly teamsAppId: string;
  readonly installationId: string;
  readonly installedAt: string;
}

export interface TeamworkDev {
  registerTeamsApp(upload: TeamsAppUpload): TeamsApp;
  /** Installs the app (the catalog's only one unless named) for each person; idempotent. */
  install(upns: string | readonly string[], teamsAppId?: string): DevInstallation[];
  routes: Record<string, Partial<Record<string, (req: { query: URLSearchParams; body: () => unknown }) => EmulatorResponse>>>;
}

function asDevError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TeamsAppRegistrationError) throw new GraphError(400, 'invalidRequest', error.message);
    throw error;
  }
}

function installRequest(body: unknown): { upns: string[]; teamsAppId?: string } {
  const hint = 'Install with {"upn": "name@example.org"} or {"upns": […]}, and "teamsAppId" unless the catalog has one app.';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new TeamsAppRegistrationError(hint);
  const record = body as Record<string, unknown>;
  const list = record['upns'] ?? (record['upn'] === undefined ? undefined : [record['upn']]);
  if (!Array.isArray(list) || list.length === 0 || list.some((u) => typeof u !== 'string' || u.trim() === '')) throw new TeamsAppRegistrationError(hint);
  const teamsAppId = record['teamsAppId'];
  if (teamsAppId !== undefined && typeof teamsAppId !== 'string') throw new TeamsAppRegistrationError(hint);
  return { upns: list as string[], ...(teamsAppId !== undefined ? { teamsAppId } : {}) };
}

export function createTeamworkDev(deps: { users: UserStore; catalog: TeamsAppCatalog }): TeamworkDev {
  const { users, catalog } = deps;
  const shown = (userPrincipalName: string, i: { userId: string; teamsAppId: string; id: string; installedAt: string }): DevInstallation => ({
    userPrincipalName,
    userId: i.userId,
    teamsAppId: i.teamsAppId,
    installationId: i.id,
    installedAt: i.installedAt,
  });
  const registerTeamsApp = (upload: TeamsAppUpload): TeamsApp => catalog.register(parseTeamsAppUpload(upload));
  const install = (upns: string | readonly string[], teamsAppId?: string): DevInstallation[] => {
    const apps = catalog.list();
    const appId = teamsAppId ?? (apps.length === 1 ? apps[0]?.id : undefined);
    if (appId === undefined) throw new TeamsAppRegistrationError(apps.length === 0 ? 'The catalog has no Teams app: register one first (POST /_dev/teamsApps).' : 'Name the app to install: "teamsAppId" (the catalog has several).');
    return (typeof upns === 'string' ? [upns] : upns).map((upn) => {
      const user = users.byUpn(upn.trim());
      if (!user) throw new GraphError(404, 'userNotFound', `No user '${upn}' is registered. Register it first with POST /_dev/users.`);
      return shown(user.userPrincipalName, catalog.install(user.id, appId).installation);
    });
  };
  const installations = (upn: string | null): DevInstallation[] => {
    const user = upn === null ? undefined : users.byUpn(upn);
    if (upn !== null && !user) return [];
    const list = user ? catalog.installationsOf(user.id) : catalog.installations();
    return list.map((i) => shown(users.byId(i.userId)?.userPrincipalName ?? i.userId, i));
  };
  return {
    registerTeamsApp,
    install,
    routes: {
      '/teamsApps': {
        GET: () => ({ status: 200, body: { value: catalog.list() } }),
        POST: (req) => ({ status: 200, body: asDevError(() => registerTeamsApp(req.body() as TeamsAppUpload)) }),
      },
      '/installations': {
        GET: (req) => ({ status: 200, body: { value: installations(req.query.get('user')) } }),
        POST: (req) =>
          asDevError(() => {
            const request = installRequest(req.body());
            return { status: 200, body: { value: install(request.upns, request.teamsAppId) } };
          }),
      },
    },
  };
}
