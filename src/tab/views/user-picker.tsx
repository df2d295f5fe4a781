// Outside Teams, against the emulator only: choose which of the emulator's people to be.
import { Button, Text, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { DevUser } from '../../auth';
import type { Strings } from '../../ui';
import { PersonPicker } from '../../ui';
import { useViewStyles } from './views.styles';

export function UserPicker({ users, strings, onPick }: { users: readonly DevUser[]; strings: Strings; onPick: (user: DevUser) => void }) {
  const styles = useViewStyles();
  const [upn, setUpn] = useState(users[0]?.upn ?? '');
  return (
    <form
      className={styles.root}
      onSubmit={(event) => {
        event.preventDefault();
        const user = users.find((u) => u.upn === upn);
        if (user) onPick(user);
      }}
    >
      <Title3 as="h1">{strings.pickUser.title}</Title3>
      <Text>{strings.pickUser.intro}</Text>
      <PersonPicker label={strings.pickUser.label} people={users.map((u) => ({ upn: u.upn, displayName: u.displayName, detail: u.jobTitle ?? undefined }))} value={upn} onChange={setUpn} />
      <div>
        <Button appearance="primary" type="submit">
          {strings.pickUser.choose}
        </Button>
      </div>
    </form>
  );
}
