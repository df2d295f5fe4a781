// `malkoll report --with-children` and `--region` against an in-process emulator: the workbook has
// the child's bilaga after the parent's tables, and the uppsiktsplikt tables of each nämnd's part.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { PlanDocument } from '../../src/core';
import { reportCommand } from '../../src/cli/report.command';
import type { CommandIo } from '../../src/cli/commands';
import { EXIT } from '../../src/cli/commands';
import { UsageError } from '../../src/cli/options';
import { importPlan } from '../../src/store';
import { readTables, readWorkbook } from '../excel/read-xlsx';
import type { Harness } from '../store/harness';
import { SITE, fixture, registerPeople, startHarness } from '../store/harness';

let h: Harness;
let dir: string;

function io(): CommandIo & { output(): string; errors(): string } {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c: Buffer) => (chunks.out += c.toString('utf8')));
  err.on('data', (c: Buffer) => (chunks.err += c.toString('utf8')));
  return { out, err, cwd: dir, env: {}, output: () => chunks.out, errors: () => chunks.err };
}

/** Regionfullmäktige's plan with one målsättning, and a nämnd's plan given it. */
const regionDoc: PlanDocument = {
  formatVersion: 1,
  organisation: { code: 'RF', name: 'Regionfullmäktige', kind: 'region', parentCode: null },
  year: 2025,
  title: 'Regionfullmäktiges verksamhetsplan med budget 2025',
  status: 'adopted',
  periods: [{ key: '2025-annual' }],
  goals: [{ ref: 'm1', kind: 'objective', number: '1', title: 'Hälso- och sjukvården är god, säker och jämlik.', origin: 'council' }],
};
const boardDoc = (code: string, name: string, assessment: 'achieved' | 'partly'): PlanDocument => ({
  formatVersion: 1,
  organisation: { code, name, kind: 'board', parentCode: 'RF' },
  year: 2025,
  title: `${name}s verksamhetsplan 2025`,
  status: 'adopted',
  periods: [{ key: '2025-annual' }],
  goals: [{ ref: 'g1', kind: 'objective', number: '1', title: 'Hälso- och sjukvården är god, säker och jämlik.', origin: 'council', givenBy: { plan: 'RF:2025', ref: 'm1' } }],
  followUps: [{ subject: 'g1', period: '2025-annual', assessment, comment: `${name} om målsättning 1.` }],
});

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'malkoll-report-tree-'));
  const store = await h.store();
  // Parents first, as `npm start` imports the fixtures.
  for (const doc of [fixture('rs-2025.json'), fixture('rs-2025-regionkansliet.json'), regionDoc, boardDoc('N1', 'Första nämnden', 'achieved'), boardDoc('N2', 'Andra nämnden', 'partly')]) {
    registerPeople(h.emulator, doc);
    await importPlan(store, doc);
  }
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const target = () => ['--graph-url', h.emulator.graphUrl, '--site', SITE];

