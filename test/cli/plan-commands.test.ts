// The command line against an in-process emulator: exit codes, messages, import and export.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { fixture, normalise } from '../store/harness';
import { textSink } from './text-sink';

let emulator: RunningEmulator;
const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-cli-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: dir, env: { MALKOLL_GRAPH_URL: emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dbPath: ':memory:' });
});

afterAll(async () => {
  await emulator.close();
});

test('help lists the commands', async () => {
  const { code, out } = await run('--help');
  expect(code).toBe(0);
  for (const name of ['start', 'provision', 'import', 'export', 'plans', 'report', 'notify', 'validate', 'grant', 'doctor']) expect(out).toMatch(new RegExp(`^  ${name} `, 'm'));
});

test('provision, import, export: the document comes back, people registered in the emulator', async () => {
  expect((await run('provision')).code).toBe(0);
  expect((await run('provision')).out).toContain('Allt stämmer redan');
  const file = path.join(dir, 'rs-2025.json');
  writeFileSync(file, JSON.stringify(fixture('rs-2025.json')));
  const imported = await run('import', 'rs-2025.json');
  expect(imported.code).toBe(0);
  expect(imported.out).toMatch(/Planen RS:2025 inläst: \d+ nya, 0 ändrade/);
  expect(imported.out).toContain('Steg 2 av 4 klart: mål och risker');
  expect(imported.out).toContain('Steg 4 av 4 klart: uppföljningar');
  const again = await run('import', 'rs-2025.json');
  expect(again.out).toMatch(/0 nya, 0 ändrade/);
  const exported = await run('export', '--plan', 'RS:2025', '--out', 'ut.json');
  expect(exported.code).toBe(0);
  const doc = JSON.parse(readFileSync(path.join(dir, 'ut.json'), 'utf8')) as ReturnType<typeof fixture>;
  expect(normalise(doc)).toEqual(normalise(fixture('rs-2025.json')));
});

test('an invalid document: exit 3, every problem named by its path, nothing written', async () => {
  const broken = { ...fixture('rs-2024.json'), year: 'tjugotjugofyra' };
  writeFileSync(path.join(dir, 'fel.json'), JSON.stringify(broken));
  const { code, err } = await run('import', 'fel.json');
  expect(code).toBe(3);
  expect(err).toContain('year: ett heltal 1900–2199 förväntades');
  expect(err).toContain('inget har skrivits');
  expect((await run('export', '--plan', 'RS:2024')).err).toContain('Planen RS:2024 finns inte på webbplatsen localhost:/sites/malkoll. Planerna som finns: RS:2025');
});

test('wrong usage: exit 2 with a Swedish explanation', async () => {
  expect(await run('export')).toMatchObject({ code: 2, err: expect.stringContaining('--plan RS:2025') });
  expect(await run('import')).toMatchObject({ code: 2, err: expect.stringContaining('Ange en planfil') });
  expect(await run('export', '--plan', 'RS:2025', '--graph-url', 'http://graph.example.com/v1.0')).toMatchObject({ code: 2, err: expect.stringContaining('https') });
  expect(await run('nonsense')).toMatchObject({ code: 2, err: expect.stringContaining('Okänt kommando') });
});

test('a missing file: exit 3, the file named', async () => {
  expect(await run('import', 'finns-inte.json')).toMatchObject({ code: 3, err: expect.stringContaining('Filen finns-inte.json finns inte') });
});
