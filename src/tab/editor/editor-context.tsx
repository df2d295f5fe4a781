// Beside the form, what the thing belongs to: a goal's styrtal with their outcomes, an åtgärd's risk,
// due date and how late it is, an uppdrag's due date.
import { Subtitle2, Text } from '@fluentui/react-components';
import { daysOverdue, formatValue, isOverdue } from '../../core';
import type { LoadedPlan } from '../../store';
import { entryOf } from '../../store';
import type { Strings } from '../../ui';
import type { EditorSubject } from './editor-model';

export interface EditorContextProps {
  readonly plan: LoadedPlan;
  readonly subject: EditorSubject;
  readonly periodKey: string;
  /** YYYY-MM-DD: "today" for lateness. */
  readonly asOf: string;
  readonly strings: Strings;
}

function lines(props: EditorContextProps): string[] {
  const { plan, subject, periodKey, asOf, strings } = props;
  const c = strings.editor.context;
  switch (subject.kind) {
    case 'goal':
      return plan.indicators
        .filter((i) => i.goalRef === subject.ref)
        .map((i) => {
          const value = entryOf(plan, 'indicator', i.ref, periodKey)?.value;
          return `${i.title}: ${value !== undefined ? formatValue(value, i.unit) : c.noOutcome}`;
        });
    case 'assignment': {
      const due = plan.assignments.find((a) => a.ref === subject.ref)?.dueDate;
      return due ? [c.due(due)] : [];
    }
    case 'action': {
      const action = plan.actions.find((a) => a.ref === subject.ref);
      if (!action) return [];
      const risk = action.riskRef ? plan.risks.find((r) => r.ref === action.riskRef) : undefined;
      const status = { ...action, status: subject.actionStatus ?? action.status };
      const late = action.dueDate && isOverdue(status, asOf) ? c.late(daysOverdue(action.dueDate, asOf)) : c.notYetDue;
      return [...(risk ? [`${c.risk}: ${risk.title}`] : []), ...(action.dueDate ? [`${c.due(action.dueDate)} · ${late}`] : [])];
    }
    case 'indicator':
      return [];
  }
}

export function EditorContext(props: EditorContextProps) {
  const shown = lines(props);
  if (shown.length === 0) return null;
  const heading = props.subject.kind === 'goal' ? props.strings.editor.context.indicators : props.strings.editor.context.title;
  return (
    <div>
      <Subtitle2 as="h3">{heading}</Subtitle2>
      {shown.map((line) => (
        <Text block key={line}>
          {line}
        </Text>
      ))}
    </div>
  );
}
