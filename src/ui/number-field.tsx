// The sv-SE number field: accepts what the reports write ("1 545", "5,8 %", "-333,4") and says what
// was expected when it refuses. The text stays exactly as typed; the parsed value is the parent's
// business at save time, so a refusal never rewrites or loses what the user wrote.
import { Field, Input } from '@fluentui/react-components';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly hint?: string | undefined;
  /** A refusal to show (from the last check); undefined when the text is fine. */
  readonly message?: string | undefined;
  readonly unit?: string | undefined;
  readonly disabled?: boolean | undefined;
  readonly onBlur?: (() => void) | undefined;

}

export function NumberField({ label, value, onChange, hint, message, unit, disabled, onBlur }: NumberFieldProps) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} validationState={message ? 'error' : 'none'} {...(message ? { validationMessage: message } : {})}>
      <Input
        value={value}
        inputMode="decimal"
        autoComplete="off"
        {...(disabled !== undefined ? { disabled } : {})}
        {...(unit ? { contentAfter: <span aria-hidden="true">{unit}</span> } : {})}
        onChange={(_event, data) => onChange(data.value)}
        {...(onBlur ? { onBlur } : {})}
      />
    </Field>
  );
}
