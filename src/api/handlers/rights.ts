// Who the caller is to the thing or the plan, asked by every handler before it writes: the rules of
// core/write-rights.ts with what they need read from the lists (the owner's delegates, names).
import type { SubjectKind, WriteRight } from '../../core';
import { SUBJECT_KINDS, planEditRight, reportingRight } from '../../core';
import type { LoadedPlan } from '../../store';
import { delegatesOf } from '../../store';
import type { ApiCaller } from '../access-token';
import { ApiProblem, textField } from '../http';
import type { WriteContext } from '../write-context';

/** The thing reported on, with its owner, or undefined when the plan has no such thing. */
export function subjectOf(plan: LoadedPlan, kind: SubjectKind, ref: string): { title: string; ownerUpn?: string | undefined } | undefined {
  const things: ReadonlyArray<{ ref: string; title: string; ownerUpn?: string | undefined }> =
    kind === 'goal' ? plan.goals : kind === 'indicator' ? plan.indicators : kind === 'assignment' ? plan.assignments : plan.actions;
  return things.find((t) => t.ref === ref);
}

/** The owner and the controllers need no extra read; a delegate's right is looked up, and a refusal names the owner. */
export async function reportingRole(caller: ApiCaller, plan: LoadedPlan, subject: { title: string; ownerUpn?: string | undefined }, context: WriteContext): Promise<WriteRight> {
  const controllers = plan.organisation.controllerUpns ?? [];
  const first = reportingRight(caller.upn, subject, { controllers, delegatesOf: () => [] });
  if (first.ok || !subject.ownerUpn) return first;
  const store = await context.store();
  const delegates = await delegatesOf(store, subject.ownerUpn);
  const ownerName = await context.displayName(subject.ownerUpn);
  return reportingRight(caller.upn, { ...subject, ...(ownerName ? { ownerName } : {}) }, { controllers, delegatesOf: () => delegates });
}

/** The plan's controllers only: approving, sending back, locking, editing the plan. */
export function controllerRight(caller: ApiCaller, plan: LoadedPlan): WriteRight {
  return planEditRight(caller.upn, { title: plan.plan.title }, { controllers: plan.organisation.controllerUpns ?? [] });
}

export function subjectKindField(body: Record<string, unknown>): SubjectKind {
  const kind = textField(body, 'subjectKind');
  if (!(SUBJECT_KINDS as readonly string[]).includes(kind)) throw new ApiProblem(400, 'invalidRequest', `"subjectKind" ska vara ${SUBJECT_KINDS.join(', ')}.`);
  return kind as SubjectKind;
}

/** The client's `base`: which version it started from (its eTag), nothing more. */
export function baseField(body: Record<string, unknown>): { readonly itemId: string; readonly eTag: string } | undefined {
  const raw = body['base'];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as Record<string, unknown>)['itemId'] === 'string' && typeof (raw as Record<string, unknown>)['eTag'] === 'string') {
    const base = raw as Record<string, string>;
    return { itemId: base['itemId'] ?? '', eTag: base['eTag'] ?? '' };
  }
  throw new ApiProblem(400, 'invalidRequest', '"base" ska ha "itemId" och "eTag".');
}
