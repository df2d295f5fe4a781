// Loads one plan through the store and keeps it current after saves without reloading it. A plan
// this session has already loaded shows at once when the user comes back to it, and is brought up
// to date by delta (plan-cache.ts) rather than loaded again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadedPlan, StoredAction, StoredEntry } from '../../store';
import { isStaleSite } from '../../store';
import { planCacheOf } from './plan-cache';
import type { Session } from './session';
import { reopenSite } from './session';

export type PlanState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly plan: LoadedPlan };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function usePlan(session: Session, planKey: string | undefined, onSession: (session: Session) => void) {
  const [state, setState] = useState<PlanState>(() => {
    const cached = planKey ? planCacheOf(session.store).cached(planKey) : undefined;
    return cached ? { status: 'ready', plan: cached } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const seenAttempt = useRef(attempt);
  // The store the shown plan came from, so a save lands in that session's cache.
  const storeRef = useRef(session.store);

  useEffect(() => {
    if (!planKey) return;
    let live = true;
    // "Try again" after an error loads whole; coming back to a plan refreshes what is cached.
    const retried = seenAttempt.current !== attempt;
    seenAttempt.current = attempt;
    const cache = planCacheOf(session.store);
    storeRef.current = session.store;
    const cached = retried ? undefined : cache.cached(planKey);
    if (cached) {
      setState({ status: 'ready', plan: cached });
      // A refresh that fails leaves the plan as it was shown; a save over a stale item is still a conflict.
      cache.refresh(planKey).then(
        (plan) => live && setState({ status: 'ready', plan }),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }
    setState({ status: 'loading' });
    const load = async () => {
      try {
        return await cache.load(planKey);
      } catch (error) {
        // A remembered list id that no longer exists: look the site up again once.
        if (!isStaleSite(error)) throw error;
        const fresh = await reopenSite(session);
        onSession(fresh);
        storeRef.current = fresh.store;
        return planCacheOf(fresh.store).load(planKey);
      }
    };
    load().then(
      (plan) => live && setState({ status: 'ready', plan }),
      (error: unknown) => live && setState({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
    // The session object changes after reopenSite; reloading then would loop.
  }, [planKey, attempt]);

  // The change feeds start once the plan is on screen: Att göra waits for nothing more.
  const ready = state.status === 'ready';
  useEffect(() => {
    if (!ready || !planKey) return;
    const timer = setTimeout(() => planCacheOf(storeRef.current).follow(planKey), 0);
    return () => clearTimeout(timer);
  }, [ready, planKey]);

  const applySaved = useCallback(
    (entry: StoredEntry, action?: StoredAction) => {
      const apply = (plan: LoadedPlan): LoadedPlan => {
        const same = (e: StoredEntry) => e.subjectKind === entry.subjectKind && e.subjectRef === entry.subjectRef && e.periodKey === entry.periodKey;
        const entries = plan.entries.some(same) ? plan.entries.map((e) => (same(e) ? entry : e)) : [...plan.entries, entry];
        const actions = action ? plan.actions.map((a) => (a.ref === action.ref ? { ...a, ...action } : a)) : plan.actions;
        return { ...plan, entries, actions };
      };
      if (planKey) planCacheOf(storeRef.current).update(planKey, apply);
      setState((old) => (old.status === 'ready' ? { status: 'ready', plan: apply(old.plan) } : old));
    },
    [planKey],
  );

  /** After a write to the plan itself (the plan editor): loaded whole again, shown without a spinner in between. */
  const reloadInPlace = useCallback(async (): Promise<LoadedPlan | undefined> => {
    if (!planKey) return undefined;
    const cache = planCacheOf(storeRef.current);
    const plan = await cache.load(planKey);
    cache.follow(planKey);
    setState({ status: 'ready', plan });
    return plan;
  }, [planKey]);

  return { state, reload: () => setAttempt((n) => n + 1), applySaved, reloadInPlace };
}
