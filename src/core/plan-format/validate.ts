// Validation of a plan exchange document: its shape first, then the references between its parts.
// Everything wrong is reported at once, each with its JSON path, before anything is written.
import { isPeriodKey } from '../periods';
import { ACTION_STATUSES, ASSESSMENTS, LEVELS, ORGANISATION_KINDS, PLAN_STATUSES, TRENDS } from '../vocabularies';
import type { Check, ValidationIssue } from './checks';
import { arrayOf, code, date, dateTime, exactly, integer, line, matching, nullable, number, object, optional, required, text, upn } from './checks';
import { inferTargetKind } from '../targets';
import type { PlanItemDraft, PlanItemKind, PlanItemParent } from './items';
import { PLAN_ITEM_FIELDS, planItemRuleIssues, planRef, refClash } from './items';
import { checkTree } from './tree-checks';
import type { PlanDocument } from './types';

export type { ValidationIssue } from './checks';

const periodKey: Check = matching(/^.*$/, 'en periodnyckel som 2025-interim, 2025-annual, 2025-t1 eller 2025-m03', isPeriodKey);
const orgCode = matching(/^[A-Za-zÅÄÖåäö0-9_-]{1,32}$/, 'en organisationskod som RS eller HSN');

// Each item's own fields are the plan items' rules (items.ts), shared with the plan editor; a
// document nests the items under their goals and risks.
const action = object(PLAN_ITEM_FIELDS.action);
const indicator = object(PLAN_ITEM_FIELDS.indicator);
const assignment = object(PLAN_ITEM_FIELDS.assignment);

const goal = object({
  ...PLAN_ITEM_FIELDS.goal,
  indicators: optional(arrayOf(indicator)),
  assignments: optional(arrayOf(assignment)),
  activities: optional(arrayOf(action)),
});

const risk = object({
  ...PLAN_ITEM_FIELDS.risk,
  actions: optional(arrayOf(action)),
});

const followUp = object({
  subject: required(planRef),
  period: required(periodKey),
  value: optional(number),
  level: optional(code(LEVELS)),
  reference: optional(number),
  assessment: optional(code(ASSESSMENTS)),
  trend: optional(code(TRENDS)),
  status: optional(code(ACTION_STATUSES)),
  comment: optional(text),
  reportedByUpn: optional(upn),
  reportedAt: optional(dateTime),
});

const organisation = object({
  code: required(orgCode),
  name: required(line),
  kind: optional(code(ORGANISATION_KINDS)),
  parentCode: optional(nullable(orgCode)),
  managerUpn: optional(nullable(upn)),
  controllers: optional(nullable(arrayOf(upn))),
});

const document = object({
  formatVersion: required(exactly(1)),
  organisation: required(organisation),
  organisations: optional(arrayOf(organisation)),
  year: required(integer(1900, 2199)),
  title: required(line),
  status: optional(code(PLAN_STATUSES)),
  people: optional(arrayOf(object({ upn: required(upn), displayName: required(text), managerUpn: optional(nullable(upn)) }))),
  periods: optional(arrayOf(object({ key: required(periodKey), deadline: optional(date) }))),
  goals: optional(arrayOf(goal)),
  risks: optional(arrayOf(risk)),
  followUps: optional(arrayOf(followUp)),
});

export type ValidationResult =
  /** `warnings` say what the document leaves unclear (a target whose kind cannot be read); they do not stop an import. */
  | { readonly ok: true; readonly document: PlanDocument; readonly warnings: readonly ValidationIssue[] }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Validates an exchange document; on failure every issue names its JSON path. */
export function validatePlanDocument(input: unknown): ValidationResult {
  const issues: ValidationIssue[] = [];
  document(input, '', issues);
  if (issues.length > 0) return { ok: false, issues };
  const doc = input as PlanDocument;
  checkReferences(doc, issues);
  checkItemRules(doc, issues);
  checkTree(doc, issues);
  const warnings: ValidationIssue[] = [];
  checkTargets(doc, issues, warnings);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, document: doc, warnings };
}

