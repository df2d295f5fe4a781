// Start-up: configuration, host detection, sign-in (NAA in Teams, the user picker against the local
// emulator), then the workspace. Any configuration that would mean running unauthenticated is
// refused with a message instead.
import { FluentProvider, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppConfig, DevUser } from '../auth';
import { frontEndTokens, listDevUsers, loadAppConfig } from '../auth';
import type { HostTheme, Strings, UiLanguage } from '../ui';
import { fluentTheme, languageOf, stringsFor } from '../ui';
import { choiceFromUrl } from './data/plan-choice';
import type { Session } from './data/session';
import { openSession } from './data/session';
import type { HostInfo } from './host/teams-host';
import { detectHost } from './host/teams-host';
import { ChannelConfig } from './views/channel-config';
import { Refusal } from './views/refusal';
import { UserPicker } from './views/user-picker';
import type { ViewName } from './data/link-target';
import { VIEWS } from './data/link-target';
import { Workspace } from './workspace';

type Stage =
  | { readonly name: 'starting' }
  | { readonly name: 'refused'; readonly intro: string; readonly problems: readonly string[] }
  | { readonly name: 'pick-user'; readonly config: AppConfig; readonly users: readonly DevUser[] }
  | { readonly name: 'ready' | 'configure'; readonly session: Session };

const DEV_USER = 'malkoll.devUser';

function emulatorOrigin(config: AppConfig): string {
  return new URL(config.graphUrl).origin;
}

export function App() {
  const [host, setHost] = useState<HostInfo | undefined>();
  const [theme, setTheme] = useState<HostTheme>('default');
  const [stage, setStage] = useState<Stage>({ name: 'starting' });
  const language: UiLanguage = languageOf(host?.locale);
  const strings: Strings = stringsFor(language);
  const params = new URLSearchParams(window.location.search);

  useEffect(() => {
    document.documentElement.lang = language === 'en' ? 'en' : 'sv';
  }, [language]);

  const signIn = async (config: AppConfig, user: { upn: string; displayName: string }, found: HostInfo) => {
    const tokens = frontEndTokens(config, { upn: user.upn, ...(found.loginHint ? { loginHint: found.loginHint } : {}), redirectUri: `${window.location.origin}/auth-redirect.html` }, window.location.origin);
    const session = await openSession(config, user, tokens);
    setStage({ name: found.frameContext === 'settings' || params.get('view') === 'config' ? 'configure' : 'ready', session });
  };

  useEffect(() => {
    let live = true;
    const start = async () => {
      const [configResult, found] = await Promise.all([loadAppConfig(), detectHost()]);
      if (!live) return;
      setHost(found);
      setTheme(found.theme);
      found.onThemeChange((next) => setTheme(next));
      const s = stringsFor(languageOf(found.locale));
      if (!configResult.ok) return setStage({ name: 'refused', intro: s.config.refusedIntro, problems: configResult.problems });
      const config = configResult.config;
      if (config.mode === 'tenant') {
        if (!found.inTeams || !found.upn) return setStage({ name: 'refused', intro: s.config.notInTeams, problems: [] });
        return signIn(config, { upn: found.upn, displayName: found.displayName ?? found.upn }, found);
      }
      // Emulator: the person comes from ?as=, the last choice, or the picker.
      const users = await listDevUsers(emulatorOrigin(config));
      const wanted = params.get('as') ?? localStorage.getItem(DEV_USER);
      const user = users.find((u) => u.upn.toLowerCase() === wanted?.toLowerCase());
      if (user) return signIn(config, user, found);
      setStage({ name: 'pick-user', config, users });
    };
    start().catch((error: unknown) => live && setStage({ name: 'refused', intro: stringsFor('sv').errors.loadFailed(error instanceof Error ? error.message : String(error)), problems: [] }));
    return () => {
      live = false;
    };
    // Runs once: the URL and the host do not change while the tab is open.
    // (Theme changes arrive through the host's handler.)
  }, []);

  const initialView = params.get('view');
  const subPageId = host?.subPageId;
  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: '100vh' }} data-theme={theme}>
      {stage.name === 'starting' ? <Spinner label={strings.loading} /> : null}
      {stage.name === 'refused' ? <Refusal strings={strings} intro={stage.intro} problems={stage.problems} /> : null}
      {stage.name === 'pick-user' && host ? (
        <UserPicker
          users={stage.users}
          strings={strings}
          onPick={(user) => {
            localStorage.setItem(DEV_USER, user.upn);
            void signIn(stage.config, user, host);
          }}
        />
      ) : null}
      {stage.name === 'configure' ? <ChannelConfig session={stage.session} strings={strings} /> : null}
      {stage.name === 'ready' ? (
        <Workspace
          key={stage.session.upn}
          session={stage.session}
          strings={strings}
          language={language}
          choice={choiceFromUrl(window.location.search)}
          {...(subPageId ? { subPageId } : {})}
          {...(initialView && (VIEWS as readonly string[]).includes(initialView) ? { initialView: initialView as ViewName } : {})}
          {...(stage.session.config.mode === 'emulator' && host
            ? {
                onSwitchUser: () => {
                  localStorage.removeItem(DEV_USER);
                  void listDevUsers(emulatorOrigin(stage.session.config)).then((users) => setStage({ name: 'pick-user', config: stage.session.config, users }));
                },
              }
            : {})}
        />
      ) : null}
    </FluentProvider>
  );
}
