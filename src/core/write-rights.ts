// Who may write what. The owner of a thing reports it, or a delegate the owner names; the plan's
// controllers (its organisation's plan administrators) report anything in it, edit the plan and
// approve. Asked by Målkoll's write API before it writes as the app, so no front end decides it.

/** Entra compares user principal names without regard to case. */
export function sameUpn(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export type WriterRole = 'owner' | 'delegate' | 'controller';

export interface WriteRightsContext {
  /** The UPNs of the plan organisation's controllers. */
  readonly controllers: readonly string[];
  /** The UPNs an owner has named as delegates. */
  readonly delegatesOf: (ownerUpn: string) => readonly string[];
}

export type WriteRight = { readonly ok: true; readonly role: WriterRole } | { readonly ok: false; readonly message: string };

export function isController(upn: string, context: Pick<WriteRightsContext, 'controllers'>): boolean {
  return context.controllers.some((c) => sameUpn(c, upn));
}

/** May `upn` report on a thing owned by `ownerUpn`? The message says who may, in Swedish. */
export function reportingRight(upn: string, thing: { readonly title: string; readonly ownerUpn?: string | undefined; readonly ownerName?: string | undefined }, context: WriteRightsContext): WriteRight {
  if (isController(upn, context)) return { ok: true, role: 'controller' };
  const owner = thing.ownerUpn;
  if (owner !== undefined && sameUpn(owner, upn)) return { ok: true, role: 'owner' };
  if (owner !== undefined && context.delegatesOf(owner).some((d) => sameUpn(d, upn))) return { ok: true, role: 'delegate' };
  const whose = owner === undefined ? 'den har ingen ägare' : `den ägs av ${thing.ownerName ?? owner}`;
  return {
    ok: false,
    message: `Du kan inte rapportera för ${thing.title}: ${whose}. Bara ägaren, ett ombud som ägaren har utsett eller planens controller kan rapportera.`,
  };
}

/** May `upn` change the plan itself (its goals, styrtal, status, locks)? Controllers only. */
export function planEditRight(upn: string, plan: { readonly title: string }, context: Pick<WriteRightsContext, 'controllers'>): WriteRight {
  if (isController(upn, context)) return { ok: true, role: 'controller' };
  return {
    ok: false,
    message:
      context.controllers.length === 0
        ? `${plan.title} har ingen controller ännu: ingen kan ändra planen förrän organisationen har fått en.`
        : `Bara planens controller kan ändra ${plan.title}.`,
  };
}
