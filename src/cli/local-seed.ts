// The local run's first start: lists provisioned and the three plan fixtures imported, once.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../core';
import type { RunningEmulator } from '../emulator';
import { createGraphClient } from '../graph';
import { provision } from '../lists';
import { FollowUpStore, importPlan, openSite } from '../store';
import { DEFAULT_SITE } from './options';

export const FIXTURE_DIR = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'plans');

export function readPlanFixtures(dir = FIXTURE_DIR): Array<{ file: string; doc: PlanDocument }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, doc: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as PlanDocument }));
}

/** A document's people as the emulator's directory registers them (`POST /_dev/users`). */
export function directoryEntries(doc: PlanDocument): Array<{ upn: string; displayName: string; managerUpn?: string }> {
  return (doc.people ?? []).map((p) => ({ upn: p.upn, displayName: p.displayName, ...(p.managerUpn ? { managerUpn: p.managerUpn } : {}) }));
}

export function registerDocumentPeople(emulator: Pick<RunningEmulator, 'registerUsers'>, doc: PlanDocument): void {
  const people = directoryEntries(doc);
  if (people.length > 0) emulator.registerUsers(people);
}

/**
 * Provisions the lists (always: it changes nothing when all is right) and imports the fixtures on
 * the first start only; a marker file in the data folder remembers that, so data a newcomer
 * changed or deleted is never brought back.
 */
export async function seedLocalRun(emulator: RunningEmulator, dataDir: string, log: (line: string) => void): Promise<void> {
  const token = emulator.issueToken({ app: true }).access_token;
  const client = createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) } });
  const report = await provision(client, DEFAULT_SITE);
  for (const change of report.changes) log(`  ${change}`);
  for (const drift of report.drift) log(`  Avvikelse: ${drift}`);
  const marker = path.join(dataDir, 'seeded.json');
  if (existsSync(marker)) return;
  const store = new FollowUpStore(client, await openSite(client, DEFAULT_SITE));
  for (const { file, doc } of readPlanFixtures()) {
    registerDocumentPeople(emulator, doc);
    const result = await importPlan(store, doc);
    log(`  Importerade ${file}: ${result.planKey}, ${result.created} poster`);
  }
  writeFileSync(marker, JSON.stringify({ seededAt: new Date().toISOString() }, null, 2));
}
