// Försenade åtgärder: the overdue actions a manager should know about, most overdue first.
import { Spinner, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { FollowUpStore } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import type { OverdueRow } from '../data/overdue';
import { overdueForManager } from '../data/overdue';
import { statusLabel } from '../editor/vocabulary-labels';
import { useViewStyles } from './views.styles';

export interface OverdueViewProps {
  readonly store: FollowUpStore;
  readonly upn: string;
  readonly asOf: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
}

export function OverdueView({ store, upn, asOf, strings, language }: OverdueViewProps) {
  const styles = useViewStyles();
  const [rows, setRows] = useState<OverdueRow[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    overdueForManager(store, upn, asOf).then(
      (found) => live && setRows(found),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [store, upn, asOf]);
  const s = strings.overdue;
  return (
    <section className={styles.root} aria-labelledby="overdue-heading">
      <Title3 as="h2" id="overdue-heading">
        {s.title}
      </Title3>
      <Text>{s.intro}</Text>
      <Text className={styles.muted}>{s.asOf(asOf)}</Text>
      {failed ? <Text role="alert">{strings.errors.loadFailed(failed)}</Text> : null}
      {!rows && !failed ? <Spinner label={strings.loading} /> : null}
      {rows && rows.length === 0 ? <Text>{s.empty}</Text> : null}
      {rows && rows.length > 0 ? (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{strings.internalControl.action}</th>
              <th scope="col">{s.owner}</th>
              <th scope="col">{s.plan}</th>
              <th scope="col">{strings.internalControl.status}</th>
              <th scope="col">{strings.internalControl.due}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.action.itemId}`} data-ref={row.action.ref}>
                <td>{row.action.title}</td>
                <td>
                  {row.ownerName ?? row.ownerUpn ?? ''}
                  <Text block size={200} className={styles.muted}>
                    {row.reasons.map((r) => s.why[r]).join(', ')}
                  </Text>
                </td>
                <td>{row.plan?.title ?? ''}</td>
                <td>{statusLabel(row.action.status, language)}</td>
                <td className={styles.numeric}>
                  {row.action.dueDate ?? ''}
                  <Text block size={200} className={styles.overdue}>
                    {s.days(row.days)}
                  </Text>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
