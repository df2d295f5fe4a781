// Issue 13's figure: a remind run over the region-scale dataset (24 plans, the twelve 2025 plans
// with an annual deadline 7 days ahead and every item still a draft), behind 100 ms of added latency
// per request: round trips and wall time for the scan and the sends, beside the pacing minimum
// (people ÷ 5 per second). The goal: the whole run within 1.2 × that minimum.
import { planKey } from '../../src/core';
import { GRAPH_SENDS_PER_SECOND } from '../../src/jobs/notify';
import { remindSettings, runRemind } from '../../src/jobs/remind';
import type { RemindRunResult } from '../../src/jobs/remind';
import { planPeriodFields } from '../../src/lists/mapping';
import { LATENCY_MS, startRegionEmulator } from './region-emulator';

const AS_OF = '2026-01-24';
const DEADLINE = '2026-01-31';

function describeRun(print: (line: string) => void, label: string, result: RemindRunResult, wholeMs: number): void {
  const f = result.figures;
  const people = result.notifications.length;
  const items = result.periods.reduce((n, p) => n + p.unfinished, 0);
  print(`remind: ${label}: ${result.periods.length} periods owing a reminder, ${items} items not klar → ${people} people, ${result.skipped.length} already reminded, ${result.unresolved.length} unresolved`);
  print(`  scan (${result.plans} adopted plans: schedules, then the due plans' items and entries; the reminder records): ${f.scan.requests} round trips, ${f.scan.ms} ms`);
  print(`  people (accounts, $batch): ${f.resolve.requests} round trips, ${f.resolve.ms} ms`);
  print(
    `  sends: ${f.send.sends} sent in ${f.send.sendRequests} round trips + ${f.send.recordRequests} for the intents and marks, ${f.send.ms} ms ` +
      `(pacing minimum ${people} ÷ ${GRAPH_SENDS_PER_SECOND}/s = ${f.pacingMinimumMs} ms)`,
  );
  const ratio = f.pacingMinimumMs > 0 ? ` = ${(wholeMs / f.pacingMinimumMs).toFixed(2)} × the pacing minimum` : '';
  print(`  whole run ${Math.round(wholeMs)} ms${ratio}`);
}

export async function benchRemind(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator();
  const { dataset, store, client } = region;
  try {
    // The 2025 plans' own annual deadline (what their controllers would set).
    const plans = await store.listPlans({ year: 2025 });
    const loaded = await Promise.all(plans.map((p) => store.loadPlan(planKey(p.organisationCode, p.year))));
    const items = `/sites/${store.site.siteId}/lists/${store.site.listIds.PlanPeriods}/items`;
    await Promise.all(
      loaded.map((plan) => {
        const own = plan.planPeriods.find((s) => s.periodKey === '2025-annual');
        return own
          ? client.patch(`${items}/${own.itemId}/fields`, { Deadline: DEADLINE })
          : client.post(items, { fields: planPeriodFields({ periodKey: '2025-annual', deadline: DEADLINE }, plan.planItemId) });
      }),
    );
    print(`remind: region-scale dataset (${dataset.documents.length} plans; ${plans.length} with the annual deadline ${DEADLINE}) as of ${AS_OF}, ${LATENCY_MS} ms added latency per request:`);
    const settings = remindSettings({}, { teamsAppId: '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f' });

    let started = performance.now();
    const dry = await runRemind(store, { asOf: AS_OF, settings, dryRun: true });
    describeRun(print, 'dry run', dry, performance.now() - started);
    started = performance.now();
    const first = await runRemind(store, { asOf: AS_OF, settings });
    describeRun(print, 'first run', first, performance.now() - started);
    started = performance.now();
    const second = await runRemind(store, { asOf: AS_OF, settings });
    describeRun(print, 'second run the same day', second, performance.now() - started);
  } finally {
    await region.close();
  }
}

if (require.main === module) {
  benchRemind((line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
