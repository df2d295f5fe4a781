// Sign-in: Microsoft 365 through nested app authentication, or the emulator's people locally.
import { Button, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AppConfig, DevUser } from '../auth';
import type { AddinServices } from './services';
import type { Session } from '../store';
import { PersonPicker } from '../ui';
import { TEXT } from './strings';
import { useTaskPaneStyles } from './task-pane.styles';

export interface SignInProps {
  readonly config: AppConfig;
  readonly services: AddinServices;
  readonly onSignedIn: (session: Session) => void;
  readonly onError: (message: string) => void;
}

export function SignIn({ config, services, onSignedIn, onError }: SignInProps) {
  const styles = useTaskPaneStyles();
  const [users, setUsers] = useState<DevUser[]>([]);
  const [upn, setUpn] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (config.mode !== 'emulator') return;
    services.listUsers(config).then(
      (list) => {
        setUsers(list);
        setUpn((current) => current || list[0]?.upn || '');
      },
      (error: unknown) => onError(error instanceof Error ? error.message : String(error)),
    );
  }, [config, services, onError]);

  const signIn = async () => {
    setBusy(true);
    try {
      const user = users.find((u) => u.upn === upn);
      onSignedIn(config.mode === 'emulator' && user ? await services.signInLocal(config, user) : await services.signInMicrosoft(config));
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.row} aria-labelledby="signin-heading">
      <Text as="h2" weight="semibold" size={400} id="signin-heading">
        {TEXT.signInHeading}
      </Text>
      <Text className={styles.muted}>{TEXT.signInIntro}</Text>
      {config.mode === 'emulator' ? (
        <>
          <PersonPicker label={TEXT.devUserLabel} hint={TEXT.devUserHint} people={users.map((u) => ({ upn: u.upn, displayName: u.displayName, detail: u.jobTitle ?? undefined }))} value={upn} onChange={setUpn} />
          <Button appearance="primary" onClick={() => void signIn()} disabled={busy || upn === ''}>
            {TEXT.signIn}
          </Button>
        </>
      ) : (
        <Button appearance="primary" onClick={() => void signIn()} disabled={busy}>
          {TEXT.signInWithMicrosoft}
        </Button>
      )}
    </section>
  );
}
