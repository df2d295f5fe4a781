// Outside Teams, against the emulator only: choose which of the emulator's people to be.
import { Button, Field, Select, Text, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { DevUser } from '../../auth';
import type { Strings } from '../../ui';
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
      <Field label={strings.pickUser.label}>
        <Select value={upn} onChange={(_e, d) => setUpn(d.value)}>
          {users.map((u) => (
            <option key={u.upn} value={u.upn}>
              {u.displayName} ({u.upn})
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" type="submit">
          {strings.pickUser.choose}
        </Button>
      </div>
    </form>
  );
}
