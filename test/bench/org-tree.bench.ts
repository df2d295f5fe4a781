// Issue 17's figures: the region as a tree (regionfullmäktige, 12 nämnder, 48 förvaltningar, one
// plan each for 2025) behind 100 ms of added latency per request. The whole tree loads in at most
// three round trips; the region report (`malkoll report --region`: every nämnd's part of every
// regionfullmäktige målsättning, styrtal and uppdrag, and the region's counts) is loaded, built and
// written as a workbook in under five seconds; beside it, the tab's view of the tree (the round
// rolled up under regionfullmäktige) and one nämnd's report with its förvaltningar as bilagor.
import { organisationTree } from '../../src/core';
import { loadRegionReport, loadReportWithChildren } from '../../src/cli/report.command';
import { reportXlsx } from '../../src/excel/xlsx';
import type { Report } from '../../src/report';
import { loadOrganisationTree } from '../../src/store/org-tree';
import { childrenProgress } from '../../src/tab/views/children-view-model';
import { LATENCY_MS, startRegionEmulator } from './region-emulator';

const ROUND_TRIPS_GOAL = 3;
const REPORT_GOAL_MS = 5_000;

function size(report: Report): string {
  const tables = report.sections.reduce((n, s) => n + s.tables.length, 0);
  const rows = report.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
  return `${report.sections.length} sheets, ${tables} tables, ${rows.toLocaleString('sv-SE')} rows`;
}

export async function benchOrgTree(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator({}, { tree: true });
  const { client, store } = region;
  const tree = region.tree;
  if (!tree) throw new Error('the region emulator started without its tree');
  const periodKey = `${tree.year}-annual`;
  try {
    const administrations = [...tree.administrations.values()].flat().length;
    print(`org-tree: ${tree.documents.length} plans of ${tree.year} (regionfullmäktige, ${tree.boards.length} nämnder, ${administrations} förvaltningar), ${LATENCY_MS} ms added latency per request:`);

    client.stats.reset();
    let start = performance.now();
    const loaded = await loadOrganisationTree(store, { year: tree.year });
    const loadMs = Math.round(performance.now() - start);
    const things = loaded.plans.reduce((n, p) => n + p.goals.length + p.indicators.length + p.assignments.length + p.actions.length, 0);
    const entries = loaded.plans.reduce((n, p) => n + p.entries.length, 0);
    print(
      `  the whole tree loaded: ${loaded.plans.length} plans, ${things.toLocaleString('sv-SE')} things, ${entries.toLocaleString('sv-SE')} entries: ` +
        `${client.stats.requests} round trips, ${loadMs} ms (goal ≤ ${ROUND_TRIPS_GOAL} round trips)`,
    );

    start = performance.now();
    const built = organisationTree(loaded.organisations);
    if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
    const progress = childrenProgress(built.tree, 'RF', loaded.plans, periodKey);
    const counted = progress.reduce((n, c) => n + c.rolledUp.plans, 0);
    print(`  the tab's Underliggande for regionfullmäktige (the round rolled up over ${counted} plans) from the loaded tree: ${Math.round(performance.now() - start)} ms`);

    client.stats.reset();
    start = performance.now();
    const { report, boards } = await loadRegionReport(store, tree.regionPlanKey, periodKey);
    const builtAt = performance.now();
    const bytes = await reportXlsx(report);
    const regionMs = Math.round(performance.now() - start);
    print(
      `  the region report for all plans (${tree.regionPlanKey}, ${boards.length} plans asked for their parts; ${size(report)}), as malkoll report --region: ` +
        `${client.stats.requests} round trips, ${regionMs} ms (load + build ${Math.round(builtAt - start)} ms, xlsx ${Math.round(performance.now() - builtAt)} ms, ${Math.round(bytes.byteLength / 1024)} kB; goal < ${REPORT_GOAL_MS} ms)`,
    );

    const [board = ''] = tree.boards;
    client.stats.reset();
    start = performance.now();
    const withChildren = await loadReportWithChildren(store, `${board}:${tree.year}`, periodKey);
    await reportXlsx(withChildren.report);
    print(
      `  one nämnd's report with its ${withChildren.children.length} förvaltningar as bilagor (${board} ${tree.year}; ${size(withChildren.report)}), as --with-children: ` +
        `${client.stats.requests} round trips, ${Math.round(performance.now() - start)} ms`,
    );
  } finally {
    await region.close();
  }
}

if (require.main === module) {
  benchOrgTree((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
