// Where each item of the plan sits for the editor: a goal's styrtal, uppdrag and aktiviteter, a
// risk's åtgärder, and the lists a move reorders (the siblings under the same parent, archived
// ones left out as the write API leaves them out).
import type { PlanItemKind, PlanItemParent, SubjectKind } from '../../core';
import type { LoadedPlan, StoredPlanItem } from '../../store';

/** The editor's lists: an aktivitet is an `action` under a goal. */
export type ListKind = PlanItemKind | 'activity';

export function apiKind(kind: ListKind): PlanItemKind {
  return kind === 'activity' ? 'action' : kind;
}

export function siblingsOf(plan: LoadedPlan, kind: ListKind, parent: PlanItemParent | undefined): StoredPlanItem[] {
  const live = <T extends { readonly archived?: boolean }>(items: readonly T[]) => items.filter((t) => !t.archived);
  switch (kind) {
    case 'goal':
      return live(plan.goals);
    case 'risk':
      return live(plan.risks);
    case 'indicator':
      return live(plan.indicators).filter((i) => i.goalRef === parent?.ref);
    case 'assignment':
      return live(plan.assignments).filter((a) => a.goalRef === parent?.ref);
    case 'activity':
      return live(plan.actions).filter((a) => a.riskRef === undefined && a.goalRef === parent?.ref);
    case 'action':
      return live(plan.actions).filter((a) => a.riskRef === parent?.ref);
  }
}

/** The refs in order with the item at `index` moved one step (`-1` up, `1` down), or undefined at an end. */
export function movedRefs(refs: readonly string[], index: number, step: -1 | 1): string[] | undefined {
  const to = index + step;
  if (index < 0 || to < 0 || to >= refs.length) return undefined;
  const next = [...refs];
  const [moved] = next.splice(index, 1);
  if (moved === undefined) return undefined;
  next.splice(to, 0, moved);
  return next;
}

const SUBJECT: Readonly<Record<PlanItemKind, SubjectKind | undefined>> = { goal: 'goal', indicator: 'indicator', assignment: 'assignment', risk: undefined, action: 'action' };

/**
 * Whether removing it would ask first, as far as the loaded plan knows: it has been reported on, or
 * things sit under it. The API checks again on the lists as they are now.
 */
export function removalAsks(plan: LoadedPlan, kind: PlanItemKind, ref: string): boolean {
  const reported = (k: PlanItemKind, r: string) => plan.entries.some((e) => e.subjectKind === SUBJECT[k] && e.subjectRef === r);
  if (kind === 'goal') {
    const under = [...plan.indicators, ...plan.assignments, ...plan.actions].some((t) => !t.archived && t.goalRef === ref && !('riskRef' in t && t.riskRef));
    return under || reported('goal', ref);
  }
  if (kind === 'risk') return plan.actions.some((a) => !a.archived && a.riskRef === ref);
  return reported(kind, ref);
}
