// `malkoll import` run again over a plan staff have reported on: what it keeps, what --dry-run,
// --prune and --overwrite-reported do, as the person at the terminal reads it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { PlanDocument } from '../../src/core';
import { entryOf } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, startHarness } from '../store/harness';
import { textSink } from './text-sink';

let h: Harness;
const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-reimport-'));
const doc = fixture('rs-2025.json');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: dir, env: { MALKOLL_GRAPH_URL: h.emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  h = await startHarness();
  writeFileSync(path.join(dir, 'rs-2025.json'), JSON.stringify(doc));
  const shorter: PlanDocument = { ...doc, goals: (doc.goals ?? []).filter((g) => g.ref !== 'g9'), followUps: (doc.followUps ?? []).filter((f) => !['g9', 'g9-i1', 'a35'].includes(f.subject)) };
  writeFileSync(path.join(dir, 'utan-g9.json'), JSON.stringify(shorter));
  expect((await run('import', 'rs-2025.json')).code).toBe(0);
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a re-import after a staff save keeps the saved outcome and names it, in Swedish', async () => {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const saved = await store.saveEntry(plan, { subjectKind: 'indicator', subjectRef: 'g1-i1', periodKey: '2025-annual', edit: { value: 79.5 }, base: entryOf(plan, 'indicator', 'g1-i1', '2025-annual') }, 'johan.ekstrom@region.example');
  expect(saved.status).toBe('saved');

  const again = await run('import', 'rs-2025.json');
  expect(again.code).toBe(0);
  expect(again.out).toContain('Behålls, rapporterat i Målkoll efter dokumentet (--overwrite-reported skriver över):');
  expect(again.out).toMatch(/^ {2}styrtalet g1-i1, Helår 2025: utfall 79,5 \(dokumentet: 78\) — johan\.ekstrom@region\.example \d{4}-\d{2}-\d{2}$/m);
  expect(entryOf(await store.loadPlan('RS:2025'), 'indicator', 'g1-i1', '2025-annual')?.value).toBe(79.5);
});

test('--dry-run prints the change set and writes nothing', async () => {
  const store = await h.store();
  const dry = await run('import', 'utan-g9.json', '--dry-run', '--prune');
  expect(dry.code).toBe(0);
  expect(dry.out).toMatch(/^Torrkörning av RS:2025: inget har skrivits\. Importen skulle ge 0 nya, \d+ ändrade/m);
  expect(dry.out).toContain('  Ändras: målet g9 (Arkiverad)');
  expect(dry.out).toContain('Arkiveras, saknas i dokumentet');
  expect(dry.out).not.toContain('Steg 1 av 4');
  expect((await store.loadPlan('RS:2025')).goals.find((g) => g.ref === 'g9')?.archived).toBeUndefined();
});

test('without --prune the missing are listed and stay; with it they are archived', async () => {
  const listed = await run('import', 'utan-g9.json');
  expect(listed.out).toContain('Saknas i dokumentet och ligger kvar (--prune arkiverar dem):');
  expect(listed.out).toMatch(/^ {2}målet g9 «.+»$/m);
  expect(listed.out).toMatch(/^ {2}styrtalet g9-i1 «.+»$/m);
  const pruned = await run('import', 'utan-g9.json', '--prune');
  expect(pruned.out).toContain('Arkiveras, saknas i dokumentet (tas inte bort; tidigare perioders rapporter visar dem):');
  const plan = await (await h.store()).loadPlan('RS:2025');
  expect(plan.goals.find((g) => g.ref === 'g9')?.archived).toBe(true);
  expect(plan.indicators.find((i) => i.ref === 'g9-i1')?.archived).toBe(true);
});

test('--overwrite-reported writes the document over the save and lists the change', async () => {
  const forced = await run('import', 'rs-2025.json', '--overwrite-reported');
  expect(forced.code).toBe(0);
  expect(forced.out).toContain('Skrivs över med dokumentets värden (--overwrite-reported):');
  expect(forced.out).toMatch(/^ {2}styrtalet g1-i1, Helår 2025: utfall 79,5 \(dokumentet: 78\)/m);
  expect(forced.out).not.toContain('Behålls');
  // The archived goal is in the document again, and stays archived: said so.
  expect(forced.out).toContain('Arkiverade i Målkoll, och förblir det fast dokumentet har dem:');
  expect(entryOf(await (await h.store()).loadPlan('RS:2025'), 'indicator', 'g1-i1', '2025-annual')?.value).toBe(78);
});
