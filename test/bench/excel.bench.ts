// The Excel add-in's office-js path at region scale: the region-scale dataset in the emulator with
// 100 ms added to every Graph request, then "insert all sections" of one plan and period through
// the task pane's own action (load the plan, build the report, write through office-addin-mock).
// Prints Graph round trips, wall time and the number of context.sync() calls.
import { LATENCY_MS, startRegionEmulator } from './region-emulator';
import { insertSections, ALL_GROUPS } from '../../src/addin/workbook-actions';
import type { ExcelHost } from '../../src/addin/office-host';
import { createFakeExcel } from '../excel/fake-excel';

const PLAN = 'RS:2025';
const PERIOD = '2025-annual';

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export async function benchExcel(print: (line: string) => void): Promise<void> {
  let requests = 0;
  const region = await startRegionEmulator({ onRequest: () => void (requests += 1) });
  const { store } = region;
  try {
    const excel = createFakeExcel();
    const host: ExcelHost = { inExcel: true, supportsColours: true, run: (work) => work(excel.context) };
    requests = 0;
    const started = performance.now();
    const { report, result } = await insertSections(host, store, PLAN, PERIOD, ALL_GROUPS);
    const wallMs = performance.now() - started;
    const tables = result.sections.reduce((n, s) => n + s.tables.length, 0);
    const rows = report.sections.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    const largest = Math.max(...excel.syncs.map((s) => s.bytes));
    print(
      `excel (office-js, mock): insert all sections of ${PLAN} ${PERIOD} (region-scale, ${LATENCY_MS} ms Graph latency): ` +
        `${result.sections.length} sections, ${tables} tables, ${fmt(rows)} rows; ${requests} Graph round trips; ${fmt(wallMs / 1000, 2)} s wall time (goal < 5 s)`,
    );
    print(
      `excel (office-js, mock): ${result.syncs} context.sync() calls in all (1 read + ${result.syncs - 1} write batches), ` +
        `at most ${result.maxSyncsPerSection} touching any one section (goal ≤ 3); largest batch ${fmt(largest / 1024)} KB (limit 5 120 KB)`,
    );
  } finally {
    await region.close();
  }
}

if (require.main === module) {
  benchExcel((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
