// The rules of one thing of a plan (a goal, a styrtal, an uppdrag, a risk, an åtgärd or aktivitet),
// written once: the plan exchange format checks every item of a document by them, and the plan
// editor checks the one item being written, with each Swedish message at its field.
import { ROLL_UP_METHODS, TARGET_KINDS } from '../vocabularies';
import { ACTION_STATUSES, DIRECTIONS, GOAL_KINDS, ORIGINS, VALUE_TYPES } from '../vocabularies';
import { targetIssues } from '../targets';
import type { Check, Shape, ValidationIssue } from './checks';
import { bool, code, date, integer, isRecord, line, matching, number, object, optional, required, text, upn } from './checks';
import type { ActionDoc, AssignmentDoc, GoalDoc, IndicatorDoc, RiskDoc } from './types';

export const PLAN_ITEM_KINDS = ['goal', 'indicator', 'assignment', 'risk', 'action'] as const;
/** An åtgärd (under a risk) and an aktivitet (under a goal) are both `action`. */
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

/** A thing of the plan as the editor writes it: the exchange document's item, without the items under it. */
export interface PlanItemDrafts {
  readonly goal: Omit<GoalDoc, 'indicators' | 'assignments' | 'activities'>;
  readonly indicator: IndicatorDoc;
  readonly assignment: AssignmentDoc;
  readonly risk: Omit<RiskDoc, 'actions'>;
  readonly action: ActionDoc;
}
export type PlanItemDraft<K extends PlanItemKind = PlanItemKind> = PlanItemDrafts[K];

/** What an item sits under: a styrtal's and an uppdrag's goal, an åtgärd's risk, an aktivitet's goal. */
export interface PlanItemParent {
  readonly kind: 'goal' | 'risk';
  readonly ref: string;
}

/** Another thing of the plan, as the editor's item is checked against it. */
export interface PlanItemInUse {
  readonly kind: PlanItemKind;
  readonly ref: string;
  /** How a message names it ("goals[0]" in a document, a title in the editor); the ref when absent. */
  readonly where?: string;
}

export interface PlanItemContext {
  /**
   * The plan's other things (not the one being edited): its ref must differ from theirs, and its
   * parent must be one of them. Absent when the caller checks refs itself (a whole document does).
   */
  readonly others?: readonly PlanItemInUse[];
  readonly parent?: PlanItemParent | undefined;
}

/** One problem with one field of an item, in Swedish. */
export interface PlanItemIssue {
  readonly field: string;
  readonly message: string;
}

export const planRef = matching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'en ref av bokstäver a–z, siffror, punkt, bindestreck eller understreck (högst 64 tecken)');

/** A plan's key, `ORG:YEAR` (`RF:2025`), as another plan's thing is named by. */
export const planKeyCheck = matching(/^[A-Za-zÅÄÖåäö0-9_-]{1,32}:\d{4}$/, 'en plannyckel som RF:2025 (organisationskod, kolon, år)');

/** `givenBy`: regionfullmäktige's (or a parent plan's) thing by its plan and ref. */
export const givenBy: Check = object({ plan: required(planKeyCheck), ref: required(planRef) });

/** `rollUp`: a method, and with `weighted` the styrtal it is weighted by. */
export const rollUp: Check = (value, path, issues) => {
  object({ method: required(code(ROLL_UP_METHODS)), weightedBy: optional(planRef) })(value, path, issues);
  if (!isRecord(value)) return;
  if (value.method === 'weighted' && value.weightedBy === undefined) issues.push({ path: `${path}.weightedBy`, message: 'saknas men krävs: ett vägt medelvärde vägs med ett styrtal (dess ref)' });
  if (value.method !== 'weighted' && value.weightedBy !== undefined) issues.push({ path: `${path}.weightedBy`, message: 'gäller bara method "weighted"' });
};

/** Each kind's own fields, as the exchange format names them. */
export const PLAN_ITEM_FIELDS: Readonly<Record<PlanItemKind, Shape>> = {
  goal: {
    ref: required(planRef),
    kind: required(code(GOAL_KINDS)),
    title: required(text),
    number: optional(line),
    perspective: optional(line),
    origin: required(code(ORIGINS)),
    ownerUpn: optional(upn),
    description: optional(text),
    givenBy: optional(givenBy),
    contributesTo: optional(object({ ref: required(planRef) })),
  },
  indicator: {
    ref: required(planRef),
    title: required(text),
    valueType: required(code(VALUE_TYPES)),
    unit: optional(line),
    direction: optional(code(DIRECTIONS)),
    target: optional(number),
    targetText: optional(line),
    targetKind: optional(code(TARGET_KINDS)),
    targetMax: optional(number),
    targetOffset: optional(number),
    longTermTarget: optional(number),
    longTermTargetText: optional(line),
    baseline: optional(number),
    source: optional(line),
    ownerUpn: optional(upn),
    givenBy: optional(givenBy),
    rollUp: optional(rollUp),
  },
  assignment: {
    ref: required(planRef),
    title: required(text),
    number: optional(line),
    origin: required(code(ORIGINS)),
    ownerUpn: optional(upn),
    dueDate: optional(date),
    multiYear: optional(bool),
    givenBy: optional(givenBy),
  },
  risk: {
    ref: required(planRef),
    area: required(line),
    title: required(text),
    regionWide: optional(bool),
    probability: optional(integer(1, 4)),
    consequence: optional(integer(1, 4)),
    ownerUpn: optional(upn),
  },
  action: {
    ref: required(planRef),
    title: required(text),
    regionWide: optional(bool),
    ownerUpn: optional(upn),
    dueDate: optional(date),
    status: optional(code(ACTION_STATUSES)),
  },
};

