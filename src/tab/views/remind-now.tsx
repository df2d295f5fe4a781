// "Påminn nu" in Uppföljningsläge: the controller picks the people with items not yet klar and
// sends them a reminder through the write API (the reminders' own path: at most one a day each).
import { Button, Checkbox, Field, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Strings } from '../../ui';

export interface RemindOutcome {
  readonly upn: string;
  readonly status: string;
  readonly items: number;
  readonly message?: string;
}

export interface RemindNowProps {
  readonly strings: Strings;
  /** The owners with items not yet klar, and how many. */
  readonly people: ReadonlyArray<{ readonly upn: string; readonly unfinished: number }>;
  readonly nameOf: (upn: string | undefined) => string;
  readonly remind: (upns: readonly string[]) => Promise<readonly RemindOutcome[]>;
}

type Sending = { readonly status: 'idle' } | { readonly status: 'sending' } | { readonly status: 'done'; readonly text: string } | { readonly status: 'failed'; readonly text: string };

export function RemindNow({ strings, people, nameOf, remind }: RemindNowProps) {
  const s = strings.round;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [sending, setSending] = useState<Sending>({ status: 'idle' });
  const toggle = (upn: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(upn);
      else next.delete(upn);
      return next;
    });
  const send = async () => {
    setSending({ status: 'sending' });
    try {
      const outcomes = await remind([...chosen]);
      const sent = outcomes.filter((o) => o.status === 'sent').length;
      const earlier = outcomes.filter((o) => o.status === 'sent-earlier').length;
      const unreached = outcomes.filter((o) => o.status === 'unreached' || o.status === 'failed').map((o) => nameOf(o.upn));
      setSending({ status: 'done', text: s.remindResult(sent, earlier, unreached) });
      setChosen(new Set());
    } catch (error) {
      setSending({ status: 'failed', text: s.remindFailed(error instanceof Error ? error.message : String(error)) });
    }
  };
  if (people.length === 0) return null;
  return (
    <fieldset data-testid="remind-now" style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend>
        <Text weight="semibold">{s.remindTitle}</Text>
      </legend>
      <Text block size={200}>
        {s.remindIntro}
      </Text>
      <Field>
        {people.map((p) => (
          <Checkbox key={p.upn} label={s.remindPerson(nameOf(p.upn), p.unfinished)} checked={chosen.has(p.upn)} onChange={(_e, d) => toggle(p.upn, d.checked === true)} />
        ))}
      </Field>
      <Button appearance="primary" disabled={chosen.size === 0 || sending.status === 'sending'} onClick={() => void send()}>
        {s.remindSend(chosen.size)}
      </Button>
      <div role="status" aria-live="polite">
        {sending.status === 'sending' ? <Spinner size="tiny" label={s.remindSending} /> : null}
        {sending.status === 'done' || sending.status === 'failed' ? <Text block>{sending.text}</Text> : null}
      </div>
    </fieldset>
  );
}
