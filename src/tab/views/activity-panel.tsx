// The Aktivitet panel of the local run: the Teams activity notifications the emulator recorded, so a
// newcomer sees what an owner or a manager would get, and can follow the link into the tab. Mine by
// default (the signed-in person's), everyone's on request; newest first.
import { Button, Link, Spinner, Switch, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { parseSubPageId, readTeamsTabLink } from '../../core';
import type { Strings, UiLanguage } from '../../ui';
import type { FollowUpStore } from '../../store';
import type { ActivityRecord } from '../data/activity-feed';
import { usePeopleNames } from '../data/people-names';
import { localTabHref } from '../host/local-link';
import { useActivityStyles } from './activity-panel.styles';

export interface ActivityPanelProps {
  readonly strings: Strings;
  readonly language: UiLanguage;
  /** The signed-in person: whose notifications show by default. */
  readonly upn: string;
  /** Recorded notifications, newest first; all of them when no recipient is given. */
  readonly load: (recipientUpn?: string) => Promise<readonly ActivityRecord[]>;
  /** The page's query string, kept in the links (person, theme, locale, date). */
  readonly search: string;
  /** Recipients by name: the store's people lookup. */
  readonly people: Pick<FollowUpStore, 'people'>;
}

type Loaded = { readonly status: 'loading' } | { readonly status: 'ready'; readonly records: readonly ActivityRecord[] } | { readonly status: 'error'; readonly message: string };

export function ActivityPanel({ strings, language, upn, load, search, people }: ActivityPanelProps) {
  const styles = useActivityStyles();
  const s = strings.activity;
  const [everyone, setEveryone] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [busy, setBusy] = useState(true);
  const [round, setRound] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  // What the last load showed, to tell a refresh's new notifications from those already seen.
  const seen = useRef<{ readonly everyone: boolean; readonly ids: ReadonlySet<string> } | undefined>(undefined);
  const newItems = useRef(s.newItems);
  newItems.current = s.newItems;
  const nameOf = usePeopleNames(people, loaded.status === 'ready' ? loaded.records.map((r) => r.recipientUpn) : []);

  useEffect(() => {
    let live = true;
    setBusy(true);
    load(everyone ? undefined : upn).then(
      (records) => {
        if (!live) return;
        const before = seen.current;
        // Only a refresh of the same list announces: the first load and a switch are the user's own doing.
        if (before && before.everyone === everyone) setAnnouncement(newItems.current(records.filter((r) => !before.ids.has(r.id)).length));
        seen.current = { everyone, ids: new Set(records.map((r) => r.id)) };
        setLoaded({ status: 'ready', records });
        setBusy(false);
      },
      (error: unknown) => {
        if (!live) return;
        setLoaded({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        setBusy(false);
      },
    );
    return () => {
      live = false;
    };
  }, [load, upn, everyone, round]);

  const time = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'short' });
  const refresh = () => {
    // The same text twice in a row is not announced again: clear it so "no new" is heard each time.
    setAnnouncement('');
    setRound((n) => n + 1);
  };

  return (
    <div className={styles.root} data-testid="activity-feed">
      <Text className={styles.muted}>{s.intro}</Text>
      <div className={styles.toolbar}>
        <Switch
          label={s.everyone}
          checked={everyone}
          onChange={(_e, d) => {
            // Another list, not a refresh of this one: never show the old one under the new switch.
            setLoaded({ status: 'loading' });
            setEveryone(d.checked);
          }}
        />
        <Button size="small" onClick={refresh} disabled={busy}>
          {s.refresh}
        </Button>
      </div>
      <div role="status" aria-live="polite" className={styles.liveRegion}>
        {announcement}
      </div>
      {loaded.status === 'loading' ? <Spinner size="tiny" label={strings.loading} /> : null}
      {loaded.status === 'error' ? (
        <Text role="alert" block>
          {s.loadFailed(loaded.message)}
        </Text>
      ) : null}
      {loaded.status === 'ready' && loaded.records.length === 0 ? (
        <Text block>
          {s.empty} {s.emptyHint}
        </Text>
      ) : null}
      {loaded.status === 'ready' && loaded.records.length > 0 ? (
        <ul className={styles.list} aria-label={s.list}>
          {loaded.records.map((record) => {
            const href = record.webUrl ? localTabHref(record.webUrl, search) : undefined;
            const page = record.webUrl ? parseSubPageId(readTeamsTabLink(record.webUrl)?.subPageId) : undefined;
            const open = page?.kind === 'overdue' ? s.openOverdue : page?.kind === 'todo' ? s.openTodo : s.openItem[page?.kind === 'item' ? page.subjectKind : 'action'];
            return (
              <li key={record.id} className={styles.item} data-activity-id={record.id}>
                <Text size={200} className={styles.muted}>
                  <time dateTime={record.sentAt}>{time.format(new Date(record.sentAt))}</time> · <span>{s.to(nameOf(record.recipientUpn))}</span>
                </Text>
                <Text weight="semibold">{record.text}</Text>
                {record.preview ? <Text size={200}>{record.preview}</Text> : null}
                {!record.delivered && record.note ? <Text size={200}>{s.notDelivered(record.note)}</Text> : null}
                {href ? (
                  // The visible words first in the name (WCAG 2.5.3), then which notification it is.
                  <Link href={href} aria-label={`${open}: ${record.text}`}>
                    {open}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
