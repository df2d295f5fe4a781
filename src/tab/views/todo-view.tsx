// Att göra: what I own in the open period, each with its state in the reporting round, with search,
// a filter to what is not klar, a count of what is left and the plan's deadline for the period
// (what is not klar once it has passed says so in words).
import { Badge, Button, Checkbox, Field, Input, Text, Title3 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ItemState } from '../../core';
import { calendarDate, deadlineDateLabel, deadlineStatus, formatOutcome, formatValue, isFinished, isLateReport, itemStateOf, planKey as planKeyOf } from '../../core';
import type { FollowUpStore, LoadedPlan, WorkItem } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { AssessmentSymbol } from '../../ui';
import { seenETag } from '../editor/draft-storage';
import { assessmentLabel } from '../editor/vocabulary-labels';
import type { OpenTarget } from './item-link';
import { ItemLink } from './item-link';
import { StateBadge } from './state-badge';
import { useViewStyles } from './views.styles';

export type WorkState = 'not-reported' | 'reported' | 'changed';

export function workState(item: WorkItem, seen: string | undefined): WorkState {
  if (!item.current) return 'not-reported';
  return seen !== undefined && seen !== item.current.eTag ? 'changed' : 'reported';
}

export interface TodoViewProps {
  readonly store: FollowUpStore;
  readonly plan: LoadedPlan;
  readonly upn: string;
  readonly periodKey: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly onOpen: (target: OpenTarget) => void;
  /** YYYY-MM-DD: "today", for the days left to the deadline; the person's calendar day when absent. */
  readonly asOf?: string | undefined;
  /** Only what is not klar (a reminder's link opens Att göra so); kept by the caller when it passes onNotDoneChange. */
  readonly notDone?: boolean | undefined;
  readonly onNotDoneChange?: ((notDone: boolean) => void) | undefined;
}

/** Rows drawn at a time: someone who owns hundreds of items still gets the first ones at once. */
const ROWS_PER_PAGE = 200;

export function TodoView({ store, plan, upn, periodKey, strings, language, onOpen, asOf = calendarDate(new Date()), ...filterProps }: TodoViewProps) {
  const styles = useViewStyles();
  const [ownNotDone, setOwnNotDone] = useState(filterProps.notDone === true);
  const notDone = filterProps.onNotDoneChange ? filterProps.notDone === true : ownNotDone;
  const setNotDone = (on: boolean) => (filterProps.onNotDoneChange ? filterProps.onNotDoneChange(on) : setOwnNotDone(on));
  const [query, setQuery] = useState('');
  const planKey = planKeyOf(plan.organisation.code, plan.plan.year);
  const work = useMemo(
    () =>
      store.myWork(plan, upn, periodKey).map((item) => ({ item, seen: workState(item, seenETag(`${planKey}|${item.kind}|${item.ref}|${periodKey}`)), round: itemStateOf(item.current) })),
    [store, plan, upn, periodKey, planKey],
  );
  // What is left is what is not klar: a saved draft still waits for its reporter to mark it.
  const left = work.filter((w) => !isFinished(w.round)).length;
  const period = plan.periods.find((p) => p.key === periodKey);
  const deadline = period ? deadlineStatus(period, asOf) : undefined;
  // A locked period is over: nothing in it is chased any more, so nothing is marked late.
  const late = (state: ItemState) => period?.locked !== true && isLateReport(deadline, isFinished(state));
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const needle = query.trim().toLocaleLowerCase('sv');
  const shown = work.filter((w) => (!notDone || !isFinished(w.round)) && (needle === '' || w.item.title.toLocaleLowerCase('sv').includes(needle)));
  // Outcomes as the report prints them: "Plats 6 av 7" for a rank, "74 %" for a percentage.
  const outcomeOf = (item: WorkItem, value: number) => {
    const indicator = item.kind === 'indicator' ? plan.indicators.find((i) => i.ref === item.ref) : undefined;
    return indicator ? formatOutcome(indicator, value) : formatValue(value, undefined);
  };
  // The round's state; beside it, that someone else changed it since I looked, and lateness in words.
  const stateBadges = (round: ItemState, seen: WorkState) => (
    <>
      <StateBadge state={round} language={language} />
      {seen === 'changed' ? (
        <>
          {' '}
          <Badge appearance="tint" color="warning">
            {strings.todo.changed}
          </Badge>
        </>
      ) : null}
      {late(round) ? (
        <>
          {' '}
          <Badge appearance="filled" color="danger" data-testid="todo-late">
            {strings.todo.late}
          </Badge>
        </>
      ) : null}
    </>
  );
  return (
    <section className={styles.root} aria-labelledby="todo-heading">
      <Title3 as="h2" id="todo-heading">
        {strings.todo.title}
      </Title3>
      {deadline ? (
        <Text block weight={deadline.passed && left > 0 ? 'semibold' : 'regular'} data-testid="todo-deadline">
          {strings.todo.deadline(deadlineDateLabel(deadline.deadline, asOf, language), deadline.daysLeft)}
        </Text>
      ) : null}
      {work.length > 0 ? (
        <Text role="status" data-testid="todo-left">
          {strings.todo.left(left, work.length)}
        </Text>
      ) : null}
      <div className={styles.toolbar}>
        <Field label={strings.todo.search}>
          <Input type="search" value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <Checkbox label={strings.todo.filterNotDone} checked={notDone} onChange={(_e, d) => setNotDone(d.checked === true)} />
      </div>
      {work.length === 0 ? (
        <Text>{strings.todo.empty}</Text>
      ) : shown.length === 0 ? (
        <Text role="status">{strings.todo.noMatch}</Text>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{strings.todo.item}</th>
              <th scope="col">{strings.editor.outcome}</th>
              <th scope="col">{strings.editor.assessment}</th>
              <th scope="col">{strings.todo.state}</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map(({ item, seen, round }) => (
              <tr key={`${item.kind}:${item.ref}`} data-ref={item.ref}>
                <td data-label={strings.todo.item}>
                  <Text size={200} block className={styles.muted}>
                    {strings.todo.kind[item.kind]}
                  </Text>
                  <ItemLink kind={item.kind} refName={item.ref} title={item.title} onOpen={onOpen} />
                </td>
                <td className={styles.numeric} data-label={strings.editor.outcome}>
                  {item.current?.value !== undefined ? outcomeOf(item, item.current.value) : ''}
                </td>
                <td data-label={strings.editor.assessment}>
                  {item.current?.assessment ? <AssessmentSymbol assessment={item.current.assessment} label={assessmentLabel(item.kind, item.current.assessment, language)} /> : null}
                </td>
                <td className={styles.badgeCell} data-label={strings.todo.state}>
                  {stateBadges(round, seen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > limit ? <Button onClick={() => setLimit((n) => n + ROWS_PER_PAGE)}>{strings.todo.showMore(Math.min(ROWS_PER_PAGE, shown.length - limit), shown.length - limit)}</Button> : null}
    </section>
  );
}
