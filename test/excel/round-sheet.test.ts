// The sheet Uppföljningsläge in both writers: the same layout, so the exceljs file and the
// office-js workbook hold the same named tables with the same values; the counts are the
// overview's, and the items table's Läge column is what Excel's filter narrows to "inte klar".
import { buildReport } from '../../src/report';
import type { Report, ReportTable } from '../../src/report';
import { writeReport } from '../../src/excel/office';
import { reportXlsx } from '../../src/excel/xlsx';
import type { FollowUpEntry } from '../../src/core';
import { roundOverview } from '../../src/core';
import { fixtureModel, section } from '../report/helpers';
import { createFakeExcel } from './fake-excel';
import { readTables, readWorkbook } from './read-xlsx';

const { contents, entries } = fixtureModel();
// Some of the round played: the first goal approved, the second klar, the third sent back.
const [g1, g2, g3] = contents.goals;
const played: FollowUpEntry[] = entries.map((e) => {
  if (e.periodKey !== '2025-annual' || e.subjectKind !== 'goal') return e;
  if (e.subjectRef === g1?.ref) return { ...e, state: 'approved', stateByUpn: 'elin.strom@region.example', stateAt: '2026-02-01T09:00:00Z' };
  if (e.subjectRef === g2?.ref) return { ...e, state: 'done' };
  if (e.subjectRef === g3?.ref) return { ...e, state: 'returned', returnComment: 'Komplettera analysen' };
  return e;
});
const people = [...contents.people, { upn: 'elin.strom@region.example', displayName: 'Elin Ström' }];
const report: Report = buildReport({ ...contents, people }, played, '2025-annual', { roundOverview: true });
const overview = roundOverview({ ...contents, entries: played }, '2025-annual');
const round = section(report, 'round');

function table(id: string): ReportTable {
  const found = round.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

test('the report ends with the sheet Uppföljningsläge, only when asked for', () => {
  expect(report.sections[report.sections.length - 1]).toMatchObject({ kind: 'round', sheetName: 'Uppföljningsläge', title: 'Uppföljningsläge Helår 2025' });
  expect(buildReport(contents, played, '2025-annual').sections.some((s) => s.kind === 'round')).toBe(false);
  expect(round.paragraphs[1]?.text).toBe('Sista dag 2026-01-31. Perioden är öppen för rapportering.');
});

test('its counts are the overview’s, per state, per owner by name, per goal', () => {
  const byState = table('Uppfoljningslage_lage');
  expect(byState.rows.map((r) => [r.cells.state?.text, r.cells.count?.value])).toEqual([
    ['○ Ej påbörjad', overview.counts['not-started']],
    ['◐ Utkast', overview.counts.draft],
    ['● Klar', 1],
    ['✓ Godkänd', 1],
    ['↩ Återremitterad', 1],
    ['Totalt', overview.counts.total],
  ]);
  const owners = table('Uppfoljningslage_ansvarig');
  expect(owners.rows).toHaveLength(overview.byOwner.length + 1);
  expect(owners.rows.some((r) => r.cells.name?.text === 'Johan Ekström')).toBe(true);
  expect(owners.rows.every((r) => !String(r.cells.name?.text).includes('@'))).toBe(true);
  expect(table('Uppfoljningslage_mal').rows.map((r) => r.cells.total?.value)).toEqual([...overview.byGoal.map((g) => g.counts.total), overview.counts.total]);
  const items = table('Uppfoljningslage_poster');
  expect(items.rows).toHaveLength(overview.counts.total);
  expect(items.rows.find((r) => r.subject?.ref === g1?.ref)?.cells).toMatchObject({ state: { text: '✓ Godkänd' }, stateBy: { text: 'Elin Ström' }, stateAt: { value: '2026-02-01' } });
  expect(items.rows.find((r) => r.subject?.ref === g3?.ref)?.cells.returnComment?.text).toBe('Komplettera analysen');
});

test('the xlsx writer and the office-js writer place the same tables with the same values', async () => {
  const xlsx = readTables(await readWorkbook(await reportXlsx(report)));
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: [round.id] });
  for (const t of round.tables) {
    const fromFile = xlsx.find((x) => x.name === t.id);
    expect(fromFile?.sheet).toBe('Uppföljningsläge');
    expect(fromFile?.headers).toEqual(t.columns.map((c) => c.header));
    const body = excel.tableBody(t.id);
    expect(body.sheet).toBe('Uppföljningsläge');
    const written = excel.values(body.sheet, body.address);
    const read = (fromFile?.rows ?? []).map((row) => row.map((c) => (c.value instanceof Date ? c.value.toISOString().slice(0, 10) : (c.value ?? ''))));
    const placed = written.map((row, r) => row.map((v, c) => (t.columns[c]?.type === 'date' && typeof v === 'number' ? read[r]?.[c] : v)));
    expect(placed).toEqual(read);
  }
});
