// The five kinds of plan item as the lists hold them: which list, how an item is read and written,
// where it sits (its parent) and what sits under it. Plan editing works through this table only.
import type { PlanItemInUse, PlanItemKind, PlanItemModels, PlanItemParent, SubjectKind } from '../core';
import { PLAN_ITEM_NOUN } from '../core';
import type { ListItem, Stored, WriteFields } from '../lists/mapping';
import { actionFields, actionFromItem, assignmentFields, assignmentFromItem, goalFields, goalFromItem, indicatorFields, indicatorFromItem, riskFields, riskFromItem } from '../lists/mapping';
import { readNumber } from '../lists/fields';
import type { ListName } from '../lists/schema';
import type { LoadedPlan, PlanItems } from './loaded-plan';

export type PlanItemModel = PlanItemModels[PlanItemKind];
export type StoredPlanItem<K extends PlanItemKind = PlanItemKind> = Stored<PlanItemModels[K]>;

export const LIST_OF: Readonly<Record<PlanItemKind, ListName>> = { goal: 'Goals', indicator: 'Indicators', assignment: 'Assignments', risk: 'Risks', action: 'Actions' };
const SOURCE_OF: Readonly<Record<PlanItemKind, Exclude<keyof PlanItems, 'followUps' | 'planPeriods'>>> = {
  goal: 'goals',
  indicator: 'indicators',
  assignment: 'assignments',
  risk: 'risks',
  action: 'actions',
};
/** What a kind's follow-up entries name it as; a risk is followed up through its åtgärder. */
export const SUBJECT_OF: Readonly<Record<PlanItemKind, SubjectKind | undefined>> = { goal: 'goal', indicator: 'indicator', assignment: 'assignment', risk: undefined, action: 'action' };

/** The plan's items of one kind, archived ones too, in the plan's order. */
export function itemsOf<K extends PlanItemKind>(plan: LoadedPlan, kind: K): ReadonlyArray<StoredPlanItem<K>> {
  const all: { readonly [Kind in PlanItemKind]: ReadonlyArray<StoredPlanItem<Kind>> } = {
    goal: plan.goals,
    indicator: plan.indicators,
    assignment: plan.assignments,
    risk: plan.risks,
    action: plan.actions,
  };
  return all[kind];
}

export function findItem<K extends PlanItemKind>(plan: LoadedPlan, kind: K, ref: string): StoredPlanItem<K> | undefined {
  return itemsOf(plan, kind).find((t) => t.ref === ref);
}

/** The list item an item was read from (its fields as stored), for comparing and ordering. */
export function sourceItem(plan: LoadedPlan, kind: PlanItemKind, itemId: string): ListItem | undefined {
  return plan.source.items[SOURCE_OF[kind]].find((i) => i.id === itemId);
}

export function sortOrderOf(plan: LoadedPlan, kind: PlanItemKind, itemId: string): number {
  const item = sourceItem(plan, kind, itemId);
  return (item && readNumber(item.fields, 'SortOrder')) ?? 0;
}

/** Where an item sits: a styrtal and an uppdrag under a goal, an åtgärd under a risk, an aktivitet under a goal. */
export function parentOf(kind: PlanItemKind, item: PlanItemModel): PlanItemParent | undefined {
  const refs = item as { readonly goalRef?: string; readonly riskRef?: string };
  if (kind === 'action' && refs.riskRef) return { kind: 'risk', ref: refs.riskRef };
  if ((kind === 'indicator' || kind === 'assignment' || kind === 'action') && refs.goalRef) return { kind: 'goal', ref: refs.goalRef };
  return undefined;
}

export function sameParent(a: PlanItemParent | undefined, b: PlanItemParent | undefined): boolean {
  return a?.kind === b?.kind && a?.ref === b?.ref;
}

/** The items directly under a goal or a risk. */
export function childrenOf(plan: LoadedPlan, parent: PlanItemParent): Array<{ kind: PlanItemKind; item: StoredPlanItem }> {
  const kinds: readonly PlanItemKind[] = parent.kind === 'goal' ? ['indicator', 'assignment', 'action'] : ['action'];
  return kinds.flatMap((kind) => itemsOf(plan, kind).filter((t) => sameParent(parentOf(kind, t), parent)).map((item) => ({ kind, item })));
}

/** Every other item of the plan, as the validator checks a ref and a parent against them. */
export function othersThan(plan: LoadedPlan, self?: { kind: PlanItemKind; ref: string }): PlanItemInUse[] {
  const kinds: readonly PlanItemKind[] = ['goal', 'indicator', 'assignment', 'risk', 'action'];
  return kinds.flatMap((kind) =>
    itemsOf(plan, kind)
      .filter((t) => !(self && self.kind === kind && self.ref === t.ref))
      .map((t) => ({ kind, ref: t.ref, where: `${PLAN_ITEM_NOUN[kind].definite} "${shortTitle(t.title)}"` })),
  );
}

function shortTitle(title: string): string {
  return title.length <= 60 ? title : `${title.slice(0, 59)}…`;
}

/** The list fields of an item of the plan at a place in its list's order. */
export function fieldsOf(plan: LoadedPlan, kind: PlanItemKind, model: PlanItemModel, sortOrder: number): WriteFields {
  const ctx = { planItemId: plan.planItemId, sortOrder };
  const goalId = (ref: string | undefined) => (ref === undefined ? undefined : findItem(plan, 'goal', ref)?.itemId);
  const riskId = (ref: string | undefined) => (ref === undefined ? undefined : findItem(plan, 'risk', ref)?.itemId);
  switch (kind) {
    case 'goal':
      return goalFields(model as PlanItemModels['goal'], ctx);
    case 'indicator': {
      const indicator = model as PlanItemModels['indicator'];
      return indicatorFields(indicator, { ...ctx, goalItemId: goalId(indicator.goalRef) ?? '' });
    }
    case 'assignment': {
      const assignment = model as PlanItemModels['assignment'];
      return assignmentFields(assignment, { ...ctx, goalItemId: goalId(assignment.goalRef) });
    }
    case 'risk':
      return riskFields(model as PlanItemModels['risk'], ctx);
    case 'action': {
      const action = model as PlanItemModels['action'];
      return actionFields(action, { ...ctx, riskItemId: riskId(action.riskRef), goalItemId: goalId(action.goalRef) });
    }
  }
}

/** A list item of the plan read as its kind's model, its parent named by ref. */
export function modelOf<K extends PlanItemKind>(plan: LoadedPlan, kind: K, item: ListItem): StoredPlanItem<K> {
  const goalRef = (id: string) => plan.goals.find((g) => g.itemId === id)?.ref;
  const riskRef = (id: string) => plan.risks.find((r) => r.itemId === id)?.ref;
  const read: { readonly [Kind in PlanItemKind]: () => StoredPlanItem<Kind> } = {
    goal: () => goalFromItem(item),
    indicator: () => indicatorFromItem(item, goalRef),
    assignment: () => assignmentFromItem(item, goalRef),
    risk: () => riskFromItem(item),
    action: () => actionFromItem(item, (list, id) => (list === 'Risks' ? riskRef(id) : goalRef(id))),
  };
  return read[kind]();
}
