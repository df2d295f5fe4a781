// The plan editor through the API, controllers only: POST /plans/items/{create|update|reorder|remove}
// and /plans/status ({adopt|archive}). The store validates each item by the one validator and writes
// with If-Match; who edits comes from the token.
import type { PlanItemKind, PlanItemParent, PlanStatusChange } from '../../core';
import { PLAN_ITEM_KINDS } from '../../core';
import type { PlanItemCreate, PlanItemRemoval, PlanItemReorder, PlanItemUpdate } from '../../store';
import { changeStatusOfPlan, copyPlan, createPlanItem, removePlanItem, reorderPlanItems, updatePlanItem } from '../../store';
import type { ApiCaller } from '../access-token';
import type { ApiRequest, ApiResponse } from '../http';
import { ApiProblem, isRecord, jsonObject, problem, textField } from '../http';
import type { WriteContext } from '../write-context';
import { controllerRight } from './rights';

function kindField(body: Record<string, unknown>): PlanItemKind {
  const kind = textField(body, 'kind');
  if (!(PLAN_ITEM_KINDS as readonly string[]).includes(kind)) throw new ApiProblem(400, 'invalidRequest', `"kind" ska vara ${PLAN_ITEM_KINDS.join(', ')}.`);
  return kind as PlanItemKind;
}

function parentField(body: Record<string, unknown>): PlanItemParent | undefined {
  const raw = body['parent'];
  if (raw === undefined || raw === null) return undefined;
  if (isRecord(raw) && (raw['kind'] === 'goal' || raw['kind'] === 'risk') && typeof raw['ref'] === 'string') return { kind: raw['kind'], ref: raw['ref'] };
  throw new ApiProblem(400, 'invalidRequest', '"parent" ska vara {"kind": "goal" | "risk", "ref": "…"}.');
}

function draftField(body: Record<string, unknown>): Record<string, unknown> {
  const draft = body['draft'];
  if (!isRecord(draft)) throw new ApiProblem(400, 'invalidRequest', '"draft" saknas: sakens fält.');
  return draft;
}

/** A conflict names who saved the server's version by name, as an entry's conflict does. */
async function named<T extends { status: string; editedBy?: { upn: string; at?: string } }>(result: T, context: WriteContext): Promise<T> {
  if (result.status !== 'conflict' || !result.editedBy) return result;
  const name = await context.displayName(result.editedBy.upn);
  return name ? { ...result, editedBy: { ...result.editedBy, name } } : result;
}

const statusOf = (result: { status: string }): number => (result.status === 'conflict' ? 409 : result.status === 'refused' || result.status === 'needs-confirmation' ? 422 : 200);

export async function planItemHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext, action: string | undefined): Promise<ApiResponse> {
  const body = jsonObject(request);
  const plan = await context.loadPlan(textField(body, 'plan'));
  const right = controllerRight(caller, plan);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  const store = await context.store();
  const kind = kindField(body);
  const parent = parentField(body);
  const withParent = parent ? { parent } : {};
  switch (action) {
    case 'create': {
      const create = { kind, draft: draftField(body), ...withParent } as PlanItemCreate;
      const result = await named(await createPlanItem(store, plan, create, caller.upn), context);
      return { status: result.status === 'saved' ? 201 : statusOf(result), body: result };
    }
    case 'update': {
      const update = { kind, ref: textField(body, 'ref'), draft: draftField(body), eTag: textField(body, 'eTag'), ...withParent } as PlanItemUpdate;
      const result = await named(await updatePlanItem(store, plan, update, caller.upn), context);
      return { status: statusOf(result), body: result };
    }
    case 'reorder': {
      const refs = body['refs'];
      if (!Array.isArray(refs) || !refs.every((r): r is string => typeof r === 'string')) throw new ApiProblem(400, 'invalidRequest', '"refs" ska vara en lista med referenser i den nya ordningen.');
      const eTags = isRecord(body['eTags']) ? (body['eTags'] as Record<string, string>) : undefined;
      const reorder: PlanItemReorder = { kind, refs, ...withParent, ...(eTags ? { eTags } : {}) };
      const result = await reorderPlanItems(store, plan, reorder, caller.upn);
      return { status: statusOf(result), body: result };
    }
    case 'remove': {
      const removal: PlanItemRemoval = { kind, ref: textField(body, 'ref'), eTag: textField(body, 'eTag'), confirmed: body['confirmed'] === true };
      const result = await removePlanItem(store, plan, removal, caller.upn);
      return { status: statusOf(result), body: result };
    }
    default:
      throw new ApiProblem(404, 'notFound', 'Plansaker skapas, ändras, ordnas och tas bort med /plans/items/create, update, reorder och remove.');
  }
}

export async function planStatusHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext): Promise<ApiResponse> {
  const body = jsonObject(request);
  const key = textField(body, 'plan');
  const change = textField(body, 'change');
  if (change !== 'adopt' && change !== 'archive') throw new ApiProblem(400, 'invalidRequest', '"change" ska vara "adopt" (fastställ) eller "archive" (arkivera).');
  const plan = await context.loadPlan(key);
  const right = controllerRight(caller, plan);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  const eTag = typeof body['eTag'] === 'string' ? body['eTag'] : undefined;
  const result = await changeStatusOfPlan(await context.store(), { planKey: key, change: change as PlanStatusChange, ...(eTag ? { eTag } : {}) }, caller.upn, context.now());
  return { status: statusOf(result), body: result };
}

/** Copy to next year, the controllers' button: a draft plan of the year asked for, with the same identities. */
export async function planCopyHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext): Promise<ApiResponse> {
  const body = jsonObject(request);
  const from = textField(body, 'plan');
  const toYear = body['toYear'];
  if (typeof toYear !== 'number' || !Number.isInteger(toYear)) throw new ApiProblem(400, 'invalidRequest', '"toYear" ska vara ett årtal, till exempel 2026.');
  const plan = await context.loadPlan(from);
  const right = controllerRight(caller, plan);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  const result = await copyPlan(await context.store(), { from, toYear }, caller.upn);
  return { status: result.status === 'copied' ? 201 : 422, body: result };
}
