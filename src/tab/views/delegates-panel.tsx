// Ombud under Att göra: whom the person lets report for them, by name, added from a directory
// search and removed with a button; and whose things they may report themselves. The list is kept
// by the write API (the person may change only their own).
import { Button, Field, Input, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FollowUpStore, PersonFound, WriteApi } from '../../store';
import { SEARCH_MIN_LENGTH } from '../../store';
import type { Strings } from '../../ui';
import { usePeopleNames } from '../data/people-names';
import { useViewStyles } from './views.styles';

export interface DelegatesPanelProps {
  readonly strings: Strings;
  readonly upn: string;
  readonly api: Pick<WriteApi, 'myDelegates' | 'addDelegate' | 'removeDelegate'>;
  readonly search: (text: string) => Promise<readonly PersonFound[]>;
  readonly people: Pick<FollowUpStore, 'people'>;
}

type Loaded = { readonly status: 'loading' } | { readonly status: 'ready'; readonly delegates: readonly string[]; readonly owners: readonly string[] } | { readonly status: 'failed'; readonly message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function DelegatesPanel({ strings, upn, api, search, people }: DelegatesPanelProps) {
  const styles = useViewStyles();
  const s = strings.delegates;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly PersonFound[] | undefined>();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const known = loaded.status === 'ready' ? [...loaded.delegates, ...loaded.owners] : [];
  const nameOf = usePeopleNames(people, known);

  useEffect(() => {
    let live = true;
    api.myDelegates().then(
      (d) => live && setLoaded({ status: 'ready', ...d }),
      (error: unknown) => live && setLoaded({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (query.trim().length < SEARCH_MIN_LENGTH) return setFound(undefined);
    let live = true;
    const timer = setTimeout(() => {
      search(query.trim()).then(
        (people) => live && setFound(people.filter((p) => p.upn.toLowerCase() !== upn.toLowerCase())),
        () => live && setFound([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search, upn]);

  const change = async (step: () => Promise<readonly string[]>) => {
    setWorking(true);
    setProblem(undefined);
    try {
      const delegates = await step();
      setLoaded((current) => (current.status === 'ready' ? { ...current, delegates } : current));
      setQuery('');
    } catch (error) {
      setProblem(s.failed(messageOf(error)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="delegates-heading" data-testid="delegates">
      <Title3 as="h2" id="delegates-heading">
        {s.title}
      </Title3>
      <Text block>{s.intro}</Text>
      {loaded.status === 'loading' ? <Spinner size="tiny" /> : null}
      {loaded.status === 'failed' ? <Text role="alert">{s.failed(loaded.message)}</Text> : null}
      {loaded.status === 'ready' ? (
        <>
          {loaded.delegates.length === 0 ? (
            <Text block>{s.none}</Text>
          ) : (
            <ul>
              {loaded.delegates.map((d) => (
                <li key={d}>
                  <Text>{nameOf(d)}</Text>{' '}
                  <Button size="small" disabled={working} onClick={() => void change(() => api.removeDelegate(d))}>
                    {s.remove(nameOf(d))}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Field label={s.search}>
            <Input type="search" value={query} disabled={working} onChange={(_e, d) => setQuery(d.value)} />
          </Field>
          {found !== undefined && found.length === 0 ? <Text role="status">{s.noMatch}</Text> : null}
          {found?.map((p) => (
            <Button key={p.upn} disabled={working || loaded.delegates.some((d) => d.toLowerCase() === p.upn.toLowerCase())} onClick={() => void change(() => api.addDelegate(p.upn))}>
              {s.add(p.displayName)}
            </Button>
          ))}
          {loaded.owners.length > 0 ? <Text block>{s.forOthers(loaded.owners.map(nameOf).join(', '))}</Text> : null}
          {problem ? <Text role="alert">{problem}</Text> : null}
        </>
      ) : null}
    </section>
  );
}
