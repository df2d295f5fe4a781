// Regionen: Regionstyrelsen's uppsiktsplikt in the tab. Per regionfullmäktige målsättning, its
// styrtal and its uppdrag, every nämnd's part side by side — the nämnd's assessment (or outcome)
// and comment, and who reported it, by name — with the suggestion from the nämnder by the stated
// rule, each styrtal rolled up by its method, and the region's counts. The numbers are core's
// regionView, as the report's region tables print them.
import { Button, Spinner, Subtitle1, Text, Title3 } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Assessment, FollowUpEntry, Organisation, RegionAssignmentView, RegionCountRow, RegionPart, RollUpResult, SubjectKind } from '../../core';
import { ASSESSMENTS, CHILD_SUGGESTION_RULE, GOAL_ASSESSMENT, ROLL_UP_METHOD, formatValue, periodLabel, regionView } from '../../core';
import type { FollowUpStore, LoadedOrganisationTree, LoadedPlan } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { AssessmentSymbol } from '../../ui';
import { usePeopleNames } from '../data/people-names';
import { assessmentLabel } from '../editor/vocabulary-labels';
import { goalHeading } from './children-view';
import { useOrganisationTree } from './children-view-data';
import { useChildrenStyles } from './children-view.styles';
import { useViewStyles } from './views.styles';

export interface RegionOverviewProps {
  readonly store: FollowUpStore;
  /** The plan open in the tab: its year is the region's. */
  readonly year: number;
  readonly periodKey: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
}

export function RegionOverview({ store, year, periodKey, strings, language }: RegionOverviewProps) {
  const { state, refresh } = useOrganisationTree(store, year);
  if (state.status === 'loading') return <Spinner label={strings.loading} />;
  if (state.status === 'error') {
    return (
      <div role="alert">
        <Text block>{strings.children.failed(state.message)}</Text>
        <Button onClick={refresh}>{strings.errors.retry}</Button>
      </div>
    );
  }
  return <RegionTreeView tree={state.tree} periodKey={periodKey} people={store} strings={strings} language={language} onRefresh={refresh} />;
}

export interface RegionTreeViewProps {
  readonly tree: LoadedOrganisationTree;
  readonly periodKey: string;
  readonly people: Pick<FollowUpStore, 'people'>;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly onRefresh?: () => void;
}

/** Regionfullmäktige's plan: the plan of the organisation of kind region. */
export function regionPlanOf(tree: LoadedOrganisationTree): LoadedPlan | undefined {
  return tree.plans.find((p) => p.organisation.kind === 'region');
}

