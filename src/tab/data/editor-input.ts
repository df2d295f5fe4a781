// What the editor opens with for one thing and period, by the follow-up rules: the thing, this
// period's entry, the comparison period's (the same period a year earlier, from this plan or last
// year's), an åtgärd's status in the period, and whether the period is locked. Apart from the
// workspace so a test can render exactly what the tab shows.
import type { Comparison, FollowUpEntry, Period } from '../../core';
import { actionStatusIn, comparisonFor } from '../../core';
import type { LoadedPlan, StoredAction, StoredEntry } from '../../store';
import { entryOf } from '../../store';
import type { EditorSubject } from '../editor/editor-model';
import type { OpenTarget } from '../views/item-link';

export interface EditorInput {
  readonly subject: EditorSubject;
  readonly current?: StoredEntry;
  readonly comparison?: Comparison<FollowUpEntry>;
  readonly action?: StoredAction;
  readonly locked: boolean;
}

function subjectOf(plan: LoadedPlan, target: OpenTarget, period: Period): EditorSubject | undefined {
  switch (target.kind) {
    case 'indicator': {
      const i = plan.indicators.find((x) => x.ref === target.ref);
      return i ? { kind: 'indicator', ref: i.ref, title: i.title, indicator: i } : undefined;
    }
    case 'goal': {
      const g = plan.goals.find((x) => x.ref === target.ref);
      return g ? { kind: 'goal', ref: g.ref, title: g.title } : undefined;
    }
    case 'assignment': {
      const a = plan.assignments.find((x) => x.ref === target.ref);
      return a ? { kind: 'assignment', ref: a.ref, title: a.title } : undefined;
    }
    case 'action': {
      const a = plan.actions.find((x) => x.ref === target.ref);
      return a ? { kind: 'action', ref: a.ref, title: a.title, actionStatus: actionStatusIn(a, entryOf(plan, 'action', a.ref, period.key)) } : undefined;
    }
  }
}

export function editorInputFor(plan: LoadedPlan, target: OpenTarget, period: Period): EditorInput | undefined {
  const subject = subjectOf(plan, target, period);
  if (!subject) return undefined;
  const current = entryOf(plan, subject.kind, subject.ref, period.key);
  const comparison = comparisonFor(subject.kind, subject.ref, period.key, plan.entries, plan.previousYearEntries);
  const action = subject.kind === 'action' ? plan.actions.find((a) => a.ref === subject.ref) : undefined;
  return { subject, ...(current ? { current } : {}), ...(comparison ? { comparison } : {}), ...(action ? { action } : {}), locked: period.locked === true };
}
