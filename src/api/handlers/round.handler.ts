// The reporting round through the API: POST /round/{mark-done|reopen|send-back|approve} for one
// entry, /round/approve-all for a period, /periods/{lock|unlock} for the plan's period. Marking
// klar and reopening are the reporter's (owner, delegate) or the controller's; sending back,
// approving and locking the controller's alone. Who and when come from the token and the clock.
import type { RoundAction } from '../../core';
import type { RoundActorRef, RoundStep, RoundWriteResult } from '../../store';
import { approve, approveAll, entryOf, lockPeriod, markDone, reopen, sendBack, unlockPeriod } from '../../store';
import type { ApiCaller } from '../access-token';
import type { ApiRequest, ApiResponse } from '../http';
import { ApiProblem, jsonObject, problem, textField } from '../http';
import type { WriteContext } from '../write-context';
import { remindNow } from '../../jobs/remind';
import { todayIn } from '../../jobs/notify';
import { sendBackNotice } from '../round-notices';
import { baseField, controllerRight, reportingRole, subjectKindField, subjectOf } from './rights';

type EntryAction = Exclude<RoundAction, 'save'>;
const ENTRY_ACTIONS: readonly EntryAction[] = ['mark-done', 'reopen', 'send-back', 'approve'];
/** Only the controller sends back and approves. */
const CONTROLLERS_ONLY: ReadonlySet<EntryAction> = new Set(['send-back', 'approve']);

function answer(result: RoundWriteResult): ApiResponse {
  if (result.status === 'saved') return { status: 200, body: result };
  return { status: result.status === 'conflict' ? 409 : 422, body: result };
}

export async function roundStepHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext, actionParam: string | undefined): Promise<ApiResponse> {
  const action = ENTRY_ACTIONS.find((a) => a === actionParam);
  if (!action) throw new ApiProblem(404, 'notFound', `Det finns inget steg "${actionParam ?? ''}" i uppföljningen (${ENTRY_ACTIONS.join(', ')}).`);
  const body = jsonObject(request);
  const subjectKind = subjectKindField(body);
  const subjectRef = textField(body, 'subjectRef');
  const periodKey = textField(body, 'periodKey');
  const clientBase = baseField(body);
  const comment = typeof body['comment'] === 'string' ? body['comment'] : undefined;
  const plan = await context.loadPlan(textField(body, 'plan'));
  const subject = subjectOf(plan, subjectKind, subjectRef);
  if (!subject) return problem(422, 'unknownSubject', `${subjectRef} finns inte i planen ${plan.plan.title}.`);
  const right = CONTROLLERS_ONLY.has(action) ? controllerRight(caller, plan) : await reportingRole(caller, plan, subject, context);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  const serverBase = entryOf(plan, subjectKind, subjectRef, periodKey);
  if (serverBase && clientBase && clientBase.eTag !== serverBase.eTag) return { status: 409, body: { status: 'conflict', server: serverBase, mine: serverBase } };
  const step: RoundStep = { subjectKind, subjectRef, periodKey, ...(serverBase ? { base: serverBase } : {}) };
  const actor: RoundActorRef = { upn: caller.upn, role: right.role === 'controller' ? 'controller' : 'reporter' };
  const store = await context.store();
  switch (action) {
    case 'mark-done':
      return answer(await markDone(store, plan, step, actor));
    case 'reopen':
      return answer(await reopen(store, plan, step, actor));
    case 'send-back': {
      const result = await sendBack(store, plan, step, comment ?? '', actor);
      if (result.status !== 'saved') return answer(result);
      const recipientUpn = subject.ownerUpn ?? result.saved.reportedByUpn;
      const notice = recipientUpn
        ? await sendBackNotice(context, { plan, subject: { kind: subjectKind, ref: subjectRef, title: subject.title }, periodKey, recipientUpn, comment: comment ?? '', by: caller }).catch(() => 'failed' as const)
        : 'unreached';
      return { status: 200, body: { ...result, notice } };
    }
    case 'approve':
      return answer(await approve(store, plan, step, actor));
  }
}

export async function approveAllHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext): Promise<ApiResponse> {
  const body = jsonObject(request);
  const plan = await context.loadPlan(textField(body, 'plan'));
  const right = controllerRight(caller, plan);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  const result = await approveAll(await context.store(), plan, textField(body, 'periodKey'), { upn: caller.upn, role: 'controller' });
  return { status: 200, body: result };
}

export async function periodLockHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext, which: string | undefined): Promise<ApiResponse> {
  if (which !== 'lock' && which !== 'unlock') throw new ApiProblem(404, 'notFound', 'Perioder låses med /periods/lock och öppnas med /periods/unlock.');
  const body = jsonObject(request);
  const plan = await context.loadPlan(textField(body, 'plan'));
  const right = controllerRight(caller, plan);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  const store = await context.store();
  const periodKey = textField(body, 'periodKey');
  const result = which === 'lock' ? await lockPeriod(store, plan, periodKey, { byUpn: caller.upn, force: body['force'] === true }) : await unlockPeriod(store, plan, periodKey);
  const status = result.status === 'refused' ? 422 : result.status === 'conflict' ? 409 : 200;
  return { status, body: result };
}

/** "Påminn nu": the controller reminds chosen people of the plan's period, through the reminders' path. */
export async function remindNowHandler(request: ApiRequest, caller: ApiCaller, context: WriteContext): Promise<ApiResponse> {
  const body = jsonObject(request);
  const upns = body['upns'];
  if (!Array.isArray(upns) || upns.length === 0 || upns.length > 200 || !upns.every((u): u is string => typeof u === 'string' && u.includes('@'))) {
    throw new ApiProblem(400, 'invalidRequest', '"upns" ska vara en lista med de personer som ska påminnas (högst 200).');
  }
  const plan = await context.loadPlan(textField(body, 'plan'));
  const right = controllerRight(caller, plan);
  if (!right.ok) return problem(403, 'forbidden', right.message);
  if (!context.teamsAppId) return problem(503, 'notConfigured', 'Påminnelser kan inte skickas: Teams-appens id saknas i inställningarna (MALKOLL_TEAMS_APP_ID).');
  const periodKey = textField(body, 'periodKey');
  if (!plan.periods.some((p) => p.key === periodKey)) return problem(422, 'unknownPeriod', `Perioden ${periodKey} hör inte till planen ${plan.plan.title}.`);
  if (plan.periods.find((p) => p.key === periodKey)?.locked) return problem(422, 'locked', 'Perioden är låst: ingen behöver påminnas.');
  const outcomes = await remindNow(await context.store(), { plan, periodKey, upns, asOf: todayIn(context.timeZone ?? 'Europe/Stockholm', context.now()), teamsAppId: context.teamsAppId });
  return { status: 200, body: { outcomes } };
}
