// Issue 6's figures for the xlsx path: the region-scale dataset behind 100 ms of added latency per
// request; wall time from "insert all sections" to every table built and the workbook written.
import { LATENCY_MS, startRegionEmulator } from './region-emulator';
import { loadReport } from '../../src/cli/report.command';
import { reportXlsx } from '../../src/excel/xlsx';
import { buildReport } from '../../src/report';

const GOAL_MS = 5_000;

export async function benchReport(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator();
  const { dataset, client, store } = region;
  try {
    print(`report: region-scale dataset (${dataset.documents.length} plans), ${LATENCY_MS} ms added latency per request, xlsx path:`);

    // One plan's report, as `malkoll report --plan RS:2025 --period 2025-annual` does it.
    client.stats.reset();
    const start = performance.now();
    const { report } = await loadReport(store, 'RS:2025', '2025-annual');
    const loaded = performance.now();
    const bytes = await reportXlsx(report);
    const done = performance.now();
    const requests = client.stats.requests;
    const tables = report.sections.reduce((n, s) => n + s.tables.length, 0);
    const rows = report.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    print(
      `  RS 2025, Helår 2025 (with RS 2024 for trends): ${requests} round trips, ${Math.round(done - start)} ms ` +
        `(load + build ${Math.round(loaded - start)} ms, xlsx ${Math.round(done - loaded)} ms; ${report.sections.length} sheets, ${tables} tables, ${rows} rows, ${Math.round(bytes.byteLength / 1024)} kB; goal < ${GOAL_MS} ms)`,
    );

    // Every 2025 plan of the region at once: what a controller pulling the whole region would wait for.
    client.stats.reset();
    const allStart = performance.now();
    const plans = await store.loadAllPlans();
    const allLoaded = performance.now();
    let allBytes = 0;
    for (const plan of plans.filter((p) => p.plan.year === 2025)) {
      allBytes += (await reportXlsx(buildReport(plan, plan.entries, '2025-annual', { previousYearEntries: plan.previousYearEntries }))).byteLength;
    }
    const allDone = performance.now();
    print(
      `  every 2025 plan of the region (${plans.filter((p) => p.plan.year === 2025).length} workbooks): ${client.stats.requests} round trips, ${Math.round(allDone - allStart)} ms ` +
        `(load ${Math.round(allLoaded - allStart)} ms, build + xlsx ${Math.round(allDone - allLoaded)} ms, ${Math.round(allBytes / 1024)} kB)`,
    );
  } finally {
    await region.close();
  }
}

if (require.main === module) {
  benchReport((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
