// Exporting a plan back to an exchange document: the inverse of importPlan, with the people
// (display names and managers) read from the directory.
import type { ActionDoc, FollowUpDoc, GoalDoc, PersonDoc, PlanDocument, RiskDoc, RollUp, RollUpDoc } from '../core';
import type { GraphClient } from '../graph';
import type { FollowUpStore } from './follow-up-store';
import { graphClientOf } from './follow-up-store';
import type { LoadedPlan, StoredAction } from './loaded-plan';
import { compact } from '../core';
import { foundPerson, lookUpPeople, upnKey } from './people';


function actionDoc(a: StoredAction): ActionDoc {
  return compact({ ref: a.ref, title: a.title, regionWide: a.regionWide, ownerUpn: a.ownerUpn, dueDate: a.dueDate, status: a.status });
}

export async function exportPlan(store: FollowUpStore, key: string): Promise<PlanDocument> {
  const plan = await store.loadPlan(key);
  return { ...planToDocument(plan), people: await peopleOf(graphClientOf(store), referencedUpns(plan)) };
}

export function planToDocument(plan: LoadedPlan): PlanDocument {
  const goals: GoalDoc[] = plan.goals.map((g) =>
    compact({
      ref: g.ref,
      kind: g.kind,
      title: g.title,
      number: g.number,
      perspective: g.perspective,
      origin: g.origin,
      ownerUpn: g.ownerUpn,
      description: g.description,
      givenBy: g.givenBy ? { plan: g.givenBy.plan, ref: g.givenBy.ref } : undefined,
      contributesTo: g.contributesTo ? { ref: g.contributesTo.ref } : undefined,
      indicators: nonEmpty(
        plan.indicators
          .filter((i) => i.goalRef === g.ref)
          .map((i) => compact({ ref: i.ref, title: i.title, valueType: i.valueType, unit: i.unit, direction: i.direction, target: i.target, targetText: i.targetText, targetKind: i.targetKind, targetMax: i.targetMax, targetOffset: i.targetOffset, longTermTarget: i.longTermTarget, longTermTargetText: i.longTermTargetText, baseline: i.baseline, source: i.source, ownerUpn: i.ownerUpn, givenBy: i.givenBy ? { plan: i.givenBy.plan, ref: i.givenBy.ref } : undefined, rollUp: i.rollUp ? rollUpDoc(i.rollUp) : undefined })),
      ),
      assignments: nonEmpty(
        plan.assignments.filter((a) => a.goalRef === g.ref).map((a) => compact({ ref: a.ref, title: a.title, number: a.number, origin: a.origin, ownerUpn: a.ownerUpn, dueDate: a.dueDate, multiYear: a.multiYear, givenBy: a.givenBy ? { plan: a.givenBy.plan, ref: a.givenBy.ref } : undefined })),
      ),
      activities: nonEmpty(plan.actions.filter((a) => a.goalRef === g.ref && a.riskRef === undefined).map(actionDoc)),
    }),
  );
  const risks: RiskDoc[] = plan.risks.map((r) =>
    compact({ ref: r.ref, area: r.area, title: r.title, regionWide: r.regionWide, probability: r.probability, consequence: r.consequence, ownerUpn: r.ownerUpn, actions: nonEmpty(plan.actions.filter((a) => a.riskRef === r.ref).map(actionDoc)) }),
  );
  const followUps: FollowUpDoc[] = plan.entries.map((e) =>
    compact({ subject: e.subjectRef, period: e.periodKey, value: e.value, level: e.level, reference: e.reference, assessment: e.assessment, trend: e.trend, status: e.status, comment: e.comment, reportedByUpn: e.reportedByUpn, reportedAt: e.reportedAt }),
  );
  return {
    formatVersion: 1,
    organisation: { code: plan.organisation.code, name: plan.organisation.name, parentCode: plan.organisation.parentCode ?? null, managerUpn: plan.organisation.managerUpn ?? null, ...(plan.organisation.kind ? { kind: plan.organisation.kind } : {}), ...(plan.organisation.controllerUpns?.length ? { controllers: [...plan.organisation.controllerUpns] } : {}) },
    year: plan.plan.year,
    title: plan.plan.title,
    status: plan.plan.status,
    periods: plan.periods.map((p) => compact({ key: p.key, deadline: p.deadline })),
    goals,
    risks,
    followUps,
  };
}

function rollUpDoc(rollUp: RollUp): RollUpDoc {
  return rollUp.method === 'weighted' ? { method: 'weighted', weightedBy: rollUp.weightedBy } : { method: rollUp.method };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

export function referencedUpns(plan: LoadedPlan): string[] {
  const upns = new Set<string>();
  const add = (upn: string | undefined) => upn && upns.add(upn.toLowerCase());
  add(plan.organisation.managerUpn);
  for (const upn of plan.organisation.controllerUpns ?? []) add(upn);
  for (const thing of [...plan.goals, ...plan.indicators, ...plan.assignments, ...plan.risks, ...plan.actions]) add(thing.ownerUpn);
  for (const entry of plan.entries) add(entry.reportedByUpn);
  return [...upns];
}

/**
 * The people behind the UPNs, with their managers up the chain: one people lookup per level of
 * the hierarchy (account and manager asked together). Unknown UPNs are left out.
 */
export async function peopleOf(client: GraphClient, upns: readonly string[]): Promise<PersonDoc[]> {
  const people = new Map<string, PersonDoc>();
  let pending = [...new Set(upns.map(upnKey))];
  while (pending.length > 0) {
    const found = await lookUpPeople(client, { users: pending, managersOf: pending });
    const next: string[] = [];
    for (const upn of pending) {
      const person = foundPerson(found.users.get(upn));
      if (!person) continue;
      const managerUpn = foundPerson(found.managers.get(upn))?.upn.toLowerCase();
      people.set(upn, compact({ upn: person.upn, displayName: person.displayName, managerUpn }));
      if (managerUpn && !people.has(managerUpn) && !pending.includes(managerUpn)) next.push(managerUpn);
    }
    pending = [...new Set(next)];
  }
  return [...people.values()].sort((a, b) => a.upn.localeCompare(b.upn));
}
