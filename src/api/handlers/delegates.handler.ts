// The caller's own delegates (Ombud): GET /me/delegates lists whom they let report for them and
// who lets them; PUT and DELETE /me/delegates/{upn} name and remove one. Only for oneself: the
// owner is always the token's person.
import { sameUpn } from '../../core';
import { addDelegate, delegatesOf, ownersDelegatingTo, removeDelegate } from '../../store';
import type { ApiCaller } from '../access-token';
import type { ApiResponse } from '../http';
import { ApiProblem } from '../http';
import type { WriteContext } from '../write-context';

const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function delegateParam(raw: string | undefined): string {
  const upn = decodeURIComponent(raw ?? '').trim();
  if (!UPN.test(upn)) throw new ApiProblem(400, 'invalidRequest', `"${upn}" är inget användarnamn (namn@organisation.se).`);
  return upn;
}

export async function listDelegatesHandler(caller: ApiCaller, context: WriteContext): Promise<ApiResponse> {
  const store = await context.store();
  const [delegates, owners] = await Promise.all([delegatesOf(store, caller.upn), ownersDelegatingTo(store, caller.upn)]);
  return { status: 200, body: { delegates, owners } };
}

export async function addDelegateHandler(caller: ApiCaller, context: WriteContext, param: string | undefined): Promise<ApiResponse> {
  const delegate = delegateParam(param);
  if (sameUpn(delegate, caller.upn)) throw new ApiProblem(400, 'invalidRequest', 'Du kan inte vara ditt eget ombud.');
  const store = await context.store();
  const people = await store.people({ users: [delegate] });
  const lookup = people.users.get(delegate.toLowerCase());
  if (!lookup || !('found' in lookup)) throw new ApiProblem(422, 'unknownPerson', `${delegate} finns inte i katalogen.`);
  await addDelegate(store, caller.upn, delegate);
  return { status: 200, body: { delegates: await delegatesOf(store, caller.upn) } };
}

export async function removeDelegateHandler(caller: ApiCaller, context: WriteContext, param: string | undefined): Promise<ApiResponse> {
  const delegate = delegateParam(param);
  const store = await context.store();
  await removeDelegate(store, caller.upn, delegate);
  return { status: 200, body: { delegates: await delegatesOf(store, caller.upn) } };
}
