// Where goals and uppdrag come from, in the words of the reports' summary table: the Data sheet's
// Ursprung and Sammanfattning's rows say the same ("Regionstyrelsens egna uppdrag"), so a pivot
// on Ursprung lines up with the summary.
import type { GoalKind, Origin } from '../core';
import { GOAL_KIND_PLURAL_SV, genitive } from '../core';

export type OriginOf = { readonly subject: 'goal'; readonly kind: GoalKind } | { readonly subject: 'assignment' };

/** "Målsättningar från regionfullmäktige", "Regionstyrelsens egna uppdrag". */
export function originLabel(of: OriginOf, origin: Origin, organisationName: string): string {
  const what = of.subject === 'goal' ? GOAL_KIND_PLURAL_SV[of.kind] : 'Uppdrag';
  return origin === 'council' ? `${what} från regionfullmäktige` : `${genitive(organisationName)} egna ${what.toLowerCase()}`;
}
