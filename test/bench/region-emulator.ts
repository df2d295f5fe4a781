// The region-scale dataset in an in-process emulator, as every region bench starts: lists
// provisioned, people registered, the 24 plans imported, then latency added for the measurements.
// With `{ tree: true }` the dataset is the organisation tree instead (test/fixtures/region-tree.ts):
// regionfullmäktige's plan, the 12 nämnder's 2025 plans and their 48 förvaltningar's.
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { createGraphClient } from '../../src/graph';
import type { GraphClient, GraphClientOptions } from '../../src/graph';
import { provision } from '../../src/lists';
import { FollowUpStore, importPlan, openSite } from '../../src/store';
import { registerDocumentPeople } from '../../src/cli/local-seed';
import type { RegionDataset } from '../fixtures/region-scale';
import { regionDataset } from '../fixtures/region-scale';
import type { RegionTree } from '../fixtures/region-tree';
import { regionTreeDataset } from '../fixtures/region-tree';

export const SITE = 'localhost:/sites/malkoll';
export const LATENCY_MS = 100;

export interface RegionEmulator {
  readonly dataset: RegionDataset;
  readonly emulator: RunningEmulator;
  readonly client: GraphClient;
  readonly store: FollowUpStore;
  /** Seconds the import took (no added latency). */
  readonly importSeconds: number;
  /** The organisation tree, when started with `{ tree: true }` (then also `dataset`). */
  readonly tree?: RegionTree;
  close(): Promise<void>;
}

export interface RegionEmulatorOptions {
  /** The organisation tree instead of the 24 flat plans the other benches' figures are for. */
  readonly tree?: boolean;
}

export async function startRegionEmulator(clientOptions: Partial<GraphClientOptions> = {}, options: RegionEmulatorOptions = {}): Promise<RegionEmulator> {
  const tree = options.tree ? regionTreeDataset() : undefined;
  const dataset = tree ?? regionDataset();
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
  const token = emulator.issueToken({ app: true }).access_token;
  const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) }, ...clientOptions });
  await provision(client, SITE);
  const store = new FollowUpStore(client, await openSite(client, SITE));
  const started = performance.now();
  for (const doc of dataset.documents) {
    registerDocumentPeople(emulator, doc);
    await importPlan(store, doc);
  }
  const importSeconds = (performance.now() - started) / 1000;
  emulator.faults.set({ latencyMs: LATENCY_MS });
  return { dataset, emulator, client, store, importSeconds, ...(tree ? { tree } : {}), close: () => emulator.close() };
}
