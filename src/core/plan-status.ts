// A plan's status: utkast → fastställd → arkiverad. Who may see a draft, which plans staff report
// on, and what adopting and archiving record. Who may adopt (a controller) is the caller's check.
import type { Plan, PlanContents } from './model';
import { PLAN_STATUS } from './vocabularies';
import type { PlanStatus } from './vocabularies';

export type PlanStatusChange = 'adopt' | 'archive';

/** What a change writes: the new status and who made it when (adopting leaves an archive record alone, and archiving the adoption's). */
export type PlanStatusFields = Pick<Plan, 'status' | 'adoptedByUpn' | 'adoptedAt' | 'archivedByUpn' | 'archivedAt'>;

export interface PlanStatusRefusal {
  /** `already`: the plan has that status; `order`: the change skips or reverses a step. */
  readonly code: 'already' | 'order';
  readonly message: string;
}

export type PlanStatusResult = { readonly ok: true; readonly fields: PlanStatusFields } | { readonly ok: false; readonly refusal: PlanStatusRefusal };

const TARGET: Readonly<Record<PlanStatusChange, PlanStatus>> = { adopt: 'adopted', archive: 'archived' };
const FROM: Readonly<Record<PlanStatusChange, PlanStatus>> = { adopt: 'draft', archive: 'adopted' };

/**
 * The plan's status after `change` by `byUpn` at `at`, or why not: only a draft is adopted and only
 * an adopted plan archived.
 */
export function changePlanStatus(plan: Pick<Plan, 'status' | 'title'>, change: PlanStatusChange, by: { readonly upn: string; readonly at: Date }): PlanStatusResult {
  const target = TARGET[change];
  const label = (status: PlanStatus) => PLAN_STATUS[status].sv.toLowerCase();
  if (plan.status === target) return { ok: false, refusal: { code: 'already', message: `Planen ${plan.title} är redan ${label(target)}.` } };
  if (plan.status !== FROM[change]) {
    const message =
      change === 'adopt'
        ? `Planen ${plan.title} är arkiverad och kan inte fastställas igen.`
        : `Planen ${plan.title} är ett utkast; fastställ den innan den arkiveras.`;
    return { ok: false, refusal: { code: 'order', message } };
  }
  const at = by.at.toISOString().slice(0, 19) + 'Z';
  return { ok: true, fields: change === 'adopt' ? { status: 'adopted', adoptedByUpn: by.upn, adoptedAt: at } : { status: 'archived', archivedByUpn: by.upn, archivedAt: at } };
}

type NamedIn = Pick<PlanContents, 'plan' | 'goals' | 'indicators' | 'assignments' | 'risks' | 'actions'> & Partial<Pick<PlanContents, 'people'>>;

/**
 * Whether `upn` may see the plan: an adopted or archived plan everyone may; a draft only its
 * organisation's controllers and the people it names (as owners, or among its people).
 */
export function planVisibleTo(plan: NamedIn, upn: string, { isController }: { readonly isController: boolean }): boolean {
  if (plan.plan.status !== 'draft' || isController) return true;
  const me = upn.toLowerCase();
  const named = (owner: string | undefined) => owner !== undefined && owner.toLowerCase() === me;
  return (
    [plan.goals, plan.indicators, plan.assignments, plan.risks, plan.actions].some((things: ReadonlyArray<{ readonly ownerUpn?: string }>) => things.some((t) => named(t.ownerUpn))) ||
    (plan.people ?? []).some((p) => named(p.upn))
  );
}

/** Staff's Att göra lists only adopted plans: a draft is not yet reported on, an archived plan no more. */
export function inStaffWork(plan: Pick<Plan, 'status'>): boolean {
  return plan.status === 'adopted';
}

/** The overdue scan and reminders chase every plan but archived ones. */
export function chasedForOverdue(plan: Pick<Plan, 'status'>): boolean {
  return plan.status !== 'archived';
}

/** "Utkast" beside a draft's name in a list of plans; nothing for an adopted or archived one. */
export function planStatusMark(plan: Pick<Plan, 'status'>, language: 'sv' | 'en' = 'sv'): string | undefined {
  return plan.status === 'draft' ? PLAN_STATUS.draft[language] : undefined;
}
