import { report2025, rowText, section } from './helpers';

describe('Sammanfattning on the 2025 fixture', () => {
  const summary = section(report2025(), 'summary');
  const [summaryTable] = summary.tables;

  it('has the seed report columns, a column per assessment', () => {
    expect(summaryTable.columns.map((c) => c.header)).toEqual([
      'Måluppfyllelse',
      'Har uppnåtts/genomförts',
      'Har delvis uppnåtts/genomförts',
      'Har inte uppnåtts/genomförts',
      'Kan ej bedömas',
    ]);
    expect(summaryTable.id).toBe('Sammanfattning');
  });

  it('prints the rows of the seed (2 / 5 / 0, 7 / 18 / 2, 4 / 6 / 0)', () => {
    const seedColumns = ['category', 'achieved', 'partly', 'notAchieved'];
    expect(summaryTable.rows.map((r) => rowText(summaryTable, r, seedColumns))).toEqual([
      'Målsättningar från regionfullmäktige (8 st) | 2 | 5 | 0',
      'Uppdrag från regionfullmäktige (27 st) | 7 | 18 | 2',
      'Regionstyrelsens egna uppdrag (10 st) | 4 | 6 | 0',
    ]);
    // Målsättning nr 2 could not be assessed: the extra column says why 2 + 5 + 0 < 8.
    expect(summaryTable.rows[0]?.cells.notAssessed?.value).toBe(1);
  });

  it('keeps counts as numbers for Excel', () => {
    const cell = summaryTable.rows[1]?.cells.partly;
    expect(cell?.value).toBe(18);
    expect(cell?.numberFormat).toBe('#,##0');
  });
});
