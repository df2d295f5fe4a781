// The sv-SE number field: accepts what the reports write ("1 545", "5,8 %", "-333,4") and says what
// was expected when it refuses. The text stays exactly as typed; the parsed value is the parent's
// business at save time, so a refusal never rewrites or loses what the user wrote.
import { Field, Input } from '@fluentui/react-components';
import type { ParsedNumber } from '../core';
import { parseSwedishNumber } from '../core';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly hint?: string;
  /** A refusal to show (from the last check); undefined when the text is fine. */
  readonly message?: string;
  readonly unit?: string;
  readonly disabled?: boolean;
  readonly onBlur?: () => void;
}

/** Empty text means "no value"; anything else must parse completely. */
export function checkNumberText(text: string): { readonly ok: true; readonly value: number | undefined } | { readonly ok: false; readonly message: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  const parsed: ParsedNumber = parseSwedishNumber(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.message };
}

export function NumberField({ label, value, onChange, hint, message, unit, disabled, onBlur }: NumberFieldProps) {
  return (
    <Field label={label} hint={hint} validationState={message ? 'error' : 'none'} validationMessage={message}>
      <Input
        value={value}
        inputMode="decimal"
        autoComplete="off"
        disabled={disabled}
        contentAfter={unit ? <span aria-hidden="true">{unit}</span> : undefined}
        onChange={(_event, data) => onChange(data.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}
