// The plan's status for its controllers: Utkast, Fastställd or Arkiverad, who took the step and
// when (by name), and the next step ("Fastställ planen", "Arkivera planen") behind a confirmation.
// The write API records who and when from the token and its own clock.
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { PLAN_STATUS } from '../../core';
import type { LoadedPlan } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import type { PlanWrites } from './plan-writes';
import { messageOf } from './plan-writes';
import { usePlanEditorStyles } from './plan-editor.styles';

export interface PlanStatusPanelProps {
  readonly plan: LoadedPlan;
  readonly writes: PlanWrites | undefined;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly nameOf: (upn: string | undefined) => string;
  /** After a change: the plan loaded again. */
  readonly onChanged: () => Promise<void>;
}

export function whenText(iso: string | undefined, language: UiLanguage): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

export function PlanStatusPanel({ plan, writes, strings, language, nameOf, onChanged }: PlanStatusPanelProps) {
  const styles = usePlanEditorStyles();
  const s = strings.planEditor.status;
  const status = plan.plan.status;
  const [asking, setAsking] = useState<'adopt' | 'archive' | undefined>();
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | undefined>();
  const questionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [asking]);
  const next = status === 'draft' ? 'adopt' : status === 'adopted' ? 'archive' : undefined;

  const change = async (step: 'adopt' | 'archive') => {
    if (!writes) return;
    setWorking(true);
    setNotice(undefined);
    try {
      const result = await writes.changePlanStatus(plan, step, plan.plan.eTag);
      if (result.status === 'saved') {
        await onChanged();
        setNotice({ intent: 'success', text: step === 'adopt' ? s.adopted : s.archivedNow });
      } else if (result.status === 'conflict') {
        await onChanged();
        setNotice({ intent: 'warning', text: s.conflict });
      } else {
        setNotice({ intent: 'error', text: s.failed(result.refusal.message) });
      }
    } catch (error) {
      setNotice({ intent: 'error', text: s.failed(messageOf(error)) });
    } finally {
      setWorking(false);
      setAsking(undefined);
    }
  };

  return (
    <div className={styles.header} data-testid="plan-status">
      <div className={styles.statusRow}>
        <Text weight="semibold">{s.label}:</Text>
        <Badge appearance={status === 'draft' ? 'outline' : 'filled'} color={status === 'draft' ? 'warning' : status === 'adopted' ? 'success' : 'informative'}>
          {PLAN_STATUS[status][language]}
        </Badge>
        {plan.plan.adoptedByUpn ? <Text>{s.adoptedBy(nameOf(plan.plan.adoptedByUpn), whenText(plan.plan.adoptedAt, language))}</Text> : null}
        {plan.plan.archivedByUpn ? <Text>{s.archivedBy(nameOf(plan.plan.archivedByUpn), whenText(plan.plan.archivedAt, language))}</Text> : null}
      </div>
      {status === 'draft' ? <Text>{s.draftNote}</Text> : null}
      {status === 'archived' ? <Text>{s.archivedNote}</Text> : null}
      {next && writes && !asking ? (
        <div className={styles.actions}>
          <Button appearance={next === 'adopt' ? 'primary' : 'secondary'} onClick={() => setAsking(next)} disabled={working}>
            {next === 'adopt' ? s.adopt : s.archive}
          </Button>
        </div>
      ) : null}
      {asking ? (
        <div ref={questionRef}>
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{asking === 'adopt' ? s.adoptQuestion : s.archiveQuestion}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void change(asking)} disabled={working}>
              {working ? s.working : asking === 'adopt' ? s.confirmAdopt : s.confirmArchive}
            </Button>
            <Button onClick={() => setAsking(undefined)} disabled={working}>
              {strings.planEditor.cancel}
            </Button>
          </MessageBarActions>
        </MessageBar>
        </div>
      ) : null}
      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
