// Issue 4's figures: the region-scale dataset behind 100 ms of added latency per request, loaded
// the store's way ($batch, whole lists, indexed queries) beside one request per item.
import { LATENCY_MS, startRegionEmulator } from './region-emulator';
import type { GraphClient } from '../../src/graph';


async function measure<T>(client: GraphClient, work: () => Promise<T>): Promise<{ result: T; requests: number; ms: number }> {
  client.stats.reset();
  const start = performance.now();
  const result = await work();
  return { result, requests: client.stats.requests, ms: Math.round(performance.now() - start) };
}

/** The naive way: list the ids, then fetch each item on its own (8 in flight, as a simple client would). */
async function onePerItem(client: GraphClient, itemUrls: readonly string[]): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < itemUrls.length) {
      const url = itemUrls[next++];
      if (url) await client.get(url);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return itemUrls.length;
}

export async function benchStore(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator();
  const { dataset, client, store } = region;
  try {
    const items = dataset.documents.reduce((n, d) => n + (d.followUps?.length ?? 0) + (d.goals ?? []).reduce((m, g) => m + 1 + (g.indicators?.length ?? 0) + (g.assignments?.length ?? 0), 0) + (d.risks ?? []).reduce((m, r) => m + 1 + (r.actions?.length ?? 0), 0), 0);
    print(`store: region-scale dataset: ${dataset.documents.length} plans, ${items.toLocaleString('sv-SE')} list items imported in ${region.importSeconds.toFixed(1)} s (no added latency)`);
    print(`store: with ${LATENCY_MS} ms added latency per request:`);
    const all = await measure(client, () => store.loadAllPlans());
    print(`  every plan of the region: ${all.requests} round trips, ${all.ms} ms (${all.result.length} plans; goal < 3 000 ms)`);

    const plan = all.result.find((p) => p.plan.organisationCode === 'RS' && p.plan.year === 2025);
    if (!plan) throw new Error('RS 2025 missing from the dataset');
    const owner = plan.indicators[0]?.ownerUpn ?? '';
    const work = await measure(client, async () => store.myWork(await store.loadPlan('RS:2025'), owner, '2025-annual'));
    print(`  one person's work (${work.result.length} items in RS 2025): ${work.requests} round trips, ${work.ms} ms`);

    const period = await measure(client, () => store.entriesOfPeriod('2025-annual'));
    print(`  all entries of a period (${period.result.length}): ${period.requests} round trip(s), ${period.ms} ms`);

    // The same loads one request per item, measured on the one-person load and on one plan, and
    // projected for the region from the measured time per request (running it would take minutes).
    const listPath = (list: keyof typeof store.site.listIds) => `/sites/${store.site.siteId}/lists/${store.site.listIds[list]}/items`;
    const workUrls = work.result.map((w) => `${listPath(w.kind === 'goal' ? 'Goals' : w.kind === 'indicator' ? 'Indicators' : w.kind === 'assignment' ? 'Assignments' : 'Actions')}/${w.itemId}?$expand=fields`);
    const naiveWork = await measure(client, () => onePerItem(client, workUrls));
    print(`  one person's work, one request per item: ${naiveWork.requests} round trips, ${naiveWork.ms} ms`);
    const planUrls = [
      ...plan.goals.map((x) => `${listPath('Goals')}/${x.itemId}?$expand=fields`),
      ...plan.indicators.map((x) => `${listPath('Indicators')}/${x.itemId}?$expand=fields`),
      ...plan.assignments.map((x) => `${listPath('Assignments')}/${x.itemId}?$expand=fields`),
      ...plan.risks.map((x) => `${listPath('Risks')}/${x.itemId}?$expand=fields`),
      ...plan.actions.map((x) => `${listPath('Actions')}/${x.itemId}?$expand=fields`),
      ...plan.entries.map((x) => `${listPath('FollowUps')}/${x.itemId}?$expand=fields`),
    ];
    const naivePlan = await measure(client, () => onePerItem(client, planUrls));
    print(`  one plan (RS 2025, ${planUrls.length} items), one request per item: ${naivePlan.requests} round trips, ${naivePlan.ms} ms`);
    const perRequest = naivePlan.ms / Math.max(1, naivePlan.requests);
    print(`  every plan, one request per item: ${items.toLocaleString('sv-SE')} round trips, about ${Math.round((items * perRequest) / 1000)} s (projected from ${perRequest.toFixed(1)} ms per request at 8 in flight)`);
  } finally {
    await region.close();
  }
}
