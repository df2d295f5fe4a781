// The plan editor's field controls: Fluent fields whose message is the validator's (or the API's)
// at that field, tied to the control for screen readers. `data-field` names the field, so a failed
// save can put focus on the first field with a message.
import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';

interface FieldBase {
  readonly field: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly message?: string | undefined;
}

const validation = (message: string | undefined) => (message ? { validationState: 'error' as const, validationMessage: message } : {});

export function TextField(props: FieldBase & { readonly value: string; readonly onChange: (value: string) => void; readonly multiline?: boolean; readonly inputMode?: 'decimal' | 'text'; readonly type?: 'text' | 'date' }) {
  const { field, label, hint, message, value, onChange, multiline, inputMode, type } = props;
  return (
    <Field label={label} {...(hint ? { hint } : {})} {...validation(message)}>
      {multiline ? (
        <Textarea data-field={field} value={value} rows={2} resize="vertical" onChange={(_e, d) => onChange(d.value)} />
      ) : (
        <Input data-field={field} value={value} type={type ?? 'text'} autoComplete="off" {...(inputMode ? { inputMode } : {})} onChange={(_e, d) => onChange(d.value)} />
      )}
    </Field>
  );
}

export function SelectField<C extends string>(props: FieldBase & { readonly value: C; readonly options: ReadonlyArray<{ readonly code: C; readonly label: string }>; readonly onChange: (value: C) => void }) {
  const { field, label, hint, message, value, options, onChange } = props;
  return (
    <Field label={label} {...(hint ? { hint } : {})} {...validation(message)}>
      <Select
        data-field={field}
        value={value}
        onChange={(_e, d) => {
          const chosen = options.find((o) => o.code === d.value);
          if (chosen) onChange(chosen.code);
        }}
      >
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CheckField(props: FieldBase & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const { field, label, hint, message, checked, onChange } = props;
  return (
    <Field {...(hint ? { hint } : {})} {...validation(message)}>
      <Checkbox data-field={field} label={label} checked={checked} onChange={(_e, d) => onChange(d.checked === true)} />
    </Field>
  );
}
