// Write-back from the Data table against the in-process emulator: one row saved, one conflict
// (someone else saved first; the server's version is shown), one refused (an unknown assessment).
import { columnLetters, readDataTable, recordSaved, writeReport } from '../../src/excel/office';
import { diffDataRows } from '../../src/excel/write-back';
import { savedRows, sendChanges, valueTypes } from '../../src/addin/send-changes';
import { buildReport } from '../../src/report';
import { entryOf, importPlan } from '../../src/store';
import type { Harness } from '../store/harness';
import { fixture, registerPeople, startHarness } from '../store/harness';
import { createFakeExcel } from './fake-excel';

let h: Harness;
const doc = fixture('rs-2025.json');

beforeAll(async () => {
  h = await startHarness();
  registerPeople(h.emulator, doc);
  await importPlan(await h.store(), doc);
});

afterAll(async () => {
  await h.close();
});

/** RS 2025 as loaded now, its Data section written into a fresh workbook. */
async function dataTableOf2025() {
  const store = await h.store();
  const plan = await store.loadPlan('RS:2025');
  const report = buildReport(plan, plan.entries, '2025-annual');
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const data = report.sections.find((s) => s.kind === 'data');
  if (data?.kind !== 'data') throw new Error('no data section');
  return { store, plan, excel, table: data.tables[0] };
}

test('edited Utfall, Bedömning and Kommentar: one saved, one conflict with the server value, one refused', async () => {
  const { store, excel, table } = await dataTableOf2025();
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  const reported = table.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.writeBack.subjectKind === 'indicator' && row.writeBack.periodKey === '2025-annual' && row.writeBack.entryItemId !== undefined && typeof row.writeBack.original.value === 'number');
  const [a, b, c] = reported;
  if (!a || !b || !c) throw new Error('fixture has too few reported styrtal');
  const cellOf = (index: number, key: string) => `${columnLetters(col(key))}${index + 2}`;

  // The controller edits three rows in Excel…
  excel.type('Data', cellOf(a.index, 'value'), [['77,5']]);
  excel.type('Data', cellOf(b.index, 'comment'), [['Rättad kommentar från controllern']]);
  excel.type('Data', cellOf(c.index, 'assessment'), [['Jättebra']]);
  // …while someone else saves row b in Målkoll.
  const other = await h.store();
  const otherPlan = await other.loadPlan('RS:2025');
  const bEntry = entryOf(otherPlan, 'indicator', b.row.writeBack.subjectRef, '2025-annual');
  if (!bEntry) throw new Error('entry missing');
  expect((await other.saveEntry(otherPlan, { subjectKind: 'indicator', subjectRef: bEntry.subjectRef, periodKey: '2025-annual', edit: { comment: 'Ägarens nya kommentar' }, base: bEntry }, 'agare@region.example')).status).toBe('saved');

  const read = await readDataTable(excel.context, 'Data');
  if (!read.snapshot) throw new Error('snapshot missing');
  const fresh = await store.loadPlan('RS:2025');
  const diff = diffDataRows(read, read.snapshot, valueTypes(fresh));
  expect(diff.changes.map((ch) => ch.key)).toEqual([`${a.row.writeBack.subjectRef}|2025-annual`, `${b.row.writeBack.subjectRef}|2025-annual`]);
  expect(diff.changes[0]?.fields).toEqual([expect.objectContaining({ label: 'Utfall', to: '77,5' })]);
  expect(diff.refusals).toEqual([expect.objectContaining({ row: c.index, reason: expect.stringContaining('Bedömningen "Jättebra" känns inte igen') })]);

  const outcomes = await sendChanges(store, fresh, diff.changes, { upn: 'controller@region.example' });
  expect(outcomes.map((o) => o.status)).toEqual(['saved', 'conflict']);
  const conflict = outcomes[1];
  if (conflict?.status !== 'conflict') throw new Error('expected a conflict');
  expect(conflict.server.comment).toBe('Ägarens nya kommentar');
  expect(conflict.message).toContain('Ägarens nya kommentar');

  // The server holds the saved value and the other person's comment: nothing was overwritten.
  const after = await store.loadPlan('RS:2025');
  expect(entryOf(after, 'indicator', a.row.writeBack.subjectRef, '2025-annual')).toMatchObject({ value: 77.5, reportedByUpn: 'controller@region.example' });
  expect(entryOf(after, 'indicator', a.row.writeBack.subjectRef, '2025-annual')?.comment).toBe(a.row.writeBack.original.comment ?? undefined);
  expect(entryOf(after, 'indicator', b.row.writeBack.subjectRef, '2025-annual')?.comment).toBe('Ägarens nya kommentar');

  // The workbook now starts from the saved row's new eTag: sending again changes only the conflict row.
  await recordSaved(excel.context, read, savedRows(outcomes));
  const again = await readDataTable(excel.context, 'Data');
  if (!again.snapshot) throw new Error('snapshot missing');
  const second = diffDataRows(again, again.snapshot, valueTypes(after));
  expect(second.changes.map((ch) => ch.key)).toEqual([`${b.row.writeBack.subjectRef}|2025-annual`]);
  expect(excel.values('Data', cellOf(a.index, 'eTag'))[0]?.[0]).toBe(outcomes[0]?.status === 'saved' ? outcomes[0].saved.eTag : '');
});

test('a locked period refuses the workbook\'s changes through the same rule as the tab and the store', async () => {
  const { store, plan, excel, table } = await dataTableOf2025();
  const index = table.rows.findIndex((row) => row.writeBack.subjectKind === 'indicator' && row.writeBack.periodKey === '2025-annual' && row.writeBack.entryItemId !== undefined);
  const row = table.rows[index];
  if (!row) throw new Error('no reported row');
  excel.type('Data', `${columnLetters(table.columns.findIndex((c) => c.key === 'comment'))}${index + 2}`, [['Efter låsningen']]);
  const read = await readDataTable(excel.context, 'Data');
  if (!read.snapshot) throw new Error('snapshot missing');
  const locked = { ...plan, periods: plan.periods.map((p) => (p.key === '2025-annual' ? { ...p, locked: true } : p)) };
  const diff = diffDataRows(read, read.snapshot, valueTypes(locked));
  const outcomes = await sendChanges(store, locked, diff.changes, { upn: 'controller@region.example' });
  expect(outcomes).toEqual([expect.objectContaining({ status: 'refused', reason: expect.stringMatching(/^Perioden är låst \(Helår 2025\)/) })]);
  expect(entryOf(await store.loadPlan('RS:2025'), 'indicator', row.writeBack.subjectRef, '2025-annual')?.comment).not.toBe('Efter låsningen');
});
