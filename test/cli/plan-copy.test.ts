// `malkoll plan copy --plan RS:2025 --to 2026` as the controller at the terminal reads it: the new
// draft, what went along and what stayed behind, in Swedish; a second copy is refused (exit 1).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { Harness } from '../store/harness';
import { fixture, startHarness } from '../store/harness';
import { textSink } from './text-sink';

let h: Harness;
const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-copy-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: dir, env: { MALKOLL_GRAPH_URL: h.emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  h = await startHarness();
  writeFileSync(path.join(dir, 'rs-2025.json'), JSON.stringify(fixture('rs-2025.json')));
  expect((await run('import', 'rs-2025.json')).code).toBe(0);
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the copy is a draft of next year, with what went along and what stayed behind', async () => {
  const copied = await run('plan', 'copy', '--plan', 'RS:2025', '--to', '2026');
  expect(copied.err).toBe('');
  expect(copied.code).toBe(0);
  expect(copied.out).toContain('Planen RS:2026 är skapad som utkast från RS:2025.');
  expect(copied.out).toMatch(/^Följer med: 13 mål, \d+ styrtal, \d+ fleråriga uppdrag, 19 risker och 0 åtgärder som inte är klara:$/m);
  expect(copied.out).toMatch(/^ {2}uppdraget a4 «.+»$/m);
  expect(copied.out).toContain('Lämnas kvar:');
  expect(copied.out).toMatch(/^ {2}uppdraget a37 «.+»: har genomförts$/m);
  expect(copied.out).toMatch(/^ {2}uppdraget a1 «.+»: ettårigt uppdrag$/m);
  expect(copied.out).toMatch(/^ {2}åtgärden r1-a2 «.+»: Avslutad med avvikelse$/m);
  expect(copied.out).toContain('  102 uppföljningar (nästa år rapporteras på nytt; Föregående visar årets värden)');
  expect(copied.out).toContain('fastställ den med malkoll plan adopt --plan RS:2026');
  expect(copied.out.split('\n').every((line) => [...line].length <= 100)).toBe(true);

  const plans = await run('plans');
  expect(plans.out).toMatch(/^ {2}RS:2026 +Utkast +/m);
});

test('a plan of that year exists: refused, exit 1, nothing written', async () => {
  const again = await run('plan', 'copy', '--from', 'RS:2025', '--to', '2026');
  expect(again.code).toBe(1);
  expect(again.err).toContain('Planen RS:2026 finns redan; en kopia skriver aldrig över en plan.');
  expect(again.out).toBe('');
});
