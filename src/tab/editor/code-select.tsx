// A labelled drop-down over one vocabulary (levels, assessments, trends, statuses): the editor's
// fields differ only in their codes, labels and hints.
import type { FieldProps } from '@fluentui/react-components';
import { Field, Select } from '@fluentui/react-components';

export interface CodeSelectProps<C extends string> {
  readonly label: string;
  readonly value: C | undefined;
  readonly options: ReadonlyArray<{ readonly code: C; readonly label: string }>;
  readonly onChange: (value: C | undefined) => void;
  /** Label of the empty choice; without it a value must be chosen. */
  readonly noneLabel?: string;
  readonly hint?: string;
  readonly warning?: string;
}

export function CodeSelect<C extends string>(props: CodeSelectProps<C>) {
  const validation: Partial<FieldProps> = props.warning ? { validationState: 'warning', validationMessage: props.warning } : {};
  return (
    <Field label={props.label} {...(props.hint ? { hint: props.hint } : {})} {...validation}>
      <Select value={props.value ?? ''} onChange={(_e, data) => props.onChange(props.options.find((o) => o.code === data.value)?.code)}>
        {props.noneLabel !== undefined ? <option value="">{props.noneLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
