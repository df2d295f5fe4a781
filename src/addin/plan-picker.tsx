// Choosing organisation, plan and period: native selects with labels (keyboard and screen readers
// work as everywhere else in Office).
import { Field, Select } from '@fluentui/react-components';
import { periodLabel } from '../core';
import type { Plan } from '../core';
import { TEXT } from './strings';
import { useTaskPaneStyles } from './task-pane.styles';

export interface PlanChoice {
  readonly organisationCode: string;
  readonly planKey: string;
  readonly periodKey: string;
}

export interface PlanPickerProps {
  readonly plans: readonly Plan[];
  readonly periodKeys: readonly string[];
  readonly choice: PlanChoice;
  readonly onChange: (choice: PlanChoice) => void;
  readonly disabled?: boolean;
}

const keyOf = (p: Plan) => `${p.organisationCode}:${p.year}`;

export function PlanPicker({ plans, periodKeys, choice, onChange, disabled }: PlanPickerProps) {
  const styles = useTaskPaneStyles();
  const organisations = [...new Map(plans.map((p) => [p.organisationCode, p])).values()];
  const ofOrganisation = plans.filter((p) => p.organisationCode === choice.organisationCode);
  return (
    <section className={styles.row} aria-label="Val av plan">
      <Field label={TEXT.organisation}>
        <Select value={choice.organisationCode} disabled={disabled} onChange={(_, d) => onChange({ organisationCode: d.value, planKey: '', periodKey: '' })}>
          <option value="">{TEXT.choose}</option>
          {organisations.map((p) => (
            <option key={p.organisationCode} value={p.organisationCode}>
              {p.organisationCode}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={TEXT.plan}>
        <Select value={choice.planKey} disabled={disabled || ofOrganisation.length === 0} onChange={(_, d) => onChange({ ...choice, planKey: d.value, periodKey: '' })}>
          <option value="">{TEXT.choose}</option>
          {ofOrganisation.map((p) => (
            <option key={keyOf(p)} value={keyOf(p)}>
              {p.title} ({p.year})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={TEXT.period}>
        <Select value={choice.periodKey} disabled={disabled || periodKeys.length === 0} onChange={(_, d) => onChange({ ...choice, periodKey: d.value })}>
          <option value="">{TEXT.choose}</option>
          {periodKeys.map((k) => (
            <option key={k} value={k}>
              {periodLabel(k)}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
