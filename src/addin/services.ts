// How the task pane reaches the outside: configuration, the emulator's people, and sign-in (the
// emulator's dev tokens locally, nested app authentication in Microsoft 365). Injected into the
// components, so component tests run without a network or an Office host.
import type { AppConfig, ConfigResult, DevUser } from '../auth';
import { frontEndTokens, listDevUsers, loadAppConfig } from '../auth';
import { officeLoginHint } from './office-host';
import type { Session } from '../store';
import { openSession } from '../store';

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
  signInLocal: (config, user) => {
    const tokens = frontEndTokens(config, { upn: user.upn }, window.location.origin);
    return openSession({ graphUrl: config.graphUrl, siteRef: config.siteRef, who: user, tokenSource: tokens.graph, ...(tokens.writeApi ? { writeApi: tokens.writeApi } : {}) });
  },
  async signInMicrosoft(config) {
    if (!config.clientId || !config.tenantId) throw new Error('clientId och tenantId saknas i konfigurationen.');
    const loginHint = await officeLoginHint();
    const tokens = frontEndTokens(config, { redirectUri: `${window.location.origin}/auth-redirect.html`, ...(loginHint ? { loginHint } : {}) }, window.location.origin);
    return openSession({ graphUrl: config.graphUrl, siteRef: config.siteRef, tokenSource: tokens.graph, ...(tokens.writeApi ? { writeApi: tokens.writeApi } : {}) });
  },
};
