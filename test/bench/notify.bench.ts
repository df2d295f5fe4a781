// Issue 7's figures: the notify job over the region-scale dataset (24 plans, about 150 overdue
// actions among 40 owners as of its date), behind 100 ms of added latency per request: round
// trips and wall time for the scan and for the sends, beside the pacing limit's minimum.
import { LATENCY_MS, startRegionEmulator } from './region-emulator';
import { GRAPH_SENDS_PER_SECOND, notifySettings, runNotify } from '../../src/jobs/notify';
import type { NotifyRunResult } from '../../src/jobs/notify';


function describeRun(print: (line: string) => void, label: string, result: NotifyRunResult): void {
  const f = result.figures;
  const recipients = result.notifications.length;
  const owners = new Set(result.notifications.flatMap((n) => n.actions.filter((a) => a.role === 'owner').map(() => n.recipient.upn))).size;
  const managers = new Set(result.notifications.flatMap((n) => n.actions.filter((a) => a.role === 'manager').map(() => n.recipient.upn))).size;
  print(`notify: ${label}: ${result.overdueActions} overdue actions → ${recipients} recipients (${owners} as owner, ${managers} as manager), ${result.skipped.length} skipped, ${result.unresolved.length} unresolved`);
  print(`  scan (plans and organisations, then the overdue query per plan with the candidates' reports): ${f.scan.requests} round trips, ${f.scan.ms} ms`);
  print(`  people (accounts + managers, $batch): ${f.resolve.requests} round trips, ${f.resolve.ms} ms`);
  print(
    `  sends: ${f.send.sends} sent in ${f.send.sendRequests} round trips + ${f.send.recordRequests} for the records, ${f.send.ms} ms ` +
      `(pacing minimum ${recipients} ÷ ${GRAPH_SENDS_PER_SECOND}/s = ${f.pacingMinimumMs} ms)`,
  );
}

export async function benchNotify(print: (line: string) => void): Promise<void> {
  const region = await startRegionEmulator();
  const { dataset, store } = region;
  try {
    print(`notify: region-scale dataset (${dataset.documents.length} plans) as of ${dataset.asOf}, ${LATENCY_MS} ms added latency per request:`);
    const settings = notifySettings({}, { teamsAppId: '3f2b8c1e-5a4d-4c3b-9e2f-1a2b3c4d5e6f' });

    const dry = await runNotify(store, { asOf: dataset.asOf, settings, dryRun: true });
    describeRun(print, 'dry run', dry);
    const started = performance.now();
    const first = await runNotify(store, { asOf: dataset.asOf, settings });
    describeRun(print, 'first run', first);
    print(`  (whole run ${Math.round(performance.now() - started)} ms)`);
    const secondStart = performance.now();
    const second = await runNotify(store, { asOf: dataset.asOf, settings });
    describeRun(print, 'second run the same day', second);
    print(`  (whole run ${Math.round(performance.now() - secondStart)} ms)`);
  } finally {
    await region.close();
  }
}
