// `malkoll status` and `malkoll period lock|unlock` against an emulator: the overview in Swedish
// with people by name, a lock refused and then forced, the lock shown by status, and unlock.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { importPlan } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, registerPeople, startHarness } from '../store/harness';
import { textSink } from './text-sink';

let h: Harness;
const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-round-'));
const doc = fixture('rs-2025.json');

async function run(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: dir, env: { MALKOLL_GRAPH_URL: h.emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = ['--plan', 'RS:2025', '--period', '2025-annual'];

test('status prints the deadline, the counts per state, per owner by name and per goal', async () => {
  const { code, out } = await run(['status', ...plan]);
  expect(code).toBe(0);
  expect(out).toContain('Uppföljningsläge Helår 2025, ');
  expect(out).toMatch(/^Sista dag 31 januari 2026 \((om \d+ dag(ar)?|i dag|passerad för \d+ dag(ar)? sedan)\)\. Öppen för rapportering\.$/m);
  expect(out).toMatch(/^Totalt \d+ poster: \d+ ej påbörjade, \d+ utkast\.$/m);
  expect(out).toMatch(/^ {2}Per ansvarig +Ej påbörjad {2}Utkast {2}Klar {2}Godkänd {2}Återremitterad {2}Totalt$/m);
  // People by their display names, never by address.
  expect(out).toMatch(/^ {2}Johan Ekström +\d/m);
  expect(out).not.toMatch(/@region\.example/);
  expect(out).toMatch(/^ {2}Per mål/m);
});

test('status --inte-klara lists what is not klar, item by item with its owner', async () => {
  const { code, out } = await run(['status', ...plan, '--inte-klara']);
  expect(code).toBe(0);
  expect(out).toMatch(/^Inte klara: \d+ poster/m);
  expect(out).toMatch(/^ {2}Mål ”1 .+” \(utkast\) — \S/m);
});

test('period lock is refused while items are not approved, and with --force locks; unlock opens it', async () => {
  const refused = await run(['period', 'lock', ...plan]);
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/^Inte godkända:$/m);
  expect(refused.err).toContain('eller lås ändå med malkoll period lock --plan RS:2025 --period 2025-annual --force.');

  const forced = await run(['period', 'lock', ...plan, '--force', '--av', 'elin.strom@region.example']);
  expect(forced.code).toBe(0);
  expect(forced.out).toMatch(/^Helår 2025 för RS:2025 är låst \d{4}-\d{2}-\d{2} \d{2}:\d{2} av elin\.strom@region\.example/);
  expect(forced.err).toMatch(/^Obs: låst med --force trots \d+ poster som inte är godkända\.$/m);
  expect((await run(['status', ...plan])).out).toMatch(/Låst \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Elin Ström\./);
  expect((await run(['period', 'lock', ...plan])).out).toContain('är redan låst; inget ändrades.');

  const unlocked = await run(['period', 'unlock', ...plan]);
  expect(unlocked).toMatchObject({ code: 0, out: 'Helår 2025 för RS:2025 är upplåst; posterna går att ändra igen.\n' });
  expect((await run(['status', ...plan])).out).toContain('Öppen för rapportering.');
});
