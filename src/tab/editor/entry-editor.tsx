// The editor for one thing and one period: outcome, assessment, trend, comment (status for actions),
// with last period's values beside, suggestions from the rules, conflicts shown with both versions,
// and the reporting round: the item's state, and the steps (klar, öppna igen, skicka tillbaka, godkänn).
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, Text, Textarea, Title3 } from '@fluentui/react-components';
import { calendarDate, formatOutcome, formatTarget, formatValue, isController, isPrognosis, itemStateOf, periodLabel, transition } from '../../core';
import { useCallback, useEffect, useRef } from 'react';
import type { StoredEntry } from '../../store';
import type { UiLanguage } from '../../ui';
import { AssessmentSymbol, NumberField } from '../../ui';
import type { Draft } from './editor-model';
import { draftFrom } from './editor-model';
import { usePeopleNames } from '../data/people-names';
import { CodeSelect } from './code-select';
import { EditorContext } from './editor-context';
import { useEntryEditorStyles } from './entry-editor.styles';
import { EntryHistory } from './entry-history';
import { RoundState, RoundSteps, stateLine } from './round-panel';
import type { EntryEditorInput } from './use-entry-editor';
import { useEntryEditor } from './use-entry-editor';
import type { RoundStepName } from './use-round-step';
import { useRoundStep } from './use-round-step';
import { assessmentLabel, assessmentOptions, levelLabel, levelOptions, statusLabel, statusOptions, trendLabel, trendOptions } from './vocabulary-labels';

export interface EntryEditorProps extends EntryEditorInput {
  readonly language: UiLanguage;
  readonly onClose: () => void;
  /** Opens the next item; with it the form offers "Spara och nästa". */
  readonly onNext?: (() => void) | undefined;
  /** YYYY-MM-DD: "today", for how late an åtgärd is. */
  readonly asOf?: string | undefined;
}

/** A goal's or uppdrag's assessment at a delår is the forecast for the year, and is labelled so. */
function assessmentFieldLabel({ subject, periodKey, strings }: EntryEditorProps): string {
  return isPrognosis(periodKey, subject.kind) ? strings.editor.prognosis : strings.editor.assessment;
}

function DraftSummary({ draft, props }: { draft: Draft; props: EntryEditorProps }) {
  const { subject, language, strings } = props;
  const lines: string[] = [];
  const unit = subject.indicator?.unit;
  if (subject.kind === 'indicator' && subject.indicator?.valueType !== 'qualitative') lines.push(`${strings.editor.outcome}: ${draft.valueText ? `${draft.valueText}${unit ? ` ${unit}` : ''}` : '–'}`);
  if (draft.referenceText) lines.push(`${strings.editor.reference}: ${draft.referenceText}${unit ? ` ${unit}` : ''}`);
  if (draft.level) lines.push(`${strings.editor.level}: ${levelLabel(draft.level, language)}`);
  if (draft.assessment) lines.push(`${assessmentFieldLabel(props)}: ${assessmentLabel(subject.kind, draft.assessment, language)}`);
  if (draft.trend) lines.push(`${strings.editor.trend}: ${trendLabel(draft.trend, language)}`);
  if (draft.status) lines.push(`${strings.editor.status}: ${statusLabel(draft.status, language)}`);
  lines.push(`${strings.editor.comment}: ${draft.comment || '–'}`);
  return <>{lines.join('\n')}</>;
}

