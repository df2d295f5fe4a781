// An in-process emulator with the lists provisioned, and clients that count their round trips.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../../src/core';
import { startEmulator } from '../../src/emulator';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator';
import { createGraphClient } from '../../src/graph';
import type { GraphClient, GraphClientOptions } from '../../src/graph';
import { registerDocumentPeople } from '../../src/cli/local-seed';
import { provision } from '../../src/lists';
import { FollowUpStore, openSite } from '../../src/store';

export const SITE = 'localhost:/sites/malkoll';

export function fixture(name: string): PlanDocument {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', name), 'utf8')) as PlanDocument;
}

export interface Harness {
  readonly emulator: RunningEmulator;
  client(options?: Partial<GraphClientOptions> & { upn?: string }): GraphClient;
  store(client?: GraphClient): Promise<FollowUpStore>;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, dbPath: ':memory:', ...options });
  const client = (opts: Partial<GraphClientOptions> & { upn?: string } = {}): GraphClient => {
    const { upn, ...rest } = opts;
    const token = upn ? emulator.issueToken({ upn }).access_token : emulator.issueToken({ app: true }).access_token;
    return createGraphClient({ baseUrl: emulator.graphUrl, tokenSource: { getToken: () => Promise.resolve(token) }, retry: { baseDelayMs: 5, maxDelayMs: 50 }, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))), ...rest });
  };
  await provision(client(), SITE);
  return {
    emulator,
    client,
    store: async (c = client()) => new FollowUpStore(c, await openSite(c, SITE)),
    close: () => emulator.close(),
  };
}

/** The people of a document, registered in the emulator's directory (what `malkoll import` does locally). */
export function registerPeople(emulator: RunningEmulator, doc: PlanDocument): void {
  registerDocumentPeople(emulator, doc);
}

/** A document with nulls and empty lists dropped and people sorted, so documents compare by content. */
export function normalise(doc: PlanDocument): unknown {
  const clean = JSON.parse(JSON.stringify(doc, (_k, v: unknown) => (v === null || (Array.isArray(v) && v.length === 0) ? undefined : v))) as PlanDocument;
  clean.people = [...(clean.people ?? [])].map((p) => ({ ...p, upn: p.upn.toLowerCase(), ...(p.managerUpn ? { managerUpn: p.managerUpn.toLowerCase() } : {}) })).sort((a, b) => a.upn.localeCompare(b.upn));
  clean.followUps = [...(clean.followUps ?? [])].sort((a, b) => `${a.subject}|${a.period}`.localeCompare(`${b.subject}|${b.period}`));
  return clean;
}
