// The form for one item of the plan: the fields its kind has (a styrtal's target fields by the
// target's kind), each with the validator's message at it, a live preview of the printed target
// and the risk value, the conflict panel, Spara and Avbryt. Escape cancels.
import { Button, MessageBar, MessageBarBody, Subtitle1, Text } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { PlanItemKind, TargetKind } from '../../core';
import { DIRECTIONS, DIRECTION, GOAL_KIND, GOAL_KINDS, ORIGIN, ORIGINS, RISK_SCALE, TARGET_KINDS, VALUE_TYPES } from '../../core';
import type { LoadedPlan, StoredPlanItem } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { ConflictPanel } from './conflict-panel';
import { CheckField, SelectField, TextField } from './form-fields';
import type { FormSubject, ItemForm } from './item-form-model';
import { messagesByField, targetFieldsOf } from './item-form-model';
import { formRiskValue, targetPreview } from './item-lines';
import { OwnerField } from './owner-field';
import type { PeopleSearch, PlanWrites } from './plan-writes';
import { usePlanEditorStyles } from './plan-editor.styles';
import { issueField, useItemForm } from './use-item-form';

export interface ItemFormProps {
  readonly plan: LoadedPlan;
  readonly subject: FormSubject;
  readonly heading: string;
  /** Where a new item goes ("Under Mål 1: …"). */
  readonly placeText?: string | undefined;
  readonly writes: PlanWrites;
  readonly search: PeopleSearch;
  readonly nameOf: (upn: string | undefined) => string;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly onSaved: (saved: StoredPlanItem) => void;
  readonly onCancel: () => void;
}

/** The form's fields of each kind, by the names the messages use. */
function shownFields(kind: PlanItemKind, form: ItemForm): ReadonlySet<string> {
  const common = ['title', 'ownerUpn'];
  const byKind: Record<PlanItemKind, string[]> = {
    goal: ['goalKind', 'number', 'perspective', 'origin', 'description'],
    indicator: ['valueType', 'unit', 'source', ...(form.valueType === 'numeric' ? ['direction', 'targetKind', 'targetText', 'longTermTarget', 'longTermTargetText', 'baseline'] : [])],
    assignment: ['number', 'origin', 'dueDate', 'multiYear'],
    risk: ['area', 'regionWide', 'probability', 'consequence'],
    action: ['dueDate', 'regionWide'],
  };
  const target = kind === 'indicator' && form.valueType === 'numeric' ? targetFieldsOf(form.targetKind) : { target: false, targetMax: false, targetOffset: false };
  return new Set([...common, ...byKind[kind], ...Object.entries(target).flatMap(([field, on]) => (on ? [field] : []))]);
}

