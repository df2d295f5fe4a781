// The owner of a plan item, picked by name: a search of the directory (the start of a name) fills
// the shared person picker, which shows names only; the UPN is just the chosen option's value.
import { Field, Input, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PersonFound } from '../../store';
import { SEARCH_MIN_LENGTH } from '../../store';
import type { PersonOption, Strings } from '../../ui';
import { PersonPicker } from '../../ui';
import type { PeopleSearch } from './plan-writes';
import { messageOf } from './plan-writes';
import { usePlanEditorStyles } from './plan-editor.styles';

export interface OwnerFieldProps {
  readonly strings: Strings;
  readonly value: string;
  readonly onChange: (upn: string) => void;
  readonly search: PeopleSearch;
  /** The current owner's name (the directory's, looked up by the view). */
  readonly nameOf: (upn: string | undefined) => string;
  readonly message?: string | undefined;
}

const SEARCH_DELAY_MS = 250;

type SearchState = { readonly status: 'idle' } | { readonly status: 'searching' } | { readonly status: 'found'; readonly people: readonly PersonFound[] } | { readonly status: 'failed'; readonly message: string };

export function OwnerField({ strings, value, onChange, search, nameOf, message }: OwnerFieldProps) {
  const s = strings.planEditor;
  const styles = usePlanEditorStyles();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ status: 'idle' });

  useEffect(() => {
    if (query.trim().length < SEARCH_MIN_LENGTH) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'searching' });
    const timer = setTimeout(() => {
      search(query).then(
        (people) => live && setState({ status: 'found', people }),
        (error: unknown) => live && setState({ status: 'failed', message: messageOf(error) }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  const found = state.status === 'found' ? state.people : [];
  const options: PersonOption[] = [
    ...(value !== '' && !found.some((p) => p.upn.toLowerCase() === value.toLowerCase()) ? [{ upn: value, displayName: nameOf(value) }] : []),
    ...found.map((p) => ({ upn: p.upn, displayName: p.displayName, detail: p.jobTitle })),
  ];
  const status =
    state.status === 'searching'
      ? s.owner.searching
      : state.status === 'failed'
        ? s.owner.failed(state.message)
        : state.status === 'found'
          ? state.people.length === 0
            ? s.owner.noMatch
            : s.owner.found(state.people.length)
          : '';
  return (
    <div className={styles.owner}>
      <Field label={s.owner.search} hint={s.owner.searchHint}>
        <Input type="search" value={query} autoComplete="off" onChange={(_e, d) => setQuery(d.value)} />
      </Field>
      <Text role="status" size={200} className={styles.muted}>
        {status}
      </Text>
      <PersonPicker label={s.fields.owner} people={options} value={value} placeholder={s.owner.none} onChange={onChange} />
      {message ? (
        <Text role="alert" className={styles.error}>
          {message}
        </Text>
      ) : null}
    </div>
  );
}
