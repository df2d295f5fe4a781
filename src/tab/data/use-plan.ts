// Loads one plan through the store and keeps it current after saves without reloading it.
import { useCallback, useEffect, useState } from 'react';
import type { LoadedPlan, StoredAction, StoredEntry } from '../../store';
import { isStaleSite } from '../../store';
import type { Session } from './session';
import { reopenSite } from './session';

export type PlanState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly plan: LoadedPlan };

export function usePlan(session: Session, planKey: string | undefined, onSession: (session: Session) => void) {
  const [state, setState] = useState<PlanState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!planKey) return;
    let live = true;
    setState({ status: 'loading' });
    const load = async () => {
      try {
        return await session.store.loadPlan(planKey);
      } catch (error) {
        // A remembered list id that no longer exists: look the site up again once.
        if (!isStaleSite(error)) throw error;
        const fresh = await reopenSite(session);
        onSession(fresh);
        return fresh.store.loadPlan(planKey);
      }
    };
    load().then(
      (plan) => live && setState({ status: 'ready', plan }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // The session object changes after reopenSite; reloading then would loop.
  }, [planKey, attempt]);

  const applySaved = useCallback((entry: StoredEntry, action?: StoredAction) => {
    setState((old) => {
      if (old.status !== 'ready') return old;
      const plan = old.plan;
      const same = (e: StoredEntry) => e.subjectKind === entry.subjectKind && e.subjectRef === entry.subjectRef && e.periodKey === entry.periodKey;
      const entries = plan.entries.some(same) ? plan.entries.map((e) => (same(e) ? entry : e)) : [...plan.entries, entry];
      const actions = action ? plan.actions.map((a) => (a.ref === action.ref ? { ...a, ...action } : a)) : plan.actions;
      return { status: 'ready', plan: { ...plan, entries, actions } };
    });
  }, []);

  return { state, reload: () => setAttempt((n) => n + 1), applySaved };
}