describe('malkoll report --with-children', () => {
  it('appends Regionkansliet\'s report as Bilaga 1 after Regionstyrelsen\'s own tables', async () => {
    const streams = io();
    const code = await reportCommand.run(['--plan', 'RS:2025', '--period', '2025-annual', '--out', 'bilagor.xlsx', '--with-children', ...target()], streams);
    expect(streams.errors()).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(streams.output()).toMatch(/^Bilagor: 1 Regionkansliet\.\nSkrev bilagor\.xlsx: Regionstyrelsens verksamhetsplan med budget 2025, Helår 2025; \d+ flikar, \d+ tabeller\.\n$/);
    const tables = readTables(await readWorkbook(readFileSync(path.join(dir, 'bilagor.xlsx'))));
    const names = tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Sammanfattning', 'Data', 'Underliggande_planer', 'B1_Sammanfattning', 'B1_Styrtal_rk_g8', 'B1_Aktiviteter_rk_fa2', 'B1_Aktiviteter_rk_fa4']));
    expect(names.indexOf('B1_Sammanfattning')).toBeGreaterThan(names.indexOf('Data'));
    const summary = tables.find((t) => t.name === 'B1_Sammanfattning');
    expect(summary?.rows.map((r) => r.slice(0, 5).map((c) => c.value))).toEqual([['Målsättningar från regionfullmäktige (1 st)', 0, 0, 0, 1]]);
    const styrtal = tables.find((t) => t.name === 'B1_Styrtal_rk_g8');
    expect(styrtal?.rows.filter((r) => typeof r[1]?.value === 'number').map((r) => r[1]?.value)).toEqual([83, 91, 3.2]);
    const activities = tables.find((t) => t.name === 'B1_Aktiviteter_rk_fa4');
    expect(activities?.headers).toEqual(['Aktivitet', 'Slutdatum', 'Status', 'Kommentar']);
    expect(activities?.rows.map((r) => r[2]?.value)).toEqual(['✓ Avslutad', '✓ Avslutad']);
  });

  it('refuses a plan that does not exist, with either choice, as the plain report does', async () => {
    for (const choice of ['--with-children', '--region']) {
      const streams = io();
      expect(await reportCommand.run(['--plan', 'XX:2031', '--period', '2031-annual', '--out', 'x.xlsx', choice, ...target()], streams)).toBe(EXIT.failed);
      expect(streams.errors()).toMatch(/^Planen XX:2031 finns inte på webbplatsen/);
    }
  });

  it('says so when the plan has no children', async () => {
    const streams = io();
    const code = await reportCommand.run(['--plan', 'N1:2025', '--period', '2025-annual', '--out', 'inga.xlsx', '--with-children', ...target()], streams);
    expect(code).toBe(EXIT.ok);
    expect(streams.errors()).toBe('Obs: N1:2025 har inga underliggande planer för 2025 (organisationer med N1 som överordnad); rapporten har inga bilagor.\n');
  });
});

describe('malkoll report --region', () => {
  it('writes each nämnd\'s assessment of regionfullmäktige\'s målsättning side by side, from a nämnd\'s plan or the region\'s', async () => {
    for (const plan of ['RF:2025', 'N2:2025']) {
      const streams = io();
      const code = await reportCommand.run(['--plan', plan, '--period', '2025-annual', '--out', 'uppsikt.xlsx', '--region', ...target()], streams);
      expect(streams.errors()).toBe('');
      expect(code).toBe(EXIT.ok);
      const tables = readTables(await readWorkbook(readFileSync(path.join(dir, 'uppsikt.xlsx'))));
      const m1 = tables.find((t) => t.name === 'Uppsikt_m1');
      expect(m1?.rows.map((r) => [r[0]?.value, r[2]?.value, r[4]?.value])).toEqual([
        ['Första nämnden', '●', 'Första nämnden om målsättning 1.'],
        ['Andra nämnden', '◆', 'Andra nämnden om målsättning 1.'],
      ]);
      const summary = tables.find((t) => t.name === 'Uppsikt_sammanfattning');
      expect(summary?.rows.map((r) => r.slice(0, 5).map((c) => c.value ?? null))).toEqual([
        ['Målsättningar från regionfullmäktige (1 st)', null, null, null, null],
        ['Första nämnden (1 st)', 1, 0, 0, 0],
        ['Andra nämnden (1 st)', 0, 1, 0, 0],
        ['Samtliga nämnder (2 st)', 1, 1, 0, 0],
      ]);
    }
  });

  it('refuses a plan with no regionfullmäktige above it, in Swedish, and the two choices together', async () => {
    const streams = io();
    const code = await reportCommand.run(['--plan', 'RS:2025', '--period', '2025-annual', '--out', 'x.xlsx', '--region', ...target()], streams);
    expect(code).toBe(EXIT.failed);
    expect(streams.errors()).toMatch(/^Hittar ingen plan för regionfullmäktige till RS:2025: .* Ange regionfullmäktiges plan, till exempel --plan RF:2025\.\n$/);
    await expect(reportCommand.run(['--plan', 'RS:2025', '--period', '2025-annual', '--out', 'x.xlsx', '--region', '--with-children'], io())).rejects.toThrow(UsageError);
  });
});
