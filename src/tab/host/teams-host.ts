// The Teams host, behind a small interface so the same app runs in Teams, in a plain browser and in
// component tests. teams-js decides whether Teams is there, whatever the framing: Teams on iOS and
// Android loads tabs top-level, in a frameless webview that teams-js reaches through
// `window.nativeInterface`. It is loaded lazily, so it never weighs on the first view's bundle; in a
// plain browser tab its initialisation fails at once ("No Parent window found").
import type * as TeamsJsModule from '@microsoft/teams-js';
import type { HostTheme } from '../../ui';
import { normaliseTheme } from '../../ui';

export interface HostInfo {
  readonly inTeams: boolean;
  readonly locale?: string;
  readonly theme: HostTheme;
  readonly upn?: string;
  readonly loginHint?: string;
  readonly displayName?: string;
  readonly tenantId?: string;
  /** Deep-link payload (`page.subPageId`), see core/deep-links.ts. */
  readonly subPageId?: string;
  /** `settings` when Teams shows the channel tab's configuration page. */
  readonly frameContext?: string;
  readonly onThemeChange: (handler: (theme: HostTheme) => void) => void;
}

const INIT_TIMEOUT_MS = 5000;

function fromUrl(search: string): HostInfo {
  const params = new URLSearchParams(search);
  const locale = params.get('locale');
  const subPageId = params.get('subPageId');
  return {
    inTeams: false,
    theme: normaliseTheme(params.get('theme')),
    ...(locale ? { locale } : {}),
    ...(subPageId ? { subPageId } : {}),
    onThemeChange: () => undefined,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

type TeamsJs = Pick<typeof TeamsJsModule, 'app'>;

export async function detectHost(win: Window = window, loadTeams: () => Promise<TeamsJs> = () => import('@microsoft/teams-js')): Promise<HostInfo> {
  const standalone = fromUrl(win.location.search);
  try {
    const { app } = await loadTeams();
    await withTimeout(app.initialize(), INIT_TIMEOUT_MS);
    const context = await app.getContext();
    const user = context.user;
    return {
      inTeams: true,
      theme: normaliseTheme(context.app.theme),
      locale: context.app.locale,
      ...(user?.userPrincipalName ? { upn: user.userPrincipalName } : {}),
      ...(user?.loginHint ? { loginHint: user.loginHint } : {}),
      ...(user?.displayName ? { displayName: user.displayName } : {}),
      ...(user?.tenant?.id ? { tenantId: user.tenant.id } : {}),
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : standalone.subPageId ? { subPageId: standalone.subPageId } : {}),
      frameContext: context.page.frameContext,
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(normaliseTheme(theme))),
    };
  } catch {
    // Not in Teams (a plain browser tab, a test harness, another site's frame): run as standalone.
    return standalone;
  }
}

/** The channel tab's configuration page: binds the tab to one plan (Teams `pages.config`). */
export async function registerChannelTabConfig(getPlanKey: () => string | undefined, origin: string, label: (planKey: string) => string): Promise<(valid: boolean) => void> {
  const { pages } = await import('@microsoft/teams-js');
  pages.config.registerOnSaveHandler((saveEvent) => {
    const planKey = getPlanKey();
    if (!planKey) {
      saveEvent.notifyFailure('Välj en plan');
      return;
    }
    const contentUrl = `${origin}/index.html?plan=${encodeURIComponent(planKey)}`;
    pages.config
      .setConfig({ entityId: `plan-${planKey}`, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: label(planKey) })
      .then(() => saveEvent.notifySuccess())
      .catch((error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)));
  });
  return (valid) => pages.config.setValidityState(valid);
}
