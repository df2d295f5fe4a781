// Underliggande: a parent organisation's controller or manager sees the organisations under it —
// per child, how much its plan and the plans under it have reported and assessed in the period,
// and the reporting round's states rolled up the tree (a row opens to the organisations under it);
// then, per goal of the parent's plan, the children's assessments with a suggestion by a stated rule.
// Its controllers keep the tree here too (children-view-keep.tsx).
import { Button, Spinner, Subtitle1, Text, Title3 } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { Fragment, useMemo, useState } from 'react';
import type { Assessment, Goal, ItemState, Organisation } from '../../core';
import { CHILD_SUGGESTION_RULE, GOAL_KIND, ITEM_STATE, ORGANISATION_KIND, organisationTree, parentGoalViews, periodLabel } from '../../core';
import type { FollowUpStore, LoadedOrganisationTree, LoadedPlan } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { AssessmentSymbol } from '../../ui';
import { usePeopleNames } from '../data/people-names';
import { assessmentLabel } from '../editor/vocabulary-labels';
import type { ChildProgress, ProgressCounts } from './children-view-model';
import { STATE_COLUMNS, childrenProgress } from './children-view-model';
import { useOrganisationTree } from './children-view-data';
import type { TreeWriter } from './children-view-keep';
import { TreeKeeping } from './children-view-keep';
import { useChildrenStyles } from './children-view.styles';
import { useViewStyles } from './views.styles';

export interface ChildrenViewProps {
  readonly store: FollowUpStore;
  readonly plan: LoadedPlan;
  readonly periodKey: string;
  readonly upn: string;
  /** The write API; without it the tree is shown but not kept here. */
  readonly writer?: TreeWriter | undefined;
  readonly strings: Strings;
  readonly language: UiLanguage;
}

/** Loads the tree of the plan's year and shows the plan's organisation's children. */
export function ChildrenView({ store, plan, periodKey, upn, writer, strings, language }: ChildrenViewProps) {
  const { state, refresh } = useOrganisationTree(store, plan.plan.year);
  if (state.status === 'loading') return <Spinner label={strings.loading} />;
  if (state.status === 'error') {
    return (
      <div role="alert">
        <Text block>{strings.children.failed(state.message)}</Text>
        <Button onClick={refresh}>{strings.errors.retry}</Button>
      </div>
    );
  }
  return (
    <ChildrenProgressView
      tree={state.tree}
      organisationCode={plan.organisation.code}
      periodKey={periodKey}
      people={store}
      strings={strings}
      language={language}
      onRefresh={refresh}
      {...(writer ? { keeping: { upn, writer } } : {})}
    />
  );
}

export interface ChildrenProgressViewProps {
  readonly tree: LoadedOrganisationTree;
  readonly organisationCode: string;
  readonly periodKey: string;
  readonly people: Pick<FollowUpStore, 'people'>;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly onRefresh?: () => void;
  /** For a controller with the write API: the tree can be kept here (saved changes call onRefresh). */
  readonly keeping?: { readonly upn: string; readonly writer: TreeWriter };
}