export function EntryEditor(props: EntryEditorProps) {
  const { subject, strings, language, periodKey } = props;
  const styles = useEntryEditorStyles();
  const editor = useEntryEditor(props);
  const { draft, update, errors, notice, suggestions, conflict } = editor;
  const indicator = subject.indicator;
  const numeric = subject.kind === 'indicator' && indicator?.valueType !== 'qualitative';
  const qualitative = subject.kind === 'indicator' && indicator?.valueType === 'qualitative';
  const headingId = `editor-${subject.kind}-${subject.ref}`;
  const previous = editor.previous;
  // A previous-year target is last year's figure, which is the comparison period's outcome.
  const targetText = indicator ? formatTarget(indicator, { previousYearValue: previous?.value }) : undefined;
  const withReference = numeric && indicator?.targetKind === 'reference';

  // The comparison period is the same period a year earlier, named even when nothing was reported.
  const comparisonLabel = periodLabel(props.comparison?.periodKey ?? periodKey, language);
  const previousHeading = strings.editor.previous(comparisonLabel);
  const locked = props.locked === true;
  const formRef = useRef<HTMLFormElement>(null);
  // The round's rules say what this person may do with the entry; the write API says it again.
  const role = isController(props.upn, { controllers: props.plan.organisation.controllerUpns ?? [] }) ? 'controller' : 'reporter';
  const state = itemStateOf(editor.base);
  const readOnly = locked || !transition(state, 'save', { role }).ok;
  const steps = useRoundStep({ writer: props.round, plan: props.plan, subject, periodKey, strings, onEntry: editor.adopt });
  const stepServer = steps.outcome?.kind === 'conflict' ? steps.outcome.server : undefined;
  const nameOf = usePeopleNames(props.store, [conflict?.server.reportedByUpn, editor.base?.stateByUpn, editor.base?.reportedByUpn, stepServer?.stateByUpn, stepServer?.reportedByUpn]);
  const { dirty, saveForStep, base } = editor;
  const onStep = useCallback(
    async (step: RoundStepName, comment?: string): Promise<boolean> => {
      // "Spara och markera klar": the save first, then the step from the version just saved.
      if (step === 'mark-done' && dirty) {
        const saved = await saveForStep();
        return saved ? steps.run('mark-done', saved) : false;
      }
      return steps.run(step, base, comment);
    },
    [dirty, saveForStep, base, steps],
  );
  const renderVersion = (entry: StoredEntry) => {
    const line = stateLine(entry, itemStateOf(entry), nameOf, strings, language);
    return (
      <>
        {line ? `${line}\n` : ''}
        <DraftSummary draft={draftFrom({ ...subject, ...(editor.action ? { actionStatus: editor.action.status } : {}) }, entry)} props={props} />
      </>
    );
  };
  // Opening puts focus in the first field; a refused outcome puts it back there, with the message tied to it.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (errors.value) formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [errors.value]);
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) : '');
  return (
    <section
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) props.onClose();
      }}
    >
      <Title3 as="h2" id={headingId}>
        {strings.editor.title(subject.title)}
      </Title3>
      <Text block>{periodLabel(periodKey, language)}</Text>
      <RoundState entry={editor.base} state={state} role={role} locked={locked} nameOf={nameOf} strings={strings} language={language} />
      {locked ? (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{strings.editor.locked(periodLabel(periodKey, language))}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice ? (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {editor.pending ? <MessageBarTitle>{strings.editor.confirmTitle}</MessageBarTitle> : null}
            {notice.text}
          </MessageBarBody>
          {editor.pending ? (
            <MessageBarActions>
              <Button appearance="primary" onClick={editor.confirm} disabled={editor.saving}>
                {strings.editor.confirmSave}
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {conflict ? (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.editor.conflict.title}</MessageBarTitle>
            {strings.editor.conflict.intro}
            {conflict.server.reportedByUpn ? <Text block>{strings.editor.conflict.savedBy(nameOf(conflict.server.reportedByUpn), when(conflict.server.reportedAt))}</Text> : null}
            <div className={styles.comparison}>
              <div>
                <Subtitle2 as="h3">{strings.editor.conflict.theirs}</Subtitle2>
                <div className={styles.version} data-testid="conflict-theirs">
                  <DraftSummary draft={conflict.theirs} props={props} />
                </div>
              </div>
              <div>
                <Subtitle2 as="h3">{strings.editor.conflict.mine}</Subtitle2>
                <div className={styles.version} data-testid="conflict-mine">
                  <DraftSummary draft={conflict.mine} props={props} />
                </div>
              </div>
            </div>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => editor.choose('merge')}>
                {strings.editor.conflict.merge}
              </Button>
              <Button onClick={() => editor.choose('keep-mine')}>{strings.editor.conflict.keepMine}</Button>
              <Button onClick={() => editor.choose('take-theirs')}>{strings.editor.conflict.takeTheirs}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.root}>
        <form
          ref={formRef}
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void editor.save();
          }}
        >
          <fieldset className={styles.fields} disabled={readOnly}>
          {numeric ? (
            <NumberField
              label={strings.editor.outcome}
              value={draft.valueText}
              onChange={(valueText) => update({ valueText })}
              hint={[strings.editor.outcomeHint(indicator?.unit), targetText ? strings.editor.target(targetText) : ''].filter(Boolean).join('. ')}
              {...(errors.value ? { message: errors.value } : {})}
              {...(indicator?.unit ? { unit: indicator.unit } : {})}
            />
          ) : null}
          {withReference ? (
            <NumberField
              label={strings.editor.reference}
              value={draft.referenceText ?? ''}
              onChange={(referenceText) => update({ referenceText })}
              hint={strings.editor.referenceHint(targetText ?? '')}
              {...(errors.reference ? { message: errors.reference } : {})}
              {...(indicator?.unit ? { unit: indicator.unit } : {})}
            />
          ) : null}
          {qualitative ? (
            <CodeSelect label={strings.editor.level} value={draft.level} options={levelOptions(language)} noneLabel={strings.editor.none} onChange={(level) => update({ level })} />
          ) : null}
          {subject.kind !== 'action' ? (
            <CodeSelect
              label={assessmentFieldLabel(props)}
              value={draft.assessment}
              options={assessmentOptions(subject.kind, language)}
              noneLabel={strings.editor.none}
              onChange={(assessment) => update({ assessment })}
              {...(suggestions.assessment ? { hint: strings.editor.suggested(assessmentLabel(subject.kind, suggestions.assessment, language)) } : {})}
              {...(editor.differs && suggestions.assessment ? { warning: strings.editor.differsFromSuggestion(assessmentLabel(subject.kind, suggestions.assessment, language)) } : {})}
            />
          ) : null}
          {subject.kind === 'indicator' ? (
            <CodeSelect
              label={strings.editor.trend}
              value={draft.trend}
              options={trendOptions(language)}
              noneLabel={strings.editor.none}
              onChange={(trend) => update({ trend })}
              {...(suggestions.trend ? { hint: strings.editor.suggested(trendLabel(suggestions.trend, language)) } : {})}
            />
          ) : null}
          {subject.kind === 'action' ? <CodeSelect label={strings.editor.status} value={draft.status} options={statusOptions(language)} onChange={(status) => update({ status })} /> : null}
          <Field label={strings.editor.comment}>
            <Textarea value={draft.comment} resize="vertical" rows={6} onChange={(_e, data) => update({ comment: data.value })} />
          </Field>
          {editor.setAside ? (
            <Field label={strings.editor.conflict.mine}>
              <Textarea readOnly value={editor.setAside.comment} rows={3} />
            </Field>
          ) : null}
          </fieldset>
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={readOnly || editor.saving || conflict !== undefined}>
              {editor.saving ? strings.editor.saving : strings.editor.save}
            </Button>
            {props.onNext && !readOnly ? (
              <Button
                type="button"
                disabled={editor.saving || conflict !== undefined}
                onClick={() => {
                  void editor.save().then((saved) => saved && props.onNext?.());
                }}
              >
                {strings.editor.saveAndNext}
              </Button>
            ) : null}
            <Button type="button" onClick={props.onClose}>
              {strings.editor.close}
            </Button>
          </div>
          {props.round && !locked ? (
            <RoundSteps
              state={state}
              role={role}
              dirty={dirty}
              disabled={editor.saving || conflict !== undefined}
              busy={steps.busy}
              outcome={steps.outcome}
              onStep={onStep}
              renderVersion={renderVersion}
              strings={strings}
            />
          ) : null}
        </form>
        <aside className={styles.aside} aria-label={previousHeading}>
          <EditorContext plan={props.plan} subject={subject} periodKey={periodKey} asOf={props.asOf ?? calendarDate(new Date())} strings={strings} />
          <Subtitle2 as="h3">{previousHeading}</Subtitle2>
          {previous ? (
            <>
              {previous.value !== undefined ? <Text>{indicator ? formatOutcome(indicator, previous.value) : formatValue(previous.value, undefined)}</Text> : null}
              {previous.level ? <Text>{levelLabel(previous.level, language)}</Text> : null}
              {previous.assessment ? <AssessmentSymbol assessment={previous.assessment} label={assessmentLabel(subject.kind, previous.assessment, language)} showLabel /> : null}
              {previous.comment ? <Text className={styles.preserved}>{previous.comment}</Text> : null}
            </>
          ) : (
            <Text>{strings.editor.previousNone(comparisonLabel)}</Text>
          )}
          {editor.base ? <EntryHistory store={props.store} itemId={editor.base.itemId} kind={subject.kind} strings={strings} language={language} unit={indicator?.unit} /> : null}
        </aside>
      </div>
    </section>
  );
}