/** "goals[3].indicators[0].valueType: okänd kod …" */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path || '(dokumentet)'}: ${issue.message}`;
}

/** Every item by the plan items' rules (items.ts), the editor's rules; refs are checked above, across the document. */
function checkItemRules(doc: PlanDocument, issues: ValidationIssue[]): void {
  const check = (kind: PlanItemKind, draft: PlanItemDraft, path: string, parent?: PlanItemParent) =>
    planItemRuleIssues(kind, draft, parent ? { parent } : {}).forEach((issue) => issues.push({ path: `${path}.${issue.field}`, message: issue.message }));
  (doc.goals ?? []).forEach((g, i) => {
    const path = `goals[${i}]`;
    const parent = { kind: 'goal', ref: g.ref } as const;
    check('goal', g, path);
    (g.indicators ?? []).forEach((ind, j) => check('indicator', ind, `${path}.indicators[${j}]`, parent));
    (g.assignments ?? []).forEach((a, j) => check('assignment', a, `${path}.assignments[${j}]`, parent));
    (g.activities ?? []).forEach((a, j) => check('action', a, `${path}.activities[${j}]`, parent));
  });
  (doc.risks ?? []).forEach((r, i) => {
    check('risk', r, `risks[${i}]`);
    (r.actions ?? []).forEach((a, j) => check('action', a, `risks[${i}].actions[${j}]`, { kind: 'risk', ref: r.ref }));
  });
}

/** What a document leaves unclear about its targets, and references only a reference target takes. */
function checkTargets(doc: PlanDocument, issues: ValidationIssue[], warnings: ValidationIssue[]): void {
  (doc.goals ?? []).forEach((g, i) =>
    (g.indicators ?? []).forEach((ind, j) => {
      const path = `goals[${i}].indicators[${j}]`;
      if (ind.targetKind === undefined) {
        const inferred = inferTargetKind({ ...ind, direction: ind.direction ?? 'none' });
        if (inferred && !inferred.ok) warnings.push({ path: `${path}.targetKind`, message: inferred.reason });
      }
    }),
  );
  (doc.followUps ?? []).forEach((f, i) => {
    if (f.reference === undefined) return;
    const owner = (doc.goals ?? []).flatMap((g) => g.indicators ?? []).find((ind) => ind.ref === f.subject);
    if (owner?.targetKind !== 'reference') issues.push({ path: `followUps[${i}].reference`, message: 'reference gäller bara styrtal med targetKind "reference"' });
  });
}

type SubjectInfo =
  | { kind: 'goal'; path: string }
  | { kind: 'indicator'; path: string; valueType: 'numeric' | 'qualitative' }
  | { kind: 'assignment'; path: string }
  | { kind: 'action'; path: string }
  | { kind: 'risk'; path: string };

function checkReferences(doc: PlanDocument, issues: ValidationIssue[]): void {
  const subjects = new Map<string, SubjectInfo>();
  // The lists' unique Key ignores case (SharePoint compares text that way): g1 and G1 would clash
  // halfway through an import, so they are refused here, before anything is written.
  const spelled = new Map<string, { ref: string; path: string }>();
  const claim = (refValue: string, info: SubjectInfo) => {
    const earlier = spelled.get(refValue.toLowerCase());
    if (earlier) {
      const clash = refClash(refValue, [{ kind: info.kind, ref: earlier.ref, where: earlier.path }]);
      if (clash) issues.push({ path: `${info.path}.ref`, message: clash });
    } else {
      spelled.set(refValue.toLowerCase(), { ref: refValue, path: info.path });
      subjects.set(refValue, info);
    }
  };
  (doc.goals ?? []).forEach((g, i) => {
    const path = `goals[${i}]`;
    claim(g.ref, { kind: 'goal', path });
    (g.indicators ?? []).forEach((ind, j) => claim(ind.ref, { kind: 'indicator', path: `${path}.indicators[${j}]`, valueType: ind.valueType }));
    (g.assignments ?? []).forEach((a, j) => claim(a.ref, { kind: 'assignment', path: `${path}.assignments[${j}]` }));
    (g.activities ?? []).forEach((a, j) => claim(a.ref, { kind: 'action', path: `${path}.activities[${j}]` }));
  });
  (doc.risks ?? []).forEach((r, i) => {
    claim(r.ref, { kind: 'risk', path: `risks[${i}]` });
    (r.actions ?? []).forEach((a, j) => claim(a.ref, { kind: 'action', path: `risks[${i}].actions[${j}]` }));
  });

  unique((doc.people ?? []).map((p) => p.upn.toLowerCase()), (i) => `people[${i}].upn`, 'personen finns redan', issues);
  unique((doc.periods ?? []).map((p) => p.key.toLowerCase()), (i) => `periods[${i}].key`, 'perioden finns redan', issues);

  const periodKeys = new Set((doc.periods ?? []).map((p) => p.key));
  const seen = new Map<string, number>();
  (doc.followUps ?? []).forEach((f, i) => {
    const path = `followUps[${i}]`;
    if (!periodKeys.has(f.period)) {
      issues.push({ path: `${path}.period`, message: `perioden ${JSON.stringify(f.period)} finns inte bland periods` });
    }
    const target = subjects.get(f.subject);
    const spelledOtherwise = spelled.get(f.subject.toLowerCase());
    if (!target && spelledOtherwise) {
      issues.push({ path: `${path}.subject`, message: `ref ${JSON.stringify(f.subject)} finns inte i planen; menade du ${JSON.stringify(spelledOtherwise.ref)} (${spelledOtherwise.path})? Skriv den likadant` });
    } else if (!target) {
      issues.push({ path: `${path}.subject`, message: `ref ${JSON.stringify(f.subject)} finns inte i planen` });
    } else if (target.kind === 'risk') {
      issues.push({ path: `${path}.subject`, message: `en risk följs upp genom sina åtgärder; ange en åtgärds ref i stället för ${JSON.stringify(f.subject)}` });
    } else {
      checkEntryFits(f, target, path, issues);
    }
    const key = `${f.subject.toLowerCase()}|${f.period.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ path, message: `${JSON.stringify(f.subject)} har redan en uppföljning för ${f.period} (followUps[${first}])` });
    } else {
      seen.set(key, i);
    }
  });
}

