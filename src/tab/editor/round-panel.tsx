// The reporting round in the editor: the item's state with who moved it and when, a send-back's
// comment where the reporter cannot miss it, why the form is read-only, and the steps this person
// may take (by the round's rules; the write API decides again before anything is written).
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ItemState, RoundRole } from '../../core';
import { transition } from '../../core';
import type { StoredEntry } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { StateBadge } from '../views/state-badge';
import { dayLabel, momentLabel } from './round-labels';
import { useRoundPanelStyles } from './round-panel.styles';
import type { RoundStepName, StepOutcome } from './use-round-step';

/** A date-only ReportedAt (older data) has no time of day worth showing. */
const whenOf = (iso: string | undefined, language: UiLanguage) => (iso && iso.length <= 10 ? dayLabel(iso, language) : momentLabel(iso, language));

/** "Markerad som klar av Johan Ekström 2 december 14:05"; nothing for an item not started. */
export function stateLine(entry: StoredEntry | undefined, state: ItemState, nameOf: (upn: string | undefined) => string, strings: Strings, language: UiLanguage): string | undefined {
  if (!entry || state === 'not-started') return undefined;
  const upn = entry.stateByUpn ?? entry.reportedByUpn;
  if (!upn) return undefined;
  return strings.roundEditor.by[state](nameOf(upn), whenOf(entry.stateAt ?? entry.reportedAt, language));
}

export interface RoundStateProps {
  readonly entry: StoredEntry | undefined;
  readonly state: ItemState;
  readonly role: RoundRole;
  readonly locked: boolean;
  readonly nameOf: (upn: string | undefined) => string;
  readonly strings: Strings;
  readonly language: UiLanguage;
}

