/** @jest-environment jsdom */
// Switching plans in the tab: a plan the session already loaded shows at once when the user comes
// back to it and is refreshed by delta (one resource unit per list), never loaded whole again
// (about 28 units) — every reporter shares the app's SharePoint budget on deadline day.
import { act, renderHook, waitFor } from '@testing-library/react';
import type { FollowUpStore, LoadedPlan, PlanTracker, RefreshResult, StoredEntry } from '../../src/store';
import type { Session } from '../../src/tab/data/session';
import { usePlan } from '../../src/tab/data/use-plan';

const planOf = (key: string, version = 1): LoadedPlan => ({ plan: { title: `${key} v${version}` }, entries: [], actions: [] }) as unknown as LoadedPlan;
const tracker = (n: number): PlanTracker => ({ goals: `t${n}`, indicators: `t${n}`, assignments: `t${n}`, risks: `t${n}`, actions: `t${n}`, followUps: `t${n}` });

/** A stand-in store that counts what the hook asks of it. */
function stubStore(refreshAnswer: (plan: LoadedPlan) => RefreshResult = (plan) => ({ status: 'refreshed', plan: { ...plan, plan: { ...plan.plan, title: `${plan.plan.title} refreshed` } }, tracker: tracker(2), changed: 1 })) {
  const calls = { loadPlan: [] as string[], track: 0, refresh: [] as Array<{ title: string; tracker: PlanTracker }> };
  const store = {
    loadPlan: (key: string) => {
      calls.loadPlan.push(key);
      return Promise.resolve(planOf(key, calls.loadPlan.length));
    },
    track: () => {
      calls.track += 1;
      return Promise.resolve(tracker(1));
    },
    refresh: (plan: LoadedPlan, given: PlanTracker) => {
      calls.refresh.push({ title: plan.plan.title, tracker: given });
      return Promise.resolve(refreshAnswer(plan));
    },
  };
  const session = { store: store as unknown as FollowUpStore, upn: 'anna@malkoll.test', displayName: 'Anna' } as unknown as Session;
  return { session, calls };
}

const title = (state: ReturnType<typeof usePlan>['state']) => (state.status === 'ready' ? state.plan.plan.title : state.status);

test('coming back to a plan shows it at once and refreshes it by delta instead of loading it again', async () => {
  const { session, calls } = stubStore();
  const { result, rerender } = renderHook(({ key }) => usePlan(session, key, () => undefined), { initialProps: { key: 'RS:2025' } });
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v1'));
  rerender({ key: 'HSN:2025' });
  await waitFor(() => expect(title(result.current.state)).toBe('HSN:2025 v2'));

  rerender({ key: 'RS:2025' });
  // The cached plan is there on the very next render: no spinner.
  expect(title(result.current.state)).toBe('RS:2025 v1');
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v1 refreshed'));
  expect(calls.loadPlan).toEqual(['RS:2025', 'HSN:2025']);
  expect(calls.track).toBe(2);
  expect(calls.refresh).toEqual([{ title: 'RS:2025 v1', tracker: tracker(1) }]);

  // The next time, from where the last refresh left off.
  rerender({ key: 'HSN:2025' });
  rerender({ key: 'RS:2025' });
  await waitFor(() => expect(calls.refresh).toHaveLength(3));
  expect(calls.refresh[2]).toEqual({ title: 'RS:2025 v1 refreshed', tracker: tracker(2) });
  expect(calls.loadPlan).toEqual(['RS:2025', 'HSN:2025']);
});

test('an expired change feed (410) means the plan is loaded whole again', async () => {
  const { session, calls } = stubStore(() => ({ status: 'resync-required' }));
  const { result, rerender } = renderHook(({ key }) => usePlan(session, key, () => undefined), { initialProps: { key: 'RS:2025' } });
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v1'));
  rerender({ key: 'HSN:2025' });
  await waitFor(() => expect(title(result.current.state)).toBe('HSN:2025 v2'));
  rerender({ key: 'RS:2025' });
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v3'));
  expect(calls.loadPlan).toEqual(['RS:2025', 'HSN:2025', 'RS:2025']);
});

test('a save shows in the cached plan when the user comes back, before the refresh answers', async () => {
  let answer: (() => void) | undefined;
  const { session } = stubStore();
  const refresh = session.store.refresh.bind(session.store);
  Object.assign(session.store, {
    refresh: (plan: LoadedPlan, given: PlanTracker) => new Promise<RefreshResult>((resolve) => (answer = () => void refresh(plan, given).then(resolve))),
  });
  const { result, rerender } = renderHook(({ key }) => usePlan(session, key, () => undefined), { initialProps: { key: 'RS:2025' } });
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v1'));
  const saved = { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', value: 91, itemId: '7', eTag: '"a,2"', subjectItemId: '3' } as unknown as StoredEntry;
  act(() => result.current.applySaved(saved));
  rerender({ key: 'HSN:2025' });
  await waitFor(() => expect(title(result.current.state)).toBe('HSN:2025 v2'));
  rerender({ key: 'RS:2025' });
  const shown = result.current.state;
  expect(shown.status === 'ready' && shown.plan.entries).toEqual([saved]);
  await waitFor(() => expect(answer).toBeDefined());
  act(() => answer?.());
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v1 refreshed'));
});

test('"Try again" after an error loads the plan whole', async () => {
  const { session, calls } = stubStore();
  let failNext = true;
  const loadPlan = session.store.loadPlan.bind(session.store);
  Object.assign(session.store, {
    loadPlan: (key: string) => {
      if (!failNext) return loadPlan(key);
      failNext = false;
      calls.loadPlan.push(key);
      return Promise.reject(new Error('Nätverksfel'));
    },
  });
  const { result } = renderHook(() => usePlan(session, 'RS:2025', () => undefined));
  await waitFor(() => expect(result.current.state).toEqual({ status: 'error', message: 'Nätverksfel' }));
  act(() => result.current.reload());
  await waitFor(() => expect(title(result.current.state)).toBe('RS:2025 v2'));
  expect(calls.refresh).toEqual([]);
});
