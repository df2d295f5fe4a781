// Issue 17's figures: the region as a tree (regionfullmäktige, 12 nämnder, 48 förvaltningar, one
// plan each for 2025) behind 100 ms of added latency per request. The whole tree loads in at most
// three round trips; the region's view of every plan (each nämnd's part of every RF goal, each
// parent's children per goal with the suggestion, every styrtal rolled up, the round rolled up the
// tree) is built from it in well under five seconds.
import type { PlanThingRef } from '../../src/core';
import { indicatorRollUp, organisationTree, parentGoalViews } from '../../src/core';
import type { LoadedPlan } from '../../src/store';
import type { LoadedOrganisationTree } from '../../src/store/org-tree';
import { loadOrganisationTree } from '../../src/store/org-tree';
import { childrenProgress } from '../../src/tab/views/children-view-model';
import { LATENCY_MS, startRegionEmulator } from './region-emulator';

const ROUND_TRIPS_GOAL = 3;
const REPORT_GOAL_MS = 5_000;

export async function benchOrgTree(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator({}, { tree: true });
  const { client, store } = region;
  const tree = region.tree;
  if (!tree) throw new Error('the region emulator started without its tree');
  const periodKey = `${tree.year}-annual`;
  try {
    print(`org-tree: ${tree.documents.length} plans of ${tree.year} (regionfullmäktige, ${tree.boards.length} nämnder, ${[...tree.administrations.values()].flat().length} förvaltningar), ${LATENCY_MS} ms added latency per request:`);

    client.stats.reset();
    const start = performance.now();
    const loaded = await loadOrganisationTree(store, { year: tree.year });
    const loadMs = Math.round(performance.now() - start);
    const things = loaded.plans.reduce((n, p) => n + p.goals.length + p.indicators.length + p.assignments.length + p.actions.length, 0);
    const entries = loaded.plans.reduce((n, p) => n + p.entries.length, 0);
    print(
      `  the whole tree loaded: ${loaded.plans.length} plans, ${things.toLocaleString('sv-SE')} things, ${entries.toLocaleString('sv-SE')} entries, ` +
        `${client.stats.requests} round trips, ${loadMs} ms (goal ≤ ${ROUND_TRIPS_GOAL} round trips)`,
    );

    const built = performance.now();
    const figures = regionFigures(loaded, tree.regionPlanKey, periodKey);
    const buildMs = Math.round(performance.now() - built);
    const totalMs = Math.round(performance.now() - start);
    print(
      `  the region's view for all plans (${figures.regionRows} nämnd parts of ${figures.regionThings} RF goals and uppdrag, ${figures.goalViews} parent goals, ` +
        `${figures.rolledUp} styrtal rolled up, the round over ${figures.roundPlans} plans): load + build ${totalMs} ms (build ${buildMs} ms; goal < ${REPORT_GOAL_MS} ms)`,
    );
  } finally {
    await region.close();
  }
}

interface RegionFigures {
  readonly regionThings: number;
  readonly regionRows: number;
  readonly goalViews: number;
  readonly rolledUp: number;
  readonly roundPlans: number;
}

/** Everything the region's view and the parents' views compute from the loaded tree. */
function regionFigures(loaded: LoadedOrganisationTree, regionPlanKey: string, periodKey: string): RegionFigures {
  const { plans } = loaded;
  const built = organisationTree(loaded.organisations);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  const keyOf = (p: LoadedPlan) => `${p.organisation.code}:${p.plan.year}`;
  const regionPlan = plans.find((p) => keyOf(p) === regionPlanKey);
  if (!regionPlan) throw new Error(`${regionPlanKey} was not loaded`);

  // Per RF goal and uppdrag, every nämnd's part: what the region view shows side by side.
  const given = (thing: { readonly givenBy?: PlanThingRef }, ref: string) => thing.givenBy?.plan === regionPlanKey && thing.givenBy.ref === ref;
  const regionThings = [...regionPlan.goals, ...regionPlan.assignments].map((t) => t.ref);
  let regionRows = 0;
  for (const ref of regionThings) {
    for (const plan of plans) regionRows += [...plan.goals, ...plan.assignments].filter((t) => given(t, ref)).length;
  }

  let goalViews = 0;
  let rolledUp = 0;
  for (const parent of plans) {
    const children = plans.filter((p) => p.organisation.parentCode === parent.organisation.code);
    if (children.length === 0) continue;
    goalViews += parentGoalViews(parent, children, periodKey).filter((v) => v.parts.length > 0).length;
    for (const indicator of parent.indicators) if (indicatorRollUp(parent, indicator, children, periodKey)?.status === 'rolled-up') rolledUp += 1;
  }
  const progress = childrenProgress(built.tree, regionPlan.organisation.code, plans, periodKey);
  const roundPlans = progress.reduce((n, c) => n + c.rolledUp.plans, 0);
  return { regionThings: regionThings.length, regionRows, goalViews, rolledUp, roundPlans };
}

if (require.main === module) {
  benchOrgTree((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
