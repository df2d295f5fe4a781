// The plan editor's form for one item: the fields as typed (numbers as sv-SE text), how they become
// the plan exchange format's item (the draft the one validator checks and the write API stores),
// and how a stored item fills the form again. Pure, so the rules of the form are tested alone.
import type { Direction, GoalKind, Origin, PlanItemInUse, PlanItemIssue, PlanItemKind, PlanItemParent, TargetKind, ValueType } from '../../core';
import { PLAN_ITEM_NOUN, formatSwedishNumber, parseSwedishNumber, targetOf, validatePlanItem } from '../../core';
import type { LoadedPlan, StoredPlanItem } from '../../store';

export interface ItemForm {
  readonly title: string;
  readonly goalKind: GoalKind;
  readonly number: string;
  readonly perspective: string;
  readonly origin: Origin;
  readonly description: string;
  readonly ownerUpn: string;
  readonly valueType: ValueType;
  readonly unit: string;
  readonly direction: Direction;
  /** '' is "no target". */
  readonly targetKind: TargetKind | '';
  /** N; a range's lower bound; a rank's place; a reference target's printed estimate. */
  readonly target: string;
  /** A range's upper bound; how many places a rank is out of. */
  readonly targetMax: string;
  readonly targetOffset: string;
  readonly targetText: string;
  readonly longTermTarget: string;
  readonly longTermTargetText: string;
  readonly baseline: string;
  readonly source: string;
  readonly dueDate: string;
  readonly multiYear: boolean;
  readonly area: string;
  readonly regionWide: boolean;
  /** '' or '1'–'4'. */
  readonly probability: string;
  readonly consequence: string;
}

export type FormField = keyof ItemForm;

/** What the form is for: a new item under a parent, or a stored one. */
export type FormSubject =
  | { readonly mode: 'create'; readonly kind: PlanItemKind; readonly parent?: PlanItemParent | undefined }
  | { readonly mode: 'update'; readonly kind: PlanItemKind; readonly parent?: PlanItemParent | undefined; readonly item: StoredPlanItem };

export const EMPTY_FORM: ItemForm = {
  title: '',
  goalKind: 'goal',
  number: '',
  perspective: '',
  origin: 'board',
  description: '',
  ownerUpn: '',
  valueType: 'numeric',
  unit: '',
  direction: 'increase',
  targetKind: 'at-least',
  target: '',
  targetMax: '',
  targetOffset: '',
  targetText: '',
  longTermTarget: '',
  longTermTargetText: '',
  baseline: '',
  source: '',
  dueDate: '',
  multiYear: false,
  area: '',
  regionWide: false,
  probability: '',
  consequence: '',
};

/** Which of a target kind's fields the form asks for. */
export function targetFieldsOf(kind: TargetKind | ''): { readonly target: boolean; readonly targetMax: boolean; readonly targetOffset: boolean } {
  switch (kind) {
    case 'range':
    case 'rank':
      return { target: true, targetMax: true, targetOffset: false };
    case 'reference':
      return { target: true, targetMax: false, targetOffset: true };
    case 'previous-year':
    case '':
      return { target: false, targetMax: false, targetOffset: false };
    default:
      return { target: true, targetMax: false, targetOffset: false };
  }
}

const numberText = (value: number | undefined): string => (value === undefined ? '' : formatSwedishNumber(value, { maxDecimals: 6 }));

/** A new item's form: the plan's usual kind of goal, the perspective and area of the item it follows. */
export function newForm(plan: LoadedPlan, kind: PlanItemKind): ItemForm {
  const lastGoal = plan.goals.filter((g) => !g.archived).at(-1);
  const lastRisk = plan.risks.filter((r) => !r.archived).at(-1);
  return {
    ...EMPTY_FORM,
    ...(kind === 'goal' && lastGoal ? { goalKind: lastGoal.kind, perspective: lastGoal.perspective ?? '', origin: lastGoal.origin } : {}),
    ...(kind === 'risk' && lastRisk ? { area: lastRisk.area } : {}),
  };
}

/** A stored item as the form shows it. */
export function formOf(kind: PlanItemKind, item: StoredPlanItem): ItemForm {
  const base = { ...EMPTY_FORM, title: item.title, ownerUpn: item.ownerUpn ?? '' };
  switch (kind) {
    case 'goal': {
      const g = item as StoredPlanItem<'goal'>;
      return { ...base, goalKind: g.kind, number: g.number ?? '', perspective: g.perspective ?? '', origin: g.origin, description: g.description ?? '' };
    }
    case 'indicator': {
      const i = item as StoredPlanItem<'indicator'>;
      // A target stored without a kind (an older plan) is read the way the rules read it: by its words,
      // else as the floor or ceiling its direction makes it.
      const typed = targetOf(i);
      const targetKind: TargetKind | '' = i.targetKind ?? typed?.kind ?? (i.target === undefined ? '' : i.direction === 'decrease' ? 'at-most' : 'at-least');
      return {
        ...base,
        valueType: i.valueType,
        unit: i.unit ?? '',
        direction: i.direction,
        targetKind: i.valueType === 'qualitative' ? '' : targetKind,
        target: numberText(i.target),
        targetMax: numberText(i.targetMax ?? (typed?.kind === 'range' ? typed.max : typed?.kind === 'rank' ? typed.of : undefined)),
        targetOffset: numberText(i.targetOffset ?? (typed?.kind === 'reference' ? typed.offset : undefined)),
        targetText: i.targetText ?? '',
        longTermTarget: numberText(i.longTermTarget),
        longTermTargetText: i.longTermTargetText ?? '',
        baseline: numberText(i.baseline),
        source: i.source ?? '',
      };
    }
    case 'assignment': {
      const a = item as StoredPlanItem<'assignment'>;
      return { ...base, number: a.number ?? '', origin: a.origin, dueDate: a.dueDate ?? '', multiYear: a.multiYear === true };
    }
    case 'risk': {
      const r = item as StoredPlanItem<'risk'>;
      return { ...base, area: r.area, regionWide: r.regionWide === true, probability: r.probability?.toString() ?? '', consequence: r.consequence?.toString() ?? '' };
    }
    case 'action': {
      const a = item as StoredPlanItem<'action'>;
      return { ...base, regionWide: a.regionWide === true, dueDate: a.dueDate ?? '' };
    }
  }
}

