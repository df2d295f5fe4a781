// `malkoll report` against an in-process emulator: the xlsx it writes holds the report's tables.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { reportCommand } from '../../src/cli/report.command';
import type { CommandIo } from '../../src/cli/commands';
import { EXIT } from '../../src/cli/commands';
import { UsageError } from '../../src/cli/options';
import { buildReport } from '../../src/report';
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

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'malkoll-report-'));
  const doc = fixture('rs-2025.json');
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('malkoll report', () => {
  it('writes an xlsx with the same tables as the report built from the lists', async () => {
    const streams = io();
    const code = await reportCommand.run(['--plan', 'RS:2025', '--period', '2025-annual', '--out', 'rapport.xlsx', '--graph-url', h.emulator.graphUrl, '--site', SITE], streams);
    expect(streams.errors()).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(streams.output()).toMatch(/^Skrev rapport\.xlsx: Regionstyrelsens verksamhetsplan med budget 2025, Helår 2025; \d+ flikar, \d+ tabeller\.\n$/);

    const tables = readTables(await readWorkbook(readFileSync(path.join(dir, 'rapport.xlsx'))));
    const plan = await (await h.store()).loadPlan('RS:2025');
    // The command line's workbook ends with the sheet Uppföljningsläge.
    const report = buildReport(plan, plan.entries, '2025-annual', { roundOverview: true });
    const expected = report.sections.flatMap((s) => s.tables);
    expect(tables.map((t) => t.name).sort()).toEqual(expected.map((t) => t.id).sort());
    for (const table of expected) {
      const read = tables.find((t) => t.name === table.id);
      expect(read?.headers).toEqual(table.columns.map((c) => c.header));
      expect(read?.rows).toHaveLength(table.rows.length);
    }

    const summary = tables.find((t) => t.name === 'Sammanfattning');
    expect(summary?.rows.map((r) => r.slice(0, 4).map((c) => c.value))).toEqual([
      ['Målsättningar från regionfullmäktige (8 st)', 2, 5, 0],
      ['Uppdrag från regionfullmäktige (27 st)', 7, 18, 2],
      ['Regionstyrelsens egna uppdrag (10 st)', 4, 6, 0],
    ]);
    const styrtal = tables.find((t) => t.name === 'Styrtal_g1');
    expect(styrtal?.rows[2]?.slice(0, 4).map((c) => c.value)).toEqual(['Medicinsk bedömning primärvård inom 3 dagar.', 74, 90, 95]);

    // The Data table carries the lists' item ids and eTags for write-back.
    const data = tables.find((t) => t.name === 'Data');
    const eTagColumn = data?.headers.indexOf('eTag') ?? -1;
    const reported = data?.rows.filter((r) => typeof r[eTagColumn]?.value === 'string') ?? [];
    expect(reported.length).toBe(plan.entries.length);
  });

  it('refuses a plan that does not exist, in Swedish', async () => {
    const streams = io();
    const code = await reportCommand.run(['--plan', 'XX:2031', '--period', '2031-annual', '--out', 'x.xlsx', '--graph-url', h.emulator.graphUrl, '--site', SITE], streams);
    expect(code).toBe(EXIT.failed);
    expect(streams.errors()).toMatch(/^Planen XX:2031 finns inte på webbplatsen/);
  });

  it('refuses wrong usage before any request', async () => {
    await expect(reportCommand.run(['--plan', 'RS2025', '--period', '2025-annual', '--out', 'x.xlsx'], io())).rejects.toThrow(UsageError);
    await expect(reportCommand.run(['--plan', 'RS:2025', '--period', 'helår', '--out', 'x.xlsx'], io())).rejects.toThrow(/"helår" känns inte igen/);
    await expect(reportCommand.run(['--plan', 'RS:2025', '--period', '2025-annual'], io())).rejects.toThrow(/--out rapport\.xlsx/);
    await expect(reportCommand.run(['--plan', 'RS:2025', '--period', '2025-annual', '--out', 'x.csv'], io())).rejects.toThrow(/\.xlsx/);
  });
});
