// What the command line prints, beyond refusals: plan text cannot steer the terminal, broken JSON is
// shown where it breaks, progress is in words, and notify's summary says nothing it contradicts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jsonSyntaxError, parseJsonText } from '../../src/cli/json-file';
import { main } from '../../src/cli/main';
import { forTerminal, wrapLine } from '../../src/cli/terminal';
import type { Harness } from '../store/harness';
import { fixture, startHarness } from '../store/harness';
import { textSink } from './text-sink';

let h: Harness;
const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-output-'));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: dir, env: { MALKOLL_GRAPH_URL: h.emulator.graphUrl } });
  return { code, out: out.text(), err: err.text() };
}

/** A title that clears the screen, retitles the window, rings the bell and reverses the text. */
const HOSTILE = 'Regionstyrelsens plan\u001b[2J\u001b]0;kapad\u0007\u0007\r\u202eömskal\u202c 2024';

beforeAll(async () => {
  h = await startHarness();
  writeFileSync(path.join(dir, 'rs-2024.json'), JSON.stringify({ ...fixture('rs-2024.json'), title: HOSTILE, organisation: { ...fixture('rs-2024.json').organisation, name: `Region\u001b[31mstyrelsen` } }));
  writeFileSync(path.join(dir, 'rs-2025.json'), JSON.stringify(fixture('rs-2025.json')));
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the terminal filter', () => {
  test('removes escape sequences and control characters whole, keeps Swedish text, symbols, tabs and lines', () => {
    expect(forTerminal(HOSTILE)).toBe('Regionstyrelsens planömskal 2024');
    expect(forTerminal('Mål ✓ åäö ÅÄÖ → ●\tkolumn\nrad')).toBe('Mål ✓ åäö ÅÄÖ → ●\tkolumn\nrad');
    expect(forTerminal('a\u0085b\u009b31mc\u007fd')).toBe('ab31mcd');
  });

  test('plan text reaches the screen without its control characters; an export keeps the data', async () => {
    expect((await run('import', 'rs-2024.json')).code).toBe(0);
    const plans = await run('plans');
    expect(plans.out).toContain('RS:2024  Fastställd  Regionstyrelsens planömskal 2024');
    expect(forTerminal(plans.out)).toBe(plans.out);
    const valid = await run('validate', 'rs-2024.json');
    expect(valid.out).toContain('giltig — Regionstyrelsen 2024');
    // Standard out of an export is data for another program: the title comes back as it was.
    const exported = await run('export', '--plan', 'RS:2024');
    expect((JSON.parse(exported.out) as { title: string }).title).toBe(HOSTILE);
  });
});

describe('broken JSON', () => {
  const cases: ReadonlyArray<[string, number, number, RegExp]> = [
    ['{"a": 1,', 1, 9, /filen tar slut/],
    ['{\n  "a": [1, 2,],\n}', 2, 13, /kommatecken före \] är inte tillåtet/],
    ["{\n  'a': 1\n}", 2, 3, /enkla citattecken/],
    ['{\n  "a": tru\n}', 2, 8, /"tru", som inte är ett JSON-värde/],
    ['{"a": "rad\nbrytning"}', 1, 11, /radbrytning eller ett styrtecken/],
    ['{"a": 1 "b": 2}', 1, 9, /ett kommatecken eller \} väntades, men här står """/],
    ['{"a": 01}', 1, 7, /ofullständigt tal/],
    ['{} {}', 1, 4, /mer text efter/],
  ];
  test.each(cases)('%j: line %i, column %i', (text, line, column, problem) => {
    const read = parseJsonText(text, 'plan.json');
    expect(read.ok).toBe(false);
    const message = read.ok ? '' : read.message;
    expect(message).toContain(`plan.json är inte giltig JSON: rad ${line}, kolumn ${column}: `);
    expect(message).toMatch(problem);
    // The line is shown with a caret under the column.
    const [, shown, caret] = message.split('\n');
    expect(caret?.indexOf('^')).toBe((shown?.indexOf('|') ?? 0) + 1 + column);
  });

  test('the scanner agrees with JSON.parse on valid documents, and a byte-order mark is accepted', () => {
    for (const name of ['rs-2025.json', 'rs-2024.json', 'hsn-2022.json']) expect(jsonSyntaxError(JSON.stringify(fixture(name), null, 2))).toBeUndefined();
    expect(parseJsonText('\ufeff{"a": 1}', 'plan.json')).toEqual({ ok: true, value: { a: 1 } });
  });
});

test('help lines wrap at spaces to the column their description starts in', () => {
  const lines = wrapLine(`  --flagga VÄRDE   ${'ord '.repeat(40).trim()}`, 60);
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
  for (const line of lines.slice(1)) expect(line).toMatch(/^ {19}ord/);
});

test('import progress reads as Swedish words', async () => {
  const { code, out } = await run('import', 'rs-2025.json');
  expect(code).toBe(0);
  expect(out.split('\n').slice(0, 4)).toEqual([
    '  Steg 1 av 4 klart: organisation, perioder och plan',
    '  Steg 2 av 4 klart: mål och risker',
    '  Steg 3 av 4 klart: styrtal, uppdrag och åtgärder',
    '  Steg 4 av 4 klart: uppföljningar',
  ]);
  expect(out).not.toMatch(/\w+: \d+\/\d+/);
});

describe('malkoll notify says what happened and nothing else', () => {
  test('nothing overdue: one line says so, no empty list of recipients', async () => {
    const { code, out } = await run('notify', '--as-of', '2023-01-02', '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/^Inga försenade åtgärder per 2023-01-02\./);
    expect(out).not.toContain('mottagare:');
    expect(out).toContain('inget utskick i en provkörning.');
    expect(out).not.toContain('_dev/activity');
  });

  test('a dry run lists who would get what; the timing line claims no minimum it did not take', async () => {
    const { code, out } = await run('notify', '--as-of', '2026-01-05', '--dry-run');
    expect(code).toBe(0);
    expect(out).toMatch(/Skulle skicka till \d+ mottagare:/);
    expect(out).toMatch(/^Tider: .*; inget utskick i en provkörning\.$/m);
    expect(out).not.toMatch(/minst [\d,]+ s/);
  });
});
