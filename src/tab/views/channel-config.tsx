// The channel tab's configuration page: the team picks one organisation's plan; the tab's content
// URL then carries `?plan=ORG:YEAR`.
import { Text, Title3 } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../core';
import { planKey as planKeyOf } from '../../core';
import type { Stored } from '../../store';
import type { Strings } from '../../ui';
import { PlanPicker } from '../../ui';
import type { Session } from '../data/session';
import { registerChannelTabConfig } from '../host/teams-host';
import { useViewStyles } from './views.styles';

export function ChannelConfig({ session, strings }: { session: Session; strings: Strings }) {
  const styles = useViewStyles();
  const [plans, setPlans] = useState<Array<Stored<Plan>>>([]);
  const [planKey, setPlanKey] = useState('');
  const chosen = useRef('');
  const setValid = useRef<((valid: boolean) => void) | undefined>(undefined);
  useEffect(() => {
    void session.store.listPlans().then(setPlans);
    const titleOf = (key: string) => plans.find((p) => planKeyOf(p.organisationCode, p.year) === key)?.title ?? key;
    registerChannelTabConfig(() => chosen.current || undefined, window.location.origin, titleOf).then(
      (fn) => (setValid.current = fn),
      () => undefined,
    );
  }, [session]);
  return (
    <div className={styles.root}>
      <Title3 as="h1">{strings.channelConfig.title}</Title3>
      <Text>{strings.channelConfig.intro}</Text>
      <PlanPicker
        label={strings.channelConfig.plan}
        plans={plans}
        value={planKey}
        placeholder="–"
        onChange={(key) => {
          setPlanKey(key);
          chosen.current = key;
          setValid.current?.(key !== '');
        }}
      />
    </div>
  );
}
