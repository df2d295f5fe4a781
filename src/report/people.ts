// People by name: the report shows display names, never an address. The names come with the plan
// (`people`); the front ends fill them from the directory in one batched lookup of `reportUpns`.
import type { Person } from '../core';
import type { ReportEntry, ReportPlan } from './types';

/** Everyone the report names: owners of goals, styrtal, uppdrag, risks and åtgärder, who reported, who set a state or locked a period. */
export function reportUpns(plan: ReportPlan, entries: readonly ReportEntry[]): string[] {
  const upns = [
    ...plan.goals.map((g) => g.ownerUpn),
    ...plan.indicators.map((i) => i.ownerUpn),
    ...plan.assignments.map((a) => a.ownerUpn),
    ...plan.risks.map((r) => r.ownerUpn),
    ...plan.actions.map((a) => a.ownerUpn),
    ...entries.map((e) => e.reportedByUpn),
    ...entries.map((e) => e.stateByUpn),
    ...plan.periods.map((p) => p.lockedByUpn),
  ];
  return [...new Set(upns.filter((u): u is string => u !== undefined && u.trim() !== '').map((u) => u.trim().toLowerCase()))];
}

/**
 * A person as printed. Someone the directory does not know (left the organisation, or the lookup
 * was refused) is shown by the name part of their account, "johan.ekstrom": it still tells people
 * apart in a pivot and says who it was, where "okänd person" would lump everyone together. A
 * directory name that is itself an address is cut the same way.
 */
export function personName(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? name : name.slice(0, at).trim() || 'okänd person';
}

export type PersonNames = (upn: string | undefined) => string | undefined;

/** Looks names up in the plan's people by UPN, case-insensitively. */
export function personNames(people: readonly Person[]): PersonNames {
  const byUpn = new Map(people.map((p) => [p.upn.trim().toLowerCase(), p.displayName]));
  return (upn) => {
    if (upn === undefined || upn.trim() === '') return undefined;
    const name = byUpn.get(upn.trim().toLowerCase());
    return personName(name !== undefined && name.trim() !== '' ? name : upn);
  };
}
