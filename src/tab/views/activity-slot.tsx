// The Aktivitet panel's place. Issue 7 (notifications) fills it; the slot, its label and its
// position are fixed here so that work does not have to touch the shell.
import { Subtitle2, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Strings } from '../../ui';

export function ActivitySlot({ strings, children }: { strings: Strings; children?: ReactNode }) {
  return (
    <aside id="activity-panel" aria-labelledby="activity-heading" data-slot="activity">
      <Subtitle2 as="h2" id="activity-heading">
        {strings.activity.title}
      </Subtitle2>
      {children ?? <Text block>{strings.activity.placeholder}</Text>}
    </aside>
  );
}
