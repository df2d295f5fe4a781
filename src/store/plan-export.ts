// Exporting a plan back to an exchange document: the inverse of importPlan, with the people
// (display names and managers) read from the directory.
import type { ActionDoc, FollowUpDoc, GoalDoc, PersonDoc, PlanDocument, RiskDoc } from '../core';
import type { GraphClient } from '../graph';
import type { FollowUpStore } from './follow-up-store';
import type { LoadedPlan, StoredAction } from './loaded-plan';
import { compact } from '../core';


function actionDoc(a: StoredAction): ActionDoc {
  return compact({ ref: a.ref, title: a.title, regionWide: a.regionWide, ownerUpn: a.ownerUpn, dueDate: a.dueDate, status: a.status });
}

export async function exportPlan(store: FollowUpStore, key: string): Promise<PlanDocument> {
  const plan = await store.loadPlan(key);
  return { ...planToDocument(plan), people: await peopleOf(store.client, referencedUpns(plan)) };
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
      indicators: nonEmpty(
        plan.indicators
          .filter((i) => i.goalRef === g.ref)
          .map((i) => compact({ ref: i.ref, title: i.title, valueType: i.valueType, unit: i.unit, direction: i.direction, target: i.target, targetText: i.targetText, longTermTarget: i.longTermTarget, longTermTargetText: i.longTermTargetText, baseline: i.baseline, source: i.source, ownerUpn: i.ownerUpn })),
      ),
      assignments: nonEmpty(
        plan.assignments.filter((a) => a.goalRef === g.ref).map((a) => compact({ ref: a.ref, title: a.title, number: a.number, origin: a.origin, ownerUpn: a.ownerUpn, dueDate: a.dueDate, multiYear: a.multiYear })),
      ),
      activities: nonEmpty(plan.actions.filter((a) => a.goalRef === g.ref && a.riskRef === undefined).map(actionDoc)),
    }),
  );
  const risks: RiskDoc[] = plan.risks.map((r) =>
    compact({ ref: r.ref, area: r.area, title: r.title, regionWide: r.regionWide, probability: r.probability, consequence: r.consequence, ownerUpn: r.ownerUpn, actions: nonEmpty(plan.actions.filter((a) => a.riskRef === r.ref).map(actionDoc)) }),
  );
  const followUps: FollowUpDoc[] = plan.entries.map((e) =>
    compact({ subject: e.subjectRef, period: e.periodKey, value: e.value, level: e.level, assessment: e.assessment, trend: e.trend, status: e.status, comment: e.comment, reportedByUpn: e.reportedByUpn, reportedAt: e.reportedAt }),
  );
  return {
    formatVersion: 1,
    organisation: { code: plan.organisation.code, name: plan.organisation.name, parentCode: plan.organisation.parentCode ?? null, managerUpn: plan.organisation.managerUpn ?? null },
    year: plan.plan.year,
    title: plan.plan.title,
    status: plan.plan.status,
    periods: plan.periods.map((p) => compact({ key: p.key, deadline: p.deadline })),
    goals,
    risks,
    followUps,
  };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

export function referencedUpns(plan: LoadedPlan): string[] {
  const upns = new Set<string>();
  const add = (upn: string | undefined) => upn && upns.add(upn.toLowerCase());
  add(plan.organisation.managerUpn);
  for (const thing of [...plan.goals, ...plan.indicators, ...plan.assignments, ...plan.risks, ...plan.actions]) add(thing.ownerUpn);
  for (const entry of plan.entries) add(entry.reportedByUpn);
  return [...upns];
}

interface DirectoryUser {
  readonly userPrincipalName?: string;
  readonly displayName?: string;
}

/**
 * The people behind the UPNs, with their managers up the chain: one $batch per level of the
 * hierarchy (user and manager requested together). Unknown UPNs are left out.
 */
export async function peopleOf(client: GraphClient, upns: readonly string[]): Promise<PersonDoc[]> {
  const people = new Map<string, PersonDoc>();
  let pending = [...new Set(upns.map((u) => u.toLowerCase()))];
  while (pending.length > 0) {
    const responses = await client.batch(
      pending.flatMap((upn) => [
        { method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}?$select=displayName,userPrincipalName` },
        { method: 'GET' as const, url: `/users/${encodeURIComponent(upn)}/manager?$select=userPrincipalName` },
      ]),
    );
    const next: string[] = [];
    pending.forEach((upn, i) => {
      const user = responses[i * 2];
      const manager = responses[i * 2 + 1];
      if (!user || user.status !== 200) return;
      const body = user.body as DirectoryUser;
      const managerUpn = manager?.status === 200 ? (manager.body as DirectoryUser).userPrincipalName?.toLowerCase() : undefined;
      people.set(upn, compact({ upn: body.userPrincipalName ?? upn, displayName: body.displayName ?? upn, managerUpn }));
      if (managerUpn && !people.has(managerUpn) && !pending.includes(managerUpn)) next.push(managerUpn);
    });
    pending = [...new Set(next)];
  }
  return [...people.values()].sort((a, b) => a.upn.localeCompare(b.upn));
}
