// Write-back finds a row's period although the Data table shows it as "Helår 2025": from the
// hidden Periodnyckel column, else from the visible label, and in a table written before either
// existed, from the key the Period column held then.
import { readDataTable, writeReport } from '../../src/excel/office';
import type { DataSnapshot } from '../../src/excel/office';
import { diffDataRows } from '../../src/excel/write-back';
import type { ReadTable } from '../../src/excel/write-back';
import { report2025, section } from '../report/helpers';
import { createFakeExcel } from './fake-excel';

const report = report2025();
const data = section(report, 'data').tables[0];
const col = (key: string) => data.columns.findIndex((c) => c.key === key);
const row = data.rows.findIndex((r) => r.subject.ref === 'g1-i3');

async function edited(): Promise<{ read: ReadTable; snapshot: DataSnapshot }> {
  const excel = createFakeExcel();
  await writeReport(excel.context, report, { sectionIds: ['data'] });
  const read = await readDataTable(excel.context, 'Data');
  if (!read.snapshot) throw new Error('no snapshot');
  const values = read.values.map((r, i) => (i === row ? r.map((v, c) => (c === col('comment') ? 'Ny kommentar' : v)) : r));
  return { read: { ...read, values }, snapshot: read.snapshot };
}

function without(table: ReadTable, column: number): ReadTable {
  const drop = <T>(cells: readonly T[]) => cells.filter((_, c) => c !== column);
  return { headers: drop(table.headers), values: table.values.map(drop), texts: table.texts.map(drop) };
}

test('the hidden period key names the row', async () => {
  const { read, snapshot } = await edited();
  expect(read.values[row]?.[col('period')]).toBe('Helår 2025');
  const diff = diffDataRows(read, snapshot);
  expect(diff.changes.map((c) => c.key)).toEqual(['g1-i3|2025-annual']);
  expect(diff.refusals).toEqual([]);
});

test('with the Periodnyckel column deleted, the label "Helår 2025" still finds the period', async () => {
  const { read, snapshot } = await edited();
  const diff = diffDataRows(without(read, col('periodKey')), snapshot);
  expect(diff.changes.map((c) => c.key)).toEqual(['g1-i3|2025-annual']);
  expect(diff.refusals).toEqual([]);
});

test('a table written before: no Periodnyckel, the key in the Period column', async () => {
  const { read, snapshot } = await edited();
  const older = without(read, col('periodKey'));
  const values = older.values.map((r) => r.map((v, c) => (c === col('period') ? '2025-annual' : v)));
  const { periodKey: _dropped, ...headers } = snapshot.headers;
  const diff = diffDataRows({ ...older, values }, { ...snapshot, headers });
  expect(diff.changes.map((c) => c.key)).toEqual(['g1-i3|2025-annual']);
});
