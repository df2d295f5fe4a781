// Copying a plan to next year: a draft with the same goals and styrtal (targets carried), the
// multi-year uppdrag not yet carried out, and the risks with their åtgärder not yet done, due dates
// moved by the years between. Refs stay the same, so next year's trend and "Föregående" find this
// year's values (comparisonFor looks the year before up by kind and ref). No follow-up is copied.
import type { ActionStatus, Assignment, Period, PlanDocument } from '../core';
import { comparePeriods, currentActionStatus, parsePeriodKey, planKey } from '../core';
import type { FollowUpStore } from './follow-up-store';
import type { ImportProgress, ImportReport } from './plan-import';
import { importPlan } from './plan-import';
import { planToDocument } from './plan-export';
import type { LoadedPlan } from './loaded-plan';

export interface CopyRequest {
  /** The plan to copy, `ORG:YEAR`. */
  readonly from: string;
  /** The year of the new plan: later than the plan's. */
  readonly toYear: number;
}

/** A thing of the plan in the copy's account of what went and what stayed. */
export interface CopiedThing {
  readonly kind: 'goal' | 'indicator' | 'assignment' | 'risk' | 'action';
  readonly ref: string;
  readonly title: string;
  /** An åtgärd's new due date. */
  readonly dueDate?: string;
}

/** Why a thing stayed behind. */
export type LeftBecause = 'carried-out' | 'one-year' | 'done' | 'archived';

export interface CopyReport {
  readonly from: string;
  readonly to: string;
  readonly copiedByUpn: string;
  readonly carried: {
    readonly goals: number;
    readonly indicators: number;
    readonly risks: number;
    readonly assignments: readonly CopiedThing[];
    readonly actions: readonly CopiedThing[];
  };
  readonly left: ReadonlyArray<CopiedThing & { readonly because: LeftBecause; readonly status?: ActionStatus }>;
  /** This year's follow-ups, none of which is copied. */
  readonly followUpsLeft: number;
  readonly imported: ImportReport;
}

export type CopyResult = { readonly status: 'copied'; readonly report: CopyReport } | { readonly status: 'refused'; readonly message: string };

const DONE: ReadonlySet<ActionStatus> = new Set(['done', 'done-with-deviation']);

/** A date `years` later; 29 February becomes the 28th in a year without it. */
export function laterByYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return date;
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** A multi-year uppdrag is carried until its latest report says it has been carried out. */
function carriedOut(assignment: Assignment, plan: LoadedPlan): boolean {
  let latest: { period: Period; assessment: string } | undefined;
  for (const e of plan.entries) {
    const period = parsePeriodKey(e.periodKey);
    if (e.subjectKind !== 'assignment' || e.subjectRef !== assignment.ref || e.assessment === undefined || !period) continue;
    if (!latest || comparePeriods(period, latest.period) > 0) latest = { period, assessment: e.assessment };
  }
  return latest?.assessment === 'achieved';
}

/** The next year's document and the account of what went and what stayed. */
export function nextYearDocument(plan: LoadedPlan, toYear: number): { document: PlanDocument; left: CopyReport['left']; carried: CopyReport['carried'] } {
  const years = toYear - plan.plan.year;
  const left: Array<CopiedThing & { because: LeftBecause; status?: ActionStatus }> = [];
  const leave = (kind: CopiedThing['kind'], thing: { ref: string; title: string }, because: LeftBecause, status?: ActionStatus) => left.push({ kind, ref: thing.ref, title: thing.title, because, ...(status ? { status } : {}) });
  const current = <T extends { ref: string; title: string; archived?: boolean }>(kind: CopiedThing['kind'], things: readonly T[]): T[] =>
    things.filter((t) => {
      if (t.archived) leave(kind, t, 'archived');
      return !t.archived;
    });

  const goals = current('goal', plan.goals);
  const goalRefs = new Set(goals.map((g) => g.ref));
  const indicators = current('indicator', plan.indicators).filter((i) => goalRefs.has(i.goalRef));
  const risks = current('risk', plan.risks);
  const riskRefs = new Set(risks.map((r) => r.ref));
  const assignments = current('assignment', plan.assignments).filter((a) => {
    if (a.goalRef !== undefined && !goalRefs.has(a.goalRef)) return false;
    const because = !a.multiYear ? 'one-year' : carriedOut(a, plan) ? 'carried-out' : undefined;
    if (because) leave('assignment', a, because);
    return because === undefined;
  });
  const actions = current('action', plan.actions).flatMap((a): Array<LoadedPlan['actions'][number]> => {
    if ((a.riskRef !== undefined && !riskRefs.has(a.riskRef)) || (a.riskRef === undefined && a.goalRef !== undefined && !goalRefs.has(a.goalRef))) return [];
    const status = currentActionStatus(a, plan.entries);
    if (DONE.has(status)) {
      leave('action', a, 'done', status);
      return [];
    }
    return [{ ...a, status, ...(a.dueDate ? { dueDate: laterByYears(a.dueDate, years) } : {}) }];
  });

  const source = planToDocument({ ...plan, goals, indicators, assignments, risks, actions, entries: [] });
  const periodKey = (key: string) => key.replace(/^\d{4}/, String(Number(key.slice(0, 4)) + years));
  const document: PlanDocument = {
    ...source,
    year: toYear,
    title: source.title.replace(new RegExp(`\\b${plan.plan.year}\\b`, 'g'), String(toYear)),
    status: 'draft',
    periods: (source.periods ?? []).filter((p) => parsePeriodKey(p.key)?.year === plan.plan.year).map((p) => ({ key: periodKey(p.key), ...(p.deadline ? { deadline: laterByYears(p.deadline, years) } : {}) })),
    followUps: [],
  };
  const thing = (kind: CopiedThing['kind']) => (t: { ref: string; title: string; dueDate?: string }): CopiedThing => ({ kind, ref: t.ref, title: t.title, ...(t.dueDate ? { dueDate: t.dueDate } : {}) });
  return { document, left, carried: { goals: goals.length, indicators: indicators.length, risks: risks.length, assignments: assignments.map(thing('assignment')), actions: actions.map(thing('action')) } };
}

/**
 * Copies `from` to `toYear` as a draft plan. Refused, with nothing written, when the year is not
 * later or the plan of that year exists already (a copy never writes over a plan). `actorUpn` is
 * who asked; the command line passes its own name for the app.
 */
export async function copyPlan(store: FollowUpStore, request: CopyRequest, actorUpn: string, onProgress?: ImportProgress): Promise<CopyResult> {
  const plan = await store.loadPlan(request.from);
  const to = planKey(plan.plan.organisationCode, request.toYear);
  if (request.toYear <= plan.plan.year) return { status: 'refused', message: `Året att kopiera till (${request.toYear}) måste vara senare än planens (${plan.plan.year}).` };
  const existing = await store.listPlans({ year: request.toYear });
  if (existing.some((p) => p.organisationCode.toLowerCase() === plan.plan.organisationCode.toLowerCase())) {
    return { status: 'refused', message: `Planen ${to} finns redan; en kopia skriver aldrig över en plan. Ändra den med malkoll import, eller kopiera till ett annat år.` };
  }
  const { document, left, carried } = nextYearDocument(plan, request.toYear);
  const imported = await importPlan(store, document, onProgress);
  return { status: 'copied', report: { from: request.from, to, copiedByUpn: actorUpn, carried, left, followUpsLeft: plan.entries.length, imported } };
}
