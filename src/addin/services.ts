// How the task pane reaches the outside: configuration, the emulator's people, and sign-in (the
// emulator's dev tokens locally, nested app authentication in Microsoft 365). Injected into the
// components, so component tests run without a network or an Office host.
import type { AppConfig, ConfigResult, DevUser } from '../auth';
import { createDevTokenSource, createNaaTokenSource, GRAPH_SCOPES, listDevUsers, loadAppConfig } from '../auth';
import { createGraphClient } from '../graph';
import { officeLoginHint } from './office-host';
import type { Session } from './session';
import { openSession, whoAmI } from './session';

export interface AddinServices {
  loadConfig(): Promise<ConfigResult>;
  listUsers(config: AppConfig): Promise<DevUser[]>;
  signInLocal(config: AppConfig, user: DevUser): Promise<Session>;
  signInMicrosoft(config: AppConfig): Promise<Session>;
}

/** The emulator's origin: its Graph root is `${origin}/graph/v1.0`. */
function emulatorOrigin(config: AppConfig): string {
  return new URL(config.graphUrl).origin;
}

export const browserServices: AddinServices = {
  loadConfig: () => loadAppConfig('/config.json'),
  listUsers: (config) => listDevUsers(emulatorOrigin(config)),
  signInLocal: (config, user) => openSession(config, user, createDevTokenSource(emulatorOrigin(config), user.upn)),
  async signInMicrosoft(config) {
    if (!config.clientId || !config.tenantId) throw new Error('clientId och tenantId saknas i konfigurationen.');
    const loginHint = await officeLoginHint();
    const tokens = createNaaTokenSource({
      clientId: config.clientId,
      tenantId: config.tenantId,
      scopes: GRAPH_SCOPES,
      redirectUri: `${window.location.origin}/auth-redirect.html`,
      ...(loginHint ? { loginHint } : {}),
    });
    const who = await whoAmI(createGraphClient({ baseUrl: config.graphUrl, tokenSource: tokens }));
    return openSession(config, who, tokens);
  },
};