function checkEntryFits(f: NonNullable<PlanDocument['followUps']>[number], target: SubjectInfo, path: string, issues: ValidationIssue[]): void {
  const numeric = target.kind === 'indicator' && target.valueType === 'numeric';
  const qualitative = target.kind === 'indicator' && target.valueType === 'qualitative';
  if (f.value !== undefined && !numeric) {
    issues.push({ path: `${path}.value`, message: `value gäller bara numeriska styrtal; ${target.path} är inte ett sådant` });
  }
  if (f.level !== undefined && !qualitative) {
    issues.push({ path: `${path}.level`, message: `level gäller bara kvalitativa styrtal; ${target.path} är inte ett sådant` });
  }
  if (f.status !== undefined && target.kind !== 'action') {
    issues.push({ path: `${path}.status`, message: `status gäller bara åtgärder och aktiviteter; ${target.path} är inte en sådan` });
  }
}

function unique(values: readonly string[], pathOf: (i: number) => string, message: string, issues: ValidationIssue[]): void {
  const firstIndex = new Map<string, number>();
  values.forEach((v, i) => {
    const first = firstIndex.get(v);
    if (first !== undefined) issues.push({ path: pathOf(i), message: `${message} (${pathOf(first)})` });
    else firstIndex.set(v, i);
  });
}
