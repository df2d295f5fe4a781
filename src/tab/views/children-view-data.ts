// What the children view and the region view load: who may see them (from the organisations the
// plan came with), and the whole tree of the plan's year (three round trips), shared by both views and
// kept for the session until the person asks for a refresh.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Organisation } from '../../core';
import { isController, organisationTree } from '../../core';
import type { FollowUpStore, LoadedOrganisationTree, LoadedPlan } from '../../store';
import { loadOrganisationTree, organisationsOfPlan } from '../../store';
import { childrenViewFor } from './children-view-model';

export interface TreeAccess {
  /** A controller or the manager of the plan's organisation, which has organisations under it. */
  readonly children: boolean;
  /** A controller of the region (regionfullmäktige's organisation: Regionstyrelsen's controllers keep its plan). */
  readonly region: boolean;
}

const NO_ACCESS: TreeAccess = { children: false, region: false };

/** The region's organisations: those of kind region (normally one, the tree's root). */
export function regionsOf(organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter((o) => o.kind === 'region');
}

export function treeAccess(upn: string, organisation: Organisation, organisations: readonly Organisation[]): TreeAccess {
  const built = organisationTree(organisations);
  const tree = built.ok ? built.tree : undefined;
  // The organisation as the list holds it now (the plan's copy may be older).
  const current = organisations.find((o) => o.code.toLowerCase() === organisation.code.toLowerCase()) ?? organisation;
  return {
    children: childrenViewFor(upn, current, tree),
    region: regionsOf(organisations).some((r) => isController(upn, { controllers: r.controllerUpns ?? [] })),
  };
}

/** Whether the two views are for this person: from the organisations the plan was loaded with, no request of its own. */
export function useTreeAccess(plan: LoadedPlan | undefined, upn: string): TreeAccess {
  return useMemo(() => (plan ? treeAccess(upn, plan.organisation, organisationsOfPlan(plan)) : NO_ACCESS), [plan, upn]);
}

export type TreeState = { readonly status: 'loading' } | { readonly status: 'ready'; readonly tree: LoadedOrganisationTree } | { readonly status: 'error'; readonly message: string };

const treesRead = new WeakMap<object, Map<number, Promise<LoadedOrganisationTree>>>();

function readTree(store: FollowUpStore, year: number, fresh: boolean): Promise<LoadedOrganisationTree> {
  const byYear = treesRead.get(store) ?? new Map<number, Promise<LoadedOrganisationTree>>();
  treesRead.set(store, byYear);
  const known = byYear.get(year);
  if (known && !fresh) return known;
  const read = loadOrganisationTree(store, { year });
  byYear.set(year, read);
  read.catch(() => byYear.delete(year));
  return read;
}

/** The whole tree of `year`, read once for both views; `refresh` reads it again. */
export function useOrganisationTree(store: FollowUpStore, year: number): { readonly state: TreeState; readonly refresh: () => void } {
  const [state, setState] = useState<TreeState>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    readTree(store, year, round > 0).then(
      (tree) => {
        if (live) setState({ status: 'ready', tree });
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [store, year, round]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { state, refresh };
}
