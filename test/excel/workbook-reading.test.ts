// The workbook as a controller reads and prints it (xlsx, read back with exceljs): dates are dates,
// periods read "Helår 2025", the technical columns are there for write-back but hidden, every
// page says plan, period and day, and no visible cell holds an address.
import type ExcelJS from 'exceljs';
import { reportXlsx } from '../../src/excel/xlsx';
import { buildReport } from '../../src/report';
import type { Report } from '../../src/report';
import { fixtureModel, section } from '../report/helpers';
import { readTables, readWorkbook } from './read-xlsx';

const { contents, entries } = fixtureModel();
// One owner the directory does not know: shown by the name part of the account, never the address.
const namedOwner = contents.indicators.find((i) => i.ref === 'g1-i3')?.ownerUpn;
const unknown = contents.indicators.find((i) => i.ownerUpn !== undefined && i.ownerUpn !== namedOwner);
const unknownOwner = unknown?.ownerUpn ?? '';
const people = contents.people.filter((p) => p.upn !== unknownOwner);
const report: Report = buildReport({ ...contents, people }, entries, '2025-annual');
const data = section(report, 'data').tables[0];
const at = (key: string) => data.columns.findIndex((c) => c.key === key) + 1;

let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  workbook = await readWorkbook(await reportXlsx(report, { now: () => new Date('2026-01-15T09:30:00Z') }));
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Every cell someone sees on screen or paper: hidden columns left out. */
function visibleTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell, col) => {
      if (ws.getColumn(col).hidden) return;
      if (typeof cell.value === 'string') texts.push(cell.value);
    }),
  );
  return texts;
}

test('dates are date cells in a Swedish date format: due dates, deadlines and reported-at', () => {
  const ws = sheet('Data');
  const row = data.rows.findIndex((r) => r.subject.ref === 'g1-i3') + 2;
  for (const key of ['deadline', 'reportedAt']) {
    const cell = ws.getCell(row, at(key));
    expect(cell.value).toEqual(new Date('2026-01-31T00:00:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd');
  }
  const action = data.rows.findIndex((r) => r.subject.kind === 'action' && r.cells.dueDate?.value) + 2;
  expect(ws.getCell(action, at('dueDate')).value).toBeInstanceOf(Date);
  const ic = readTables(workbook).find((t) => t.name === 'Internkontrollplan');
  const due = ic?.rows.map((r) => r[4]?.value).filter((v) => v !== null) ?? [];
  expect(due.length).toBeGreaterThan(10);
  for (const value of due) expect(value).toBeInstanceOf(Date);
});

test('the period reads as people say it, and the technical columns are hidden but kept', () => {
  const ws = sheet('Data');
  const periods = new Set(data.rows.map((_, i) => ws.getCell(i + 2, at('period')).value));
  expect([...periods]).toEqual(['Helår 2025']);
  expect(ws.getCell(1, at('period')).value).toBe('Period');
  const hidden = data.columns.map((c, i) => [c.header, ws.getColumn(i + 1).hidden] as const).filter(([, h]) => h).map(([header]) => header);
  expect(hidden).toEqual(['Periodnyckel', 'Objekt-id', 'Uppföljnings-id', 'eTag']);
  expect(ws.getCell(2, at('periodKey')).value).toBe('2025-annual');
  // No other sheet hides anything.
  for (const other of workbook.worksheets.filter((w) => w.name !== 'Data')) {
    for (let c = 1; c <= other.columnCount; c++) expect(other.getColumn(c).hidden).toBe(false);
  }
});

test('Data and Sammanfattning name the origin of uppdrag in the same words', () => {
  const summary = visibleTexts(sheet('Sammanfattning'));
  expect(summary).toContain('Regionstyrelsens egna uppdrag (10 st)');
  const ws = sheet('Data');
  const origins = new Set(data.rows.map((_, i) => ws.getCell(i + 2, at('origin')).value));
  expect(origins).toContain('Regionstyrelsens egna uppdrag');
  expect(origins).toContain('Uppdrag från regionfullmäktige');
  expect(summary).toContain('Uppdrag från regionfullmäktige (27 st)');
});

test('print setup: A4 one page wide, the header row on every page, plan, period and day in header and footer', () => {
  const ws = sheet('Data');
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  expect(ws.headerFooter.oddHeader).toBe('&LRegionstyrelsens verksamhetsplan med budget 2025&RHelår 2025');
  expect(ws.headerFooter.oddFooter).toBe('&LHämtad ur Målkoll 2026-01-15&CSida &P av &N&R&A');
  // Internkontrollplan's table starts under its heading: that header row repeats.
  const ic = readTables(workbook).find((t) => t.name === 'Internkontrollplan');
  const headerRow = Number(/\d+/.exec(ic?.ref ?? '')?.[0]);
  expect(sheet('Internkontrollplan').pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
  // A goal sheet holds two tables: repeating the first one's header over the second would mislabel it.
  const goal = section(report, 'goal', 'mal-g1');
  expect(goal.tables).toHaveLength(2);
  expect(sheet(goal.sheetName).pageSetup.printTitlesRow).toBeUndefined();
  for (const w of workbook.worksheets) {
    expect(w.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(w.headerFooter.oddHeader).toContain('Helår 2025');
  }
});

test('no visible cell, header or footer holds an address: people by name, an unknown one by account name', () => {
  expect(unknownOwner).toContain('@');
  const ws = sheet('Data');
  const row = data.rows.findIndex((r) => r.subject.ref === unknown?.ref) + 2;
  expect(ws.getCell(row, at('owner')).value).toBe(unknownOwner.split('@')[0]);
  const named = data.rows.findIndex((r) => r.subject.ref === 'g1-i3') + 2;
  expect(ws.getCell(named, at('owner')).value).toBe('Johan Ekström');
  expect(ws.getCell(named, at('reportedBy')).value).toBe(people.find((p) => p.upn === entries.find((e) => e.subjectRef === 'g1-i3')?.reportedByUpn)?.displayName);
  for (const w of workbook.worksheets) {
    const texts = visibleTexts(w);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.includes('@'))).toEqual([]);
    expect(`${w.headerFooter.oddHeader ?? ''}${w.headerFooter.oddFooter ?? ''}`).not.toContain('@');
  }
});
