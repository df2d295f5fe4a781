// Every command with wrong arguments, in-process against an emulator: the answer is Swedish, says
// what to do, exits with the code docs/cli.md documents (0 done, 1 the work failed, 2 wrong usage,
// 3 invalid input data) and never shows a stack trace or Node's, Graph's or parseArgs' English.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMANDS, main } from '../../src/cli/main';
import type { Harness } from '../store/harness';
import { fixture, startHarness } from '../store/harness';
import { textSink } from './text-sink';

let h: Harness;
const dir = mkdtempSync(path.join(os.tmpdir(), 'malkoll-wrong-'));
const APP = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';

async function run(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out = textSink();
  const err = textSink();
  const code = await main(argv, { out, err, cwd: dir, env: { MALKOLL_GRAPH_URL: h.emulator.graphUrl, MALKOLL_SKIP_WEB_BUILD: '1', ...env } });
  return { code, out: out.text(), err: err.text() };
}

/** English a user must not meet: parseArgs, Node's fs and net errors, Graph's messages, JSON.parse. */
const ENGLISH = /\b(unknown|unexpected|error|not found|could not|cannot|no such|missing|invalid|failed|expected|requested|already in use|is not valid|option '|does not take)\b|ENOENT|EADDRINUSE|EACCES|EISDIR/i;
const STACK = /^\s*at .+(:\d+:\d+\)?|<anonymous>\)?)$|\b\w*Error:/m;