export function RegionTreeView({ tree, periodKey, people, strings, language, onRefresh }: RegionTreeViewProps) {
  const styles = useViewStyles();
  const own = useChildrenStyles();
  const s = strings.region;
  const region = regionPlanOf(tree);
  const view = useMemo(() => (region ? regionView(region, tree.plans, periodKey) : undefined), [region, tree.plans, periodKey]);
  const reporters = view
    ? [...view.goals.flatMap((g) => [...g.parts, ...g.indicators.flatMap((i) => i.parts), ...g.assignments.flatMap((a) => a.parts)]), ...view.assignments.flatMap((a) => a.parts)].map((p) => p.entry?.reportedByUpn)
    : [];
  const nameOf = usePeopleNames(people, reporters);

  if (!region || !view) {
    return (
      <section className={styles.root} aria-labelledby="region-heading">
        <Title3 as="h2" id="region-heading">
          {s.title}
        </Title3>
        <Text role="status">{s.noPlan(tree.year)}</Text>
      </section>
    );
  }

  const assessmentCell = (kind: SubjectKind, entry: FollowUpEntry | undefined) =>
    entry?.assessment ? <AssessmentSymbol assessment={entry.assessment} label={assessmentLabel(kind, entry.assessment, language)} showLabel /> : <Text className={styles.muted}>{s.notReported}</Text>;

  const partsTable = <T,>(kind: SubjectKind, parts: ReadonlyArray<RegionPart<T>>, testId: string, outcome?: (part: RegionPart<T>) => string) =>
    parts.length === 0 ? (
      <Text className={styles.muted}>{s.noParts}</Text>
    ) : (
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{s.board}</th>
            {outcome ? <th scope="col">{s.outcome}</th> : null}
            <th scope="col">{s.assessment}</th>
            <th scope="col">{s.comment}</th>
            <th scope="col">{s.reportedBy}</th>
          </tr>
        </thead>
        <tbody>
          {parts.map((part) => (
            <tr key={part.planKey} data-board={part.organisation.code}>
              <td data-label={s.board}>{part.organisation.name}</td>
              {outcome ? (
                <td data-label={s.outcome} className={styles.numeric}>
                  {outcome(part)}
                </td>
              ) : null}
              <td data-label={s.assessment}>{assessmentCell(kind, part.entry)}</td>
              <td data-label={s.comment} className={own.comment}>
                {part.entry?.comment ?? ''}
              </td>
              <td data-label={s.reportedBy}>{part.entry?.reportedByUpn ? nameOf(part.entry.reportedByUpn) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  const rolledUp = (result: RollUpResult | undefined, unit: string | undefined) => {
    if (!result) return null;
    const text = result.status === 'rolled-up' ? s.rolledUp(formatValue(result.value, unit), ROLL_UP_METHOD[result.method][language]) : result.reason;
    return (
      <Text block size={200} className={styles.muted}>
        {text}
      </Text>
    );
  };

  const assignment = (a: RegionAssignmentView) => (
    <div key={a.assignment.ref} className={own.under} data-thing={`assignment:${a.assignment.ref}`}>
      <Text as="h4" weight="semibold">
        {s.assignment}
        {a.assignment.number ? ` ${a.assignment.number}` : ''}: {a.assignment.title}
      </Text>
      {partsTable('assignment', a.parts, `region-assignment-${a.assignment.ref}`)}
    </div>
  );

  return (
    <section className={styles.root} aria-labelledby="region-heading">
      <Title3 as="h2" id="region-heading">
        {s.title}
      </Title3>
      <Text block>{s.intro(region.plan.title, periodLabel(periodKey))}</Text>
      <Text block size={200} className={styles.muted}>
        {CHILD_SUGGESTION_RULE.full[language]}
      </Text>
      {onRefresh ? (
        <div className={styles.toolbar}>
          <Button onClick={onRefresh}>{strings.children.refresh}</Button>
        </div>
      ) : null}
      <CountsTable rows={view.counts} strings={strings} language={language} />
      {view.goals.map((g) => (
        <div key={g.goal.ref} className={own.thing} data-thing={`goal:${g.goal.ref}`}>
          <Subtitle1 as="h3">{goalHeading(g.goal, language)}</Subtitle1>
          {g.suggestion && g.suggestion.suggestion !== 'not-assessed' ? (
            <Text block data-testid={`region-suggestion-${g.goal.ref}`}>
              <AssessmentSymbol assessment={g.suggestion.suggestion} label={assessmentLabel('goal', g.suggestion.suggestion, language)} />{' '}
              {strings.children.suggestion(`${assessmentLabel('goal', g.suggestion.suggestion, language)} (${CHILD_SUGGESTION_RULE.short[language]}; ${s.parts(g.parts.length)})`)}
            </Text>
          ) : null}
          {partsTable('goal', g.parts, `region-goal-${g.goal.ref}`)}
          {g.indicators.map((i) => (
            <div key={i.indicator.ref} className={own.under} data-thing={`indicator:${i.indicator.ref}`}>
              <Text as="h4" weight="semibold">
                {s.indicator}: {i.indicator.title}
              </Text>
              {rolledUp(i.rollUp, i.indicator.unit)}
              {partsTable('indicator', i.parts, `region-indicator-${i.indicator.ref}`, (part) => (part.entry?.value !== undefined ? formatValue(part.entry.value, part.thing.unit ?? i.indicator.unit) : ''))}
            </div>
          ))}
          {g.assignments.map(assignment)}
        </div>
      ))}
      {view.assignments.map(assignment)}
    </section>
  );
}

/** The region's counts: per nämnd and for all of them, how many were assessed which way. */
function CountsTable({ rows, strings, language }: { rows: readonly RegionCountRow[]; strings: Strings; language: UiLanguage }) {
  const styles = useViewStyles();
  const own = useChildrenStyles();
  const s = strings.region;
  if (rows.length === 0) return null;
  const label = (a: Assessment) => `${GOAL_ASSESSMENT[a].symbol} ${GOAL_ASSESSMENT[a][language]}`;
  const name = (row: RegionCountRow, organisation: Organisation | undefined) => `${row.subject === 'goal' ? s.countsGoals : s.countsAssignments}: ${organisation ? organisation.name : s.allBoards}`;
  return (
    <table className={styles.table} data-testid="region-counts">
      <caption className={own.caption}>{s.counts}</caption>
      <thead>
        <tr>
          <th scope="col">{s.board}</th>
          <th scope="col" className={styles.numeric}>
            {s.total}
          </th>
          {ASSESSMENTS.map((a) => (
            <th scope="col" key={a} className={styles.numeric}>
              {label(a)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.subject}:${row.organisation?.code ?? ''}`} data-subject={row.subject} data-board={row.organisation?.code ?? ''}>
            <td data-label={s.board}>{name(row, row.organisation)}</td>
            <td data-label={s.total} className={styles.numeric}>
              {row.total}
            </td>
            {ASSESSMENTS.map((a) => (
              <td key={a} data-label={label(a)} className={styles.numeric}>
                {row.counts[a]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