export function ChildrenProgressView({ tree, organisationCode, periodKey, people, strings, language, onRefresh, keeping }: ChildrenProgressViewProps) {
  const styles = useViewStyles();
  const own = useChildrenStyles();
  const s = strings.children;
  const built = useMemo(() => organisationTree(tree.organisations), [tree.organisations]);
  const progress = useMemo(() => (built.ok ? childrenProgress(built.tree, organisationCode, tree.plans, periodKey) : []), [built, organisationCode, tree.plans, periodKey]);
  const organisation = tree.organisations.find((o) => o.code.toLowerCase() === organisationCode.toLowerCase());
  const managers = progress.flatMap(function all(c): Array<string | undefined> {
    return [c.organisation.managerUpn, ...c.children.flatMap(all)];
  });
  const nameOf = usePeopleNames(people, managers);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const stateLabel = (state: ItemState) => ITEM_STATE[state][language];

  const counts = (c: ProgressCounts, label: string) => (
    <>
      <td className={styles.numeric} data-label={s.plans}>
        {c.plans}
      </td>
      <td className={styles.numeric} data-label={s.reported} data-count="reported" aria-label={`${s.reported} ${label}: ${s.ofTotal(c.reported, c.items)}`}>
        {s.ofTotal(c.reported, c.items)}
      </td>
      <td className={styles.numeric} data-label={s.assessed} data-count="assessed" aria-label={`${s.assessed} ${label}: ${s.ofTotal(c.assessed, c.assessable)}`}>
        {s.ofTotal(c.assessed, c.assessable)}
      </td>
      {STATE_COLUMNS.map((state) => (
        <td key={state} className={styles.numeric} data-label={stateLabel(state)} data-state={state}>
          {c.states[state]}
        </td>
      ))}
    </>
  );

  const depthClass = (depth: number) => (depth === 0 ? undefined : depth === 1 ? own.depth1 : own.depth2);
  const row = (child: ChildProgress, depth: number): ReactElement => {
    const { organisation: org } = child;
    const expanded = open.has(org.code);
    const status = !child.planKey ? s.noPlan : !child.hasPeriod ? s.noPeriod : undefined;
    return (
      <Fragment key={org.code}>
        <tr data-org={org.code} data-depth={depth}>
          <td data-label={s.organisation} className={depthClass(depth)}>
            <span className={own.name}>
              <Text weight="semibold">{org.name}</Text>
              <Text size={200} className={styles.muted}>
                {org.kind ? ORGANISATION_KIND[org.kind][language] : org.code}
                {status ? ` · ${status}` : ''}
              </Text>
              {child.children.length > 0 ? (
                <Button size="small" appearance="subtle" aria-expanded={expanded} onClick={() => toggle(org.code)}>
                  {expanded ? s.hideChildren(org.name) : s.showChildren(org.name, child.children.length)}
                </Button>
              ) : null}
            </span>
          </td>
          <td data-label={s.manager}>{org.managerUpn ? nameOf(org.managerUpn) : ''}</td>
          {counts(child.rolledUp, org.name)}
        </tr>
        {expanded ? (
          <>
            {child.planKey && child.hasPeriod ? (
              <tr data-org={org.code} data-own="true" data-depth={depth + 1}>
                <td data-label={s.organisation} className={depthClass(depth + 1)}>
                  <Text className={own.own}>
                    {s.ownPlan}: {org.name}
                  </Text>
                </td>
                <td data-label={s.manager} />
                {counts(child.own, `${s.ownPlan} ${org.name}`)}
              </tr>
            ) : null}
            {child.children.map((grandchild) => row(grandchild, depth + 1))}
          </>
        ) : null}
      </Fragment>
    );
  };

  const period = periodLabel(periodKey);
  const parentPlan = tree.plans.find((p) => p.organisation.code.toLowerCase() === organisationCode.toLowerCase());
  const childPlans = tree.plans.filter((p) => progress.some((c) => c.organisation.code.toLowerCase() === p.organisation.code.toLowerCase()));
  const goalViews = parentPlan ? parentGoalViews(parentPlan, childPlans, periodKey).filter((v) => v.parts.length > 0) : [];

  return (
    <section className={styles.root} aria-labelledby="children-heading">
      <Title3 as="h2" id="children-heading">
        {s.title}
      </Title3>
      <Text block>{s.intro(organisation?.name ?? organisationCode, period)}</Text>
      {onRefresh ? (
        <div className={styles.toolbar}>
          <Button onClick={onRefresh}>{s.refresh}</Button>
        </div>
      ) : null}
      {progress.length === 0 ? (
        <Text role="status">{s.empty}</Text>
      ) : (
        <table className={styles.table} data-testid="children-progress">
          <caption className={own.caption}>{s.byState}</caption>
          <thead>
            <tr>
              <th scope="col">{s.organisation}</th>
              <th scope="col">{s.manager}</th>
              <th scope="col" className={styles.numeric}>
                {s.plans}
              </th>
              <th scope="col" className={styles.numeric}>
                {s.reported}
              </th>
              <th scope="col" className={styles.numeric}>
                {s.assessed}
              </th>
              {STATE_COLUMNS.map((state) => (
                <th scope="col" key={state} className={styles.numeric}>
                  {stateLabel(state)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{progress.map((c) => row(c, 0))}</tbody>
        </table>
      )}
      {keeping && built.ok ? (
        <TreeKeeping tree={built.tree} organisations={tree.organisations} organisationCode={organisationCode} upn={keeping.upn} writer={keeping.writer} strings={strings} language={language} onChanged={onRefresh ?? (() => undefined)} />
      ) : null}
      {goalViews.length > 0 ? (
        <>
          <Subtitle1 as="h3">{s.perGoal}</Subtitle1>
          <Text block>{s.perGoalIntro}</Text>
          <Text block size={200} className={styles.muted}>
            {CHILD_SUGGESTION_RULE.full[language]}
          </Text>
          {goalViews.map((view) => (
            <div key={view.goal.ref} className={own.thing} data-goal={view.goal.ref}>
              <Text as="h4" weight="semibold">
                {goalHeading(view.goal, language)}
              </Text>
              <Text block data-testid="suggestion">
                {view.suggestion && view.suggestion.suggestion !== 'not-assessed' ? (
                  <>
                    <AssessmentSymbol assessment={view.suggestion.suggestion} label={assessmentLabel('goal', view.suggestion.suggestion, language)} />{' '}
                    {s.suggestion(`${assessmentLabel('goal', view.suggestion.suggestion, language)} (${CHILD_SUGGESTION_RULE.short[language]})`)}
                  </>
                ) : (
                  s.noSuggestion
                )}
              </Text>
              <PartsTable
                rows={view.parts.map((p) => ({ key: `${p.planKey}:${p.goal.ref}`, organisation: p.organisation, ...(p.assessment ? { assessment: p.assessment } : {}), ...(p.comment ? { comment: p.comment } : {}) }))}
                strings={strings}
                language={language}
              />
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}

export function goalHeading(goal: Goal, language: UiLanguage): string {
  return `${GOAL_KIND[goal.kind][language]}${goal.number ? ` ${goal.number}` : ''}: ${goal.title}`;
}

interface PartRow {
  readonly key: string;
  readonly organisation: Organisation;
  readonly assessment?: Assessment;
  readonly comment?: string;
}

/** The children's parts of one goal: organisation, assessment and comment. */
function PartsTable({ rows, strings, language }: { rows: readonly PartRow[]; strings: Strings; language: UiLanguage }) {
  const styles = useViewStyles();
  const own = useChildrenStyles();
  const s = strings.children;
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">{s.organisation}</th>
          <th scope="col">{s.assessment}</th>
          <th scope="col">{s.comment}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-org={r.organisation.code}>
            <td data-label={s.organisation}>{r.organisation.name}</td>
            <td data-label={s.assessment}>{r.assessment ? <AssessmentSymbol assessment={r.assessment} label={assessmentLabel('goal', r.assessment, language)} showLabel /> : s.notReported}</td>
            <td data-label={s.comment} className={own.comment}>
              {r.comment ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
