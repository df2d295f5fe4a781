// The pickers both front ends share: a person by name, a plan (grouped by organisation, with its
// year in view), a period by its Swedish label. Native selects, so keyboards, screen readers and
// phones work as everywhere else.
import { Field, Select } from '@fluentui/react-components';
import type { Period, Plan } from '../core';
import { periodLabel, planKey, planStatusMark } from '../core';
import type { ReactNode } from 'react';
import type { UiLanguage } from './strings';

interface PickerBase {
  readonly label: string;
  readonly hint?: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean | undefined;
  /** The first option when nothing is chosen yet ("Välj …"); none when a choice is always made. */
  readonly placeholder?: string | undefined;
}

function Picker({ label, hint, value, onChange, disabled, placeholder, children }: PickerBase & { children: ReactNode }) {
  return (
    <Field label={label} {...(hint ? { hint } : {})}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)} {...(disabled !== undefined ? { disabled } : {})}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children}
      </Select>
    </Field>
  );
}

export interface PersonOption {
  readonly upn: string;
  readonly displayName: string;
  /** A second line of context (role, organisation), when the list is of strangers. */
  readonly detail?: string | undefined;
}

/** People by display name; the UPN is only the option's value. */
export function PersonPicker(props: PickerBase & { readonly people: readonly PersonOption[] }) {
  return (
    <Picker {...props}>
      {props.people.map((p) => (
        <option key={p.upn} value={p.upn}>
          {p.detail ? `${p.displayName} – ${p.detail}` : p.displayName}
        </option>
      ))}
    </Picker>
  );
}

/**
 * The year first ("2025 · Regionstyrelsens verksamhetsplan med budget"), so it stays in view when a
 * narrow pane (Excel's 320 px) cuts the title.
 */
export function yearFirst(plan: Pick<Plan, 'title' | 'year'>): string {
  const title = plan.title.replace(new RegExp(`\\s*\\b${plan.year}\\b\\s*`), ' ').trim();
  return `${plan.year} · ${title}`;
}

/** A plan as its option reads: year first, and "Utkast" after a draft, so no one takes it for the adopted plan. */
export function planOptionLabel(plan: Pick<Plan, 'title' | 'year' | 'status'>, language: UiLanguage = 'sv'): string {
  const mark = planStatusMark(plan, language);
  return mark ? `${yearFirst(plan)} · ${mark}` : yearFirst(plan);
}

/** Plans grouped by organisation (by name where known), each with its year; drafts marked. */
export function PlanPicker(
  props: PickerBase & { readonly plans: readonly Plan[]; readonly organisationName?: ((code: string) => string | undefined) | undefined; readonly language?: UiLanguage | undefined },
) {
  const groups = new Map<string, Plan[]>();
  for (const plan of [...props.plans].sort((a, b) => a.organisationCode.localeCompare(b.organisationCode, 'sv') || b.year - a.year)) {
    groups.set(plan.organisationCode, [...(groups.get(plan.organisationCode) ?? []), plan]);
  }
  const known = props.plans.some((p) => planKey(p.organisationCode, p.year) === props.value);
  return (
    <Picker {...props}>
      {!known && props.value !== '' ? <option value={props.value}>{props.value}</option> : null}
      {[...groups].map(([code, plans]) => (
        <optgroup key={code} label={props.organisationName?.(code) ?? code}>
          {plans.map((p) => {
            const key = planKey(p.organisationCode, p.year);
            return (
              <option key={key} value={key}>
                {planOptionLabel(p, props.language)}
              </option>
            );
          })}
        </optgroup>
      ))}
    </Picker>
  );
}

/** Periods by their labels ("Delår 2025"). */
export function PeriodPicker(props: PickerBase & { readonly periods: ReadonlyArray<Period | string>; readonly language: UiLanguage }) {
  return (
    <Picker {...props}>
      {props.periods.map((p) => {
        const key = typeof p === 'string' ? p : p.key;
        return (
          <option key={key} value={key}>
            {periodLabel(p, props.language)}
          </option>
        );
      })}
    </Picker>
  );
}
