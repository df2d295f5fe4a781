// Försenade åtgärder: the overdue actions a manager should know about, most overdue first.
import { Field, Select, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
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
  const [person, setPerson] = useState('');
  const [planFilter, setPlanFilter] = useState('');
  const [sort, setSort] = useState<'days' | 'person' | 'plan'>('days');
  const people = useMemo(() => [...new Map((rows ?? []).map((r) => [r.ownerUpn ?? '', r.ownerName ?? r.ownerUpn ?? ''])).entries()].filter(([upn]) => upn !== '').sort((a, b) => a[1].localeCompare(b[1], 'sv')), [rows]);
  const plans = useMemo(() => [...new Map((rows ?? []).flatMap((r) => (r.plan ? [[r.plan.itemId, r.plan.title] as const] : []))).entries()].sort((a, b) => a[1].localeCompare(b[1], 'sv')), [rows]);
  const shown = useMemo(() => {
    const picked = (rows ?? []).filter((r) => (person === '' || r.ownerUpn === person) && (planFilter === '' || r.plan?.itemId === planFilter));
    const byName = (r: OverdueRow) => r.ownerName ?? r.ownerUpn ?? '';
    if (sort === 'person') return [...picked].sort((a, b) => byName(a).localeCompare(byName(b), 'sv') || b.days - a.days);
    if (sort === 'plan') return [...picked].sort((a, b) => (a.plan?.title ?? '').localeCompare(b.plan?.title ?? '', 'sv') || b.days - a.days);
    return picked;
  }, [rows, person, planFilter, sort]);
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
        <>
          <Text role="status">{s.count(shown.length, rows.length)}</Text>
          <div className={styles.toolbar}>
            <Field label={s.person}>
              <Select value={person} onChange={(_e, d) => setPerson(d.value)}>
                <option value="">{s.everyone}</option>
                {people.map(([upn, name]) => (
                  <option key={upn} value={upn}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={s.plan}>
              <Select value={planFilter} onChange={(_e, d) => setPlanFilter(d.value)}>
                <option value="">{s.allPlans}</option>
                {plans.map(([id, title]) => (
                  <option key={id} value={id}>
                    {title}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={s.sort}>
              <Select value={sort} onChange={(_e, d) => setSort(d.value as typeof sort)}>
                <option value="days">{s.sortDays}</option>
                <option value="person">{s.sortPerson}</option>
                <option value="plan">{s.sortPlan}</option>
              </Select>
            </Field>
          </div>
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
            {shown.map((row) => (
              <tr key={`${row.action.itemId}`} data-ref={row.action.ref}>
                <td data-label={strings.internalControl.action}>{row.action.title}</td>
                <td data-label={s.owner}>
                  {row.ownerName ?? row.ownerUpn?.split('@')[0] ?? ''}
                  <Text block size={200} className={styles.muted}>
                    {row.reasons.map((r) => s.why[r]).join(', ')}
                  </Text>
                </td>
                <td data-label={s.plan}>{row.plan?.title ?? ''}</td>
                <td data-label={strings.internalControl.status}>{statusLabel(row.action.status, language)}</td>
                <td className={styles.numeric} data-label={strings.internalControl.due}>
                  {row.action.dueDate ?? ''}
                  <Text block size={200} className={styles.overdue}>
                    {s.days(row.days)}
                  </Text>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </>
      ) : null}
    </section>
  );
}