export interface DraftResult {
  /** The item in the exchange format's shape, without its ref (the API keeps or assigns it). */
  readonly draft: Readonly<Record<string, unknown>>;
  /** Numbers that could not be read, at their fields. */
  readonly issues: readonly PlanItemIssue[];
}

/** The form as the exchange format's item of `kind`: only the fields that kind (and its target kind) has. */
export function draftOf(kind: PlanItemKind, form: ItemForm): DraftResult {
  const draft: Record<string, unknown> = {};
  const issues: PlanItemIssue[] = [];
  const text = (field: FormField & string, value: string, multiline = false) => {
    const trimmed = multiline ? value.trim() : value.trim().replace(/\s+/g, ' ');
    if (trimmed !== '') draft[field] = trimmed;
  };
  const num = (field: FormField & string, value: string) => {
    if (value.trim() === '') return;
    const parsed = parseSwedishNumber(value);
    if (parsed.ok) draft[field] = parsed.value;
    else issues.push({ field, message: parsed.message });
  };
  const grade = (field: 'probability' | 'consequence', value: string) => {
    if (value !== '') draft[field] = Number(value);
  };
  text('title', form.title, true);
  if (form.ownerUpn !== '') draft['ownerUpn'] = form.ownerUpn;
  switch (kind) {
    case 'goal':
      draft['kind'] = form.goalKind;
      draft['origin'] = form.origin;
      text('number', form.number);
      text('perspective', form.perspective);
      text('description', form.description, true);
      break;
    case 'indicator': {
      draft['valueType'] = form.valueType;
      text('unit', form.unit);
      text('source', form.source);
      if (form.valueType === 'numeric') {
        draft['direction'] = form.direction;
        const wanted = targetFieldsOf(form.targetKind);
        if (form.targetKind !== '') draft['targetKind'] = form.targetKind;
        if (wanted.target) num('target', form.target);
        if (wanted.targetMax) num('targetMax', form.targetMax);
        if (wanted.targetOffset) num('targetOffset', form.targetOffset);
        text('targetText', form.targetText);
        num('longTermTarget', form.longTermTarget);
        text('longTermTargetText', form.longTermTargetText);
        num('baseline', form.baseline);
      }
      break;
    }
    case 'assignment':
      draft['origin'] = form.origin;
      text('number', form.number);
      if (form.dueDate !== '') draft['dueDate'] = form.dueDate;
      draft['multiYear'] = form.multiYear;
      break;
    case 'risk':
      text('area', form.area);
      draft['regionWide'] = form.regionWide;
      grade('probability', form.probability);
      grade('consequence', form.consequence);
      break;
    case 'action':
      draft['regionWide'] = form.regionWide;
      if (form.dueDate !== '') draft['dueDate'] = form.dueDate;
      break;
  }
  return { draft, issues };
}

/** The plan's other things, as the validator checks a ref and a parent against them. */
export function othersIn(plan: LoadedPlan, self?: { readonly kind: PlanItemKind; readonly ref: string }): PlanItemInUse[] {
  const all: ReadonlyArray<readonly [PlanItemKind, ReadonlyArray<{ readonly ref: string; readonly title: string }>]> = [
    ['goal', plan.goals],
    ['indicator', plan.indicators],
    ['assignment', plan.assignments],
    ['risk', plan.risks],
    ['action', plan.actions],
  ];
  return all.flatMap(([kind, items]) =>
    items.filter((t) => !(self && self.kind === kind && self.ref === t.ref)).map((t) => ({ kind, ref: t.ref, where: `${PLAN_ITEM_NOUN[kind].definite} "${t.title}"` })),
  );
}

/** A stand-in ref for checking a new item: the API assigns the real one, so no message is about it. */
const NEW_REF = 'ny';

/**
 * Every message for the form as it stands: the numbers that cannot be read, then the plan items'
 * one validator (the same the API and the plan format ask), each at its field.
 */
export function formIssues(plan: LoadedPlan, subject: FormSubject, form: ItemForm): PlanItemIssue[] {
  const { draft, issues } = draftOf(subject.kind, form);
  const ref = subject.mode === 'update' ? subject.item.ref : NEW_REF;
  const context = { others: othersIn(plan, subject.mode === 'update' ? { kind: subject.kind, ref } : undefined), parent: subject.parent };
  const unreadable = new Set(issues.map((i) => i.field));
  const rules = validatePlanItem(subject.kind, { ...draft, ref }, context).filter((i) => !(subject.mode === 'create' && i.field === 'ref') && !unreadable.has(i.field));
  return [...issues, ...rules];
}

/** The messages by field (the first per field); those for no field of the form under `other`. */
export function messagesByField(issues: readonly PlanItemIssue[], shown: ReadonlySet<string>): { readonly byField: Readonly<Record<string, string>>; readonly other: readonly string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    if (shown.has(issue.field)) byField[issue.field] ??= issue.message;
    else other.push(issue.message);
  }
  return { byField, other };
}
