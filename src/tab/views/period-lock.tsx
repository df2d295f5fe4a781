// The plan's period lock in the tab: everyone sees "Låst av Elin Ström 2 december"; the plan's
// controllers lock and unlock it. Locking is refused while items are not approved, naming them,
// and "Lås ändå" locks anyway. Through Målkoll's write API, which checks the controller again.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { RoundItem } from '../../core';
import { ITEM_STATE, isController } from '../../core';
import type { FollowUpStore, LoadedPlan, LockResult, WriteApi } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { usePeopleNames } from '../data/people-names';
import { dayLabel } from '../editor/round-labels';
import { usePeriodLockStyles } from './period-lock.styles';
import { useViewStyles } from './views.styles';

export interface PeriodLockProps {
  readonly plan: LoadedPlan;
  readonly periodKey: string;
  readonly upn: string;
  /** The write API; without it the controls are not offered (the line still is). */
  readonly writer?: Pick<WriteApi, 'setPeriodLock'> | undefined;
  readonly people: Pick<FollowUpStore, 'people'>;
  readonly strings: Strings;
  readonly language: UiLanguage;
  /** The lock changed (or was already as asked): the plan should be loaded again. */
  readonly onChanged: () => void;
}

/** The items a refusal names on screen; the rest are counted. */
const NAMED = 10;

type Answer =
  | { readonly kind: 'not-approved'; readonly items: readonly RoundItem[]; readonly message: string }
  | { readonly kind: 'error'; readonly text: string };

export function PeriodLock({ plan, periodKey, upn, writer, people, strings, language, onChanged }: PeriodLockProps) {
  const styles = useViewStyles();
  const own = usePeriodLockStyles();
  const s = strings.periodLock;
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | undefined>();
  const period = plan.periods.find((p) => p.key === periodKey);
  const controller = isController(upn, { controllers: plan.organisation.controllerUpns ?? [] });
  const refusedItems = answer?.kind === 'not-approved' ? answer.items.slice(0, NAMED) : [];
  const nameOf = usePeopleNames(people, [period?.lockedByUpn, ...refusedItems.map((i) => i.ownerUpn)]);
  if (!period || (!period.locked && !(controller && writer))) return null;

  const settle = (result: LockResult) => {
    if (result.status === 'saved' || result.status === 'unchanged') {
      setAnswer(undefined);
      onChanged();
    } else if (result.status === 'conflict') setAnswer({ kind: 'error', text: s.conflict });
    else if (result.refusal.code === 'not-approved') setAnswer({ kind: 'not-approved', items: result.refusal.items ?? [], message: result.refusal.message });
    else setAnswer({ kind: 'error', text: result.refusal.message });
  };
  const change = async (lock: { readonly locked: boolean; readonly force?: boolean }) => {
    if (!writer) return;
    setBusy(true);
    try {
      settle(await writer.setPeriodLock(plan, periodKey, lock));
    } catch (error) {
      setAnswer({ kind: 'error', text: s.failed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };
  const itemLine = (item: RoundItem) =>
    [`${strings.todo.kind[item.kind]}: ${item.title}`, ITEM_STATE[item.state][language], item.ownerUpn ? nameOf(item.ownerUpn) : undefined].filter(Boolean).join(' · ');

  return (
    <div className={own.root} data-testid="period-lock">
      <div className={styles.toolbar}>
        {period.locked ? (
          <Text weight="semibold" data-testid="period-locked">
            {s.lockedBy(period.lockedByUpn ? nameOf(period.lockedByUpn) : undefined, dayLabel(period.lockedAt, language) || undefined)}
          </Text>
        ) : null}
        {controller && writer ? (
          <Button disabled={busy} aria-describedby={answer ? 'period-lock-answer' : undefined} onClick={() => void change({ locked: !period.locked })}>
            {busy ? s.working : period.locked ? s.unlock : s.lock}
          </Button>
        ) : null}
      </div>
      {answer ? (
        <div id="period-lock-answer">
          {answer.kind === 'not-approved' ? (
            <MessageBar intent="warning" role="alert" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{answer.items.length > 0 ? s.notApproved(answer.items.length) : answer.message}</MessageBarTitle>
                {answer.items.length > 0 ? (
                  <ul>
                    {refusedItems.map((item) => (
                      <li key={`${item.kind}:${item.ref}`}>{itemLine(item)}</li>
                    ))}
                    {answer.items.length > NAMED ? <li>{s.more(answer.items.length - NAMED)}</li> : null}
                  </ul>
                ) : null}
              </MessageBarBody>
              <MessageBarActions>
                <Button appearance="primary" disabled={busy} onClick={() => void change({ locked: true, force: true })}>
                  {busy ? s.working : s.force}
                </Button>
                <Button disabled={busy} onClick={() => setAnswer(undefined)}>
                  {s.cancel}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{answer.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      ) : null}
    </div>
  );
}
