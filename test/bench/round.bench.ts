// Issue 13's figure: Uppföljningsläge for all 24 plans of the region-scale dataset, behind 100 ms
// of added latency per request, in at most two round trips; beside it one plan's overview the way
// `malkoll status` loads it.
import { roundOverview } from '../../src/core';
import { loadRoundOverviews } from '../../src/store/round-status';
import { LATENCY_MS, startRegionEmulator } from './region-emulator';

export async function benchRound(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator();
  const { dataset, client, store } = region;
  try {
    print(`round: region-scale dataset (${dataset.documents.length} plans) as of ${dataset.asOf}, ${LATENCY_MS} ms added latency per request:`);
    client.stats.reset();
    let start = performance.now();
    const overviews = await loadRoundOverviews(store, { asOf: dataset.asOf });
    const allMs = Math.round(performance.now() - start);
    const items = overviews.reduce((n, o) => n + o.counts.total, 0);
    const unfinished = overviews.reduce((n, o) => n + o.counts['not-started'] + o.counts.draft + o.counts.returned, 0);
    print(`  the overview for all ${overviews.length} plans (${items.toLocaleString('sv-SE')} items, ${unfinished.toLocaleString('sv-SE')} not klar): ${client.stats.requests} round trips, ${allMs} ms (goal ≤ 2 round trips)`);

    client.stats.reset();
    start = performance.now();
    const one = roundOverview(await store.loadPlan('RS:2025'), '2025-annual');
    print(`  one plan (RS 2025, ${one.counts.total} items), as malkoll status loads it: ${client.stats.requests} round trips, ${Math.round(performance.now() - start)} ms`);
  } finally {
    await region.close();
  }
}
