// Uppföljningsläge: the controller's overview of the reporting round for the plan and period —
// the deadline and the lock, how many items are in each state, per owner and per goal, and every
// item with its state (filterable to what is not klar). Read-only: the numbers are core's
// roundOverview, as `malkoll status` and the Excel sheet show them.
import { Badge, Button, Field, Input, Select, Text, Title3, Subtitle1 } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ItemState, RoundItem, StateCounts } from '../../core';
import { ITEM_STATE, ITEM_STATES, deadlineDateLabel, isFinished, roundOverview, unfinishedCount } from '../../core';
import type { FollowUpStore, LoadedPlan } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { usePeopleNames } from '../data/people-names';
import type { OpenTarget } from './item-link';
import { ItemLink } from './item-link';
import type { RemindOutcome } from './remind-now';
import { RemindNow } from './remind-now';
import { useRoundStyles } from './round-view.styles';
import { useViewStyles } from './views.styles';

export interface RoundViewProps {
  readonly store: Pick<FollowUpStore, 'people'>;
  readonly plan: LoadedPlan;
  readonly periodKey: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
  /** YYYY-MM-DD, for how the deadline is written. */
  readonly asOf: string;
  readonly onOpen: (target: OpenTarget) => void;
  /** "Påminn nu" through the write API; absent (or the period locked), no reminders are offered. */
  readonly remind?: (upns: readonly string[]) => Promise<readonly RemindOutcome[]>;
}

type Filter = 'all' | 'open';

/** Rows drawn at a time, as in Att göra. */
const ROWS_PER_PAGE = 200;

/** Each state's badge: the word says it, the colour only helps. */
const BADGE: Readonly<Record<ItemState, Pick<BadgeProps, 'appearance' | 'color'>>> = {
  'not-started': { appearance: 'outline', color: 'informative' },
  draft: { appearance: 'tint', color: 'warning' },
  done: { appearance: 'tint', color: 'brand' },
  approved: { appearance: 'tint', color: 'success' },
  returned: { appearance: 'filled', color: 'danger' },
};

export function RoundView({ store, plan, periodKey, strings, language, asOf, onOpen, remind }: RoundViewProps) {
  const styles = useViewStyles();
  const round = useRoundStyles();
  const s = strings.round;
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const overview = useMemo(() => roundOverview(plan, periodKey), [plan, periodKey]);
  const nameOf = usePeopleNames(store, [...overview.byOwner.map((o) => o.ownerUpn), overview.lockedByUpn]);
  const stateLabel = (state: ItemState) => ITEM_STATE[state][language];
  const badge = (state: ItemState) => (
    <Badge {...BADGE[state]} data-state={state}>
      {stateLabel(state)}
    </Badge>
  );
  const needle = query.trim().toLocaleLowerCase('sv');
  const shown = overview.items.filter((i) => (filter === 'all' || !isFinished(i.state)) && (needle === '' || i.title.toLocaleLowerCase('sv').includes(needle) || nameOf(i.ownerUpn).toLocaleLowerCase('sv').includes(needle)));
  const lockedAt = overview.lockedAt?.slice(0, 10);

  const countsTable = (caption: string, nameHeader: string, rows: ReadonlyArray<{ key: string; name: string; counts: StateCounts }>) => (
    <table className={styles.table}>
      <caption className={round.caption}>
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          {ITEM_STATES.map((state) => (
            <th scope="col" key={state} className={styles.numeric}>
              {stateLabel(state)}
            </th>
          ))}
          <th scope="col" className={styles.numeric}>
            {s.total}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td data-label={nameHeader}>{row.name}</td>
            {ITEM_STATES.map((state) => (
              <td key={state} className={styles.numeric} data-label={stateLabel(state)}>
                {row.counts[state]}
              </td>
            ))}
            <td className={styles.numeric} data-label={s.total}>
              {row.counts.total}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className={styles.root} aria-labelledby="round-heading">
      <Title3 as="h2" id="round-heading">
        {s.title}
      </Title3>
      <Text block data-testid="round-period">
        {overview.deadline ? `${s.deadline(deadlineDateLabel(overview.deadline, asOf, language))} ` : ''}
        {overview.locked ? s.locked(lockedAt, overview.lockedByUpn ? nameOf(overview.lockedByUpn) : undefined) : s.open}
      </Text>
      <Text role="status" data-testid="round-summary">
        {s.summary(unfinishedCount(overview.counts), overview.counts.total)}
      </Text>
      {overview.counts.total === 0 ? (
        <Text>{s.empty}</Text>
      ) : (
        <>
          {countsTable(s.byState, s.state, [{ key: 'all', name: s.total, counts: overview.counts }])}
          {countsTable(s.byOwner, s.owner, overview.byOwner.map((o) => ({ key: o.ownerUpn ?? '', name: o.ownerUpn ? nameOf(o.ownerUpn) : s.noOwner, counts: o.counts })))}
          {remind && !overview.locked ? (
            <RemindNow
              strings={strings}
              nameOf={nameOf}
              remind={remind}
              people={overview.byOwner.flatMap((o) => (o.ownerUpn && unfinishedCount(o.counts) > 0 ? [{ upn: o.ownerUpn, unfinished: unfinishedCount(o.counts) }] : []))}
            />
          ) : null}
          {countsTable(s.byGoal, s.goal, overview.byGoal.map((g) => ({ key: g.goalRef ?? '', name: g.title, counts: g.counts })))}
          <Subtitle1 as="h3">{s.items}</Subtitle1>
          <div className={styles.toolbar}>
            <Field label={s.search}>
              <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
            </Field>
            <Field label={s.filter}>
              <Select value={filter} onChange={(_e, d) => setFilter(d.value as Filter)} data-testid="round-filter">
                <option value="all">{s.filterAll}</option>
                <option value="open">{s.filterOpen}</option>
              </Select>
            </Field>
          </div>
          {shown.length === 0 ? (
            <Text role="status">{s.noMatch}</Text>
          ) : (
            <table className={styles.table} data-testid="round-items">
              <thead>
                <tr>
                  <th scope="col">{s.item}</th>
                  <th scope="col">{s.owner}</th>
                  <th scope="col">{s.state}</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(0, limit).map((item: RoundItem) => (
                  <tr key={`${item.kind}:${item.ref}`} data-ref={item.ref}>
                    <td data-label={s.item}>
                      <Text size={200} block className={styles.muted}>
                        {strings.todo.kind[item.kind]}
                        {item.number ? ` ${item.number}` : ''}
                      </Text>
                      <ItemLink kind={item.kind} refName={item.ref} title={item.title} onOpen={onOpen} />
                      {item.state === 'returned' && item.returnComment ? (
                        <Text size={200} block>
                          {s.returnComment}: ”{item.returnComment}”
                        </Text>
                      ) : null}
                    </td>
                    <td data-label={s.owner}>{item.ownerUpn ? nameOf(item.ownerUpn) : s.noOwner}</td>
                    <td className={styles.badgeCell} data-label={s.state}>
                      {badge(item.state)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown.length > limit ? <Button onClick={() => setLimit((n) => n + ROWS_PER_PAGE)}>{s.showMore(Math.min(ROWS_PER_PAGE, shown.length - limit), shown.length - limit)}</Button> : null}
        </>
      )}
    </section>
  );
}