beforeAll(async () => {
  h = await startHarness();
  writeFileSync(path.join(dir, 'rs-2025.json'), JSON.stringify(fixture('rs-2025.json')));
  writeFileSync(path.join(dir, 'trasig.json'), '{\n  "formatVersion": 1,\n  "year": 2025,\n}\n');
  writeFileSync(path.join(dir, 'ogiltig.json'), JSON.stringify({ ...fixture('rs-2024.json'), year: 'tjugotjugofyra' }));
  expect((await run(['import', 'rs-2025.json'])).code).toBe(0);
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

type Case = readonly [argv: readonly string[], code: number, says: string | RegExp, env?: NodeJS.ProcessEnv];

const usage = 2;
const failed = 1;
const invalidInput = 3;

const CASES: Readonly<Record<string, readonly Case[]>> = {
  '(no command)': [
    [[], usage, 'Användning: malkoll <kommando>'],
    [['nonsense'], usage, 'Okänt kommando "nonsense"'],
    [['expotr'], usage, 'Menade du malkoll export?'],
  ],
  start: [
    [['start', '--foo'], usage, 'Okänd flagga --foo'],
    [['start', 'extra'], usage, 'tar inga argument'],
    [['start', '--port', 'tretusen'], usage, '"tretusen" är inget portnummer'],
    [['start'], usage, 'PORT: "abc" är inget portnummer', { PORT: 'abc' }],
  ],
  provision: [
    [['provision', '--foo'], usage, 'Okänd flagga --foo. Flaggorna är --graph-url och --site.'],
    [['provision', '--stie', 'x'], usage, 'Menade du --site?'],
    [['provision', '--site'], usage, '--site behöver ett värde'],
    [['provision', '--site', 'malkoll'], usage, 'värdnamn:/sökväg'],
    [['provision', '--site', 'localhost:/sites/finns-inte'], failed, 'Webbplatsen localhost:/sites/finns-inte finns inte'],
    [['provision', '--graph-url', 'http://graph.example.com/v1.0'], usage, 'bara över https'],
    [['provision', '--graph-url', 'inte en adress'], usage, 'ingen giltig adress'],
    [['provision'], usage, 'MALKOLL_GRAPH_URL: "graf" är ingen giltig adress', { MALKOLL_GRAPH_URL: 'graf' }],
  ],
  import: [
    [['import'], usage, 'Ange en planfil'],
    [['import', 'a.json', 'b.json'], usage, 'Ange en planfil'],
    [['import', 'rs-2025.json', '--plan', 'RS:2025'], usage, 'Okänd flagga --plan'],
    [['import', 'saknas.json'], invalidInput, 'Filen saknas.json finns inte'],
    [['import', 'trasig.json'], invalidInput, 'trasig.json är inte giltig JSON: rad 3, kolumn 15'],
    [['import', 'ogiltig.json'], invalidInput, 'year: ett heltal 1900–2199 förväntades'],
    [['import', dir], invalidInput, 'är en mapp, inte en fil'],
    [['import', 'rs-2025.json', '--prune=ja'], usage, '--prune tar inget värde'],
    [['import', 'rs-2025.json', '--dryrun'], usage, 'Menade du --dry-run?'],
  ],
  export: [
    [['export'], usage, '--plan RS:2025'],
    [['export', '--plan'], usage, '--plan behöver ett värde, till exempel --plan RS:2025'],
    [['export', '--plan', '--out', 'x.json'], usage, 'följs av --out'],
    [['export', '--plan', 'RS2025'], usage, 'organisationskod och år'],
    [['export', '--plan', 'XX:2031'], failed, /Planen XX:2031 finns inte på webbplatsen .*Planerna som finns: RS:2025/],
    [['export', '--plan', 'RS:2025', '--out', path.join('saknad-mapp', 'ut.json')], failed, 'Mappen saknad-mapp finns inte'],
  ],
  plans: [
    [['plans', '--plan', 'RS:2025'], usage, 'Okänd flagga --plan'],
    [['plans', 'RS'], usage, 'tar inga argument'],
    [['plans', '--site', 'localhost:/sites/finns-inte'], failed, 'Webbplatsen localhost:/sites/finns-inte finns inte'],
  ],
  report: [
    [['report'], usage, '--plan RS:2025'],
    [['report', '--plan', 'RS:2025', '--period', 'helår', '--out', 'r.xlsx'], usage, '"helår" känns inte igen'],
    [['report', '--plan', 'RS:2025', '--period', '2025-annual'], usage, '--out rapport.xlsx'],
    [['report', '--plan', 'RS:2025', '--period', '2025-annual', '--out', 'r.csv'], usage, 'ska sluta på .xlsx'],
    [['report', '--alla-perioder=ja'], usage, '--alla-perioder tar inget värde'],
    [['report', '--plan', 'XX:2031', '--period', '2031-annual', '--out', 'r.xlsx'], failed, 'Planerna som finns: RS:2025'],
    [['report', '--plan', 'RS:2025', '--period', '2025-annual', '--out', path.join('saknad-mapp', 'r.xlsx')], failed, 'Mappen saknad-mapp finns inte'],
  ],
  status: [
    [['status'], usage, '--plan RS:2025'],
    [['status', '--plan', 'RS:2025', '--period', 'helår'], usage, '"helår" känns inte igen'],
    [['status', '--plan', 'RS:2025', '--period', '2025-annual', '--inte-klara=ja'], usage, '--inte-klara tar inget värde'],
    [['status', '--plan', 'RS:2025', '--period', '2025-annual', 'extra'], usage, 'tar inga argument'],
    [['status', '--plan', 'XX:2031', '--period', '2031-annual'], failed, 'Planerna som finns: RS:2025'],
    [['status', '--plan', 'RS:2025', '--period', '2031-annual'], failed, 'Planen RS:2025 har ingen period 2031-annual. Dess perioder: 2025-interim, 2025-annual.'],
  ],
  plan: [
    [['plan'], usage, 'Ange adopt, archive eller copy'],
    [['plan', 'copy'], usage, '--plan RS:2025'],
    [['plan', 'copy', '--plan', 'RS:2025'], usage, 'Ange året att kopiera till: --to 2026'],
    [['plan', 'copy', '--plan', 'RS:2025', '--to', 'nästa'], usage, '--to: "nästa" är inget år'],
    [['plan', 'copy', '--plan', 'RS:2025', '--to', '2024'], usage, 'året måste vara senare än planens (2025)'],
    [['plan', 'copy', '--plan', 'RS:2025', '--from', 'RS:2025', '--to', '2026'], usage, 'Ange planen en gång'],
    [['plan', 'copy', '--plan', 'RS:2025', '--to'], usage, '--to behöver ett värde'],
    [['plan', 'copy', '--plan', 'XX:2031', '--to', '2032'], failed, 'Planerna som finns: RS:2025'],
    [['plan', 'fastställ', '--plan', 'RS:2025'], usage, '"fastställ" känns inte igen'],
    [['plan', 'adopt'], usage, '--plan RS:2025'],
    [['plan', 'adopt', '--plan', 'RS2025'], usage, 'organisationskod och år'],
    [['plan', 'archive', '--plan', 'RS:2025', '--av'], usage, '--av behöver ett värde'],
    [['plan', 'adopt', '--plan', 'XX:2031'], failed, 'Planerna som finns: RS:2025'],
    [['plan', 'adopt', '--plan', 'RS:2025'], failed, 'Planen Regionstyrelsens verksamhetsplan med budget 2025 är redan fastställd. Inget ändrades.'],
  ],
  period: [
    [['period'], usage, 'Ange lock eller unlock'],
    [['period', 'stäng', '--plan', 'RS:2025', '--period', '2025-annual'], usage, '"stäng" känns inte igen'],
    [['period', 'lock'], usage, '--plan RS:2025'],
    [['period', 'lock', '--plan', 'RS:2025', '--period', '2025'], usage, '"2025" känns inte igen'],
    [['period', 'unlock', '--plan', 'RS:2025', '--period', '2025-annual', '--force'], usage, '--force gäller bara lock'],
    [['period', 'lock', '--plan', 'XX:2031', '--period', '2031-annual'], failed, 'Planerna som finns: RS:2025'],
    [['period', 'lock', '--plan', 'RS:2025', '--period', '2025-annual'], failed, /Helår 2025 låstes inte: \d+ poster är inte godkända[\s\S]*--force\.\n$/],
  ],
  notify: [
    [['notify', '--as-of', '5/1/2026'], usage, 'ÅÅÅÅ-MM-DD'],
    [['notify', '--as-of'], usage, '--as-of behöver ett värde'],
    [['notify', '--dry-run=ja'], usage, '--dry-run tar inget värde'],
    [['notify', '--dryrun'], usage, 'Menade du --dry-run?'],
    [['notify', '--dry-run'], usage, 'MALKOLL_NOTIFY_SENDS_PER_SECOND', { MALKOLL_NOTIFY_SENDS_PER_SECOND: 'många' }],
  ],
  remind: [
    [['remind', '--as-of', '24/1/2026'], usage, 'ÅÅÅÅ-MM-DD'],
    [['remind', '--as-of'], usage, '--as-of behöver ett värde'],
    [['remind', '--dry-run=ja'], usage, '--dry-run tar inget värde'],
    [['remind', '--dryrun'], usage, 'Menade du --dry-run?'],
    [['remind', 'RS:2025'], usage, 'tar inga argument'],
    [['remind', '--dry-run'], usage, 'MALKOLL_REMIND_BEFORE_DAYS ska vara dagar före sista dagen', { MALKOLL_REMIND_BEFORE_DAYS: 'en vecka' }],
    [['remind', '--dry-run'], usage, 'MALKOLL_REMIND_AFTER_DAYS ska vara ett heltal från 0 till 90', { MALKOLL_REMIND_AFTER_DAYS: '-1' }],
  ],
  validate: [
    [['validate'], usage, 'Ange minst en planfil'],
    [['validate', '--strict', 'rs-2025.json'], usage, 'Okänd flagga --strict'],
    [['validate', 'saknas.json'], invalidInput, 'Filen saknas.json finns inte'],
    [['validate', 'trasig.json'], invalidInput, 'rad 3, kolumn 15: ett kommatecken före } är inte tillåtet'],
  ],
  grant: [
    [['grant'], usage, '--app: ange appens klient-id'],
    [['grant', '--app', APP, '--role', 'owner', '--site', 'localhost:/sites/malkoll'], usage, '--role: write eller manage'],
    [['grant', '--app', APP, '--role', 'write'], usage, '--site: ange webbplatsen'],
    [['grant', '--app', APP, '--role', 'write', '--site', 'localhost:/sites/finns-inte'], failed, 'Webbplatsen localhost:/sites/finns-inte finns inte'],
  ],
  doctor: [
    [['doctor', '--app', 'inte-ett-guid'], usage, '--app: ange Målkoll-appens klient-id'],
    [['doctor', '--env-file', 'saknas.env'], usage, 'Miljöfilen saknas.env finns inte'],
    [['doctor', '--ap', APP], usage, 'Menade du --app?'],
  ],
};

describe.each(Object.entries(CASES))('malkoll %s with wrong arguments', (_name, cases) => {
  test.each(cases.map((c) => [c[0].join(' '), c] as const))('%s', async (_label, [argv, code, says, env]) => {
    const { code: exit, out, err } = await run(argv, env);
    const all = `${out}${err}`;
    expect(all).toEqual(typeof says === 'string' ? expect.stringContaining(says) : expect.stringMatching(says));
    expect(exit).toBe(code);
    expect(all).not.toMatch(ENGLISH);
    expect(all).not.toMatch(STACK);
    // A refusal goes to standard error, so a pipe (export > fil.json) never receives it.
    if (code === usage && argv.length > 0) expect(out).toBe('');
  });
});

test('every command is in the table above', () => {
  expect(COMMANDS.map((c) => c.name).sort()).toEqual(Object.keys(CASES).filter((k) => !k.startsWith('(')).sort());
});

describe('--help', () => {
  const helps = [['--help'], ['help'], ...COMMANDS.flatMap((c) => [[c.name, '--help'], ['help', c.name]])];
  test.each(helps.map((argv) => [argv.join(' '), argv]))('%s: Swedish, exit 0, at most 100 columns', async (_label, argv) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^Användning|^Målkoll/);
    expect(out).not.toMatch(ENGLISH);
    const tooWide = out.split('\n').filter((line) => [...line].length > 100);
    expect(tooWide).toEqual([]);
  });

  test('the overview names every command', async () => {
    const { out } = await run(['--help']);
    for (const c of COMMANDS) expect(out).toMatch(new RegExp(`^  ${c.name} +\\S`, 'm'));
  });
});

test('a second start on a port in use: says the port is taken and how to pick another', async () => {
  const { code, out, err } = await run(['start'], { PORT: String(h.emulator.port), MALKOLL_DATA_DIR: path.join(dir, 'andra-start') });
  expect(code).toBe(1);
  expect(err).toContain(`Porten ${h.emulator.port} är upptagen`);
  expect(err).toContain(`PORT=${h.emulator.port + 1} npm start`);
  expect(err).toContain(`--port ${h.emulator.port + 1}`);
  expect(`${out}${err}`).not.toMatch(ENGLISH);
});

test('the default Graph URL follows PORT, as npm start does', async () => {
  const { code, out } = await run(['plans'], { MALKOLL_GRAPH_URL: undefined, PORT: String(h.emulator.port) });
  expect(code).toBe(0);
  expect(out).toContain('RS:2025');
});

test('no emulator on the port: says how to start one, exit 1', async () => {
  const { code, err } = await run(['plans'], { MALKOLL_GRAPH_URL: 'http://localhost:9/graph/v1.0' });
  expect(code).toBe(1);
  expect(err).toContain('Den lokala emulatorn svarar inte på http://localhost:9');
  expect(err).not.toMatch(ENGLISH);
});
