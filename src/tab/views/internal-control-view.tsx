// Internkontroll: areas, risks with probability × consequence, actions with status and due date;
// overdue ones marked in words, not colour alone.
import { Badge, Text, Title3, Subtitle1 } from '@fluentui/react-components';
import { actionStatusIn, isOverdue, riskValue } from '../../core';
import type { LoadedPlan } from '../../store';
import { entryOf } from '../../store';
import type { Strings, UiLanguage } from '../../ui';
import { statusLabel } from '../editor/vocabulary-labels';
import type { OpenTarget } from './item-link';
import { ItemLink } from './item-link';
import { useViewStyles } from './views.styles';

export interface InternalControlViewProps {
  readonly plan: LoadedPlan;
  /** Whose statuses: as reported for this period, else the plan's. */
  readonly periodKey: string;
  readonly asOf: string;
  readonly strings: Strings;
  readonly language: UiLanguage;
  readonly onOpen: (target: OpenTarget) => void;
}

export function InternalControlView({ plan, periodKey, asOf, strings, language, onOpen }: InternalControlViewProps) {
  const styles = useViewStyles();
  const areas = [...new Set(plan.risks.map((r) => r.area))];
  const s = strings.internalControl;
  return (
    <section className={styles.root} aria-labelledby="ic-heading">
      <Title3 as="h2" id="ic-heading">
        {s.title}
      </Title3>
      {areas.length === 0 ? <Text>{s.empty}</Text> : null}
      {areas.map((area) => (
        <div key={area} className={styles.group}>
          <Subtitle1 as="h3">{area}</Subtitle1>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{s.risk}</th>
                <th scope="col">{s.riskValue}</th>
                <th scope="col">{s.action}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.due}</th>
              </tr>
            </thead>
            <tbody>
              {plan.risks
                .filter((r) => r.area === area)
                .flatMap((risk) => {
                  const actions = plan.actions.filter((a) => a.riskRef === risk.ref);
                  const value = riskValue(risk);
                  const riskCell = (
                    <>
                      <td rowSpan={Math.max(1, actions.length)} data-label={s.risk}>
                        {risk.title}
                      </td>
                      <td rowSpan={Math.max(1, actions.length)} className={styles.numeric} data-label={s.riskValue}>
                        {value !== undefined && risk.probability !== undefined && risk.consequence !== undefined ? s.probabilityTimesConsequence(risk.probability, risk.consequence, value) : ''}
                      </td>
                    </>
                  );
                  if (actions.length === 0)
                    return [
                      <tr key={risk.ref}>
                        {riskCell}
                        <td />
                        <td />
                        <td />
                      </tr>,
                    ];
                  return actions.map((action, i) => {
                    const status = actionStatusIn(action, entryOf(plan, 'action', action.ref, periodKey));
                    const late = isOverdue({ ...action, status }, asOf);
                    return (
                      <tr key={action.ref} data-overdue={late ? 'true' : undefined}>
                        {i === 0 ? riskCell : null}
                        <td data-label={s.action}>
                          <ItemLink kind="action" refName={action.ref} title={action.title} onOpen={onOpen} />
                        </td>
                        <td data-label={s.status}>{statusLabel(status, language)}</td>
                        <td className={styles.numeric} data-label={s.due}>
                          {action.dueDate ?? ''}{' '}
                          {late ? (
                            <Badge appearance="filled" color="danger">
                              {s.overdue}
                            </Badge>
                          ) : null}
                        </td>
                      </tr>
                    );
                  });
                })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
