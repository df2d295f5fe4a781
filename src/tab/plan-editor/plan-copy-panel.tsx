// Copy to next year, for the controllers: behind a question, through the write API (which makes
// the draft with the same identities and says what went along and what stayed).
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { LoadedPlan } from '../../store';
import type { Strings } from '../../ui';
import type { PlanWrites } from './plan-writes';
import { messageOf } from './plan-writes';

export interface PlanCopyPanelProps {
  readonly plan: LoadedPlan;
  readonly writes: Pick<PlanWrites, 'copyPlan'> | undefined;
  readonly strings: Strings;
}

export function PlanCopyPanel({ plan, writes, strings }: PlanCopyPanelProps) {
  const s = strings.planEditor.copy;
  const next = plan.plan.year + 1;
  const [asking, setAsking] = useState(false);
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  if (!writes || plan.plan.status === 'draft') return null;
  const copy = async () => {
    setWorking(true);
    setNotice(undefined);
    try {
      const result = await writes.copyPlan(plan, next);
      if (result.status === 'copied') {
        const { carried, left } = result.report;
        setNotice({ intent: 'success', text: s.done(`${plan.organisation.name} ${next}`, carried.goals, carried.indicators, carried.assignments.length, carried.actions.length, left.length) });
      } else setNotice({ intent: 'error', text: s.failed(result.message) });
    } catch (error) {
      setNotice({ intent: 'error', text: s.failed(messageOf(error)) });
    } finally {
      setWorking(false);
      setAsking(false);
    }
  };
  return (
    <div data-testid="plan-copy">
      {asking ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{s.question(next)}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void copy()} disabled={working}>
              {working ? s.working : s.confirm}
            </Button>
            <Button onClick={() => setAsking(false)} disabled={working}>
              {strings.planEditor.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <Button onClick={() => setAsking(true)}>{s.button(next)}</Button>
      )}
      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
