// The exchange document as the flat domain model, and back: the one place the two shapes meet.
import type { Action, Assignment, FollowUpEntry, Goal, Indicator, Organisation, PlanContents, Risk } from '../model';
import { inferTargetKind } from '../targets';
import { compact } from '../compact';
import { parsePeriodKey } from '../periods';
import type { SubjectKind } from '../vocabularies';
import type { PlanItemDrafts, PlanItemKind, PlanItemParent } from './items';
import { organisationFromDoc } from './tree-checks';
import type { ActionDoc, AssignmentDoc, IndicatorDoc, PlanDocument } from './types';

export interface PlanWithEntries {
  readonly contents: PlanContents;
  readonly entries: readonly FollowUpEntry[];
  /**
   * The document's `organisations` (the tree around the plan), parents before their children, the
   * plan's own organisation among them when listed; empty when the document gives none.
   */
  readonly organisations: readonly Organisation[];
}


function toAction(a: ActionDoc, parent: { riskRef: string } | { goalRef: string }): Action {
  return compact({ ...parent, ref: a.ref, title: a.title, regionWide: a.regionWide, ownerUpn: a.ownerUpn, dueDate: a.dueDate, status: a.status ?? 'not-started' });
}

function toGoal(g: PlanItemDrafts['goal']): Goal {
  return compact({
    ref: g.ref,
    kind: g.kind,
    number: g.number,
    title: g.title,
    perspective: g.perspective,
    origin: g.origin,
    ownerUpn: g.ownerUpn,
    description: g.description,
    givenBy: g.givenBy ? { plan: g.givenBy.plan, ref: g.givenBy.ref } : undefined,
    contributesTo: g.contributesTo ? { ref: g.contributesTo.ref } : undefined,
  });
}

function toIndicator(i: IndicatorDoc, goalRef: string): Indicator {
  return withTargetKind(compact({ ...i, goalRef, direction: i.direction ?? 'none' }));
}

function toRisk(r: PlanItemDrafts['risk']): Risk {
  return compact({ ref: r.ref, area: r.area, title: r.title, regionWide: r.regionWide, probability: r.probability, consequence: r.consequence, ownerUpn: r.ownerUpn });
}

/** The domain model of each kind of plan item. */
export interface PlanItemModels {
  readonly goal: Goal;
  readonly indicator: Indicator;
  readonly assignment: Assignment;
  readonly risk: Risk;
  readonly action: Action;
}

/**
 * One valid item (validatePlanItem) as the domain model, under its parent: the same conversion a
 * document's items get, so an item written by the editor reads as an imported one would.
 */
export function planItemToModel<K extends PlanItemKind>(kind: K, draft: PlanItemDrafts[K], parent: PlanItemParent | undefined): PlanItemModels[K] {
  const goalRef = parent?.kind === 'goal' ? parent.ref : undefined;
  const models: { [Kind in PlanItemKind]: () => PlanItemModels[Kind] } = {
    goal: () => toGoal(draft as PlanItemDrafts['goal']),
    indicator: () => toIndicator(draft as IndicatorDoc, goalRef ?? ''),
    assignment: () => compact({ ...(draft as AssignmentDoc), goalRef }),
    risk: () => toRisk(draft as PlanItemDrafts['risk']),
    action: () => toAction(draft as ActionDoc, parent?.kind === 'risk' ? { riskRef: parent.ref } : { goalRef: goalRef ?? '' }),
  };
  return models[kind]();
}

/** An older document's target gets the kind its direction and words leave no doubt about. */
function withTargetKind(indicator: Indicator): Indicator {
  if (indicator.targetKind !== undefined) return indicator;
  const inferred = inferTargetKind(indicator);
  return inferred?.ok ? { ...indicator, ...inferred.fields } : indicator;
}

/** Converts a validated document. */
export function documentToModel(doc: PlanDocument): PlanWithEntries {
  const goals = doc.goals ?? [];
  const risks = doc.risks ?? [];
  const contents: PlanContents = {
    organisation: organisationFromDoc(doc.organisation),
    plan: { organisationCode: doc.organisation.code, year: doc.year, title: doc.title, status: doc.status ?? 'draft' },
    periods: (doc.periods ?? []).map((p) => {
      const period = parsePeriodKey(p.key);
      if (!period) throw new Error(`Ogiltig periodnyckel ${p.key}; validera dokumentet först.`);
      return compact({ ...period, deadline: p.deadline });
    }),
    goals: goals.map(toGoal),
    indicators: goals.flatMap((g) => (g.indicators ?? []).map((i) => toIndicator(i, g.ref))),
    assignments: goals.flatMap((g) => (g.assignments ?? []).map((a) => compact({ ...a, goalRef: g.ref }))),
    risks: risks.map(toRisk),
    actions: [
      ...risks.flatMap((r) => (r.actions ?? []).map((a) => toAction(a, { riskRef: r.ref }))),
      ...goals.flatMap((g) => (g.activities ?? []).map((a) => toAction(a, { goalRef: g.ref }))),
    ],
    people: (doc.people ?? []).map((p) => compact({ upn: p.upn, displayName: p.displayName, managerUpn: p.managerUpn ?? undefined })),
  };
  const kindOf = subjectKinds(contents);
  const entries = (doc.followUps ?? []).map((f): FollowUpEntry => {
    const subjectKind = kindOf.get(f.subject);
    if (!subjectKind) throw new Error(`Okänd ref ${f.subject}; validera dokumentet först.`);
    return compact({
      subjectKind,
      subjectRef: f.subject,
      periodKey: f.period,
      value: f.value,
      level: f.level,
      reference: f.reference,
      assessment: f.assessment,
      trend: f.trend,
      status: f.status,
      comment: f.comment,
      reportedByUpn: f.reportedByUpn,
      reportedAt: f.reportedAt,
    });
  });
  return { contents, entries, organisations: parentsFirst((doc.organisations ?? []).map(organisationFromDoc)) };
}

/** Parents before their children (an import writes them so, each parent's item there for its child's lookup); the order kept otherwise. */
function parentsFirst(orgs: readonly Organisation[]): Organisation[] {
  const pending = [...orgs];
  const placed: Organisation[] = [];
  const placedCodes = new Set<string>();
  const listed = new Set(orgs.map((o) => o.code.toLowerCase()));
  while (pending.length > 0) {
    const next = pending.findIndex((o) => o.parentCode === undefined || !listed.has(o.parentCode.toLowerCase()) || placedCodes.has(o.parentCode.toLowerCase()));
    // A cycle is refused by validation; should one reach here, what is left keeps its order.
    const [org] = pending.splice(next < 0 ? 0 : next, 1);
    if (!org) break;
    placed.push(org);
    placedCodes.add(org.code.toLowerCase());
  }
  return placed;
}

export function subjectKinds(contents: PlanContents): Map<string, SubjectKind> {
  const kinds = new Map<string, SubjectKind>();
  contents.goals.forEach((g) => kinds.set(g.ref, 'goal'));
  contents.indicators.forEach((i) => kinds.set(i.ref, 'indicator'));
  contents.assignments.forEach((a) => kinds.set(a.ref, 'assignment'));
  contents.actions.forEach((a) => kinds.set(a.ref, 'action'));
  return kinds;
}