/** The state, the send-back's comment and why the form is read-only: above the form. */
export function RoundState({ entry, state, role, locked, nameOf, strings, language }: RoundStateProps) {
  const styles = useRoundPanelStyles();
  const s = strings.roundEditor;
  const line = stateLine(entry, state, nameOf, strings, language);
  // After a send-back the comment stays with the entry until it is klar again: shown until then.
  const returnComment = entry?.returnComment && (state === 'returned' || state === 'draft') ? entry.returnComment : undefined;
  const held = !locked && !transition(state, 'save', { role }).ok;
  return (
    <>
      <div className={styles.state} data-testid="round-state">
        <Text weight="semibold">{s.state}:</Text> <StateBadge state={state} language={language} />
        {line ? <Text className={styles.muted}>{line}</Text> : null}
      </div>
      {returnComment ? (
        <MessageBar intent="warning" layout="multiline" data-testid="return-comment">
          <MessageBarBody>
            <MessageBarTitle>{state === 'returned' && entry?.stateByUpn ? s.returnedBy(nameOf(entry.stateByUpn), whenOf(entry.stateAt, language)) : s.returnComment}</MessageBarTitle>
            <Text block className={styles.comment}>
              {returnComment}
            </Text>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {held ? (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{state === 'approved' ? s.readOnlyApproved : s.readOnlyDone}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export interface RoundStepsProps {
  readonly state: ItemState;
  readonly role: RoundRole;
  /** Unsaved changes: "Markera som klar" saves them first. */
  readonly dirty: boolean;
  /** A save in flight or a save's conflict waiting: no step until it is settled. */
  readonly disabled: boolean;
  readonly busy: RoundStepName | undefined;
  readonly outcome: StepOutcome | undefined;
  readonly onStep: (step: RoundStepName, comment?: string) => Promise<boolean>;
  /** The saved version after a step's conflict, as the editor shows versions. */
  readonly renderVersion: (entry: StoredEntry) => ReactNode;
  readonly strings: Strings;
}

const ORDER: readonly RoundStepName[] = ['mark-done', 'approve', 'send-back', 'reopen'];

/** Which steps the round's rules let this role take from this state; "Markera som klar" also after unsaved changes. */
export function availableSteps(state: ItemState, role: RoundRole, dirty: boolean): RoundStepName[] {
  return ORDER.filter((step) => {
    if (step === 'mark-done' && dirty) return transition(state, 'save', { role }).ok && state !== 'done' && state !== 'approved';
    // A send-back's comment is asked for when the step is taken; here only whether it may be.
    return transition(state, step, { role }, { comment: step === 'send-back' ? '-' : undefined }).ok;
  });
}

/** The steps, the send-back's comment, and each step's answer where it was taken. */
export function RoundSteps(props: RoundStepsProps) {
  const { state, role, dirty, disabled, busy, outcome, onStep, strings } = props;
  const styles = useRoundPanelStyles();
  const s = strings.roundEditor;
  const [askingComment, setAskingComment] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>();
  const rootRef = useRef<HTMLDivElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const focusComment = () => rootRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  const steps = availableSteps(state, role, dirty);
  // Cancelling puts focus back on "Skicka tillbaka", once it is enabled again.
  const refocusSendBack = useRef(false);
  useEffect(() => {
    if (askingComment) focusComment();
    else if (refocusSendBack.current) {
      refocusSendBack.current = false;
      rootRef.current?.querySelector<HTMLButtonElement>('[data-step="send-back"]')?.focus();
    }
  }, [askingComment]);
  // A step changes which buttons there are: focus goes to its answer, which is read out.
  useEffect(() => {
    if (outcome) answerRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (outcome?.kind === 'refused' && outcome.commentRequired) setCommentError(outcome.text);
  }, [outcome]);

  const label = (step: RoundStepName) => (busy === step ? s.working : step === 'mark-done' ? (dirty ? s.saveAndMarkDone : s.markDone) : step === 'reopen' ? s.reopen : step === 'approve' ? s.approve : s.sendBack);
  const take = (step: RoundStepName) => {
    if (step === 'send-back') {
      setAskingComment(true);
      return;
    }
    void onStep(step);
  };
  const sendBack = async () => {
    if (comment.trim() === '') {
      setCommentError(s.commentRequired);
      focusComment();
      return;
    }
    setCommentError(undefined);
    if (await onStep('send-back', comment)) {
      setAskingComment(false);
      setComment('');
    }
  };
  if (steps.length === 0 && !outcome) return null;
  return (
    <div className={styles.steps} ref={rootRef}>
      {steps.length > 0 ? (
        <div role="group" aria-label={s.steps} className={styles.buttons}>
          {steps.map((step) => (
            <Button
              key={step}
              type="button"
              data-step={step}
              appearance={step === 'approve' || (step === 'mark-done' && !dirty) ? 'primary' : 'secondary'}
              disabled={disabled || busy !== undefined || (step === 'send-back' && askingComment)}
              onClick={() => take(step)}
            >
              {label(step)}
            </Button>
          ))}
        </div>
      ) : null}
      {askingComment && steps.includes('send-back') ? (
        <div className={styles.sendBack}>
          <Field label={s.sendBackComment} hint={s.sendBackHint} required {...(commentError ? { validationMessage: commentError, validationState: 'error' as const } : {})}>
            <Textarea value={comment} rows={3} resize="vertical" onChange={(_e, d) => setComment(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button type="button" appearance="primary" disabled={busy !== undefined} onClick={() => void sendBack()}>
              {busy === 'send-back' ? s.working : s.sendBackConfirm}
            </Button>
            <Button
              type="button"
              onClick={() => {
                refocusSendBack.current = true;
                setAskingComment(false);
                setCommentError(undefined);
              }}
            >
              {s.cancel}
            </Button>
          </div>
        </div>
      ) : null}
      <div ref={answerRef} tabIndex={-1} className={styles.answer}>
        {outcome?.kind === 'moved' ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome?.kind === 'refused' || outcome?.kind === 'failed' ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        {outcome?.kind === 'conflict' ? (
          <MessageBar intent="warning" role="alert" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.conflictTitle}</MessageBarTitle>
              {s.conflictIntro}
              <div className={styles.version} data-testid="step-conflict-theirs">
                {props.renderVersion(outcome.server)}
              </div>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </div>
  );
}
