// POST /follow-ups: one report of one thing in one period. The caller's token says who reports and
// the server's clock when; the plan as the lists hold it now says what the base is, and whether the
// period is locked. Answers 200 saved, 409 conflict (both versions), 422 refused, 403 not theirs.
import type { EntryEdit, FollowUpEntry, SubjectKind } from '../../core';
import { applyEdit } from '../../core';
import type { LoadedPlan, SaveResult, SavedReport, StoredEntry } from '../../store';
import { entryOf } from '../../store';
import type { ApiCaller } from '../access-token';
import type { ApiRequest, ApiResponse } from '../http';
import { ApiProblem, isRecord, jsonObject, problem, textField } from '../http';
import type { WriteContext } from '../write-context';
import { baseField, reportingRole, subjectKindField, subjectOf } from './rights';

interface ParsedSave {
  readonly plan: string;
  readonly subjectKind: SubjectKind;
  readonly subjectRef: string;
  readonly periodKey: string;
  readonly edit: EntryEdit;
  readonly base: { readonly itemId: string; readonly eTag: string } | undefined;
  readonly confirmed: boolean;
}

/** The fields an edit may carry; anything else (ReportedBy, ReportedAt, state) is not the client's to send. */
const EDIT_FIELDS = ['value', 'level', 'reference', 'assessment', 'trend', 'status', 'comment'] as const;

function parseSave(body: Record<string, unknown>): ParsedSave {
  const subjectKind = subjectKindField(body);
  const rawEdit = body['edit'];
  if (!isRecord(rawEdit)) throw new ApiProblem(400, 'invalidRequest', '"edit" saknas: vad som ändras.');
  const edit: Record<string, unknown> = {};
  for (const field of EDIT_FIELDS) if (field in rawEdit) edit[field] = rawEdit[field];
  return {
    plan: textField(body, 'plan'),
    subjectKind,
    subjectRef: textField(body, 'subjectRef'),
    periodKey: textField(body, 'periodKey'),
    // The rules check every value's type and range (applyEdit); here only which fields come through.
    edit: edit as EntryEdit,
    base: baseField(body),
    confirmed: body['confirmed'] === true,
  };
}

export async function saveEntryHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext): Promise<ApiResponse> {
  const input = parseSave(jsonObject(request));
  const store = await context.store();
  const plan = await context.loadPlan(input.plan);
  const subject = subjectOf(plan, input.subjectKind, input.subjectRef);
  const save = { subjectKind: input.subjectKind, subjectRef: input.subjectRef, periodKey: input.periodKey, edit: input.edit, confirmed: input.confirmed };
  if (!subject) return answer(await store.saveEntry(plan, save, caller.upn));
  const role = await reportingRole(caller, plan, subject, context);
  if (!role.ok) return problem(403, 'forbidden', role.message);
  const serverBase = entryOf(plan, input.subjectKind, input.subjectRef, input.periodKey);
  // The client's base is only its version: a newer one on the server is a conflict, whatever it sent.
  if (serverBase && (!input.base || input.base.eTag !== serverBase.eTag)) return answer({ status: 'conflict', server: { entry: serverBase }, mine: mineOf(plan, serverBase, input, caller) });
  return answer(await store.saveEntry(plan, { ...save, ...(serverBase ? { base: serverBase } : {}), actorRole: role.role === 'controller' ? 'controller' : 'reporter' }, caller.upn));
}

/** What the caller meant to save, for the conflict panel's "Din version". */
function mineOf(plan: LoadedPlan, base: StoredEntry, input: ParsedSave, caller: ApiCaller): FollowUpEntry {
  const period = plan.periods.find((p) => p.key === input.periodKey);
  const indicator = input.subjectKind === 'indicator' ? plan.indicators.find((i) => i.ref === input.subjectRef) : undefined;
  if (!period) return base;
  const applied = applyEdit(base, input.edit, { subject: { kind: input.subjectKind, ref: input.subjectRef, ...(indicator ? { indicator } : {}) }, period, reportedByUpn: caller.upn, now: new Date(), confirmed: true });
  return applied.ok ? applied.entry : base;
}

function answer(result: SaveResult<SavedReport>): ApiResponse {
  switch (result.status) {
    case 'saved':
      return { status: 200, body: result };
    case 'conflict':
      return { status: 409, body: result };
    case 'refused':
      return { status: 422, body: result };
  }
}