export function ItemFormView(props: ItemFormProps) {
  const { plan, subject, strings, language, heading, nameOf } = props;
  const s = strings.planEditor;
  const f = s.fields;
  const styles = usePlanEditorStyles();
  const state = useItemForm({ plan, subject, writes: props.writes, strings, onSaved: props.onSaved });
  const { form, update, notice, conflict, saving } = state;
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const shown = shownFields(subject.kind, form);
  const { byField, other } = messagesByField(
    state.visible.map((i) => ({ ...i, field: issueField(i.field) })),
    shown,
  );
  const message = (field: string) => byField[field];

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[data-field]')?.focus();
  }, []);
  // A refused save puts focus on the first field with a message, which is tied to it.
  const refusedAt = notice?.intent === 'error' ? Object.keys(byField)[0] : undefined;
  useEffect(() => {
    if (!notice || !refusedAt) return;
    formRef.current?.querySelector<HTMLElement>(`[data-field="${refusedAt}"]`)?.focus();
  }, [notice]);

  const options = <C extends string>(codes: readonly C[], label: (code: C) => string) => codes.map((code) => ({ code, label: label(code) }));
  const numeric = form.valueType === 'numeric';
  const targets = targetFieldsOf(form.targetKind);
  const preview = subject.kind === 'indicator' && numeric ? targetPreview(form) : undefined;
  const riskValue = formRiskValue(form);
  const grades = [{ code: '', label: f.notGraded }, ...RISK_SCALE.map((g) => ({ code: String(g), label: String(g) }))];
  const targetLabels: Readonly<Record<'target' | 'targetMax', string>> =
    form.targetKind === 'range' ? { target: f.rangeMin, targetMax: f.rangeMax } : form.targetKind === 'rank' ? { target: f.rankPlace, targetMax: f.rankOf } : form.targetKind === 'reference' ? { target: f.referenceEstimate, targetMax: f.rankOf } : { target: f.target, targetMax: f.rankOf };
  const unit = form.unit.trim();

  return (
    <section
      aria-labelledby={headingId}
      className={styles.section}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) props.onCancel();
      }}
    >
      <Subtitle1 as="h3" id={headingId}>
        {heading}
      </Subtitle1>
      {props.placeText ? <Text className={styles.muted}>{props.placeText}</Text> : null}
      {notice ? (
        <MessageBar intent={notice.intent} role="alert" layout="multiline">
          <MessageBarBody>
            {notice.text}
            {other.length > 0 ? (
              <ul>
                {other.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {conflict ? (
        <ConflictPanel kind={subject.kind} conflict={conflict} strings={strings} language={language} nameOf={nameOf} saving={saving} onKeepMine={() => void state.keepMine()} onTakeTheirs={state.takeTheirs} />
      ) : null}
      <form
        ref={formRef}
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void state.save();
        }}
      >
        <TextField field="title" label={f.title} value={form.title} multiline onChange={(title) => update({ title })} message={message('title')} />
        {subject.kind === 'goal' ? (
          <>
            <div className={styles.fields}>
              <SelectField field="goalKind" label={f.goalKind} value={form.goalKind} options={options(GOAL_KINDS, (c) => GOAL_KIND[c][language])} onChange={(goalKind) => update({ goalKind })} message={message('goalKind')} />
              <TextField field="number" label={f.number} value={form.number} onChange={(number) => update({ number })} message={message('number')} />
              <SelectField field="origin" label={f.origin} value={form.origin} options={options(ORIGINS, (c) => ORIGIN[c][language])} onChange={(origin) => update({ origin })} message={message('origin')} />
            </div>
            <TextField field="perspective" label={f.perspective} value={form.perspective} onChange={(perspective) => update({ perspective })} message={message('perspective')} />
            <TextField field="description" label={f.description} value={form.description} multiline onChange={(description) => update({ description })} message={message('description')} />
          </>
        ) : null}
        {subject.kind === 'indicator' ? (
          <>
            <div className={styles.fields}>
              <SelectField field="valueType" label={f.valueType} value={form.valueType} options={options(VALUE_TYPES, (c) => s.valueTypes[c])} onChange={(valueType) => update({ valueType })} message={message('valueType')} />
              <TextField field="unit" label={f.unit} hint={f.unitHint} value={form.unit} onChange={(value) => update({ unit: value })} message={message('unit')} />
              {numeric ? (
                <SelectField field="direction" label={f.direction} value={form.direction} options={options(DIRECTIONS, (c) => DIRECTION[c][language])} onChange={(direction) => update({ direction })} message={message('direction')} />
              ) : null}
            </div>
            {numeric ? (
              <fieldset className={styles.form}>
                <legend>{f.target}</legend>
                <SelectField<TargetKind | ''>
                  field="targetKind"
                  label={f.targetKind}
                  value={form.targetKind}
                  options={[{ code: '', label: f.noTarget }, ...options(TARGET_KINDS, (c) => s.targetKinds[c])]}
                  onChange={(targetKind) => update({ targetKind })}
                  message={message('targetKind')}
                  {...(form.targetKind === 'previous-year' ? { hint: f.previousYearHint } : {})}
                />
                <div className={styles.fields}>
                  {targets.targetOffset ? (
                    <TextField field="targetOffset" label={f.referenceOffset} hint={f.referenceOffsetHint} inputMode="decimal" value={form.targetOffset} onChange={(targetOffset) => update({ targetOffset })} message={message('targetOffset')} />
                  ) : null}
                  {targets.target ? (
                    <TextField field="target" label={targetLabels.target} inputMode="decimal" value={form.target} onChange={(target) => update({ target })} message={message('target')} {...(unit && form.targetKind !== 'rank' ? { hint: unit } : {})} />
                  ) : null}
                  {targets.targetMax ? (
                    <TextField field="targetMax" label={targetLabels.targetMax} inputMode="decimal" value={form.targetMax} onChange={(targetMax) => update({ targetMax })} message={message('targetMax')} {...(unit && form.targetKind === 'range' ? { hint: unit } : {})} />
                  ) : null}
                </div>
                <TextField field="targetText" label={f.targetText} hint={f.targetTextHint} value={form.targetText} onChange={(targetText) => update({ targetText })} message={message('targetText')} />
                {preview ? (
                  <Text role="status" data-testid="target-preview">
                    {f.targetPreview(preview)}
                  </Text>
                ) : null}
              </fieldset>
            ) : null}
            {numeric ? (
              <div className={styles.fields}>
                <TextField field="longTermTarget" label={f.longTermTarget} inputMode="decimal" value={form.longTermTarget} onChange={(longTermTarget) => update({ longTermTarget })} message={message('longTermTarget')} />
                <TextField field="longTermTargetText" label={f.longTermTargetText} value={form.longTermTargetText} onChange={(longTermTargetText) => update({ longTermTargetText })} message={message('longTermTargetText')} />
                <TextField field="baseline" label={f.baseline} inputMode="decimal" value={form.baseline} onChange={(baseline) => update({ baseline })} message={message('baseline')} />
              </div>
            ) : null}
            <TextField field="source" label={f.source} value={form.source} onChange={(source) => update({ source })} message={message('source')} />
          </>
        ) : null}
        {subject.kind === 'assignment' ? (
          <div className={styles.fields}>
            <TextField field="number" label={f.number} value={form.number} onChange={(number) => update({ number })} message={message('number')} />
            <SelectField field="origin" label={f.origin} value={form.origin} options={options(ORIGINS, (c) => ORIGIN[c][language])} onChange={(origin) => update({ origin })} message={message('origin')} />
            <TextField field="dueDate" label={f.dueDate} type="date" value={form.dueDate} onChange={(dueDate) => update({ dueDate })} message={message('dueDate')} />
            <CheckField field="multiYear" label={f.multiYear} checked={form.multiYear} onChange={(multiYear) => update({ multiYear })} message={message('multiYear')} />
          </div>
        ) : null}
        {subject.kind === 'risk' ? (
          <>
            <TextField field="area" label={f.area} value={form.area} onChange={(area) => update({ area })} message={message('area')} />
            <div className={styles.fields}>
              <SelectField field="probability" label={f.probability} value={form.probability} options={grades} onChange={(probability) => update({ probability })} message={message('probability')} />
              <SelectField field="consequence" label={f.consequence} value={form.consequence} options={grades} onChange={(consequence) => update({ consequence })} message={message('consequence')} />
            </div>
            <Text role="status" data-testid="risk-value">
              {riskValue !== undefined ? `${f.riskValue}: ${strings.internalControl.probabilityTimesConsequence(Number(form.probability), Number(form.consequence), riskValue)}` : f.riskValueNone}
            </Text>
            <CheckField field="regionWide" label={f.regionWide} checked={form.regionWide} onChange={(regionWide) => update({ regionWide })} message={message('regionWide')} />
          </>
        ) : null}
        {subject.kind === 'action' ? (
          <div className={styles.fields}>
            <TextField field="dueDate" label={f.dueDate} type="date" value={form.dueDate} onChange={(dueDate) => update({ dueDate })} message={message('dueDate')} />
            <CheckField field="regionWide" label={f.regionWide} checked={form.regionWide} onChange={(regionWide) => update({ regionWide })} message={message('regionWide')} />
          </div>
        ) : null}
        <OwnerField strings={strings} value={form.ownerUpn} onChange={(ownerUpn) => update({ ownerUpn })} search={props.search} nameOf={nameOf} message={message('ownerUpn')} />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving || conflict !== undefined}>
            {saving ? s.saving : s.save}
          </Button>
          <Button type="button" onClick={props.onCancel}>
            {s.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
