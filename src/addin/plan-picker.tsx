// Choosing the plan and period of the report: the shared pickers, stacked to fit Excel's narrow
// task pane.
import type { Plan } from '../core';
import { PeriodPicker, PlanPicker } from '../ui';
import { TEXT } from './strings';
import { useTaskPaneStyles } from './task-pane.styles';

export interface PlanChoice {
  readonly planKey: string;
  readonly periodKey: string;
}

export interface PlanChoicePickerProps {
  readonly plans: readonly Plan[];
  readonly organisationName: (code: string) => string | undefined;
  readonly periodKeys: readonly string[];
  readonly choice: PlanChoice;
  readonly onChange: (choice: PlanChoice) => void;
  readonly disabled?: boolean;
}

export function PlanChoicePicker({ plans, organisationName, periodKeys, choice, onChange, disabled }: PlanChoicePickerProps) {
  const styles = useTaskPaneStyles();
  return (
    <section className={styles.row} aria-label={TEXT.choosePlan}>
      <PlanPicker label={TEXT.plan} plans={plans} organisationName={organisationName} value={choice.planKey} placeholder={TEXT.choose} disabled={disabled} onChange={(planKey) => onChange({ planKey, periodKey: '' })} />
      <PeriodPicker
        label={TEXT.period}
        periods={periodKeys}
        language="sv"
        value={choice.periodKey}
        placeholder={TEXT.choose}
        disabled={disabled || periodKeys.length === 0}
        onChange={(periodKey) => onChange({ ...choice, periodKey })}
      />
    </section>
  );
}