/** Swedish names of the kinds, for messages ("styrtalet g1-i1"). */
export const PLAN_ITEM_NOUN: Readonly<Record<PlanItemKind, { readonly indefinite: string; readonly definite: string }>> = {
  goal: { indefinite: 'ett mål', definite: 'målet' },
  indicator: { indefinite: 'ett styrtal', definite: 'styrtalet' },
  assignment: { indefinite: 'ett uppdrag', definite: 'uppdraget' },
  risk: { indefinite: 'en risk', definite: 'risken' },
  action: { indefinite: 'en åtgärd', definite: 'åtgärden' },
};

/**
 * Every problem with an item, each at its field: its shape first (required fields, codes, numbers,
 * dates, lengths), then, when the shape holds, what its values must mean together (a typed target,
 * a ref not already used, a parent of the right kind).
 */
export function validatePlanItem(kind: PlanItemKind, draft: unknown, context: PlanItemContext = {}): PlanItemIssue[] {
  const shapeIssues = planItemShapeIssues(kind, draft);
  if (shapeIssues.length > 0) return shapeIssues.map(asItemIssue);
  return planItemRuleIssues(kind, draft as PlanItemDraft, context);
}

/** The item's fields alone: what the exchange format's shape check reports, at paths under `path`. */
export function planItemShapeIssues(kind: PlanItemKind, draft: unknown, path = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  object(PLAN_ITEM_FIELDS[kind])(draft, path, issues);
  return issues;
}

/** What a well-shaped item's values must mean together. */
export function planItemRuleIssues(kind: PlanItemKind, draft: PlanItemDraft, context: PlanItemContext): PlanItemIssue[] {
  const issues: PlanItemIssue[] = [];
  if (kind === 'indicator') issues.push(...targetIssues(draft as IndicatorDoc), ...rollUpIssues(draft as IndicatorDoc));
  issues.push(...parentIssues(kind, context));
  if (context.others) {
    const clash = refClash(draft.ref, context.others);
    if (clash) issues.push({ field: 'ref', message: clash });
  }
  return issues;
}

/**
 * Why `ref` may not be used beside `others`, or undefined. The lists' unique Key ignores case
 * (SharePoint compares text that way): g1 and G1 would clash on the server, so they clash here.
 */
export function refClash(ref: string, others: readonly PlanItemInUse[]): string | undefined {
  const earlier = others.find((o) => o.ref.toLowerCase() === ref.toLowerCase());
  if (!earlier) return undefined;
  const where = earlier.where ?? `${PLAN_ITEM_NOUN[earlier.kind].definite} ${earlier.ref}`;
  if (earlier.ref === ref) return `ref ${JSON.stringify(ref)} används redan av ${where}`;
  return `ref ${JSON.stringify(ref)} skiljer sig bara i stora och små bokstäver från ${JSON.stringify(earlier.ref)} (${where}); listorna skiljer inte på dem, så välj en annan ref`;
}

/** A roll-up adds numbers: a qualitative styrtal has none, and a styrtal cannot weigh itself. */
function rollUpIssues(indicator: IndicatorDoc): PlanItemIssue[] {
  const r = indicator.rollUp;
  if (r === undefined) return [];
  if (indicator.valueType !== 'numeric' && r.method !== 'none') return [{ field: 'rollUp', message: 'bara numeriska styrtal kan summeras; ett kvalitativt styrtal har method "none" eller ingen rollUp' }];
  if (r.method === 'weighted' && r.weightedBy === indicator.ref) return [{ field: 'rollUp.weightedBy', message: 'ett styrtal kan inte vägas med sig självt' }];
  return [];
}

function parentIssues(kind: PlanItemKind, { parent, others }: PlanItemContext): PlanItemIssue[] {
  const wanted: ReadonlyArray<PlanItemParent['kind']> = kind === 'indicator' || kind === 'assignment' ? ['goal'] : kind === 'action' ? ['risk', 'goal'] : [];
  if (parent === undefined) {
    if (kind === 'indicator') return [{ field: 'parent', message: 'ett styrtal hör till ett mål; välj målet' }];
    if (kind === 'action') return [{ field: 'parent', message: 'en åtgärd hör till en risk, en aktivitet till ett mål; välj vilket' }];
    return [];
  }
  if (!wanted.includes(parent.kind)) {
    const under = wanted.length === 0 ? 'ligger inte under något annat i planen' : `hör till ${wanted.map((k) => PLAN_ITEM_NOUN[k].indefinite).join(' eller ')}`;
    return [{ field: 'parent', message: `${capitalised(PLAN_ITEM_NOUN[kind].indefinite)} ${under}` }];
  }
  if (others && !others.some((o) => o.kind === parent.kind && o.ref === parent.ref)) {
    return [{ field: 'parent', message: `${PLAN_ITEM_NOUN[parent.kind].definite} ${JSON.stringify(parent.ref)} finns inte i planen` }];
  }
  return [];
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function asItemIssue(issue: ValidationIssue): PlanItemIssue {
  return { field: issue.path, message: issue.message };
}
