// Which plans the picker offers: an adopted or archived plan to everyone; a draft only to its
// organisation's controllers and the people it names (core's planVisibleTo). Drafts are few (one
// per organisation while next year is planned), so a draft is loaded only when the person is not
// one of its controllers.
import type { Plan } from '../../core';
import { isController, planKey, planVisibleTo } from '../../core';
import type { FollowUpStore, Stored } from '../../store';

export async function visiblePlans<P extends Stored<Plan>>(store: Pick<FollowUpStore, 'organisations' | 'loadPlan'>, upn: string, plans: readonly P[]): Promise<P[]> {
  const drafts = plans.filter((p) => p.status === 'draft');
  if (drafts.length === 0) return [...plans];
  const organisations = await store.organisations();
  const controllersOf = (code: string) => organisations.find((o) => o.code === code)?.controllerUpns ?? [];
  const hidden = new Set<P>();
  await Promise.all(
    drafts.map(async (draft) => {
      if (isController(upn, { controllers: controllersOf(draft.organisationCode) })) return;
      try {
        const loaded = await store.loadPlan(planKey(draft.organisationCode, draft.year));
        if (!planVisibleTo(loaded, upn, { isController: false })) hidden.add(draft);
      } catch {
        hidden.add(draft);
      }
    }),
  );
  return plans.filter((p) => !hidden.has(p));
}
