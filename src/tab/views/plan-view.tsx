// The plan as the report reads it: each goal with its assessment, its styrtal (outcome against this
// year's and the long-term target, trend) and its uppdrag; any item opens its editor.
import { Button, Text, Title3, Subtitle1 } from '@fluentui/react-components';
import { Fragment, useState } from 'react';
import type { Assessment, Goal, Indicator, SubjectKind } from '../../core';
import { GOAL_KIND, comparisonFor, formatValue, isPrognosis } from '../../core';
import { formatOutcome, formatTarget, indicatorStatus } from '../../report';
import type { LoadedPlan } from '../../store';
import { entryOf } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { AssessmentSymbol, TrendArrow } from '../../ui';
import { assessmentLabel, trendLabel } from '../editor/vocabulary-labels';
import type { OpenTarget } from './item-link';
import { ItemLink } from './item-link';
import { useViewStyles } from './views.styles';

export interface PlanViewProps {
  readonly plan: LoadedPlan;
  readonly periodKey: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly onOpen: (target: OpenTarget) => void;
}

function longTermTarget(value: number | undefined, text: string | undefined, unit: string | undefined): string {
  return text ?? (value !== undefined ? formatValue(value, unit) : '');
}

/** Goals drawn at a time: a plan of 20 000 goals stays quick to open and to scroll. */
export const GOALS_PER_PAGE = 100;

export function PlanView({ plan, periodKey, strings, language, onOpen }: PlanViewProps) {
  const styles = useViewStyles();
  const [shown, setShown] = useState(GOALS_PER_PAGE);
  const goals = plan.goals.slice(0, shown);
  const entry = (kind: SubjectKind, ref: string) => entryOf(plan, kind, ref, periodKey);
  const symbol = (kind: SubjectKind, ref: string) => {
    const e = entry(kind, ref);
    if (!e?.assessment) return null;
    const label = assessmentLabel(kind, e.assessment, language);
    return <AssessmentSymbol assessment={e.assessment} label={isPrognosis(periodKey, kind) ? `${strings.plan.prognosis}: ${label}` : label} />;
  };
  // At a delår an uppdrag's assessment is the forecast for the year; its styrtal keep Bedömning.
  const assignmentAssessment = isPrognosis(periodKey, 'assignment') ? strings.plan.prognosis : strings.plan.assessment;
  const goalHeading = (goal: Goal) => `${GOAL_KIND[goal.kind][language]}${goal.number ? ` ${goal.number}` : ''}: ${goal.title}`;
  const perspectives = [...new Set(goals.map((g) => g.perspective ?? ''))];
  // The assessment people made; where nobody assessed, the rules' suggestion, marked as one (as the report does).
  const indicatorAssessment = (indicator: Indicator) => {
    const current = entry('indicator', indicator.ref);
    const previous = comparisonFor('indicator', indicator.ref, periodKey, plan.entries, plan.previousYearEntries)?.entry;
    const mark = indicatorStatus(indicator, current, previous).assessment;
    if (mark.code === 'not-assessed' && !current?.assessment) return null;
    const assessment = mark.code as Assessment;
    const label = assessmentLabel('indicator', assessment, language);
    return mark.suggested ? (
      <>
        <AssessmentSymbol assessment={assessment} label={`${label} (${strings.plan.suggestion})`} /> <Text size={200} className={styles.muted}>{strings.plan.suggestion}</Text>
      </>
    ) : (
      <AssessmentSymbol assessment={assessment} label={label} />
    );
  };
  const indicatorRow = (indicator: Indicator) => {
    const e = entry('indicator', indicator.ref);
    // A previous-year target is last year's figure: the comparison period's outcome.
    const lastYear = indicator.targetKind === 'previous-year' ? comparisonFor('indicator', indicator.ref, periodKey, plan.entries, plan.previousYearEntries)?.entry?.value : undefined;
    return (
      <tr key={indicator.ref}>
        <td data-label={strings.plan.indicators}>
          <ItemLink kind="indicator" refName={indicator.ref} title={indicator.title} onOpen={onOpen} />
        </td>
        <td className={styles.numeric} data-label={strings.plan.outcome}>
          {e?.value !== undefined ? formatOutcome(indicator, e.value) : ''}
        </td>
        <td data-label={strings.plan.trend}>{e?.trend ? <TrendArrow trend={e.trend} label={trendLabel(e.trend, language)} /> : null}</td>
        <td className={styles.numeric} data-label={strings.plan.target}>
          {formatTarget(indicator, { previousYearValue: lastYear }) ?? ''}
        </td>
        <td className={styles.numeric} data-label={strings.plan.longTermTarget}>
          {longTermTarget(indicator.longTermTarget, indicator.longTermTargetText, indicator.unit)}
        </td>
        <td data-label={strings.plan.assessment}>{indicatorAssessment(indicator)}</td>
      </tr>
    );
  };
  return (
    <section className={styles.root} aria-labelledby="plan-heading">
      <Title3 as="h2" id="plan-heading">
        {plan.plan.title}
      </Title3>
      {perspectives.map((perspective) => (
        <Fragment key={perspective || 'none'}>
          {perspective ? <Subtitle1 as="h3">{perspective}</Subtitle1> : null}
          {goals
            .filter((g) => (g.perspective ?? '') === perspective)
            .map((goal) => {
              const indicators = plan.indicators.filter((i) => i.goalRef === goal.ref);
              const assignments = plan.assignments.filter((a) => a.goalRef === goal.ref);
              return (
                <div key={goal.ref} className={styles.group}>
                  <h3>
                    {symbol('goal', goal.ref)} <ItemLink kind="goal" refName={goal.ref} title={goalHeading(goal)} onOpen={onOpen} />
                  </h3>
                  {entry('goal', goal.ref)?.comment ? <Text block>{entry('goal', goal.ref)?.comment}</Text> : null}
                  {indicators.length > 0 ? (
                    <table className={styles.table}>
                      <caption className={styles.muted}>{strings.plan.indicators}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{strings.plan.indicators}</th>
                          <th scope="col">{strings.plan.outcome}</th>
                          <th scope="col">{strings.plan.trend}</th>
                          <th scope="col">{strings.plan.target}</th>
                          <th scope="col">{strings.plan.longTermTarget}</th>
                          <th scope="col">{strings.plan.assessment}</th>
                        </tr>
                      </thead>
                      <tbody>{indicators.map(indicatorRow)}</tbody>
                    </table>
                  ) : null}
                  {assignments.length > 0 ? (
                    <table className={styles.table}>
                      <caption className={styles.muted}>{strings.plan.assignments}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{strings.plan.assignments}</th>
                          <th scope="col">{assignmentAssessment}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {assignments.map((a) => (
                          <tr key={a.ref}>
                            <td data-label={strings.plan.assignments}>
                              <ItemLink kind="assignment" refName={a.ref} title={`${a.number ? `${a.number}. ` : ''}${a.title}`} onOpen={onOpen} />
                            </td>
                            <td data-label={assignmentAssessment}>{symbol('assignment', a.ref)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </div>
              );
            })}
        </Fragment>
      ))}
      {shown < plan.goals.length ? (
        <Button onClick={() => setShown((n) => n + GOALS_PER_PAGE)}>{strings.plan.showMore(Math.min(GOALS_PER_PAGE, plan.goals.length - shown), plan.goals.length - shown)}</Button>
      ) : null}
    </section>
  );
}
